/**
 * Candidates' names that a reader could take for one another: they differ only
 * in capitals, spacing, accents, or characters that look alike (Unicode's
 * confusable skeletons, UTS #39), or they hold characters nobody can see. Such
 * names are flagged for a person to review; this module never merges them.
 * (Counting matches names by `nameKey`, which ignores only case and spacing:
 * "Ana Díaz" and "Ana Diaz" stay two names, and are flagged here.)
 *
 * Two names are look-alikes when they read the same after every step below;
 * the steps one pair needs are what the flag says ("differ only in accents").
 */
import { BARE_LETTERS, CONFUSABLE_PROTOTYPES } from './confusableTable';
import { nameKey } from './name';

export interface LookalikeGroup {
  /** The names as written, in the order given. */
  names: string[];
  /** Why they are flagged, in words a leader can act on. */
  why: string;
}

type Step = 'invisible' | 'styled' | 'accents' | 'lookalike' | 'case' | 'spacing';
/**
 * UTS #39 reads "I" as "l", so the place of the case step matters: after the
 * look-alike step "Ian" reads as "lan", before it as "ian". Names are compared
 * both ways; the second lowers the case again after mapping ("0" → "O").
 */
const ORDERS: Step[][] = [
  ['invisible', 'styled', 'accents', 'lookalike', 'case', 'spacing'],
  ['invisible', 'styled', 'accents', 'case', 'lookalike', 'case', 'spacing'],
];
const STEPS = ORDERS[0]!;

/**
 * Characters nobody sees: format characters (zero-width spaces and joiners,
 * direction marks and overrides, the byte-order mark, the soft hyphen), control
 * characters other than white space, variation selectors, Hangul fillers, and
 * U+FFFD, which stands for bytes that could not be read.
 */
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000E-\u001F\u007F-\u009F\u034F\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F\uFFFD]/gu;
const MARKS = /\p{M}/gu;
/** Printable ASCII: no invisible character, nothing for NFKC or NFD to change, one script. */
const PLAIN = /^[\x20-\x7E]*$/;
const LETTER = /\p{L}/u;
const SCRIPTS: [string, RegExp][] = [['Latin', /\p{Script=Latin}/u], ['Greek', /\p{Script=Greek}/u], ['Cyrillic', /\p{Script=Cyrillic}/u]];
/** Spaces, punctuation, and the apostrophe-like characters the table maps to "'". */
const SPACING = /[\s\p{P}']/gu;

const INVISIBLE_NAMES: Record<string, string> = {
  '\u00AD': 'soft hyphen', '\u061C': 'Arabic letter mark', '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner', '\u200D': 'zero-width joiner', '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark', '\u202A': 'left-to-right embedding', '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting', '\u202D': 'left-to-right override', '\u202E': 'right-to-left override',
  '\u2060': 'word joiner', '\u2066': 'left-to-right isolate', '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate', '\u2069': 'pop directional isolate', '\uFEFF': 'byte-order mark',
  '\uFFFD': 'a character that could not be read; was the file saved as UTF-8?',
};

function table(entries: Readonly<Record<string, string>>): Map<string, string> {
  const map = new Map<string, string>();
  for (const prototype of Object.keys(entries)) for (const c of entries[prototype]!) map.set(c, prototype);
  return map;
}
const PROTOTYPE = table(CONFUSABLE_PROTOTYPES);
/** The same, every prototype in lower case: "B0b" and "Bob" then differ in no capital. */
const PROTOTYPE_LOWER = new Map(Array.from(PROTOTYPE, ([c, p]) => [c, p.toLowerCase()]));
const BARE = table(BARE_LETTERS);

function mapChars(text: string, map: Map<string, string>): string {
  let out = '';
  for (const c of text) out += map.get(c) ?? c;
  return out;
}

/** One step of the comparison, applied to a name already in NFC. */
function apply(step: Step, text: string, prototypes = PROTOTYPE): string {
  switch (step) {
    case 'invisible': return text.replace(INVISIBLE, '');
    case 'styled': return text.normalize('NFKC');
    case 'accents': return mapChars(text.normalize('NFD').replace(MARKS, ''), BARE).normalize('NFC');
    case 'lookalike': return mapChars(text, prototypes);
    case 'case': return text.toLowerCase();
    case 'spacing': return text.replace(SPACING, '');
  }
}

/** A name after every step of `order` but `skip`. */
function skeleton(name: string, order: Step[], skip?: Step, prototypes = PROTOTYPE): string {
  const plain = PLAIN.test(name);
  let text = plain ? name : name.normalize('NFC');
  for (const step of order) {
    if (step === skip || (plain && (step === 'invisible' || step === 'styled' || step === 'accents'))) continue;
    text = apply(step, text, prototypes);
  }
  return text;
}

/** Groups of look-alike names, and names that hold invisible characters or mix scripts, each with why. */
export function lookalikes(names: string[]): LookalikeGroup[] {
  const distinct = Array.from(new Set(names));
  const parent = distinct.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const order of ORDERS) {
    const firstWith = new Map<string, number>();
    distinct.forEach((name, i) => {
      const key = skeleton(name, order);
      if (key === '') return;
      const j = firstWith.get(key);
      if (j === undefined) firstWith.set(key, i);
      else parent[root(i)] = root(j);
    });
  }
  const groups = new Map<number, string[]>();
  distinct.forEach((name, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(name);
    else groups.set(r, [name]);
  });
  const flagged: LookalikeGroup[] = [];
  for (const group of groups.values()) {
    const why = group.length > 1 ? groupWhy(group) : aloneWhy(group[0]!);
    if (why) flagged.push({ names: group, why });
  }
  return flagged;
}

/** What separates each name of a group from the first one, and how the count treats them. */
function groupWhy(group: string[]): string {
  const [first, ...others] = group;
  const reasons = new Set<string>();
  for (const other of others) for (const reason of pairReasons(first!, other)) reasons.add(reason);
  for (const name of group) {
    const hidden = invisibleIn(name);
    if (hidden) reasons.add(`invisible characters (${hidden} in ${quote(name)})`);
  }
  const shown = reasons.size ? `differ only in ${listWords(Array.from(reasons))}` : 'look alike';
  const keys = new Set(group.map(nameKey));
  return `${shown}; ${keys.size === 1 ? 'counted as one name' : 'counted as different names'}`;
}

/** The steps without which two names would not read the same, in words. */
function pairReasons(a: string, b: string): string[] {
  if (a !== b && a.normalize('NFC') === b.normalize('NFC')) return ['how their accents are stored (Unicode composed or decomposed letters)'];
  const order = ORDERS.find((o) => skeleton(a, o) === skeleton(b, o)) ?? STEPS;
  const differWithout = (step: Step, prototypes = PROTOTYPE) => skeleton(a, order, step, prototypes) !== skeleton(b, order, step, prototypes);
  // Capitals count only where the names themselves differ, not where a prototype is a capital ("0" reads as "O").
  const needed = STEPS.filter((step) => step !== 'invisible' && differWithout(step) && (step !== 'case' || differWithout(step, PROTOTYPE_LOWER)));
  return needed.map((step) => {
    if (step === 'styled') return 'full-width or styled letters';
    if (step === 'accents') return 'accents';
    if (step === 'case') return 'capitals';
    if (step === 'spacing') return 'spacing or punctuation';
    const chars = lookalikeChars(a, b);
    return chars ? `look-alike characters (${chars})` : 'look-alike characters';
  });
}

/** The characters of the table found in one name of the pair and not in the other. */
function lookalikeChars(a: string, b: string): string {
  const found: string[] = [];
  for (const [name, other] of [[a, b], [b, a]] as const) {
    for (const c of new Set(Array.from(name.normalize('NFKC')))) {
      if (PROTOTYPE.has(c) && other.indexOf(c) < 0) found.push(`${describeChar(c)} in ${quote(name)}`);
    }
  }
  return found.join(', ');
}

/** A name flagged on its own: it holds invisible characters, or letters of several scripts. */
function aloneWhy(name: string): string | null {
  if (PLAIN.test(name)) return null;
  const reasons: string[] = [];
  const hidden = invisibleIn(name);
  if (hidden) reasons.push(`holds invisible characters (${hidden})`);
  const scripts = scriptsIn(name);
  if (scripts.size > 1) {
    const odd = Array.from(new Set(Array.from(name))).filter((c) => LETTER.test(c) && scriptOf(c) !== 'Latin' && scriptOf(c) !== null);
    reasons.push(`mixes ${listWords(Array.from(scripts))} letters (${odd.map(describeChar).join(', ')})`);
  }
  return reasons.length ? reasons.join('; ') : null;
}

function invisibleIn(name: string): string {
  const found = Array.from(new Set(name.match(INVISIBLE) ?? []));
  return found.map((c) => `${codePoint(c)} ${INVISIBLE_NAMES[c] ?? 'control character'}`).join(', ');
}

function scriptOf(c: string): string | null {
  for (const [script, pattern] of SCRIPTS) if (pattern.test(c)) return script;
  return null;
}

function scriptsIn(name: string): Set<string> {
  const scripts = new Set<string>();
  for (const c of name) {
    const script = LETTER.test(c) ? scriptOf(c) : null;
    if (script) scripts.add(script);
  }
  return scripts;
}

/** `Cyrillic "А" (U+0410)`, or `"1" (U+0031)` for a character of no script. */
function describeChar(c: string): string {
  const script = scriptOf(c);
  return `${script && script !== 'Latin' ? `${script} ` : ''}${quote(c)} (${codePoint(c)})`;
}

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A name with its invisible characters shown as their code points: "Ana<U+200B>Diaz". */
export function showInvisible(name: string): string {
  return name.replace(INVISIBLE, (c) => `<${codePoint(c)}>`);
}

function quote(name: string): string {
  return `"${showInvisible(name)}"`;
}

function listWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
