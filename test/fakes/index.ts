/**
 * A coherent set of Sheets-side Apps Script fakes around one spreadsheet.
 *
 *   const world = createSheetsWorld({ sheets: { 'Form Responses 1': [['Timestamp', 'Email'], …] } });
 *   const restore = installGlobals(world.services);     // a Node test importing src/server
 *   countVotes(); restore();
 *   world.sheet('Results').displayValues();  world.calls.count('Range.setValues');
 *
 * For dist/Code.js in the vm sandbox, loadSandboxWorld(options) does both and
 * makes the Dates and errors the fakes return belong to the sandbox's realm.
 */
import { loadBundle, sandboxValue, type Bundle } from '../sandbox/bundle';
import { CacheState, FakeCacheService, type CacheScope } from './cache';
import { CallLog } from './calls';
import { FakeCharts } from './chart';
import { exposed, type FakeContext } from './context';
import { FakeHtmlService } from './html';
import { FakeLockService, LockState, type LockScope } from './lock';
import { FakeConsole, FakeLogger, type LogLine } from './logging';
import { FakePropertiesService, PropertyStore, type Scope } from './properties';
import { AuthMode, FakeScriptApp, FakeSession, FakeUtilities, type SessionModel } from './session';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';
import { UiRecord } from './ui';
import { WorkbookModel, type SheetFixture, type SheetModel } from './workbook';

export { FORMULA_RESULT, AUTOMATIC_FORMAT, TEXT_FORMAT } from './cellInput';
export { CACHE_VALUE_LIMIT, CACHE_VALUE_TOO_LARGE, type CacheScope, type CacheState } from './cache';
export { SERVER_ERROR, type CallLog } from './calls';
export { LOCK_TIMEOUT } from './lock';
export { STORE_FULL, VALUE_TOO_LARGE } from './properties';
export type { SheetFixture, SheetModel, WorkbookModel } from './workbook';

export interface SheetsWorldOptions {
  /** Sheets in tab order: a 2-D array of values, or a fixture with number formats, a linked form, visibility. */
  sheets?: Record<string, unknown[][] | SheetFixture>;
  name?: string;
  id?: string;
  /** The spreadsheet's time zone (File > Settings). */
  timeZone?: string;
  /** The script's own time zone (appsscript.json); deliberately not the spreadsheet's by default. */
  scriptTimeZone?: string;
  /** The form whose responses this spreadsheet receives. */
  formUrl?: string;
  userEmail?: string;
  /** Where HtmlService finds its .html files; dist/ by default. */
  htmlDir?: string;
  /** Dates the fakes return are made here: pass the sandbox's Date so they belong to its realm. */
  dateIn?: (ms: number) => Date;
  /** Errors the fakes throw are made here (then named "Exception"). */
  errorIn?: (message: string) => Error;
  /** "Now", for inputs Sheets reads relative to today; fixed by default so runs repeat. */
  now?: () => number;
  /** Property stores' initial contents. */
  properties?: Partial<Record<Scope, Record<string, string>>>;
}

/** The global objects Apps Script gives a script, as loadBundle takes them. */
export interface SheetsServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Charts: GoogleAppsScript.Charts.Charts;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
}

export interface SheetsWorld {
  services: SheetsServices;
  /** The active spreadsheet's state: sheets, name, time zone; inspect it freely, nothing is counted. */
  spreadsheet: WorkbookModel;
  calls: CallLog;
  /** Menus, alerts, toasts, sidebars and dialogs the user was shown. */
  ui: UiRecord;
  properties: Record<Scope, PropertyStore>;
  locks: Record<LockScope, LockState>;
  /** CacheService's caches: their values, and every put in order. */
  caches: Record<CacheScope, CacheState>;
  session: SessionModel;
  logs: LogLine[];
  /** A sheet's state by name (ignoring case, as Sheets does); throws when there is none. */
  sheet(name: string): SheetModel;
  /** The events Apps Script passes to onOpen / onInstall. */
  openEvent(authMode?: keyof typeof AuthMode): GoogleAppsScript.Events.SheetsOnOpen;
}

/** 2026-05-27 12:00 UTC: a fixed "now" so that a date typed without a year is always read the same way. */
export const DEFAULT_NOW = Date.UTC(2026, 4, 27, 12);

export function createSheetsWorld(options: SheetsWorldOptions = {}): SheetsWorld {
  const errorIn = options.errorIn ?? ((message: string) => new Error(message));
  const exception = (message: string) => {
    const error = errorIn(message);
    error.name = 'Exception';
    return error;
  };
  const calls = new CallLog(exception);
  const ui = new UiRecord();
  const ctx: FakeContext = {
    calls,
    ui,
    dateIn: options.dateIn ?? ((ms) => new Date(ms)),
    exception,
    now: options.now ?? (() => DEFAULT_NOW),
  };

  const spreadsheet = new WorkbookModel(
    options.name ?? 'Endorsement vote 2026',
    options.id ?? '1EndorseFakeSpreadsheetId0000000000000000000',
    options.timeZone ?? 'America/Chicago',
    options.formUrl ?? null,
  );
  for (const [name, fixture] of Object.entries(options.sheets ?? { Sheet1: [] })) {
    spreadsheet.addFixture(name, Array.isArray(fixture) ? { values: fixture } : fixture);
  }

  const properties: Record<Scope, PropertyStore> = { document: new PropertyStore(), script: new PropertyStore(), user: new PropertyStore() };
  for (const [scope, seed] of Object.entries(options.properties ?? {}) as [Scope, Record<string, string>][]) {
    for (const [k, v] of Object.entries(seed)) properties[scope].values.set(k, v);
  }
  const locks: Record<LockScope, LockState> = { document: new LockState(), script: new LockState(), user: new LockState() };
  const caches: Record<CacheScope, CacheState> = { document: new CacheState(), script: new CacheState(), user: new CacheState() };
  const email = options.userEmail ?? 'leader@example.org';
  const session: SessionModel = {
    activeUserEmail: email,
    effectiveUserEmail: email,
    scriptTimeZone: options.scriptTimeZone ?? 'America/New_York',
    locale: 'en',
  };
  const logs: LogLine[] = [];

  const services: SheetsServices = {
    SpreadsheetApp: exposed<SheetsServices['SpreadsheetApp']>(new FakeSpreadsheetApp(spreadsheet, ctx)),
    PropertiesService: exposed<SheetsServices['PropertiesService']>(new FakePropertiesService(properties, ctx)),
    LockService: exposed<SheetsServices['LockService']>(new FakeLockService(locks, ctx)),
    CacheService: exposed<SheetsServices['CacheService']>(new FakeCacheService(caches, ctx)),
    HtmlService: exposed<SheetsServices['HtmlService']>(new FakeHtmlService(ctx, options.htmlDir)),
    Session: exposed<SheetsServices['Session']>(new FakeSession(session, ctx)),
    Utilities: exposed<SheetsServices['Utilities']>(new FakeUtilities(ctx)),
    ScriptApp: exposed<SheetsServices['ScriptApp']>(new FakeScriptApp()),
    Charts: exposed<SheetsServices['Charts']>(new FakeCharts()),
    Logger: exposed<SheetsServices['Logger']>(new FakeLogger(logs, ctx)),
    console: exposed<Console>(new FakeConsole(logs, ctx)),
  };

  return {
    services,
    spreadsheet,
    calls,
    ui,
    properties,
    locks,
    caches,
    session,
    logs,
    sheet(name) {
      const found = spreadsheet.sheet(name);
      if (!found) throw new Error(`no sheet named "${name}"; the sheets are ${spreadsheet.sheets.map((s) => `"${s.name}"`).join(', ')}`);
      return found;
    },
    openEvent(authMode = 'FULL') {
      return exposed<GoogleAppsScript.Events.SheetsOnOpen>({
        authMode: AuthMode[authMode],
        source: exposed<GoogleAppsScript.Spreadsheet.Spreadsheet>(new FakeSpreadsheet(spreadsheet, ctx)),
      });
    },
  };
}

/**
 * Makes the services globals of this Node process, for tests that import
 * src/server directly; returns a function that removes them again. Node's own
 * console stays (the test runner prints through it); the fake one is for the sandbox.
 */
export function installGlobals(services: SheetsServices): () => void {
  const target = globalThis as Record<string, unknown>;
  const saved = new Map<string, unknown>();
  for (const [name, service] of Object.entries(services)) {
    if (name === 'console') continue;
    saved.set(name, target[name]);
    target[name] = service;
  }
  return () => {
    for (const [name, previous] of saved) target[name] = previous;
  };
}

/**
 * A world whose services run dist/Code.js in the vm sandbox, with the Dates and
 * errors the fakes hand back made by the sandbox's own constructors (as Sheets'
 * values belong to the script's realm in Apps Script).
 */
export function loadSandboxWorld(options: Omit<SheetsWorldOptions, 'dateIn' | 'errorIn'> = {}): { world: SheetsWorld; bundle: Bundle } {
  let realm: { Date: DateConstructor; Error: ErrorConstructor } = { Date, Error };
  const world = createSheetsWorld({
    ...options,
    dateIn: (ms) => new realm.Date(ms),
    errorIn: (message) => new realm.Error(message),
  });
  const bundle = loadBundle({ ...world.services });
  realm = { Date: sandboxValue<DateConstructor>(bundle, 'Date'), Error: sandboxValue<ErrorConstructor>(bundle, 'Error') };
  return { world, bundle };
}
