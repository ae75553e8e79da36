/**
 * Input the core cannot use: a missing column, an unreadable date, a malformed
 * list. The message says what is wrong and where, in the words a group leader
 * sees in Sheets: the sheet or file, the row number, the column's header.
 */
export interface Place {
  /** The sheet or file name. */
  source: string;
  /** 1-based row, the header being row 1. */
  row?: number;
  /** The column's header as written (or its letter when the header is blank). */
  column?: string;
}

export class InputError extends Error {
  constructor(readonly place: Place, readonly problem: string) {
    super(`${describePlace(place)}: ${problem}`);
    this.name = 'InputError';
  }
}

export function describePlace({ source, row, column }: Place): string {
  const parts = [source];
  if (row !== undefined) parts.push(`row ${row}`);
  if (column !== undefined) parts.push(`column "${column}"`);
  return parts.join(', ');
}

/** A1-style column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** True for a Date from any realm (Sheets' Dates are not `instanceof` ours in the sandbox). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
