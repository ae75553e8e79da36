/**
 * Sheet: one tab. Ranges are checked against the sheet's grid as Sheets checks
 * them; growing the grid counts toward the spreadsheet's 10 million cells.
 */
import { FakeChart, FakeChartBuilder } from './chart';
import { exposed, fakeOf, type ExactSurface, type FakeContext } from './context';
import type { Area, Grid } from './grid';
import { addMetadata, metadataOf } from './metadata';
import { FakeRange } from './range';
import { FakeSpreadsheet } from './spreadsheet';
import { MAX_CELLS, TOO_MANY_CELLS, type SheetModel } from './workbook';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

export type SheetMethod =
  | 'getName' | 'setName' | 'getSheetId' | 'getIndex' | 'getParent'
  | 'getDataRange' | 'getRange' | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns'
  | 'insertRowsAfter' | 'insertColumnsAfter' | 'deleteRows' | 'deleteColumns'
  | 'clear' | 'clearContents' | 'clearFormats' | 'hideSheet' | 'showSheet' | 'isSheetHidden'
  | 'setFrozenRows' | 'getFrozenRows' | 'autoResizeColumns' | 'getFormUrl' | 'activate'
  | 'newChart' | 'insertChart' | 'getCharts' | 'removeChart' | 'addDeveloperMetadata' | 'getDeveloperMetadata';

export class FakeSheet implements Pick<GasSheet, SheetMethod> {
  constructor(readonly model: SheetModel, private readonly ctx: FakeContext) {}

  getName(): string {
    this.log('getName');
    return this.model.name;
  }

  setName(name: string): GasSheet {
    this.log('setName');
    checkSheetName(this.model, name, this.ctx);
    this.model.name = name;
    return exposed<GasSheet>(this);
  }

  getSheetId(): number {
    this.log('getSheetId');
    return this.model.id;
  }

  getIndex(): number {
    this.log('getIndex');
    return this.model.workbook.sheets.indexOf(this.model) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.log('getParent');
    return exposed<GoogleAppsScript.Spreadsheet.Spreadsheet>(new FakeSpreadsheet(this.model.workbook, this.ctx));
  }

  getDataRange(): GasRange {
    this.log('getDataRange');
    return this.range(this.model.dataArea());
  }

  getRange(a: number | string, column?: number, numRows = 1, numColumns = 1): GasRange {
    this.log('getRange');
    if (typeof a === 'string') {
      const area = areaOfA1(a, this.model.grid);
      if (!area) throw this.ctx.exception('Range not found');
      return this.range(checkedArea(area, this.model.grid, this.ctx));
    }
    return this.range(checkedArea({ row: a, column: column ?? NaN, numRows, numColumns }, this.model.grid, this.ctx));
  }

  getLastRow(): number {
    this.log('getLastRow');
    return this.model.grid.lastRow();
  }

  getLastColumn(): number {
    this.log('getLastColumn');
    return this.model.grid.lastColumn();
  }

  getMaxRows(): number {
    this.log('getMaxRows');
    return this.model.grid.maxRows;
  }

  getMaxColumns(): number {
    this.log('getMaxColumns');
    return this.model.grid.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    this.log('insertRowsAfter');
    const { grid } = this.model;
    if (afterPosition < 1 || afterPosition > grid.maxRows) throw this.ctx.exception('Those rows are out of bounds.');
    this.checkGrowth(howMany * grid.maxColumns);
    grid.insertRows(afterPosition, howMany);
    return exposed<GasSheet>(this);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    this.log('insertColumnsAfter');
    const { grid } = this.model;
    if (afterPosition < 1 || afterPosition > grid.maxColumns) throw this.ctx.exception('Those columns are out of bounds.');
    this.checkGrowth(howMany * grid.maxRows);
    grid.insertColumns(afterPosition, howMany);
    return exposed<GasSheet>(this);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.log('deleteRows');
    const { grid } = this.model;
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > grid.maxRows) throw this.ctx.exception('Those rows are out of bounds.');
    if (howMany === grid.maxRows) throw this.ctx.exception("You can't delete all the rows on the sheet.");
    grid.deleteRows(rowPosition, howMany);
  }

  /** An add-on trims the sheets it writes to their columns: a spreadsheet holds at most 10 million cells. */
  deleteColumns(columnPosition: number, howMany: number): void {
    this.log('deleteColumns');
    const { grid } = this.model;
    if (![columnPosition, howMany].every(Number.isInteger) || columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > grid.maxColumns) {
      throw this.ctx.exception('Those columns are out of bounds.');
    }
    if (howMany === grid.maxColumns) throw this.ctx.exception("You can't delete all the columns on the sheet.");
    grid.deleteColumns(columnPosition, howMany);
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GasSheet {
    this.log('clear');
    if (!options?.formatOnly) this.model.grid.clearValues();
    if (!options?.contentsOnly) this.clearFormatting();
    return exposed<GasSheet>(this);
  }

  clearContents(): GasSheet {
    this.log('clearContents');
    this.model.grid.clearValues();
    return exposed<GasSheet>(this);
  }

  clearFormats(): GasSheet {
    this.log('clearFormats');
    this.clearFormatting();
    return exposed<GasSheet>(this);
  }

  hideSheet(): GasSheet {
    this.log('hideSheet');
    const visible = this.model.workbook.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this.model) throw this.ctx.exception("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    return exposed<GasSheet>(this);
  }

  showSheet(): GasSheet {
    this.log('showSheet');
    this.model.hidden = false;
    return exposed<GasSheet>(this);
  }

  isSheetHidden(): boolean {
    this.log('isSheetHidden');
    return this.model.hidden;
  }

  setFrozenRows(rows: number): void {
    this.log('setFrozenRows');
    if (rows < 0 || rows >= this.model.grid.maxRows) throw this.ctx.exception('You can\'t freeze all visible rows on the sheet.');
    this.model.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.log('getFrozenRows');
    return this.model.frozenRows;
  }

  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    this.log('autoResizeColumns');
    checkedArea({ row: 1, column: startColumn, numRows: 1, numColumns }, this.model.grid, this.ctx);
    this.model.autoResized.push({ column: startColumn, numColumns });
    return exposed<GasSheet>(this);
  }

  getFormUrl(): string | null {
    this.log('getFormUrl');
    return this.model.formUrl;
  }

  activate(): GasSheet {
    this.log('activate');
    this.model.workbook.active = this.model;
    return exposed<GasSheet>(this);
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.log('newChart');
    return exposed<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>(new FakeChartBuilder(this.ctx));
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.log('insertChart');
    const { model } = fakeOf(chart, FakeChart, 'SpreadsheetApp.Sheet.insertChart', this.ctx);
    if (model.record.id !== 0) throw this.ctx.exception('This chart is already in the sheet.');
    model.record.id = this.model.workbook.chartId();
    this.model.charts.push(model);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.log('getCharts');
    return this.model.charts.map((c) => exposed<GoogleAppsScript.Spreadsheet.EmbeddedChart>(new FakeChart(c, this.ctx)));
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.log('removeChart');
    const { model } = fakeOf(chart, FakeChart, 'SpreadsheetApp.Sheet.removeChart', this.ctx);
    const i = this.model.charts.findIndex((c) => c.record.id === model.record.id);
    if (i < 0) throw this.ctx.exception('The chart is not in this sheet.');
    this.model.charts.splice(i, 1);
  }

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: string | GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): GasSheet {
    this.log('addDeveloperMetadata');
    addMetadata(this.model.metadata, this.model.workbook, key, valueOrVisibility, visibility);
    return exposed<GasSheet>(this);
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.log('getDeveloperMetadata');
    return metadataOf(this.model.metadata, this.ctx);
  }

  private log(method: SheetMethod): void {
    this.ctx.calls.record(`Sheet.${method}`, this.model.name);
    if (this.model.deleted) throw this.ctx.exception(`The sheet "${this.model.name}" has been deleted.`);
  }

  private range(area: Area): GasRange {
    return exposed<GasRange>(new FakeRange({ sheet: this.model, ...area }, this.ctx));
  }

  private checkGrowth(cells: number): void {
    if (!(Number.isInteger(cells) && cells > 0)) throw this.ctx.exception('The number of rows or columns to insert must be at least 1.');
    if (this.model.workbook.cellCount() + cells > MAX_CELLS) throw this.ctx.exception(TOO_MANY_CELLS);
  }

  private clearFormatting(): void {
    this.model.grid.clearFormats();
    this.model.styles = [];
  }
}

export const sheetSurface: ExactSurface<FakeSheet, SheetMethod> = true;

/** Sheets refuses an empty name or one another sheet has, ignoring case. */
export function checkSheetName(sheet: SheetModel | undefined, name: string, ctx: FakeContext, workbook = sheet?.workbook): void {
  if (typeof name !== 'string' || name.trim() === '') throw ctx.exception('Sheet names cannot be empty.');
  const other = workbook?.sheet(name);
  if (other && other !== sheet) throw ctx.exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

/** The messages Sheets gives for a range that starts before A1 or ends past the grid. */
export function checkedArea(area: Area, grid: Grid, ctx: FakeContext): Area {
  const { row, column, numRows, numColumns } = area;
  if (![row, column, numRows, numColumns].every(Number.isInteger)) {
    throw ctx.exception('The parameters (number,number,number,number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
  }
  if (row < 1) throw ctx.exception('The starting row of the range is too small.');
  if (column < 1) throw ctx.exception('The starting column of the range is too small.');
  if (numRows < 1) throw ctx.exception('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw ctx.exception('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > grid.maxRows || column + numColumns - 1 > grid.maxColumns) {
    throw ctx.exception('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return area;
}

/** "B2", "A1:D9", "A:C" (whole columns) or "2:4" (whole rows); null when it is none of these. */
export function areaOfA1(a1: string, grid: Grid): Area | null {
  const m = /^\$?([A-Z]*)\$?(\d*)(?::\$?([A-Z]*)\$?(\d*))?$/i.exec(a1.trim());
  if (!m) return null;
  const [, c1 = '', r1 = '', c2 = c1, r2 = r1] = m;
  const single = m[3] === undefined && m[4] === undefined;
  if ((single && (c1 === '' || r1 === '')) || (c1 === '') !== (c2 === '') || (r1 === '') !== (r2 === '') || (c1 === '' && r1 === '')) return null;
  const firstColumn = c1 ? columnNumber(c1) : 1;
  const lastColumn = c2 ? columnNumber(c2) : grid.maxColumns;
  const firstRow = r1 ? Number(r1) : 1;
  const lastRow = r2 ? Number(r2) : grid.maxRows;
  return {
    row: Math.min(firstRow, lastRow), column: Math.min(firstColumn, lastColumn),
    numRows: Math.abs(lastRow - firstRow) + 1, numColumns: Math.abs(lastColumn - firstColumn) + 1,
  };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
