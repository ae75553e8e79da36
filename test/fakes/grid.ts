/**
 * The cells of one sheet: a value and a number format each, inside a grid of
 * maxRows × maxColumns (a new sheet has 1000 × 26; writing outside it fails, as
 * in Sheets, until rows or columns are inserted). Rows and columns are 1-based.
 */
import { AUTOMATIC_FORMAT, type Stored } from './cellInput';

export interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export class Grid {
  // Row arrays are created on first write; a missing row or cell is empty.
  private values: (Stored[] | undefined)[] = [];
  private formats: ((string | undefined)[] | undefined)[] = [];

  constructor(public maxRows = NEW_SHEET_ROWS, public maxColumns = NEW_SHEET_COLUMNS) {}

  value(row: number, column: number): Stored {
    return this.values[row - 1]?.[column - 1] ?? '';
  }

  format(row: number, column: number): string {
    return this.formats[row - 1]?.[column - 1] ?? AUTOMATIC_FORMAT;
  }

  setValue(row: number, column: number, value: Stored): void {
    const cells = (this.values[row - 1] ??= []);
    // Fill holes so the row stays a dense array (sparse arrays are slow to read back).
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = value;
  }

  setFormat(row: number, column: number, format: string | undefined): void {
    if (format === undefined && this.formats[row - 1] === undefined) return;
    const cells = (this.formats[row - 1] ??= []);
    cells[column - 1] = format === AUTOMATIC_FORMAT ? undefined : format;
  }

  /** The last row holding a value (Sheet.getLastRow), 0 when the sheet is empty. */
  lastRow(): number {
    for (let r = this.values.length; r >= 1; r--) {
      if (this.values[r - 1]?.some((v) => v !== '')) return r;
    }
    return 0;
  }

  /** The last column holding a value in any row (Sheet.getLastColumn), 0 when the sheet is empty. */
  lastColumn(): number {
    let last = 0;
    for (const cells of this.values) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c--) {
        if (cells[c - 1] !== '') {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  clearValues(area: Area = this.whole()): void {
    if (this.covers(area)) this.values = [];
    else this.forEach(area, this.values, (cells, c) => { if (c <= cells.length) cells[c - 1] = ''; });
  }

  clearFormats(area: Area = this.whole()): void {
    if (this.covers(area)) this.formats = [];
    else this.forEach(area, this.formats, (cells, c) => { cells[c - 1] = undefined; });
  }

  insertRows(after: number, count: number): void {
    this.values = spliced(this.values, after, new Array<undefined>(count));
    this.formats = spliced(this.formats, after, new Array<undefined>(count));
    this.maxRows += count;
  }

  deleteRows(first: number, count: number): void {
    this.values.splice(first - 1, count);
    this.formats.splice(first - 1, count);
    this.maxRows -= count;
  }

  insertColumns(after: number, count: number): void {
    this.values = this.values.map((cells) => cells && spliced(cells, after, new Array<Stored>(count).fill('')));
    this.formats = this.formats.map((cells) => cells && spliced(cells, after, new Array<undefined>(count)));
    this.maxColumns += count;
  }

  /** Removes `count` columns from `first` on; the cells right of them move left. */
  deleteColumns(first: number, count: number): void {
    for (const rows of [this.values, this.formats]) for (const cells of rows) cells?.splice(first - 1, count);
    this.maxColumns -= count;
  }

  whole(): Area {
    return { row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns };
  }

  private covers(area: Area): boolean {
    return area.row === 1 && area.column === 1 && area.numRows >= this.maxRows && area.numColumns >= this.maxColumns;
  }

  private forEach<T>(area: Area, rows: (T[] | undefined)[], visit: (cells: T[], column: number) => void): void {
    const last = Math.min(area.row + area.numRows - 1, rows.length);
    for (let r = area.row; r <= last; r++) {
      const cells = rows[r - 1];
      if (!cells) continue;
      for (let c = area.column; c < area.column + area.numColumns; c++) visit(cells, c);
    }
  }
}

/** `items` inserted after the first `at` elements; nothing to shift when the list is shorter. (No spread: counts can be 100,000.) */
function spliced<T>(list: T[], at: number, items: T[]): T[] {
  return list.length <= at ? list : list.slice(0, at).concat(items, list.slice(at));
}
