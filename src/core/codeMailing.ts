/**
 * The Voter codes sheet and the mailing of codes: one code per eligible member,
 * each emailed once. The sheet is both the code→member map the count checks
 * ballots against and the mailing's memory: a member whose "Sent" cell is
 * filled got their code, so a mailing stopped by the daily email quota resumes
 * the next day with the first member not yet sent to.
 *
 * The sheet is kept apart from the ballots and can be hidden, and deleted after
 * the final count. It is what lets the spreadsheet's owner join codes to
 * members, so whoever holds it can learn who voted what (see
 * docs/forms-and-secret-ballots.md): codes keep members' votes from each other,
 * not from the owner.
 */
import { emailKey } from './email';
import { InputError } from './inputError';
import { cellText, isBlankRow, readHeader, type ColumnSpec } from './roster';
import type { OutputSheet } from './outputSheets';
import { formatCode, generateCodes, normalizeCode } from './voterCode';

export const CODES_SHEET = 'Voter codes';

export interface CodeEntry {
  name: string;
  email: string;
  /** Canonical (upper case, no dash). */
  code: string;
  /** When the email left, as shown in the sheet; '' until then. */
  sent: string;
  /** Why the last attempt to send failed (a bad address), '' otherwise. */
  note: string;
}

const COLUMNS: ColumnSpec[] = [
  { name: 'Name' },
  { name: 'Email', required: true },
  { name: 'Code', aliases: ['Voter code'], required: true },
  { name: 'Sent' },
  { name: 'Note' },
];

/** The list as the Voter codes sheet holds it; a sheet never written yet (null) is an empty list. */
export function readCodeList(values: unknown[][] | null): CodeEntry[] {
  if (values === null || values.length === 0 || values.every(isBlankRow)) return [];
  const { index } = readHeader(values, CODES_SHEET, COLUMNS);
  const at = (cells: unknown[], name: string) => (index[name] === undefined ? '' : cellText(cells[index[name]!]));
  const list: CodeEntry[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r]!;
    if (isBlankRow(cells)) continue;
    const written = at(cells, 'Code');
    const code = normalizeCode(written);
    if (code === null) throw new InputError({ source: CODES_SHEET, row: r + 1, column: 'Code' }, `"${written}" is not a voter code: the sheet was edited by hand`);
    list.push({ name: at(cells, 'Name'), email: at(cells, 'Email'), code, sent: at(cells, 'Sent'), note: at(cells, 'Note') });
  }
  return list;
}

/** What the count checks ballots against: code → the email of the member it was issued to. */
export function issuedCodes(list: CodeEntry[]): Map<string, string> {
  return new Map(list.map((e) => [e.code, e.email]));
}

/**
 * The list with a new code for each eligible member who has none yet (a member
 * added to the roster after the first mailing gets one; nobody's code changes).
 */
export function withCodesFor(
  list: CodeEntry[],
  members: { name: string; email: string }[],
  randomInt: (n: number) => number,
  gmailAliases: boolean,
): { list: CodeEntry[]; added: number } {
  const known = new Set(list.map((e) => emailKey(e.email, gmailAliases)));
  const missing = members.filter((m) => {
    const key = emailKey(m.email, gmailAliases);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  const codes = generateCodes(missing.length, randomInt, list.map((e) => e.code));
  const added = missing.map((m, i): CodeEntry => ({ name: m.name, email: m.email, code: codes[i]!, sent: '', note: '' }));
  return { list: [...list, ...added], added: added.length };
}

/** Positions of the members still waiting for their code, in list order. */
export function waiting(list: CodeEntry[]): number[] {
  const out: number[] = [];
  list.forEach((e, i) => {
    if (e.sent === '') out.push(i);
  });
  return out;
}

export interface CodeMessage {
  to: string;
  subject: string;
  body: string;
}

export interface MailFacts {
  group?: string;
  formUrl: string;
  /** The voting window in a sentence (ballotForm.ts windowWords), or ''. */
  window: string;
}

/** The email that carries one member's code. Plain text: it is read on phones and printed. */
export function codeMessage(entry: CodeEntry, facts: MailFacts): CodeMessage {
  const vote = facts.group ? `the ${facts.group} endorsement vote` : 'the endorsement vote';
  const hello = entry.name.trim() === '' || entry.name === entry.email ? 'Hello,' : `Hello ${entry.name.trim()},`;
  const body = [
    hello,
    `Your voter code for ${vote} is:`,
    `    ${formatCode(entry.code)}`,
    `Vote here: ${facts.formUrl}`,
    facts.window,
    'The ballot is secret: the form does not ask who you are. Your code shows that you may vote and counts once, ' +
      'the first time it is used, so keep it to yourself. If you lose it, or find it was used before you voted, ' +
      'tell the organizers.',
    facts.group ?? '',
  ].filter((p) => p !== '').join('\n\n');
  return { to: entry.email, subject: `Your voter code for ${vote}`, body };
}

/** The Voter codes sheet, every cell text (a code such as 23456-78923 must not become a number). */
export function codeListSheet(list: CodeEntry[]): OutputSheet {
  const header = ['Name', 'Email', 'Code', 'Sent', 'Note'];
  const values = [header, ...list.map((e) => [e.name, e.email, formatCode(e.code), e.sent, e.note])];
  return {
    name: CODES_SHEET,
    values,
    formats: values.map((row) => row.map(() => '@')),
    boldRows: [1],
    frozenRows: 1,
    charts: [],
  };
}
