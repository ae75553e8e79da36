/**
 * Range: a rectangle of a sheet. Writes go through Sheets' rules for input
 * (cellInput.ts) and are checked the way Sheets checks them: the data's shape
 * must match the range, no cell may exceed 50,000 characters, and a failed
 * write changes nothing.
 */
import { CELL_TOO_LONG, MAX_CELL_CHARS, writtenCell } from './cellInput';
import { exposed, type ExactSurface, type FakeContext } from './context';
import type { Area } from './grid';
import { FakeSheet } from './sheet';
import type { SheetModel, StyleProperty } from './workbook';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

export type RangeMethod =
  | 'getValues' | 'getValue' | 'getDisplayValues' | 'getDisplayValue' | 'setValues' | 'setValue'
  | 'getFormulas' | 'getNumberFormats' | 'getNumberFormat' | 'setNumberFormat' | 'setNumberFormats'
  | 'setFontWeight' | 'setBackground' | 'setWrap' | 'setHorizontalAlignment'
  | 'getA1Notation' | 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getLastRow' | 'getLastColumn'
  | 'getSheet' | 'clear' | 'clearContent' | 'clearFormat' | 'activate';

export interface RangeModel extends Area {
  sheet: SheetModel;
}

export class FakeRange implements Pick<GasRange, RangeMethod> {
  constructor(readonly model: RangeModel, private readonly ctx: FakeContext) {}

  getValues(): any[][] {
    this.log('getValues');
    return this.model.sheet.read(this.model, this.ctx.dateIn);
  }

  getValue(): any {
    this.log('getValue');
    return this.model.sheet.read(this.topLeft(), this.ctx.dateIn)[0]![0];
  }

  getDisplayValues(): string[][] {
    this.log('getDisplayValues');
    return this.model.sheet.displayValues(this.model);
  }

  getDisplayValue(): string {
    this.log('getDisplayValue');
    return this.model.sheet.displayValues(this.topLeft())[0]![0]!;
  }

  getFormulas(): string[][] {
    this.log('getFormulas');
    return this.model.sheet.formulas(this.model);
  }

  setValues(values: any[][]): GasRange {
    this.log('setValues');
    this.checkShape(values, 'setValues');
    for (const row of values) {
      for (const v of row) {
        if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw this.ctx.exception(CELL_TOO_LONG);
      }
    }
    this.write((r, c) => values[r]![c]);
    return exposed<GasRange>(this);
  }

  setValue(value: any): GasRange {
    this.log('setValue');
    if (typeof value === 'string' && value.length > MAX_CELL_CHARS) throw this.ctx.exception(CELL_TOO_LONG);
    this.write(() => value);
    return exposed<GasRange>(this);
  }

  getNumberFormats(): string[][] {
    this.log('getNumberFormats');
    return this.model.sheet.numberFormats(this.model);
  }

  getNumberFormat(): string {
    this.log('getNumberFormat');
    return this.model.sheet.numberFormats(this.topLeft())[0]![0]!;
  }

  setNumberFormat(numberFormat: string): GasRange {
    this.log('setNumberFormat');
    this.each((r, c) => this.model.sheet.grid.setFormat(r, c, numberFormat));
    return exposed<GasRange>(this);
  }

  setNumberFormats(numberFormats: string[][]): GasRange {
    this.log('setNumberFormats');
    this.checkShape(numberFormats, 'setNumberFormats');
    const { row, column } = this.model;
    this.each((r, c) => this.model.sheet.grid.setFormat(r, c, numberFormats[r - row]![c - column]));
    return exposed<GasRange>(this);
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRange {
    return this.style('setFontWeight', 'fontWeight', fontWeight);
  }

  setBackground(color: string | null): GasRange {
    return this.style('setBackground', 'background', color);
  }

  setWrap(isWrapEnabled: boolean): GasRange {
    return this.style('setWrap', 'wrap', isWrapEnabled);
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRange {
    return this.style('setHorizontalAlignment', 'horizontalAlignment', alignment);
  }

  getA1Notation(): string {
    this.log('getA1Notation');
    return this.model.sheet.a1(this.model);
  }

  getRow(): number {
    this.log('getRow');
    return this.model.row;
  }

  getColumn(): number {
    this.log('getColumn');
    return this.model.column;
  }

  getNumRows(): number {
    this.log('getNumRows');
    return this.model.numRows;
  }

  getNumColumns(): number {
    this.log('getNumColumns');
    return this.model.numColumns;
  }

  getLastRow(): number {
    this.log('getLastRow');
    return this.model.row + this.model.numRows - 1;
  }

  getLastColumn(): number {
    this.log('getLastColumn');
    return this.model.column + this.model.numColumns - 1;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.log('getSheet');
    return exposed<GoogleAppsScript.Spreadsheet.Sheet>(new FakeSheet(this.model.sheet, this.ctx));
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GasRange {
    this.log('clear');
    if (!options?.formatOnly) this.model.sheet.grid.clearValues(this.model);
    if (!options?.contentsOnly) this.clearFormatting();
    return exposed<GasRange>(this);
  }

  clearContent(): GasRange {
    this.log('clearContent');
    this.model.sheet.grid.clearValues(this.model);
    return exposed<GasRange>(this);
  }

  clearFormat(): GasRange {
    this.log('clearFormat');
    this.clearFormatting();
    return exposed<GasRange>(this);
  }

  activate(): GasRange {
    this.log('activate');
    this.model.sheet.workbook.active = this.model.sheet;
    return exposed<GasRange>(this);
  }

  private log(method: RangeMethod): void {
    const { sheet } = this.model;
    this.ctx.calls.record(`Range.${method}`, `${sheet.name}!${sheet.a1(this.model)}`);
    if (sheet.deleted) throw this.ctx.exception(`The sheet "${sheet.name}" has been deleted.`);
  }

  /** Sheets' own messages when a 2-D array does not fit the range. */
  private checkShape(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
      const kind = Array.isArray(data) ? 'Object[]' : typeof data;
      throw this.ctx.exception(`The parameters (${kind}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    const { numRows, numColumns } = this.model;
    if (data.length !== numRows) {
      throw this.ctx.exception(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`);
    }
    const wrong = (data as unknown[][]).find((row) => row.length !== numColumns);
    if (wrong) {
      throw this.ctx.exception(`The number of columns in the data does not match the number of columns in the range. The data has ${wrong.length} but the range has ${numColumns}.`);
    }
  }

  private write(valueAt: (rowOffset: number, columnOffset: number) => unknown): void {
    const { sheet, row, column } = this.model;
    const { grid } = sheet;
    const tz = sheet.workbook.timeZone;
    const now = this.ctx.now();
    this.each((r, c) => {
      const cell = writtenCell(valueAt(r - row, c - column), grid.format(r, c), tz, now);
      grid.setValue(r, c, cell.value);
      if (cell.format !== undefined) grid.setFormat(r, c, cell.format);
    });
  }

  private style(method: RangeMethod, property: StyleProperty, value: unknown): GasRange {
    this.log(method);
    const { row, column, numRows, numColumns } = this.model;
    this.model.sheet.styles.push({ area: { row, column, numRows, numColumns }, property, value });
    return exposed<GasRange>(this);
  }

  private clearFormatting(): void {
    const { row, column, numRows, numColumns } = this.model;
    this.model.sheet.grid.clearFormats(this.model);
    for (const property of ['fontWeight', 'background', 'wrap', 'horizontalAlignment'] as const) {
      this.model.sheet.styles.push({ area: { row, column, numRows, numColumns }, property, value: undefined });
    }
  }

  private topLeft(): Area {
    return { row: this.model.row, column: this.model.column, numRows: 1, numColumns: 1 };
  }

  private each(visit: (row: number, column: number) => void): void {
    const { row, column, numRows, numColumns } = this.model;
    for (let r = row; r < row + numRows; r++) {
      for (let c = column; c < column + numColumns; c++) visit(r, c);
    }
  }
}

export const rangeSurface: ExactSurface<FakeRange, RangeMethod> = true;
