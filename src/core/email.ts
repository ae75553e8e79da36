/** Format characters (zero-width spaces and joiners, direction marks, the byte-order mark, soft hyphens). */
const INVISIBLE = /\p{Cf}/gu;

/**
 * How a voter's email is matched to a member: trimmed and lower-cased. Gmail
 * ignores dots and anything after a "+" in the local part and treats
 * googlemail.com as gmail.com; we do the same only when the group turns on
 * `eligibility.gmailAliases`, since it merges addresses other providers keep apart.
 */
export function emailKey(email: string, gmailAliases: boolean): string {
  // No address holds an invisible character: one pasted in with it (a zero-width
  // space, a direction mark) is still the member's address.
  const key = email.replace(INVISIBLE, '').trim().toLowerCase();
  if (!gmailAliases) return key;
  const at = key.lastIndexOf('@');
  if (at < 0) return key;
  const domain = key.slice(at + 1);
  if (domain !== 'gmail.com' && domain !== 'googlemail.com') return key;
  const plus = key.indexOf('+');
  const local = key.slice(0, plus >= 0 && plus < at ? plus : at).replace(/\./g, '');
  return `${local}@gmail.com`;
}

/** One address, loosely: something@something, no spaces. Enough to catch a name typed in the email column. */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(text.trim());
}

/** "a@x.org, b@y.org; c@z.org" or one per line → the addresses, trimmed, empties dropped. */
export function splitEmails(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part.length > 0);
}
