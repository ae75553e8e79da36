/**
 * SpreadsheetApp and the active spreadsheet: its name, id and time zone, its
 * sheets by name, the form linked to it, toasts and the UI.
 */
import { exposed, fakeOf, type ExactSurface, type FakeContext } from './context';
import { Grid } from './grid';
import { addMetadata, DeveloperMetadataVisibility, metadataOf } from './metadata';
import { areaOfA1, checkedArea, checkSheetName, FakeSheet } from './sheet';
import { FakeRange } from './range';
import { FakeUi } from './ui';
import { MAX_CELLS, TOO_MANY_CELLS, type WorkbookModel } from './workbook';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type Visibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type InsertOptions = { template?: GasSheet | undefined };

export type SpreadsheetMethod =
  | 'getName' | 'getId' | 'getUrl' | 'getSpreadsheetTimeZone' | 'getSheetByName' | 'getSheets' | 'getNumSheets'
  | 'insertSheet' | 'deleteSheet' | 'getActiveSheet' | 'setActiveSheet' | 'getRange' | 'getFormUrl' | 'toast'
  | 'addDeveloperMetadata' | 'getDeveloperMetadata';

export class FakeSpreadsheet implements Pick<GasSpreadsheet, SpreadsheetMethod> {
  constructor(readonly model: WorkbookModel, private readonly ctx: FakeContext) {}

  getName(): string {
    this.log('getName');
    return this.model.name;
  }

  getId(): string {
    this.log('getId');
    return this.model.id;
  }

  getUrl(): string {
    this.log('getUrl');
    return this.model.url;
  }

  getSpreadsheetTimeZone(): string {
    this.log('getSpreadsheetTimeZone');
    return this.model.timeZone;
  }

  getSheetByName(name: string): GasSheet | null {
    this.log('getSheetByName');
    const sheet = this.model.sheet(name);
    return sheet ? this.sheet(sheet) : null;
  }

  getSheets(): GasSheet[] {
    this.log('getSheets');
    return this.model.sheets.map((s) => this.sheet(s));
  }

  getNumSheets(): number {
    this.log('getNumSheets');
    return this.model.sheets.length;
  }

  /** insertSheet([name], [index], [options]); a new sheet is 1000 rows × 26 columns, as in Sheets. */
  insertSheet(a?: string | number | InsertOptions, b?: number | InsertOptions, c?: InsertOptions): GasSheet {
    this.log('insertSheet');
    const args = [a, b, c];
    if (args.some((x) => typeof x === 'object' && x !== null && x.template !== undefined)) {
      throw this.ctx.exception('The fake Spreadsheet.insertSheet does not copy templates.');
    }
    const name = typeof a === 'string' ? a : this.freeName();
    const index = args.find((x): x is number => typeof x === 'number') ?? this.model.sheets.length;
    checkSheetName(undefined, name, this.ctx, this.model);
    if (index < 0 || index > this.model.sheets.length) throw this.ctx.exception(`The sheet index ${index} is out of range.`);
    const grid = new Grid();
    if (this.model.cellCount() + grid.maxRows * grid.maxColumns > MAX_CELLS) throw this.ctx.exception(TOO_MANY_CELLS);
    const sheet = this.model.add(name, index, grid);
    // Sheets makes the new sheet the active one.
    this.model.active = sheet;
    return this.sheet(sheet);
  }

  deleteSheet(sheet: GasSheet): void {
    this.log('deleteSheet');
    const { model } = fakeOf(sheet, FakeSheet, 'SpreadsheetApp.Spreadsheet.deleteSheet', this.ctx);
    if (model.deleted || !this.model.sheets.includes(model)) throw this.ctx.exception('The sheet does not belong to this spreadsheet.');
    if (this.model.sheets.length === 1) throw this.ctx.exception("You can't remove all the sheets in a document.");
    this.model.remove(model);
  }

  getActiveSheet(): GasSheet {
    this.log('getActiveSheet');
    return this.sheet(this.model.active ?? this.model.sheets[0]!);
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    this.log('setActiveSheet');
    const { model } = fakeOf(sheet, FakeSheet, 'SpreadsheetApp.Spreadsheet.setActiveSheet', this.ctx);
    this.model.active = model;
    return this.sheet(model);
  }

  /** "Sheet name!A1:D9" or "'Form Responses 1'!A:C"; without a sheet name, the active sheet. */
  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    this.log('getRange');
    const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(a1Notation);
    const name = m ? (m[1]?.replace(/''/g, "'") ?? m[2]!) : undefined;
    const sheet = name === undefined ? this.model.active ?? this.model.sheets[0]! : this.model.sheet(name);
    const area = sheet && areaOfA1(m ? m[3]! : a1Notation, sheet.grid);
    if (!sheet || !area) throw this.ctx.exception('Range not found');
    return exposed<GoogleAppsScript.Spreadsheet.Range>(new FakeRange({ sheet, ...checkedArea(area, sheet.grid, this.ctx) }, this.ctx));
  }

  getFormUrl(): string | null {
    this.log('getFormUrl');
    return this.model.formUrl;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.log('toast');
    this.ctx.ui.toasts.push({
      message: String(msg),
      ...(title === undefined ? {} : { title }),
      ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    });
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: string | Visibility, visibility?: Visibility): GasSpreadsheet {
    this.log('addDeveloperMetadata');
    addMetadata(this.model.metadata, this.model, key, valueOrVisibility, visibility);
    return exposed<GasSpreadsheet>(this);
  }

  /** The spreadsheet's own metadata and every sheet's, as Apps Script returns them. */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.log('getDeveloperMetadata');
    return [
      ...metadataOf(this.model.metadata, this.ctx),
      ...this.model.sheets.flatMap((s) => metadataOf(s.metadata, this.ctx)),
    ];
  }

  private log(method: SpreadsheetMethod): void {
    this.ctx.calls.record(`Spreadsheet.${method}`);
  }

  private sheet(model: FakeSheet['model']): GasSheet {
    return exposed<GasSheet>(new FakeSheet(model, this.ctx));
  }

  private freeName(): string {
    let n = this.model.sheets.length + 1;
    while (this.model.sheet(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }
}

export const spreadsheetSurface: ExactSurface<FakeSpreadsheet, SpreadsheetMethod> = true;

export type SpreadsheetAppMember =
  | 'getActiveSpreadsheet' | 'getActive' | 'getActiveSheet' | 'getUi' | 'flush' | 'DeveloperMetadataVisibility';

export class FakeSpreadsheetApp implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SpreadsheetAppMember> {
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;

  constructor(readonly model: WorkbookModel, private readonly ctx: FakeContext) {}

  getActiveSpreadsheet(): GasSpreadsheet {
    this.ctx.calls.record('SpreadsheetApp.getActiveSpreadsheet');
    return exposed<GasSpreadsheet>(new FakeSpreadsheet(this.model, this.ctx));
  }

  getActive(): GasSpreadsheet {
    this.ctx.calls.record('SpreadsheetApp.getActive');
    return exposed<GasSpreadsheet>(new FakeSpreadsheet(this.model, this.ctx));
  }

  getActiveSheet(): GasSheet {
    this.ctx.calls.record('SpreadsheetApp.getActiveSheet');
    return exposed<GasSheet>(new FakeSheet(this.model.active ?? this.model.sheets[0]!, this.ctx));
  }

  getUi(): GoogleAppsScript.Base.Ui {
    this.ctx.calls.record('SpreadsheetApp.getUi');
    return exposed<GoogleAppsScript.Base.Ui>(new FakeUi(this.ctx.ui, this.ctx));
  }

  /** Our writes are immediate; a flush is only counted. */
  flush(): void {
    this.ctx.calls.record('SpreadsheetApp.flush');
  }
}

export const spreadsheetAppSurface: ExactSurface<FakeSpreadsheetApp, SpreadsheetAppMember> = true;
