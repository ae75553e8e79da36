/**
 * The state behind the fakes: a spreadsheet and its sheets as Sheets holds them.
 * Tests read it directly (values, formats, formulas, charts, styles) without
 * going through, or being counted as, a service call.
 */
import { columnLetter, isDate } from '../../src/core/inputError';
import { DateCell, FormulaCell, readCell, type Stored } from './cellInput';
import { Grid, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, type Area } from './grid';
import type { ChartModel } from './chart';
import { displayed } from './numberFormat';

/** Sheets' limit for a whole spreadsheet, every sheet's grid counted. */
export const MAX_CELLS = 10_000_000;
export const TOO_MANY_CELLS = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;

export interface ChartRecord {
  id: number;
  /** "BAR", "COLUMN", … (Charts.ChartType's name). */
  type: string;
  /** Each data range in A1 notation with its sheet: "Results!A3:B6". */
  ranges: string[];
  options: Record<string, unknown>;
  position?: { row: number; column: number; offsetX: number; offsetY: number };
}

export type StyleProperty = 'fontWeight' | 'background' | 'wrap' | 'horizontalAlignment';

export interface StyleRecord {
  area: Area;
  property: StyleProperty;
  value: unknown;
}

export interface MetadataRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
}

/** A cell's content as a fixture gives it: kept as is (no auto-typing), a Date from any realm kept as a date. */
export function storedFromFixture(value: unknown): Stored {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return new DateCell(value.getTime());
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

export class SheetModel {
  hidden = false;
  deleted = false;
  frozenRows = 0;
  charts: ChartModel[] = [];
  styles: StyleRecord[] = [];
  autoResized: { column: number; numColumns: number }[] = [];
  metadata: MetadataRecord[] = [];

  constructor(
    readonly workbook: WorkbookModel,
    public name: string,
    readonly id: number,
    readonly grid: Grid,
    /** The form whose responses this sheet receives (Sheet.getFormUrl). */
    public formUrl: string | null = null,
  ) {}

  /** The data range: A1 to the last row and column holding a value (at least A1). */
  dataArea(): Area {
    return { row: 1, column: 1, numRows: Math.max(1, this.grid.lastRow()), numColumns: Math.max(1, this.grid.lastColumn()) };
  }

  /** Values as Range.getValues gives them, with Dates made by `dateIn`. */
  read(area: Area, dateIn: (ms: number) => Date): unknown[][] {
    const tz = this.workbook.timeZone;
    return this.map(area, (r, c) => readCell(this.grid.value(r, c), this.grid.format(r, c), tz, dateIn));
  }

  /** The sheet's data range as getDataRange().getValues() would give it, with Node Dates. */
  values(): unknown[][] {
    return this.read(this.dataArea(), (ms) => new Date(ms));
  }

  /** What a member sees in each cell of the data range. */
  displayValues(area: Area = this.dataArea()): string[][] {
    const tz = this.workbook.timeZone;
    return this.map(area, (r, c) => displayed(this.grid.value(r, c), this.grid.format(r, c), tz));
  }

  /** The formula of each cell of the data range, '' where there is none. */
  formulas(area: Area = this.dataArea()): string[][] {
    return this.map(area, (r, c) => {
      const v = this.grid.value(r, c);
      return v instanceof FormulaCell ? v.formula : '';
    });
  }

  numberFormats(area: Area = this.dataArea()): string[][] {
    return this.map(area, (r, c) => this.grid.format(r, c));
  }

  /** What each inserted chart shows: type, ranges ("Results!A3:B6"), options, position. */
  chartRecords(): ChartRecord[] {
    return this.charts.map((c) => c.record);
  }

  /** The last value set for `property` on a range covering the cell (1-based), or undefined. */
  styleAt(row: number, column: number, property: StyleProperty): unknown {
    for (let i = this.styles.length - 1; i >= 0; i--) {
      const s = this.styles[i]!;
      if (s.property === property && within(s.area, row, column)) return s.value;
    }
    return undefined;
  }

  /** "A1" or "A1:D9". */
  a1(area: Area): string {
    const start = `${columnLetter(area.column - 1)}${area.row}`;
    if (area.numRows === 1 && area.numColumns === 1) return start;
    return `${start}:${columnLetter(area.column + area.numColumns - 2)}${area.row + area.numRows - 1}`;
  }

  map<T>(area: Area, cell: (row: number, column: number) => T): T[][] {
    const out: T[][] = new Array(area.numRows);
    for (let i = 0; i < area.numRows; i++) {
      const row: T[] = new Array(area.numColumns);
      for (let j = 0; j < area.numColumns; j++) row[j] = cell(area.row + i, area.column + j);
      out[i] = row;
    }
    return out;
  }
}

function within(area: Area, row: number, column: number): boolean {
  return row >= area.row && row < area.row + area.numRows && column >= area.column && column < area.column + area.numColumns;
}

export interface SheetFixture {
  values: unknown[][];
  /** Number formats for the same cells, e.g. '@' for text. */
  formats?: (string | undefined)[][];
  formUrl?: string;
  hidden?: boolean;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  active: SheetModel | undefined;
  metadata: MetadataRecord[] = [];
  private nextSheetId = 0;
  private nextMetadataId = 1;
  private nextChartId = 1;

  constructor(
    public name: string,
    readonly id: string,
    public timeZone: string,
    public formUrl: string | null,
  ) {}

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** Sheet names are unique ignoring case in Sheets, and looked up the same way. */
  sheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.grid.maxRows * s.grid.maxColumns, 0);
  }

  /** Adds a sheet; the caller has checked the name. `index` is 0-based. */
  add(name: string, index = this.sheets.length, grid = new Grid()): SheetModel {
    const sheet = new SheetModel(this, name, this.nextSheetId, grid);
    // The first sheet of a spreadsheet has gid 0; later ones get other ids.
    this.nextSheetId = this.nextSheetId === 0 ? 1_000_001 : this.nextSheetId + 1;
    this.sheets.splice(index, 0, sheet);
    this.active ??= sheet;
    return sheet;
  }

  /** A sheet holding `fixture` exactly as given (no auto-typing), its grid at least a new sheet's size. */
  addFixture(name: string, fixture: SheetFixture): SheetModel {
    const { values, formats } = fixture;
    const width = Math.max(0, ...values.map((r) => r.length), ...(formats ?? []).map((r) => r.length));
    const grid = new Grid(Math.max(NEW_SHEET_ROWS, values.length, formats?.length ?? 0), Math.max(NEW_SHEET_COLUMNS, width));
    values.forEach((row, r) => row.forEach((v, c) => {
      const stored = storedFromFixture(v);
      if (stored !== '') grid.setValue(r + 1, c + 1, stored);
    }));
    formats?.forEach((row, r) => row.forEach((f, c) => grid.setFormat(r + 1, c + 1, f)));
    const sheet = this.add(name, this.sheets.length, grid);
    sheet.formUrl = fixture.formUrl ?? null;
    sheet.hidden = fixture.hidden ?? false;
    return sheet;
  }

  remove(sheet: SheetModel): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    if (this.active === sheet) this.active = this.sheets[0];
  }

  metadataId(): number {
    return this.nextMetadataId++;
  }

  chartId(): number {
    return this.nextChartId++;
  }
}
