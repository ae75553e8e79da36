/**
 * The attendance log: one row per member per event attended, columns `Email`,
 * `Date` and optionally `Event`. It is the activity source for the guide's
 * rule "attended an action or meeting in the last six weeks".
 */
import { InputError, columnLetter } from './inputError';
import { dateReader } from './dateCell';
import { cellText, isBlankRow, readHeader, type ColumnSpec } from './roster';
import type { Rules } from './rules';

export interface Attendance {
  /** As written in the log, trimmed. */
  email: string;
  /** The day (start of it, when no time is given) or moment attended, epoch ms. */
  at: number;
  event?: string;
  /** 1-based row in the log, the header being row 1. */
  row: number;
}

export const ATTENDANCE_COLUMNS: ColumnSpec[] = [
  { name: 'Email', aliases: ['Email address', 'E-mail'], required: true },
  { name: 'Date', aliases: ['Attended', 'Date attended'], required: true },
  { name: 'Event', aliases: ['Meeting', 'Action'] },
];

export function readAttendance(values: unknown[][], source: string, rules: Rules, timeZone: string): Attendance[] {
  const { cells: headers, index } = readHeader(values, source, ATTENDANCE_COLUMNS);
  const heading = (name: string) => headers[index[name]!] || columnLetter(index[name]!);
  const readDate = dateReader(rules.responses.dateOrder, timeZone);
  const entries: Attendance[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r]!;
    if (isBlankRow(cells)) continue;
    const row = r + 1;
    const email = cellText(cells[index['Email']!]);
    if (email === '') throw new InputError({ source, row, column: heading('Email') }, 'no email: whose attendance is this?');
    const dateCell = cells[index['Date']!];
    if (cellText(dateCell) === '') throw new InputError({ source, row, column: heading('Date') }, `no date for ${email}`);
    const at = readDate(dateCell, { source, row, column: heading('Date') });
    const entry: Attendance = { email, at, row };
    const event = index['Event'] === undefined ? '' : cellText(cells[index['Event']]);
    if (event !== '') entry.event = event;
    entries.push(entry);
  }
  return entries;
}
