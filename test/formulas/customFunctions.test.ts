/**
 * The ENDORSE_* custom functions through the built bundle, in a sandbox with no
 * Apps Script service at all (custom functions run without authorization), fed
 * the shapes Sheets passes: a single value, a 1-column range, a block with a
 * header row, booleans, numbers, and Dates made in the sandbox's own realm.
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { instantOf } from '../../src/core/zonedTime';
import { loadSandboxWorld } from '../fakes';
import { type Bundle, callEntry, loadBundle, readBundle, sandboxValue } from '../sandbox/bundle';

const FORMULAS: Record<string, string[]> = {
  ENDORSE_TALLY: ['choices', 'threshold', 'runoff', 'no_endorsement_label'],
  ENDORSE_WINNER: ['choices', 'threshold', 'runoff', 'no_endorsement_label'],
  ENDORSE_ELIGIBLE: ['emails', 'roster_emails', 'attendance_emails', 'attendance_dates', 'as_of', 'weeks'],
  ENDORSE_QUESTIONNAIRE: ['answers', 'answer_key', 'dealbreakers', 'pass_mark'],
  ENDORSE_TIMELINE: ['election_date', 'kind'],
};

/** Copies a sandbox answer into this realm, so it compares as plain arrays. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown[][];

let bundle: Bundle;
const call = (name: string, ...args: unknown[]) => callEntry<unknown[][]>(bundle, name, ...args);
beforeAll(() => {
  bundle = loadBundle();
});

describe('each ENDORSE_* function is a custom function Sheets can offer', () => {
  const code = readBundle();
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const declared = new Map(file.statements.filter(ts.isFunctionDeclaration).map((f) => [f.name!.text, f] as const));

  for (const [name, params] of Object.entries(FORMULAS)) {
    it(`${name} is top-level, with @customfunction and help for each of its arguments`, () => {
      const fn = declared.get(name);
      expect(fn, name).toBeDefined();
      expect(fn!.parameters.map((p) => p.name.getText(file))).toEqual(params);
      const tags = ts.getJSDocTags(fn!).map((t) => t.tagName.text);
      expect(tags).toContain('customfunction');
      expect(tags).toContain('return');
      const documented = ts.getJSDocTags(fn!).filter(ts.isJSDocParameterTag).map((t) => t.name.getText(file));
      expect(documented).toEqual(params);
      for (const tag of ts.getJSDocTags(fn!).filter(ts.isJSDocParameterTag)) expect(String(tag.comment ?? '').length).toBeGreaterThan(10);
    });
  }
});

describe('ENDORSE_TALLY and ENDORSE_WINNER in the sandbox', () => {
  it('counts a 1-column range and spills a table that ends on the outcome', () => {
    const choices = [['Ana Diaz'], ['Ana Diaz'], [''], ['Bo Li'], ['Ana Diaz'], ['', '']];
    const table = plain(call('ENDORSE_TALLY', choices));
    expect(table[0]).toEqual(['Round', 'Option', 'Votes', 'Share', 'Needed', 'Decision']);
    expect(table[1]).toEqual(['Round 1', 'Ana Diaz', 3, '75%', 3, 'endorsed']);
    expect(table[table.length - 1]!.slice(0, 2)).toEqual(['Outcome', 'Ana Diaz']);
    expect(call('ENDORSE_WINNER', choices)).toEqual([['Ana Diaz']]);
  });

  it('counts a single cell', () => {
    expect(call('ENDORSE_WINNER', 'Bo Li')).toEqual([['Bo Li']]);
  });

  it('counts a ranked block with a header row of candidates and numbers for ranks', () => {
    const block = [['Ana', 'Bo', 'Cy'], [1, 2, 3], [1, '', ''], [2, 1, ''], ['', 1, 2], [2, '', 1], [1, 2, ''], ['', '', '']];
    // Ana 3, Bo 2, Cy 1 of 6; in the runoff Cy's ballot goes to Ana: 4 of 6.
    expect(call('ENDORSE_WINNER', block)).toEqual([['Ana']]);
  });

  it('reads a threshold cell formatted as 60% (0.6), and a runoff checkbox', () => {
    const sixtyPercent = [...Array(6).fill(['Ana']), ...Array(3).fill(['Bo']), ['Cy']];
    expect(call('ENDORSE_WINNER', sixtyPercent, 0.6)).toEqual([['Ana']]);
    expect(call('ENDORSE_WINNER', sixtyPercent)).toEqual([['Runoff needed: Ana vs Bo']]);
    expect(call('ENDORSE_WINNER', sixtyPercent, '', false)).toEqual([['No endorsement']]);
  });

  it('answers a bad threshold with one line of text in the cell', () => {
    expect(call('ENDORSE_TALLY', [['Ana']], '2-3')).toEqual([["ENDORSE_TALLY: threshold must be like 2/3 or 60%, got '2-3'"]]);
    // Read exactly in Apps Script's V8 too (BigInt): not rounded to 2/3, under which 24 of 36 would be endorsed.
    const twentyFourOfThirtySix = [...Array(24).fill(['Ana']), ...Array(12).fill(['Bo'])];
    expect(call('ENDORSE_WINNER', twentyFourOfThirtySix, '2/3')).toEqual([['Ana']]);
    expect(call('ENDORSE_WINNER', twentyFourOfThirtySix, '200000000000000000001/300000000000000000000')[0]![0]).toMatch(
      /^ENDORSE_WINNER: threshold 200000000000000000001\/300000000000000000000 has more digits than can be compared exactly/,
    );
  });
});

describe('ENDORSE_ELIGIBLE in the sandbox', () => {
  it('answers a column with a column, reading Dates made in the sandbox', () => {
    const dates = sandboxValue<unknown[][]>(bundle, '[[new Date(2026, 4, 12)], [new Date(2026, 2, 2)]]');
    const asOf = sandboxValue<unknown>(bundle, 'new Date(2026, 4, 20)');
    const emails = [['Email'], ['ana@example.org'], [''], ['bo@example.org'], ['eve@example.org']];
    const roster = [['ana@example.org'], ['bo@example.org']];
    const log = [['ana@example.org'], ['bo@example.org']];
    expect(call('ENDORSE_ELIGIBLE', emails, roster)).toEqual([[''], [true], [''], [true], [false]]);
    // Bo last attended on March 2, more than six weeks before May 20.
    expect(call('ENDORSE_ELIGIBLE', emails, roster, log, dates, asOf)).toEqual([[''], [true], [''], [false], [false]]);
    expect(call('ENDORSE_ELIGIBLE', emails, roster, log, dates, asOf, 12)).toEqual([[''], [true], [''], [true], [false]]);
  });

  it('answers a single cell with a single cell', () => {
    expect(call('ENDORSE_ELIGIBLE', 'ana@example.org', [['ana@example.org']])).toEqual([[true]]);
  });
});

describe('ENDORSE_QUESTIONNAIRE and ENDORSE_TIMELINE in the sandbox', () => {
  it('scores checkboxes against a yes/no key', () => {
    const answers = [[true], [false], [true], [true], [true]];
    const key = [['yes'], ['no'], ['yes'], ['yes'], ['no']];
    expect(call('ENDORSE_QUESTIONNAIRE', answers, key, [[''], ['x'], [''], [''], ['']])).toEqual([['Pass', '4 of 5 (80%)', 'every dealbreaker right']]);
  });

  it('dates the calendar from an election day Sheets passes as a Date', () => {
    const table = call('ENDORSE_TIMELINE', sandboxValue(bundle, 'new Date(2026, 10, 3)'));
    expect(table[0]).toEqual(['Date', 'Step']);
    const vote = table.find((row) => row[1] === 'The vote')!;
    const date = vote[0] as Date;
    // A Date of the sandbox's realm, as Sheets would receive from Apps Script: Tuesday June 9, 2026.
    expect(Object.prototype.toString.call(date)).toBe('[object Date]');
    expect([date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getDay()]).toEqual([2026, 6, 9, 2]);
  });
});

describe('custom functions use nothing but their arguments', () => {
  it('touches no Apps Script service but the spreadsheet\'s time zone, a read-only get allowed without authorization', () => {
    let touched: string[] = [];
    const trap = (service: string, inner: Record<string, unknown> = {}) =>
      new Proxy(inner, { get: (target, key) => { touched.push(`${service}.${String(key)}`); return target[key as string]; } });
    const services = ['PropertiesService', 'Session', 'Utilities', 'CacheService', 'LockService', 'DriveApp', 'DocumentApp'];
    const spreadsheet = { getActiveSpreadsheet: () => trap('Spreadsheet', { getSpreadsheetTimeZone: () => 'Asia/Tokyo' }) };
    const watched = loadBundle({ ...Object.fromEntries(services.map((s) => [s, trap(s)])), SpreadsheetApp: trap('SpreadsheetApp', spreadsheet) });
    const touches = (name: string, ...args: unknown[]) => {
      touched = [];
      callEntry(watched, name, ...args);
      return touched;
    };
    const zoneOnly = ['SpreadsheetApp.getActiveSpreadsheet', 'Spreadsheet.getSpreadsheetTimeZone'];
    expect(touches('ENDORSE_TALLY', [['Ana'], ['Bo'], ['Ana']])).toEqual([]);
    expect(touches('ENDORSE_WINNER', [['Ana', 'Bo'], [1, 2]], 'plurality')).toEqual([]);
    expect(touches('ENDORSE_QUESTIONNAIRE', [['yes']], [['yes']])).toEqual([]);
    expect(touches('ENDORSE_ELIGIBLE', [['a@x.org']], [['a@x.org']], [['a@x.org']], [['2026-05-01']], '2026-05-20')).toEqual(zoneOnly);
    expect(touches('ENDORSE_TIMELINE', '2026-11-03', 'primary')).toEqual(zoneOnly);
  });

  it('still answers where the spreadsheet\'s zone cannot be read, in the script\'s zone', () => {
    const broken = loadBundle({ SpreadsheetApp: { getActiveSpreadsheet: () => { throw new Error('no spreadsheet'); } } });
    const table = callEntry<unknown[][]>(broken, 'ENDORSE_TIMELINE', '2026-11-03');
    expect(table.find((row) => row[1] === 'The vote')).toBeDefined();
  });

  it('leaves no null or undefined in any answer', () => {
    const answers = [
      call('ENDORSE_TALLY', [['Ana', 'Bo', 'Cy'], [1, 2, ''], ['', 1, ''], ['', '', 1], [2, '', 1]]),
      call('ENDORSE_ELIGIBLE', [['a@x.org', ''], ['', 'b@x.org']], [['a@x.org']]),
      call('ENDORSE_TIMELINE', '2026-11-03'),
      call('ENDORSE_TALLY', [[null], [undefined]]),
    ];
    for (const table of answers) {
      for (const row of table) for (const cell of row) expect(cell === null || cell === undefined, JSON.stringify(row)).toBe(false);
    }
  });
});

describe('dates in the spreadsheet\'s time zone, not the script\'s', () => {
  // The sandbox's clock runs in this process's zone, as a script's runs in appsscript.json's.
  const scriptZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  /** Midnight of that day in the zone: the Date Sheets passes for a date cell. */
  const midnight = (zone: string, year: number, month: number, day: number) => instantOf({ year, month, day, hour: 0, minute: 0, second: 0 }, zone);
  /** The day and hour a Date shows in the spreadsheet, by Intl alone. */
  const shown = (date: Date, zone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).format(date.getTime());

  // West of UTC, east of it, and east of Auckland (npm test's TZ), so each shift shows wherever this runs.
  describe.each(['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'])('a spreadsheet in %s', (zone) => {
    it('the script runs in another zone', () => {
      expect(scriptZone).not.toBe(zone);
    });

    it('ENDORSE_TIMELINE reads election day and shows the vote on the calendar day of that zone', () => {
      const { bundle: sheets, world } = loadSandboxWorld({ timeZone: zone });
      expect(world.services.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()).toBe(zone);
      const electionDay = sandboxValue(sheets, `new Date(${midnight(zone, 2026, 11, 3)})`);
      const table = callEntry<unknown[][]>(sheets, 'ENDORSE_TIMELINE', electionDay);
      // Read a day early (November 2), the vote would be Tuesday June 2; shown a day early, June 8.
      const vote = table.find((row) => row[1] === 'The vote')![0] as Date;
      expect(shown(vote, zone)).toBe('2026-06-09, 00');
      expect(shown(table[1]![0] as Date, zone)).toBe('2026-04-12, 00'); // choose the races: a week before research, April 19
    });

    it('ENDORSE_ELIGIBLE reads attendance and as_of Dates on the calendar day of that zone', () => {
      const { bundle: sheets } = loadSandboxWorld({ timeZone: zone });
      const day = (month: number, d: number) => `new Date(${midnight(zone, 2026, month, d)})`;
      const members = [['ana@example.org'], ['bo@example.org']];
      // Six weeks before May 20 is April 8, the first day that counts; May 21 is after the list was drawn up.
      const dates = sandboxValue(sheets, `[[${day(4, 8)}], [${day(5, 21)}]]`);
      expect(callEntry(sheets, 'ENDORSE_ELIGIBLE', members, members, members, dates, '2026-05-20')).toEqual([[true], [false]]);
      // As of a Date, May 20: attending that very day counts.
      const asOf = sandboxValue(sheets, day(5, 20));
      expect(callEntry(sheets, 'ENDORSE_ELIGIBLE', [['cy@example.org']], [['cy@example.org']], [['cy@example.org']], [['2026-05-20']], asOf)).toEqual([[true]]);
    });
  });
});
