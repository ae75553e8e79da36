/**
 * The group's member list, read from a sheet or CSV: `Name`, `Email`, `Other
 * emails`, `Status`, and optionally `Last attended`. Headers are matched
 * ignoring case and spaces. Every address a member may vote from (email and
 * other emails) belongs to that member alone: a second member with the same
 * address would let one ballot count for two people, so it is an error.
 */
import { InputError, columnLetter, isDate } from './inputError';
import { emailKey, looksLikeEmail, splitEmails } from './email';
import { dateReader } from './dateCell';
import type { Rules } from './rules';

export interface Member {
  name: string;
  email: string;
  otherEmails: string[];
  status?: string;
  /** 1-based row in the roster, the header being row 1. */
  row: number;
  /** From a "Last attended" column (epoch ms). */
  lastAttended?: number;
}

export interface Roster {
  source: string;
  members: Member[];
  /** The header of the roster's "Last attended" column, as written, when it has one. */
  activityColumn?: string;
}

/** A column the reader looks for: its name as documented, and other headers taken to mean it. */
export interface ColumnSpec {
  name: string;
  aliases?: string[];
  required?: boolean;
}

export interface Header {
  /** Header cells as written. */
  cells: string[];
  /** 0-based index of each wanted column found. */
  index: Record<string, number | undefined>;
}

/** "Other  Emails " and "otheremails" are the same header. */
export function headerKey(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** A cell as trimmed text; Sheets hands over numbers and booleans as such. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString();
  return String(value).trim();
}

export function isBlankRow(row: unknown[] | undefined): boolean {
  return !row || row.every((cell) => cellText(cell) === '');
}

/**
 * Finds the wanted columns in row 1. A missing required column, or two columns
 * answering to one name, is an InputError naming the headers that were found.
 */
export function readHeader(values: unknown[][], source: string, specs: ColumnSpec[]): Header {
  if (values.length === 0 || isBlankRow(values[0])) {
    throw new InputError({ source, row: 1 }, `no header row: expected columns ${specs.map((s) => `"${s.name}"`).join(', ')}`);
  }
  const cells = values[0]!.map(cellText);
  const index: Record<string, number | undefined> = {};
  for (const spec of specs) {
    const wanted = new Set([spec.name, ...(spec.aliases ?? [])].map(headerKey));
    const found = cells.map((c, i) => (wanted.has(headerKey(c)) ? i : -1)).filter((i) => i >= 0);
    if (found.length > 1) {
      throw new InputError(
        { source, row: 1, column: cells[found[1]!]! },
        `two columns mean "${spec.name}" (${found.map((i) => `${columnLetter(i)} "${cells[i]}"`).join(' and ')}); keep one`,
      );
    }
    if (found.length === 0 && spec.required) {
      const seen = cells.filter((c) => c !== '').map((c) => `"${c}"`).join(', ');
      throw new InputError({ source, row: 1 }, `no "${spec.name}" column (found ${seen || 'no headers'})`);
    }
    index[spec.name] = found[0];
  }
  return { cells, index };
}

export const ROSTER_COLUMNS: ColumnSpec[] = [
  { name: 'Name', aliases: ['Full name', 'Member'] },
  { name: 'Email', aliases: ['Email address', 'E-mail'], required: true },
  { name: 'Other emails', aliases: ['Other email', 'Alternate emails', 'Alternate email'] },
  { name: 'Status', aliases: ['Membership status'] },
  { name: 'Last attended', aliases: ['Last attendance'] },
];

/** Reads a roster from its 2-D values (a sheet's getValues() or a parsed CSV). */
export function readRoster(values: unknown[][], source: string, rules: Rules, timeZone: string): Roster {
  const header = readHeader(values, source, ROSTER_COLUMNS);
  const col = header.index;
  const heading = (name: string) => header.cells[col[name]!] || columnLetter(col[name]!);
  const at = (row: unknown[], name: string) => (col[name] === undefined ? '' : cellText(row[col[name]!]));
  const gmail = rules.eligibility.gmailAliases;

  const readDate = dateReader(rules.responses.dateOrder, timeZone);
  const members: Member[] = [];
  const owner = new Map<string, { row: number; address: string }>();
  const claim = (address: string, row: number, column: string) => {
    const key = emailKey(address, gmail);
    const earlier = owner.get(key);
    if (earlier && earlier.row !== row) {
      const same = earlier.address.toLowerCase() === address.toLowerCase() ? `${address}` : `${address} (the same as ${earlier.address})`;
      throw new InputError(
        { source, row, column },
        `${same} is already the address of the member at row ${earlier.row}; one address may belong to one member only`,
      );
    }
    if (!earlier) owner.set(key, { row, address });
  };

  for (let r = 1; r < values.length; r++) {
    const cells = values[r]!;
    if (isBlankRow(cells)) continue;
    const row = r + 1;
    const email = at(cells, 'Email');
    if (email === '') {
      throw new InputError({ source, row, column: heading('Email') }, 'no email: every member needs one, since ballots are matched by it');
    }
    if (!looksLikeEmail(email)) {
      throw new InputError({ source, row, column: heading('Email') }, `"${email}" is not one email address; put any others in "Other emails"`);
    }
    const otherEmails = splitEmails(at(cells, 'Other emails'));
    for (const other of otherEmails) {
      if (!looksLikeEmail(other)) {
        throw new InputError({ source, row, column: heading('Other emails') }, `"${other}" is not an email address`);
      }
    }
    claim(email, row, heading('Email'));
    for (const other of otherEmails) claim(other, row, heading('Other emails'));

    const member: Member = { name: at(cells, 'Name') || email, email, otherEmails, row };
    const status = at(cells, 'Status');
    if (status !== '') member.status = status;
    if (col['Last attended'] !== undefined) {
      const cell = cells[col['Last attended']];
      if (cellText(cell) !== '') {
        member.lastAttended = readDate(cell, { source, row, column: heading('Last attended') });
      }
    }
    members.push(member);
  }

  const roster: Roster = { source, members };
  if (col['Last attended'] !== undefined) roster.activityColumn = heading('Last attended');
  return roster;
}

/** Every address of every member, keyed for matching, to the member. */
export function memberIndex(members: Member[], gmailAliases: boolean): Map<string, Member> {
  const index = new Map<string, Member>();
  for (const m of members) {
    index.set(emailKey(m.email, gmailAliases), m);
    for (const other of m.otherEmails) index.set(emailKey(other, gmailAliases), m);
  }
  return index;
}
