/**
 * The arguments of a custom function, as Sheets hands them over: a single
 * value for one cell, a 2-D array for a range (rows of cells), with strings,
 * numbers, booleans and Dates (from another realm in our sandbox, so `isDate`,
 * never `instanceof`). An omitted argument is undefined, an empty cell ''.
 *
 * And what goes back: a 2-D array Sheets spills from the formula's cell. Sheets
 * refuses undefined and null in it, and a bad argument must show as a sentence
 * in the cell (a thrown error would show "#ERROR!" and hide the reason).
 */
import { isBlank } from './cell';
import { InputError, columnLetter, type Place } from './inputError';
import { RulesError } from './rules';

/** One cell of a formula's answer. */
export type Cell = string | number | boolean | Date;

/**
 * A range, one row per array: a single value becomes one cell, a list one
 * column, a blank or omitted argument no rows. An open range (A2:A) runs to the
 * sheet's last row and a wide selection may take in an empty column: blank rows
 * after the data and blank columns after it are not data, and are dropped.
 */
export function rangeOf(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return isBlank(value) ? [] : [[value]];
  const rows = value.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every(isBlank)) end--;
  let width = 0;
  for (let r = 0; r < end; r++) {
    const row = rows[r]!;
    for (let c = row.length - 1; c >= width; c--) {
      if (!isBlank(row[c])) {
        width = c + 1;
        break;
      }
    }
  }
  const kept = rows.slice(0, end);
  return kept.some((row) => row.length > width) ? kept.map((row) => row.slice(0, width)) : kept;
}

/** The cells of a range that must be one column (or one row), in order. */
export function listOf(value: unknown, argument: string): unknown[] {
  const rows = rangeOf(value);
  const width = widthOf(rows);
  if (width <= 1) return rows.map((row) => row[0]);
  if (rows.length === 1) return rows[0]!;
  throw new InputError({ source: argument }, `must be one column, got ${rows.length} rows by ${width} columns`);
}

export function widthOf(rows: unknown[][]): number {
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  return width;
}

/** The text of an optional argument, '' when it was left out or is blank. */
export function optionalText(value: unknown): string {
  if (isBlank(value)) return '';
  return String(value).trim();
}

/** A cell's position inside the range a formula was given, for messages: rows count from the range's top. */
export function cellPlace(argument: string, rowIndex: number, columnIndex?: number, header?: string): Place {
  const place: Place = { source: argument, row: rowIndex + 1 };
  if (columnIndex !== undefined) place.column = header || columnLetter(columnIndex);
  return place;
}

/**
 * Runs a formula. A refusal becomes one cell of text that names the formula and
 * says what is wrong ("ENDORSE_TALLY: threshold must be like 2/3 or 60%, got
 * '2-3'"): Sheets shows it where the answer would be, with no stack trace.
 */
export function answer(formula: string, work: () => Cell[][]): Cell[][] {
  try {
    return sheetSafe(work());
  } catch (error) {
    return [[`${formula}: ${reasonOf(error)}`]];
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof RulesError) return error.problems.join('; ');
  // "as_of is needed…" for a whole argument; "choices, row 3, column "Bo": …" for one of its cells.
  if (error instanceof InputError && error.place.row === undefined) return `${error.place.source} ${error.problem}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Every row as wide as the widest, with '' wherever a value is missing. */
function sheetSafe(rows: Cell[][]): Cell[][] {
  if (rows.length === 0) return [['']];
  const width = Math.max(1, widthOf(rows));
  return rows.map((row) => {
    const safe: Cell[] = new Array(width);
    for (let i = 0; i < width; i++) {
      const cell = row[i] as Cell | null | undefined;
      safe[i] = cell === null || cell === undefined || (typeof cell === 'number' && !Number.isFinite(cell)) ? '' : cell;
    }
    return safe;
  });
}
