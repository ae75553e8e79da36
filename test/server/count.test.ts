/**
 * The server side in Node, through the doors of src/main.ts, on the fakes
 * installed as globals: a leader's whole vote from the menu and the sidebar.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as main from '../../src/main';
import { LOCK_WAIT_MS } from '../../src/server/lock';
import { PROGRESS_KEY } from '../../src/server/progress';
import { RULES_KEY, SOURCES_KEY } from '../../src/server/settings';
import type { SidebarApi } from '../../src/shared/sidebarApi';
import type { SheetsWorldOptions } from '../fakes/index';
import { exampleCsv, exampleSettings, exampleSheets, FORM_URL, installWorld, sheetState, type NodeWorld } from './world';

let env: NodeWorld | undefined;
afterEach(() => {
  env?.restore();
  env = undefined;
  vi.useRealTimers();
});

function open(options: SheetsWorldOptions = {}): NodeWorld {
  env = installWorld({ sheets: exampleSheets(), formUrl: FORM_URL, ...options });
  return env;
}

function failure(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

describe('src/main.ts implements the sidebar contract', () => {
  it('every function of SidebarApi is an entry point', () => {
    // A compile-time check too: the module must be assignable to the contract.
    const api: SidebarApi = main;
    const names: (keyof SidebarApi)[] = ['getSidebarState', 'saveSettings', 'previewSources', 'runEligibilityCheck', 'runCount', 'getProgress'];
    for (const name of names) expect(typeof api[name], name).toBe('function');
  });
});

describe('counting from the sidebar', () => {
  it('a whole vote: settings saved, Results, Refused, Ballots, Eligible voters and Rules written', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    const view = main.runCount();
    expect(view.races.map((r) => [r.race, r.outcome, r.endorsed])).toEqual([
      ['Mayor', 'endorsed', ['Ana Diaz']],
      ['District Attorney', 'no-endorsement', []],
    ]);
    const results = world.sheet('Results').displayValues();
    expect(results).toContainEqual(['Outcome', 'endorsed', '']);
    expect(results.map((r) => r[0])).toEqual(expect.arrayContaining(['Mayor', 'District Attorney', 'Round 1', 'Runoff']));
    // A bar chart per round: two races, each with a first round and a runoff.
    expect(world.sheet('Results').chartRecords().map((c) => c.options['title'])).toEqual([
      'Mayor: Round 1', 'Mayor: Runoff', 'District Attorney: Round 1', 'District Attorney: Runoff',
    ]);
    const refusedRows = world.sheet('Refused').displayValues().filter((r) => r[0] === 'Form Responses 1' || r[0] === 'Runoff responses');
    expect(refusedRows).toHaveLength(view.refusals.reduce((n, r) => n + r.count, 0));
    expect(world.sheet('Ballots').displayValues()).toHaveLength(view.ballots.accepted + 1);
    expect(world.sheet('Eligible voters').displayValues()).toHaveLength(exampleCsv('roster.csv').length);
    expect(world.sheet('Rules').displayValues()).toContainEqual(['threshold', '2/3', expect.any(String)]);
    expect(world.spreadsheet.active?.name).toBe('Results');
  });

  it('never writes to the sheets it reads', () => {
    const { world } = open();
    const sources = ['Form Responses 1', 'Roster', 'Attendance', 'Proxies', 'Runoff responses'];
    const before = sources.map((name) => sheetState(world, name));
    main.saveSettings(exampleSettings());
    main.runCount();
    main.runEligibilityCheck();
    expect(sources.map((name) => sheetState(world, name))).toEqual(before);
    for (const name of sources) {
      expect(world.calls.list().filter((c) => c.target?.startsWith(`${name}!`) && !/^Range\.getValues$/.test(c.method)), name).toEqual([]);
    }
  });

  it('a count with the defaults works before any rules are saved', () => {
    open({ sheets: { 'Form Responses 1': { values: exampleCsv('responses.csv'), formUrl: FORM_URL } } });
    const view = main.runCount();
    expect(view.ballots.received).toBe(exampleCsv('responses.csv').length - 1);
    expect(view.turnout.eligible).toBeNull();
  });

  it('the sidebar sees the last count when it opens again, and is told when the rules changed since', () => {
    open();
    main.saveSettings(exampleSettings());
    const view = main.runCount();
    const state = main.getSidebarState();
    expect(state.lastCount).toEqual(view);
    expect(state.steps.count).toEqual({ state: 'done', summary: 'Mayor: Ana Diaz endorsed; District Attorney: no endorsement' });
    // Counting also checks who may vote.
    expect(state.steps.eligibility.state).toBe('done');
    const changed = main.saveSettings({ ...exampleSettings(), rules: { ...exampleSettings().rules, threshold: '3/5' } });
    expect(changed.steps.count.state).toBe('needs-attention');
    expect(changed.steps.count.summary).toMatch(/changed since the last count.*count again/);
  });

  it('dates are shown in the spreadsheet\'s time zone, not the script\'s nor the computer\'s', () => {
    // Ballots cast at 18:30 UTC: 20:30 in Paris, 14:30 in New York (the script), 06:30 next day in Auckland (this machine).
    const cast = Date.UTC(2026, 4, 21, 18, 30);
    vi.useFakeTimers({ now: Date.UTC(2026, 4, 27, 12, 0), toFake: ['Date'] });
    const { world } = open({
      timeZone: 'Europe/Paris',
      scriptTimeZone: 'America/New_York',
      sheets: {
        'Form Responses 1': {
          values: [['Timestamp', 'Email Address', 'Mayor'], [new Date(cast), 'alma.reyes@example.org', 'Ana Diaz']],
          formUrl: FORM_URL,
        },
      },
    });
    const view = main.runCount();
    expect(world.sheet('Ballots').displayValues()[1]).toContain('2026-05-21 20:30:00');
    expect(world.sheet('Results').displayValues()[1]).toEqual(['Counted at', '2026-05-27 14:00:00', '']);
    expect(view.countedAt).toBe('2026-05-27T12:00:00.000Z');
    expect(world.sheet('Rules').displayValues()).toContainEqual(['timeZone (in force)', 'Europe/Paris', expect.any(String)]);
  });

  it('reports its progress for the sidebar to poll, and clears it when done', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    main.runCount();
    const steps = world.caches.document.puts.map((p) => JSON.parse(p.value) as { step: string; done: number; total: number });
    expect(steps.map((s) => s.step)).toEqual([
      'Reading the settings', 'Reading the responses', 'Counting the votes',
      'Writing the Results sheet', 'Writing the Refused sheet', 'Writing the Ballots sheet',
      'Writing the Eligible voters sheet', 'Writing the Rules sheet',
    ]);
    expect(steps.map((s) => s.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(steps.every((s) => s.total === 8)).toBe(true);
    expect(main.getProgress()).toBeNull();
  });

  it('getProgress gives what a running count last reported', () => {
    const { world } = open();
    world.caches.document.values.set(PROGRESS_KEY, JSON.stringify({ step: 'Writing the Ballots sheet', done: 5, total: 8 }));
    expect(main.getProgress()).toEqual({ step: 'Writing the Ballots sheet', done: 5, total: 8 });
  });

  it('a cache that fails does not fail the count', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    world.calls.failOn('Cache.put', 2);
    expect(main.runCount().races).toHaveLength(2);
  });
});

describe('one count at a time', () => {
  it('a second count while one runs gets a clear message and writes nothing', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    world.locks.document.holdByAnother();
    expect(failure(() => main.runCount())).toMatch(/^A count is already running in this spreadsheet.*try again\.$/);
    expect(world.locks.document.attempts).toEqual([{ method: 'tryLock', timeoutMs: LOCK_WAIT_MS, acquired: false }]);
    expect(world.spreadsheet.sheet('Results')).toBeUndefined();
  });

  it('the lock is released after a count, even one that failed', () => {
    const { world } = open();
    world.properties.document.values.set(RULES_KEY, '{"threshold":"two thirds"}');
    failure(() => main.runCount());
    expect(world.locks.document.held).toBe(false);
    main.saveSettings(exampleSettings());
    main.runCount();
    expect(world.locks.document.held).toBe(false);
  });
});

describe('errors say what to fix, never a stack trace', () => {
  it('rules edited into something unusable are refused on every read, naming the setting', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    world.properties.document.values.set(RULES_KEY, JSON.stringify({ threshold: 'two thirds', runoff: 'sudden-death' }));
    const message = failure(() => main.runCount());
    expect(message).toMatch(/saved rules cannot be used: threshold must be like 2\/3.*runoff must be one of/);
    expect(message).toMatch(/Open Endorse/);
    const state = main.getSidebarState();
    expect(state.settingsProblem).toBe(message);
    expect(state.steps.rules.state).toBe('needs-attention');
  });

  it('a response sheet that cannot be read names the sheet, the row and the column', () => {
    const values = exampleCsv('responses.csv');
    values[5]![0] = 'the day before yesterday';
    const { world } = open({ sheets: { ...exampleSheets(), 'Form Responses 1': { values, formUrl: FORM_URL } } });
    main.saveSettings(exampleSettings());
    const message = failure(() => main.runCount());
    expect(message).toMatch(/^Form Responses 1, row 6, column "Timestamp": /);
    expect(message).not.toMatch(/\n\s+at /);
    expect(world.spreadsheet.sheet('Results')).toBeUndefined();
  });

  it('a chosen sheet that was renamed is named in the message', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    world.sheet('Roster').name = 'Members 2026';
    expect(failure(() => main.runCount())).toBe(
      'There is no sheet named "Roster" (chosen as the roster). Choose the sheet again in the Sources step, or give it back its name.',
    );
  });

  it('the sheets cannot be saved when a chosen one does not exist or is one Endorse writes', () => {
    open();
    expect(failure(() => main.saveSettings({ ...exampleSettings(), sources: { roster: 'Rosterr', secondVotes: [] } }))).toMatch(
      /There is no sheet named "Rosterr" \(chosen as the roster\)/,
    );
    expect(failure(() => main.saveSettings({ ...exampleSettings(), sources: { responses: 'Results', secondVotes: [] } }))).toMatch(
      /"Results" is a sheet Endorse writes at every count; it cannot be the response sheet/,
    );
  });

  it('rules that break the schema are not saved', () => {
    const { world } = open();
    expect(failure(() => main.saveSettings({ rules: { threshold: '2/3', eligibility: { minAttendance: -1 } }, sources: { secondVotes: [] } }))).toMatch(
      /^The rules cannot be used: eligibility\.minAttendance must be 0 or more/,
    );
    expect(world.properties.document.values.has(RULES_KEY)).toBe(false);
  });

  it('a user sheet named like an output stops the count before anything is written', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    world.services.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Rules').getRange('A1').setValue('Our bylaws');
    expect(failure(() => main.runCount())).toMatch(/already has a sheet named "Rules" that Endorse did not make/);
    expect(world.sheet('Rules').displayValues()).toEqual([['Our bylaws']]);
    expect(world.spreadsheet.sheet('Results')).toBeUndefined();
  });

  it('a choice of sheets edited into something unreadable is refused, saying where to choose again', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    // A property store holding something no version of Endorse writes.
    world.properties.document.values.set(SOURCES_KEY, '{"roster": 42}');
    expect(failure(() => main.runCount())).toMatch(/choice of sheets is not readable: choose the sheets again in the Sources step/);
  });
});

describe('the menu', () => {
  it('offers every step, each item calling an entry point', () => {
    const { world } = open();
    main.onOpen(world.openEvent('NONE'));
    const items = world.ui.menus[0]!.items.filter((i): i is { label: string; functionName: string } => typeof i === 'object' && 'label' in i);
    expect(items.map((i) => i.label)).toEqual(['Open Endorse', 'Check eligibility', 'Count the votes', 'Create announcement', 'Help']);
    for (const item of items) expect(typeof (main as Record<string, unknown>)[item.functionName], item.functionName).toBe('function');
    expect(world.calls.count('Properties*')).toBe(0);
  });

  it('Count the votes shows the outcome of each race in an alert', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    main.countVotesFromMenu();
    expect(world.ui.alerts).toHaveLength(1);
    expect(world.ui.alerts[0]!.title).toBe('Endorse: the votes are counted');
    expect(world.ui.alerts[0]!.prompt).toMatch(/^Mayor: Ana Diaz endorsed\./);
    expect(world.ui.alerts[0]!.prompt).toMatch(/District Attorney: no endorsement\./);
  });

  it('a failure from the menu is an alert saying what to fix, not an error', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    world.locks.document.holdByAnother();
    expect(() => main.countVotesFromMenu()).not.toThrow();
    expect(world.ui.alerts).toEqual([{ title: 'Endorse: Count the votes', prompt: expect.stringMatching(/^A count is already running/), buttons: 'OK' }]);
  });

  it('Check eligibility writes the list to send before the vote, and says how many may vote', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    main.checkEligibilityFromMenu();
    const list = world.sheet('Eligible voters').displayValues();
    const eligible = list.filter((r) => r[2] === 'yes').length;
    expect(eligible).toBeGreaterThan(0);
    expect(world.ui.toasts.at(-1)!.message).toBe(`${eligible} of ${list.length - 1} members may vote as of 2026-05-20. The list is in the "Eligible voters" sheet.`);
    expect(world.spreadsheet.sheet('Results')).toBeUndefined();
  });

  it('Check eligibility without a roster asks for one', () => {
    const { world } = open();
    main.checkEligibilityFromMenu();
    expect(world.ui.alerts[0]!.prompt).toMatch(/^Choose the roster in the Sources step first/);
  });

  // After a count, the menu writes the Docs: test/server/announce.test.ts, with the Docs fakes.
  it('Create announcement says to count first', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    main.createAnnouncementFromMenu();
    expect(world.ui.alerts[0]!.prompt).toMatch(/^Count the votes first/);
  });
});

describe('a recount', () => {
  it('replaces every owned sheet in place: same sheets, same charts, same content', () => {
    const { world } = open();
    main.saveSettings(exampleSettings());
    vi.useFakeTimers({ now: Date.UTC(2026, 5, 6, 12), toFake: ['Date'] });
    main.runCount();
    const names = ['Results', 'Refused', 'Ballots', 'Eligible voters', 'Rules'];
    const first = names.map((n) => sheetState(world, n));
    main.runCount();
    expect(world.spreadsheet.sheets.map((s) => s.name)).toEqual([...Object.keys(exampleSheets()), ...names]);
    expect(names.map((n) => sheetState(world, n))).toEqual(first);
  });
});
