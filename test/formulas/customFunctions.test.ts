/**
 * The ENDORSE_* custom functions through the built bundle, in a sandbox with no
 * Apps Script service at all (custom functions run without authorization), fed
 * the shapes Sheets passes: a single value, a 1-column range, a block with a
 * header row, booleans, numbers, and Dates made in the sandbox's own realm.
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
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
  it('never touches an Apps Script service, even where one exists', () => {
    const touched: string[] = [];
    const trap = (service: string) => new Proxy({}, { get: (_t, key) => { touched.push(`${service}.${String(key)}`); return undefined; } });
    const services = ['SpreadsheetApp', 'PropertiesService', 'Session', 'Utilities', 'CacheService', 'LockService', 'DriveApp', 'DocumentApp'];
    const watched = loadBundle(Object.fromEntries(services.map((s) => [s, trap(s)])));
    callEntry(watched, 'ENDORSE_TALLY', [['Ana'], ['Bo'], ['Ana']]);
    callEntry(watched, 'ENDORSE_WINNER', [['Ana', 'Bo'], [1, 2]], 'plurality');
    callEntry(watched, 'ENDORSE_ELIGIBLE', [['a@x.org']], [['a@x.org']], [['a@x.org']], [['2026-05-01']], '2026-05-20');
    callEntry(watched, 'ENDORSE_QUESTIONNAIRE', [['yes']], [['yes']]);
    callEntry(watched, 'ENDORSE_TIMELINE', '2026-11-03', 'primary');
    expect(touched).toEqual([]);
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
