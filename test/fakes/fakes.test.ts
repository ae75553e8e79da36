/**
 * The fakes behave like Sheets where our add-on could go wrong: the shape of a
 * write, what Sheets makes of a typed string, formulas, the text format, dates
 * and their realm, faults, lock contention and property limits.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  CACHE_VALUE_LIMIT, CACHE_VALUE_TOO_LARGE, FORMULA_RESULT, LOCK_TIMEOUT, SERVER_ERROR, STORE_FULL, TEXT_FORMAT, VALUE_TOO_LARGE,
  createSheetsWorld, loadSandboxWorld, type SheetsWorld,
} from './index';
import { callEntry, sandboxValue } from '../sandbox/bundle';

// America/Chicago is UTC-5 in May (daylight time) and UTC-6 in January.
const CHICAGO_MAY = 5;
const CHICAGO_JANUARY = 6;

function results(world: SheetsWorld = createSheetsWorld()) {
  const spreadsheet = world.services.SpreadsheetApp.getActiveSpreadsheet();
  return { world, spreadsheet, sheet: spreadsheet.insertSheet('Results') };
}

function written(value: unknown, format?: string): { value: unknown; shown: string } {
  const { sheet } = results();
  const cell = sheet.getRange('B2');
  if (format !== undefined) cell.setNumberFormat(format);
  cell.setValues([[value]]);
  return { value: cell.getValue(), shown: cell.getDisplayValue() };
}

describe('Range.setValues checks the shape of the data like Sheets', () => {
  it('refuses fewer rows than the range has, with Sheets\' message', () => {
    const { sheet } = results();
    expect(() => sheet.getRange(1, 1, 3, 2).setValues([['a', 'b'], ['c', 'd']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  it('refuses a row with more columns than the range', () => {
    const { sheet } = results();
    expect(() => sheet.getRange(1, 1, 2, 4).setValues([['a', 'b', 'c', 'd'], ['e', 'f', 'g', 'h', 'i']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
  });

  it('refuses a flat array where a 2-D one is due', () => {
    const { sheet } = results();
    expect(() => sheet.getRange('A1:B1').setValues(['a', 'b'] as unknown as unknown[][])).toThrow(/don't match the method signature/);
  });

  it('writes nothing at all when one cell is over 50,000 characters', () => {
    const { world, sheet } = results();
    expect(() => sheet.getRange('A1:B1').setValues([['kept out', 'x'.repeat(50_001)]])).toThrow(/maximum of 50000 characters/);
    expect(world.sheet('Results').grid.lastRow()).toBe(0);
  });

  it('errors are named Exception, as Apps Script\'s are', () => {
    const { sheet } = results();
    let caught: unknown;
    try {
      sheet.getRange('A1').setValues([]);
    } catch (e) {
      caught = e;
    }
    expect((caught as Error).name).toBe('Exception');
  });
});

describe('Sheets auto-types strings written to an automatic cell', () => {
  it.each([
    ['+1', 1],
    ['-3', -3],
    ['007', 7],
    ['1,234.5', 1234.5],
    ['1e3', 1000],
    ['50%', 0.5],
    ['TRUE', true],
    ['false', false],
  ])('%s becomes %s', (input, expected) => {
    expect(written(input).value).toBe(expected);
  });

  it('an ISO date becomes a Date at midnight in the spreadsheet\'s time zone', () => {
    const { value, shown } = written('2026-05-01');
    expect(value).toBeInstanceOf(Date);
    expect((value as Date).getTime()).toBe(Date.UTC(2026, 4, 1, CHICAGO_MAY));
    expect(shown).toBe('2026-05-01');
  });

  it('"1/2" becomes January 2 of this year, as in a US-locale spreadsheet', () => {
    const { value, shown } = written('1/2');
    expect((value as Date).getTime()).toBe(Date.UTC(2026, 0, 2, CHICAGO_JANUARY));
    expect(shown).toBe('1/2/2026');
  });

  it('a US date with a time becomes that instant', () => {
    const { value } = written('5/27/2026 19:30');
    expect((value as Date).getTime()).toBe(Date.UTC(2026, 4, 28, 0, 30));
  });

  it.each(['Jane Doe', '1,23', '12abc', '13/45', 'yes', '=', ''])('%j stays the text it was', (input) => {
    expect(written(input).value).toBe(input);
  });

  it('a leading apostrophe keeps the text, and is not part of the value', () => {
    expect(written("'+1")).toEqual({ value: '+1', shown: '+1' });
    expect(written("'2026-05-01")).toEqual({ value: '2026-05-01', shown: '2026-05-01' });
  });

  it('the plain-text format "@" keeps every string exactly as written', () => {
    for (const input of ['+1', '007', 'TRUE', '2026-05-01', '=IMPORTXML("http://evil.example","//a")', "'quoted"]) {
      expect(written(input, TEXT_FORMAT)).toEqual({ value: input, shown: input });
    }
  });
});

describe('formulas', () => {
  it('a string starting with "=" is stored as a formula whose value we do not know', () => {
    const { world, sheet } = results();
    sheet.getRange('A1:B1').setValues([['=IMPORTXML("http://evil.example","//a")', '=1+1']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[FORMULA_RESULT, FORMULA_RESULT]]);
    expect(world.sheet('Results').formulas()).toEqual([['=IMPORTXML("http://evil.example","//a")', '=1+1']]);
  });

  it('in a text-formatted cell the same string is only text', () => {
    const { world, sheet } = results();
    sheet.getRange('A1').setNumberFormat('@').setValue('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe('=1+1');
    expect(world.sheet('Results').formulas()).toEqual([['']]);
  });
});

describe('dates and number formats', () => {
  it('a Date written comes back as a Date of the same instant, shown in the spreadsheet\'s zone', () => {
    const instant = Date.UTC(2026, 4, 27, 1, 30, 5);
    const { value, shown } = written(new Date(instant));
    expect((value as Date).getTime()).toBe(instant);
    expect(shown).toBe('5/26/2026 20:30:05');
  });

  it('a number in a date-formatted cell reads back as the date of that serial number', () => {
    // 46143 days after 1899-12-30 is 2026-05-01.
    const { value, shown } = written(46143, 'yyyy-mm-dd');
    expect((value as Date).getTime()).toBe(Date.UTC(2026, 4, 1, CHICAGO_MAY));
    expect(shown).toBe('2026-05-01');
  });

  it('number formats change what is shown, never the value', () => {
    expect(written(3.14159, '0.00')).toEqual({ value: 3.14159, shown: '3.14' });
    expect(written(1234.5, '#,##0')).toEqual({ value: 1234.5, shown: '1,235' });
    expect(written(2 / 3, '0.0%')).toEqual({ value: 2 / 3, shown: '66.7%' });
  });

  it('a number format set on a range is read back per cell', () => {
    const { sheet } = results();
    sheet.getRange('A1:B2').setNumberFormats([['@', '0.00'], ['yyyy-mm-dd', '@']]);
    expect(sheet.getRange('A1:C2').getNumberFormats()).toEqual([['@', '0.00', '0.###############'], ['yyyy-mm-dd', '@', '0.###############']]);
  });

  it('Dates are made in the realm the caller asks for, as Sheets\' are in the sandbox', () => {
    const sandbox = vm.createContext({});
    const SandboxDate = vm.runInContext('Date', sandbox) as DateConstructor;
    const world = createSheetsWorld({
      dateIn: (ms) => new SandboxDate(ms),
      sheets: { Responses: [['Timestamp'], [new Date(Date.UTC(2026, 4, 27))]] },
    });
    const value = world.services.SpreadsheetApp.getActiveSpreadsheet().getRange('Responses!A2').getValue();
    expect(value instanceof Date).toBe(false);
    expect(value instanceof SandboxDate).toBe(true);
    expect((value as Date).getTime()).toBe(Date.UTC(2026, 4, 27));
  });

  it('errors are made in the realm the caller asks for', () => {
    const sandbox = vm.createContext({});
    const SandboxError = vm.runInContext('Error', sandbox) as ErrorConstructor;
    const world = createSheetsWorld({ errorIn: (m) => new SandboxError(m) });
    const sheet = world.services.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(0, 1)).toThrow(SandboxError);
  });
});

describe('the grid of a sheet', () => {
  it('a new sheet has 1000 rows: writing below them fails until rows are inserted', () => {
    const { sheet } = results();
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertRowsAfter(1000, 500);
    sheet.getRange(1500, 1).setValue('last');
    expect(sheet.getLastRow()).toBe(1500);
  });

  it('a range starting before row 1 is refused with Sheets\' message', () => {
    const { sheet } = results();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
  });

  it('the data range runs from A1 to the last row and column holding a value', () => {
    const { sheet } = results();
    sheet.getRange('C4').setValue('x');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 3]);
  });

  it('A1 notation names the same cells as row and column numbers', () => {
    const { sheet } = results();
    sheet.getRange(2, 2, 2, 3).setValues([[1, 2, 3], [4, 5, 6]]);
    expect(sheet.getRange('B2:D3').getValues()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(sheet.getRange('C:C').getNumRows()).toBe(1000);
  });

  it('no spreadsheet grows past 10 million cells', () => {
    const { sheet } = results();
    expect(() => sheet.insertRowsAfter(1000, 400_000)).toThrow(/above the limit of 10000000 cells/);
  });

  it('deleting columns moves the cells right of them left, values and formats alike, and shrinks the grid', () => {
    const { world, sheet } = results();
    sheet.getRange('A1:D2').setValues([['a', 'b', 'c', 'd'], ['e', 'f', 'g', 'h']]);
    sheet.getRange('D1').setNumberFormat('0.00');
    sheet.deleteColumns(2, 2);
    expect(world.sheet('Results').displayValues()).toEqual([['a', 'd'], ['e', 'h']]);
    expect(sheet.getRange('B1').getNumberFormat()).toBe('0.00');
    expect(sheet.getMaxColumns()).toBe(26 - 2);
    expect(() => sheet.getRange(1, 25)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  it('deleting columns past the grid, or every column, is refused with Sheets\' messages and changes nothing', () => {
    const { world, sheet } = results();
    sheet.getRange('A1:B1').setValues([['a', 'b']]);
    expect(() => sheet.deleteColumns(25, 3)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.deleteColumns(0, 1)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.deleteColumns(1, 0)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.deleteColumns(1, 26)).toThrow("You can't delete all the columns on the sheet.");
    expect(world.sheet('Results').displayValues()).toEqual([['a', 'b']]);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(world.calls.count('Sheet.deleteColumns', 'Results')).toBe(4);
  });

  it('clearing a sheet leaves its charts, as Sheets does', () => {
    const { world, sheet } = results();
    sheet.getRange('A1:B2').setValues([['Candidate', 'Votes'], ['Ada', 3]]);
    sheet.insertChart(sheet.newChart().asBarChart().addRange(sheet.getRange('A1:B2')).build());
    sheet.clear();
    expect(sheet.getLastRow()).toBe(0);
    expect(world.sheet('Results').charts).toHaveLength(1);
  });
});

describe('sheets of a spreadsheet', () => {
  it('sheet names are unique ignoring case, and found ignoring case', () => {
    const { spreadsheet } = results();
    expect(() => spreadsheet.insertSheet('results')).toThrow('A sheet with the name "results" already exists. Please enter another name.');
    expect(spreadsheet.getSheetByName('RESULTS')?.getName()).toBe('Results');
  });

  it('the last sheet cannot be deleted, nor the last visible one hidden', () => {
    const world = createSheetsWorld({ sheets: { Only: [] } });
    const spreadsheet = world.services.SpreadsheetApp.getActiveSpreadsheet();
    const only = spreadsheet.getSheets()[0]!;
    expect(() => spreadsheet.deleteSheet(only)).toThrow(/remove all the sheets/);
    expect(() => only.hideSheet()).toThrow(/hide all the sheets/);
  });

  it('a deleted sheet can no longer be used', () => {
    const { spreadsheet, sheet } = results();
    spreadsheet.deleteSheet(sheet);
    expect(spreadsheet.getSheetByName('Results')).toBeNull();
    expect(() => sheet.getRange('A1')).toThrow(/has been deleted/);
  });

  it('fixtures keep their values exactly, and the sheet linked to the form says so', () => {
    const world = createSheetsWorld({
      formUrl: 'https://docs.google.com/forms/d/abc/edit',
      sheets: { 'Form Responses 1': { values: [['Email', 'Choice'], ['ada@example.org', '+1']], formUrl: 'https://docs.google.com/forms/d/abc/edit' } },
    });
    const sheet = world.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Form Responses 1')!;
    expect(sheet.getFormUrl()).toBe('https://docs.google.com/forms/d/abc/edit');
    expect(sheet.getDataRange().getValues()).toEqual([['Email', 'Choice'], ['ada@example.org', '+1']]);
  });

  it('developer metadata tags a sheet the add-on owns', () => {
    const { sheet } = results();
    sheet.addDeveloperMetadata('endorse.output', 'results');
    const tags = sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())]);
    expect(tags).toEqual([['endorse.output', 'results', 'DOCUMENT']]);
  });
});

describe('charts', () => {
  it('a bar chart records its ranges, title and position', () => {
    const { world, sheet } = results();
    const chart = sheet.newChart().asBarChart()
      .setTitle('Round 1')
      .addRange(sheet.getRange('A3:B6'))
      .setPosition(2, 5, 0, 0)
      .build();
    sheet.insertChart(chart);
    expect(world.sheet('Results').chartRecords()).toEqual([
      { id: 1, type: 'BAR', ranges: ['Results!A3:B6'], options: { title: 'Round 1' }, position: { row: 2, column: 5, offsetX: 0, offsetY: 0 } },
    ]);
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(world.sheet('Results').charts).toHaveLength(0);
  });
});

describe('the call log', () => {
  it('counts every call by method, and by the sheet it touched', () => {
    const { world, sheet } = results();
    world.calls.reset();
    sheet.getRange('A1:B1').setValues([['a', 'b']]);
    sheet.getRange('A2').setValue('c');
    expect(world.calls.count('Range.setValues')).toBe(1);
    expect(world.calls.count('Range.set*')).toBe(2);
    expect(world.calls.count('Sheet.getRange', 'Results')).toBe(2);
    expect(world.calls.count('*', 'Results')).toBe(4);
    expect(world.calls.total()).toBe(4);
    world.calls.reset();
    expect(world.calls.total()).toBe(0);
  });

  it('one batched write is one call whether it holds 100 rows or 10,000', () => {
    const callsFor = (rows: number) => {
      const { world, sheet } = results();
      world.calls.reset();
      sheet.insertRowsAfter(1000, rows);
      sheet.getRange(1, 1, rows, 3).setValues(Array.from({ length: rows }, (_, i) => [i, `voter${i}@example.org`, 'Ada']));
      return world.calls.total();
    };
    expect(callsFor(10_000)).toBe(callsFor(100));
  });
});

describe('fault injection', () => {
  it('the n-th call fails with a server error and writes nothing; earlier and later calls work', () => {
    const { world, sheet } = results();
    world.calls.failOn('Range.setValues', 2);
    sheet.getRange('A1').setValues([['first']]);
    expect(() => sheet.getRange('A2').setValues([['second']])).toThrow(SERVER_ERROR);
    sheet.getRange('A3').setValues([['third']]);
    expect(world.sheet('Results').values()).toEqual([['first'], [''], ['third']]);
    expect(world.calls.pendingFaults()).toBe(0);
  });

  it('the fault can carry its own message', () => {
    const { world, sheet } = results();
    world.calls.failOn('Sheet.clear', 1, 'Service Spreadsheets timed out while accessing document');
    expect(() => sheet.clear()).toThrow('Service Spreadsheets timed out while accessing document');
  });
});

describe('locks', () => {
  it('a free document lock is taken and released', () => {
    const { services } = createSheetsWorld();
    const lock = services.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('a lock another execution holds: tryLock gives false, waitLock throws Apps Script\'s timeout', () => {
    const world = createSheetsWorld();
    world.locks.document.holdByAnother();
    const lock = world.services.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(() => lock.waitLock(5000)).toThrow(LOCK_TIMEOUT);
    expect(lock.hasLock()).toBe(false);
    expect(world.locks.document.attempts.map((a) => a.acquired)).toEqual([false, false]);
  });

  it('a holder that lets go after one attempt lets the second one through', () => {
    const world = createSheetsWorld();
    world.locks.script.holdByAnother(1);
    const lock = world.services.LockService.getScriptLock();
    expect([lock.tryLock(100), lock.tryLock(100)]).toEqual([false, true]);
  });
});

describe('properties', () => {
  it('values are stored as strings and read back as a copy', () => {
    const { services } = createSheetsWorld();
    const store = services.PropertiesService.getDocumentProperties();
    store.setProperty('rounds', 2 as unknown as string);
    const copy = store.getProperties();
    copy['rounds'] = 'changed';
    expect(store.getProperty('rounds')).toBe('2');
  });

  it('a value over 9 KB is refused and the store is left as it was', () => {
    const world = createSheetsWorld({ properties: { document: { rules: '{}' } } });
    const store = world.services.PropertiesService.getDocumentProperties();
    expect(() => store.setProperty('rules', 'x'.repeat(9 * 1024 + 1))).toThrow(VALUE_TOO_LARGE);
    expect(store.getProperty('rules')).toBe('{}');
  });

  it('a value of exactly 9 KB is accepted', () => {
    const { services } = createSheetsWorld();
    const store = services.PropertiesService.getUserProperties();
    store.setProperty('big', 'x'.repeat(9 * 1024));
    expect(store.getProperty('big')).toHaveLength(9 * 1024);
  });

  it('a store over 500 KB is refused all or nothing', () => {
    const { services } = createSheetsWorld();
    const store = services.PropertiesService.getScriptProperties();
    const chunk = 'x'.repeat(9000);
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, chunk]));
    expect(() => store.setProperties(many)).toThrow(STORE_FULL);
    expect(store.getKeys()).toEqual([]);
  });
});

describe('cache', () => {
  it('keeps strings per scope: the document\'s cache is not the user\'s', () => {
    const world = createSheetsWorld();
    const { CacheService } = world.services;
    CacheService.getDocumentCache()!.put('progress', 'Counting Mayor', 60);
    expect(CacheService.getDocumentCache()!.get('progress')).toBe('Counting Mayor');
    expect(CacheService.getUserCache()!.get('progress')).toBeNull();
    CacheService.getDocumentCache()!.remove('progress');
    expect(CacheService.getDocumentCache()!.get('progress')).toBeNull();
    expect(world.caches.document.puts).toEqual([{ key: 'progress', value: 'Counting Mayor', expirationInSeconds: 60 }]);
    expect(world.calls.count('Cache.*', 'document')).toBe(4);
    expect(world.calls.count('CacheService.getDocumentCache')).toBe(4);
  });

  it('a value over 100 KB is refused and the cache keeps what it had', () => {
    const world = createSheetsWorld();
    const cache = world.services.CacheService.getScriptCache()!;
    cache.put('k', 'kept');
    expect(() => cache.put('k', 'x'.repeat(CACHE_VALUE_LIMIT + 1))).toThrow(CACHE_VALUE_TOO_LARGE);
    cache.put('exact', 'x'.repeat(CACHE_VALUE_LIMIT));
    expect(cache.get('k')).toBe('kept');
    expect(cache.get('exact')).toHaveLength(CACHE_VALUE_LIMIT);
  });

  it('a put can be made to fail like any call, for a count that must survive its cache', () => {
    const world = createSheetsWorld();
    world.calls.failOn('Cache.put');
    expect(() => world.services.CacheService.getDocumentCache()!.put('k', 'v')).toThrow(SERVER_ERROR);
    expect(world.caches.document.values.size).toBe(0);
  });
});

describe('the user interface', () => {
  it('records the add-on menu, alerts (answered OK unless told otherwise) and toasts', () => {
    const world = createSheetsWorld();
    const ui = world.services.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Open Endorse', 'showSidebar').addSeparator().addItem('Help', 'showHelp').addToUi();
    expect(world.ui.menus).toEqual([{ caption: null, items: [{ label: 'Open Endorse', functionName: 'showSidebar' }, 'separator', { label: 'Help', functionName: 'showHelp' }] }]);

    expect(ui.alert('Count the votes?', ui.ButtonSet.YES_NO)).toBe(ui.Button.OK);
    world.ui.answers.push('NO');
    expect(ui.alert('Endorse', 'Count the votes?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(world.ui.alerts).toEqual([
      { prompt: 'Count the votes?', buttons: 'YES_NO' },
      { title: 'Endorse', prompt: 'Count the votes?', buttons: 'YES_NO' },
    ]);

    world.services.SpreadsheetApp.getActiveSpreadsheet().toast('Counted 12 ballots', 'Endorse');
    expect(world.ui.toasts).toEqual([{ message: 'Counted 12 ballots', title: 'Endorse' }]);
  });

  it('shows a sidebar built from a project HTML file, with its title', () => {
    const world = createSheetsWorld({ htmlDir: import.meta.dirname });
    const page = world.services.HtmlService.createHtmlOutputFromFile('sample').setTitle('Endorse').setWidth(300);
    world.services.SpreadsheetApp.getUi().showSidebar(page);
    expect(world.ui.sidebars).toHaveLength(1);
    expect(world.ui.sidebars[0]!.title).toBe('Endorse');
    expect(world.ui.sidebars[0]!.content).toContain('A page HtmlService reads from a file.');
    expect(() => world.services.HtmlService.createHtmlOutputFromFile('missing')).toThrow('No HTML file named missing was found.');
  });

  it('shows a modal dialog built from a string', () => {
    const world = createSheetsWorld();
    const page = world.services.HtmlService.createHtmlOutput('<p>Hello</p>').setHeight(200);
    world.services.SpreadsheetApp.getUi().showModalDialog(page, 'Help');
    expect(world.ui.dialogs).toEqual([{ title: 'Help', content: '<p>Hello</p>', width: 600, height: 200, modal: true }]);
  });
});

describe('session and utilities', () => {
  it('formats a date in the zone asked for, with the patterns we use', () => {
    const { services } = createSheetsWorld();
    const date = new Date(Date.UTC(2026, 4, 27, 1, 30, 5));
    expect(services.Utilities.formatDate(date, 'America/Chicago', 'yyyy-MM-dd')).toBe('2026-05-26');
    expect(services.Utilities.formatDate(date, 'America/Chicago', 'HH:mm')).toBe('20:30');
    expect(services.Utilities.formatDate(date, 'Pacific/Auckland', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-05-27 13:30:05');
    expect(() => services.Utilities.formatDate(date, 'UTC', 'Q')).toThrow(/pattern letter "Q"/);
  });

  it('the script\'s time zone is not the spreadsheet\'s unless a test says so', () => {
    const world = createSheetsWorld();
    expect(world.services.Session.getScriptTimeZone()).not.toBe(world.services.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
  });

  it('gives the active user\'s email and distinct UUIDs', () => {
    const { services } = createSheetsWorld({ userEmail: 'chair@example.org' });
    expect(services.Session.getActiveUser().getEmail()).toBe('chair@example.org');
    expect(services.Utilities.getUuid()).not.toBe(services.Utilities.getUuid());
  });

  it('gives version-4 UUIDs whose random bits vary, as voter codes are drawn from them', () => {
    const { services } = createSheetsWorld();
    const uuids = Array.from({ length: 200 }, () => services.Utilities.getUuid());
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Every hex digit of the last group turns up: the bits are not a counter.
    expect(new Set(uuids.map((u) => u.slice(-12)).join('')).size).toBe(16);
    expect(new Set(uuids.map((u) => u.slice(0, 8))).size).toBe(200);
  });
});

describe('inside the vm sandbox that runs dist/Code.js', () => {
  it('the built add-on adds its menu through the fakes in AuthMode.NONE, touching no property', () => {
    const { world, bundle } = loadSandboxWorld();
    callEntry(bundle, 'onOpen', world.openEvent('NONE'));
    expect(world.ui.menus).toHaveLength(1);
    const items = world.ui.menus[0]!.items.filter((i): i is { label: string; functionName: string } => typeof i === 'object' && 'label' in i);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(typeof bundle[item.functionName], item.functionName).toBe('function');
    expect(world.calls.count('Properties*')).toBe(0);
  });

  it('the bundle finds CacheService among its globals, and its puts land in the world', () => {
    const { world, bundle } = loadSandboxWorld();
    sandboxValue(bundle, `CacheService.getDocumentCache().put('k', 'v')`);
    expect(world.caches.document.values.get('k')).toBe('v');
  });

  it('values and errors the fakes hand to the bundle belong to its realm', () => {
    const { bundle } = loadSandboxWorld({ sheets: { Responses: [['Timestamp'], [new Date(Date.UTC(2026, 4, 27))]] } });
    expect(sandboxValue(bundle, `SpreadsheetApp.getActiveSpreadsheet().getRange('Responses!A2').getValue() instanceof Date`)).toBe(true);
    expect(sandboxValue(bundle, `(() => { try { SpreadsheetApp.getActiveSheet().getRange(0, 1); } catch (e) { return e instanceof Error && e.name; } })()`)).toBe('Exception');
  });
});
