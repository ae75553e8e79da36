/**
 * How a name on a ballot is matched: trimmed, inner spaces collapsed, Unicode NFC,
 * case folded. Names are matched by this key but always reported as written.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The name as a person wrote it, minus stray outer and doubled spaces. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}
