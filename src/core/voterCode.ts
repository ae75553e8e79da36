/**
 * Voter codes for a secret ballot: each eligible member gets one random code by
 * email, the form collects no email, and a ballot counts only with a valid code
 * used for the first time. The code→member list is kept apart from the ballots,
 * so the ballots sheet never says who voted what (its owner could still join the
 * two lists: a code protects members from each other, not from the owner).
 *
 * The core holds no randomness of its own: the server passes `randomInt`, built
 * by `codeRandomFromUuids` from Apps Script's `Utilities.getUuid()`.
 */
import type { Refusal, Response } from './ballot';
import { InputError } from './inputError';

/**
 * 31 characters, none of which can be read as another: the digits 2–9 and the
 * letters without I, L and O. 0/O and 1/I/L are the pairs people misread in print
 * and in handwriting, so none of them is used. U stays: it is not mistaken for
 * V in the upper case a code is printed in (Crockford's base 32 drops it only to
 * avoid accidental words), and keeping it gives the 31 characters that make ten
 * of them unguessable.
 */
export const VOTER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 31^10 ≈ 8.2e14 codes: guessing one of 5,000 issued codes takes ~1.6e11 tries on average. */
export const VOTER_CODE_LENGTH = 10;

const GROUP = 5;
/** Characters a member may type between groups: spaces and every dash a keyboard or phone produces. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/**
 * Codes Sheets would turn into numbers when a member's answer reaches the linked
 * sheet: "2345678923" is kept exactly, but "23456789E2" becomes 2345678900 and
 * "2345E67892" overflows. They are never issued; the rejection keeps the others uniform.
 */
const READ_AS_NUMBER = /^[0-9]+(E[0-9]+)?$/;
/**
 * A true source almost never repeats a code (among 100,000 codes, one chance in
 * 160,000) and draws a number-like one about once in 400,000 codes; more
 * rejections than this mean a broken source.
 */
const MAX_REJECTED = 20;

/**
 * `count` distinct codes, none of them in `alreadyIssued` (codes sent earlier,
 * e.g. before a member was added to the roster). `randomInt(n)` must return a
 * uniformly random integer in [0, n); each character is one such draw, so no
 * modulo bias can enter here.
 */
export function generateCodes(count: number, randomInt: (n: number) => number, alreadyIssued: Iterable<string> = []): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`generateCodes: count must be a whole number of codes, got ${count}`);
  const seen = new Set<string>();
  for (const code of alreadyIssued) {
    const known = normalizeCode(code);
    if (known !== null) seen.add(known);
  }
  const codes: string[] = [];
  let rejected = 0;
  while (codes.length < count) {
    let code = '';
    for (let i = 0; i < VOTER_CODE_LENGTH; i++) code += VOTER_CODE_ALPHABET[draw(randomInt, VOTER_CODE_ALPHABET.length)];
    if (READ_AS_NUMBER.test(code) || seen.has(code)) {
      if (++rejected > MAX_REJECTED) throw new Error('generateCodes: the random source keeps repeating itself, so its codes would be guessable');
      continue;
    }
    seen.add(code);
    codes.push(code);
  }
  return codes;
}

function draw(randomInt: (n: number) => number, n: number): number {
  const value = randomInt(n);
  if (!Number.isInteger(value) || value < 0 || value >= n) throw new RangeError(`randomInt(${n}) returned ${value}, not a whole number from 0 to ${n - 1}`);
  return value;
}

/**
 * Uniform integers from UUIDv4s. A v4 UUID carries 122 random bits (all but the
 * version digit "4" and the two fixed bits of the variant digit); Apps Script's
 * getUuid is documented as java.util.UUID.randomUUID(), which draws them from
 * SecureRandom. Math.random is not used: V8's generator can be predicted from a
 * few of its outputs, and codes must not be guessable. An integer below n takes
 * just enough bits for n − 1 and is drawn again when it is n or more (rejection
 * sampling): a remainder (`bits % n`) would make the first values likelier.
 */
export function codeRandomFromUuids(nextUuid: () => string): (n: number) => number {
  let bits: number[] = [];
  let at = 0;
  let previous = '';
  const nextBit = (): number => {
    if (at === bits.length) {
      const uuid = nextUuid();
      if (uuid.toLowerCase() === previous) throw new Error(`codeRandomFromUuids: the same UUID came twice (${uuid}); it is not a random source`);
      previous = uuid.toLowerCase();
      bits = uuidBits(uuid);
      at = 0;
    }
    return bits[at++]!;
  };
  return (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 48) throw new RangeError(`randomInt: n must be a whole number from 1 to 2^48, got ${n}`);
    let width = 0;
    while (2 ** width < n) width++;
    for (;;) {
      let value = 0;
      for (let i = 0; i < width; i++) value = value * 2 + nextBit();
      if (value < n) return value;
    }
  };
}

/** The 122 random bits of a version-4 UUID, most significant first. */
export function uuidBits(uuid: string): number[] {
  if (!UUID_V4.test(uuid)) throw new Error(`"${uuid}" is not a random (version 4) UUID`);
  const hex = uuid.replace(/-/g, '');
  const bits: number[] = [];
  for (let i = 0; i < hex.length; i++) {
    if (i === 12) continue; // the version digit, always 4
    const digit = parseInt(hex[i]!, 16);
    const width = i === 16 ? 2 : 4; // the variant digit is 10xx: only its low two bits are random
    for (let b = width - 1; b >= 0; b--) bits.push((digit >> b) & 1);
  }
  return bits;
}

export type CodeReading = { code: string } | { problem: string };

/**
 * A code as a member typed it: any case, with or without spaces and dashes.
 * A character no code contains (0, O, 1, I, L, a stray symbol) is refused, not
 * mapped to a likely one: a guess could turn one member's typo into another
 * member's code and count a ballot for the wrong person, while a refusal is
 * visible, has a reason, and can be put right by the member.
 */
export function readCode(text: string): CodeReading {
  const written = String(text).trim();
  const compact = written.replace(SEPARATORS, '');
  if (compact === '') return { problem: 'no voter code was written' };
  const strange: string[] = [];
  for (const c of compact) {
    const known = c.charCodeAt(0) < 128 && VOTER_CODE_ALPHABET.indexOf(c.toUpperCase()) >= 0;
    if (!known && strange.indexOf(c) < 0) strange.push(c);
  }
  if (strange.length > 0) {
    const list = strange.map((c) => `"${c}"`).join(', ');
    return { problem: `"${written}" contains ${list}, which no voter code has (codes use the digits 2–9 and the letters other than I, L and O)` };
  }
  if (compact.length !== VOTER_CODE_LENGTH) {
    return { problem: `"${written}" has ${compact.length} characters; a voter code has ${VOTER_CODE_LENGTH}` };
  }
  return { code: compact.toUpperCase() };
}

/** The code in its canonical form (upper case, no separators), or null when the text is not a well-formed code. */
export function normalizeCode(text: string): string | null {
  const reading = readCode(text);
  return 'code' in reading ? reading.code : null;
}

/** "ABCDE-FGHJK": groups of five, easier to read aloud and to copy. */
export function formatCode(code: string): string {
  const compact = String(code).replace(SEPARATORS, '').toUpperCase();
  const groups: string[] = [];
  for (let i = 0; i < compact.length; i += GROUP) groups.push(compact.slice(i, i + GROUP));
  return groups.join('-');
}

export interface CodeUse {
  response: Response;
  /** The code in canonical form. */
  code: string;
  /** The member the code was issued to. */
  member: string;
}

export interface CodeCheck {
  /** One ballot per code used, in source and row order. */
  accepted: CodeUse[];
  /** In source and row order. Details name codes and rows, never the member behind a code. */
  refusals: Refusal[];
}

const byRow = (a: { source: string; row: number }, b: { source: string; row: number }) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.row - b.row);
const bySubmission = (a: Response, b: Response) => (a.submittedAt ?? Infinity) - (b.submittedAt ?? Infinity) || byRow(a, b);

/**
 * Which ballots count, by the code in `response.voter`, against `issued` (code →
 * member). A code counts once: the FIRST valid use (by submission time, then
 * row); any later use is refused as `reused-code`. `rules.duplicates: 'latest'`
 * does not apply here, on purpose: a code is a single-use ballot, members are told
 * so, and "latest" would let anyone who later saw a member's code (a forwarded
 * email, a shared screen) silently replace the ballot that member already cast.
 * Under "first", a stolen code can only be used before its owner votes, and the
 * owner's own ballot then shows up as refused, so the theft is seen rather than
 * hidden. A member who wants to change a ballot edits it in Forms (same row).
 *
 * Judge the voting window first and pass only ballots inside it: a ballot cast
 * too early must not use up its member's code.
 */
export function checkCodes(responses: Response[], issued: ReadonlyMap<string, string>): CodeCheck {
  const members = issuedIndex(issued);
  const refusals: Refusal[] = [];
  const uses = new Map<string, Response[]>();
  for (const response of responses) {
    const refuse = (reason: Refusal['reason'], detail: string) =>
      refusals.push({ source: response.source, row: response.row, voter: response.voter, reason, detail });
    if (response.voter === null || response.voter.trim() === '') {
      refuse('no-voter-identity', `row ${response.row} has no voter code`);
      continue;
    }
    const reading = readCode(response.voter);
    if ('problem' in reading) {
      refuse('unknown-code', `row ${response.row}: ${reading.problem}`);
      continue;
    }
    if (!members.has(reading.code)) {
      refuse('unknown-code', `${formatCode(reading.code)} (row ${response.row}) is not a code that was issued`);
      continue;
    }
    const same = uses.get(reading.code);
    if (same) same.push(response);
    else uses.set(reading.code, [response]);
  }

  const accepted: CodeUse[] = [];
  for (const [code, ballots] of uses) {
    const cast = ballots.slice().sort(bySubmission);
    const first = cast[0]!;
    accepted.push({ response: first, code, member: members.get(code)! });
    for (const later of cast.slice(1)) {
      const where = first.source === later.source ? `row ${first.row}` : `row ${first.row} of ${first.source}`;
      refusals.push({
        source: later.source,
        row: later.row,
        voter: later.voter,
        reason: 'reused-code',
        detail: `${formatCode(code)} was already used at ${where}; a code counts once, the first time`,
      });
    }
  }
  accepted.sort((a, b) => byRow(a.response, b.response));
  refusals.sort(byRow);
  return { accepted, refusals };
}

/** Issued codes in canonical form; a code that is malformed or given to two members is a broken list. */
function issuedIndex(issued: ReadonlyMap<string, string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [written, member] of issued) {
    const reading = readCode(written);
    if ('problem' in reading) throw new InputError({ source: 'voter codes' }, `the issued code of ${member} is not valid: ${reading.problem}`);
    const other = index.get(reading.code);
    if (other !== undefined && other !== member) {
      throw new InputError({ source: 'voter codes' }, `${formatCode(reading.code)} was issued to both ${other} and ${member}`);
    }
    index.set(reading.code, member);
  }
  return index;
}
