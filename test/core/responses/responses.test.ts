import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { InputError } from '../../../src/core/inputError';
import { readResponses } from '../../../src/core/responses';
import { parseRules, type RulesInput } from '../../../src/core/rules';

const read = (values: unknown[][], rules: RulesInput = {}, timeZone = 'America/Chicago') =>
  readResponses(values, { source: 'responses.csv', rules: parseRules(rules), timeZone });
const T = '5/27/2026 19:30:00';
const ballotsOf = (values: unknown[][], race: string, rules: RulesInput = {}) => read(values, rules).responses.map((r) => r.races[race]);

describe('reading responses row by row', () => {
  it('gives one response per non-empty row, numbered as the sheet shows it, and ignores empty rows', () => {
    const sheet = read([
      ['Timestamp', 'Email Address', 'Mayor'],
      [T, 'ana@example.org', 'Ana Diaz'],
      ['', '', ''],
      [T, ' bo@example.org ', 'Bo Li'],
      [],
      ['', '   ', null],
    ]);
    expect(sheet.responses.map((r) => [r.row, r.voter])).toEqual([[2, 'ana@example.org'], [4, 'bo@example.org']]);
    expect(sheet.responses[0]).toEqual({
      source: 'responses.csv',
      row: 2,
      // 19:30 in Chicago (UTC−5 in May) is 00:30 UTC the next day.
      submittedAt: Date.UTC(2026, 4, 28, 0, 30),
      voter: 'ana@example.org',
      races: { Mayor: { kind: 'single', choice: 'Ana Diaz' } },
    });
  });

  it('reads what getValues() returns: Dates from another realm, numbers and booleans', () => {
    const submitted = runInNewContext('new Date(Date.UTC(2026, 4, 28, 0, 30))');
    const sheet = read([
      ['Timestamp', 'Voter code', 'Council [Ana]', 'Council [Bo]', 'Measure A'],
      [submitted, 4711, 2, 1, true],
    ]);
    expect(sheet.responses[0]).toMatchObject({
      submittedAt: Date.UTC(2026, 4, 28, 0, 30),
      voter: '4711',
      races: { Council: { kind: 'ranked', ranks: [['Bo'], ['Ana']] }, 'Measure A': { kind: 'single', choice: 'TRUE' } },
    });
  });

  it('leaves the voter null when the identity cell is empty, and the choice null when the question is blank', () => {
    const sheet = read([['Timestamp', 'Email', 'Mayor'], [T, '', ''], [T, 'bo@example.org', 'Bo']]);
    expect(sheet.responses[0]).toMatchObject({ voter: null, races: { Mayor: { kind: 'single', choice: null } } });
  });

  it('names the row and column of a timestamp it cannot read', () => {
    const values = [['Timestamp', 'Mayor'], [T, 'Ana'], ['soon', 'Bo']];
    expect(() => read(values)).toThrow(InputError);
    expect(() => read(values)).toThrow(/^responses\.csv, row 3, column "Timestamp": "soon" is not a timestamp: expected/);
  });

  it('reads day-first timestamps when the rules say the sheet’s locale writes them so', () => {
    const values = [['Timestamp', 'Mayor'], ['08/03/2026 21:42:55', 'Ana'], ['13/03/2026 09:00:00', 'Bo']];
    // Chicago's clocks go forward at 2 am on 8 March 2026: 21:42:55 that day is already CDT, UTC−5.
    expect(read(values, { responses: { dateOrder: 'day-first' } }).responses.map((r) => r.submittedAt)).toEqual([
      Date.UTC(2026, 2, 9, 2, 42, 55),
      Date.UTC(2026, 2, 13, 14, 0, 0),
    ]);
    expect(() => read(values)).toThrow(/row 3, column "Timestamp".*"day-first"/);
  });
});

describe('single-choice and checkbox questions', () => {
  it('matches names by their key but reports them as first written', () => {
    const values = [['Mayor'], ['Ana Diaz'], ['  ana   diaz '], ['ANA DIAZ'], ['Bo Li']];
    const sheet = read(values);
    expect(sheet.races[0]!.candidates).toEqual(['Ana Diaz', 'Bo Li']);
    expect(sheet.responses.map((r) => r.races['Mayor'])).toEqual([
      { kind: 'single', choice: 'Ana Diaz' }, { kind: 'single', choice: 'Ana Diaz' }, { kind: 'single', choice: 'Ana Diaz' }, { kind: 'single', choice: 'Bo Li' },
    ]);
  });

  it('reads a checkbox question of a linked sheet, its options joined with ", ", as approval', () => {
    const values = [
      ['Timestamp', 'Council (choose 2)'], [T, 'Ana Diaz, Bo Li'], [T, 'Bo Li'], [T, 'Cy Park, Ana Diaz'], [T, ''],
    ];
    const sheet = read(values);
    expect(sheet.races[0]).toMatchObject({ kind: 'approval', candidates: ['Ana Diaz', 'Bo Li', 'Cy Park'] });
    expect(sheet.responses.map((r) => r.races['Council (choose 2)'])).toEqual([
      { kind: 'approval', choices: ['Ana Diaz', 'Bo Li'] },
      { kind: 'approval', choices: ['Bo Li'] },
      { kind: 'approval', choices: ['Cy Park', 'Ana Diaz'] },
      { kind: 'approval', choices: [] },
    ]);
  });

  it('reads a checkbox question of the Forms download, its options joined with ";"', () => {
    const values = [['Council'], ['Ana Diaz;Bo Li'], ['Smith, Jr.;Ana Diaz'], ['Smith, Jr.']];
    expect(ballotsOf(values, 'Council')).toEqual([
      { kind: 'approval', choices: ['Ana Diaz', 'Bo Li'] },
      { kind: 'approval', choices: ['Smith, Jr.', 'Ana Diaz'] },
      { kind: 'approval', choices: ['Smith, Jr.'] },
    ]);
  });

  it('keeps a single-choice answer holding a comma whole: its parts never come apart in other answers', () => {
    const values = [['Mayor'], ['Smith, Jr.'], ['Ana Diaz'], ['Smith, Jr.']];
    const sheet = read(values);
    expect(sheet.races[0]).toMatchObject({ kind: 'single', candidates: ['Smith, Jr.', 'Ana Diaz'] });
  });

  it('splits a checkbox answer by the declared candidates first, so a name may hold a comma', () => {
    const values = [['Council'], ['Smith, Jr., Ana Diaz'], ['Ana Diaz'], ['smith,  jr.']];
    const rules = { races: { Council: { seats: 2, candidates: ['Smith, Jr.', 'Ana Diaz'] } } };
    expect(ballotsOf(values, 'Council', rules)).toEqual([
      { kind: 'approval', choices: ['Smith, Jr.', 'Ana Diaz'] },
      { kind: 'approval', choices: ['Ana Diaz'] },
      { kind: 'approval', choices: ['Smith, Jr.'] },
    ]);
  });

  it('recognizes checkboxes from the declared candidates even when every answer is unique', () => {
    const values = [['Council'], ['Ana Diaz, Bo Li']];
    expect(read(values).races[0]!.kind).toBe('single');
    expect(ballotsOf(values, 'Council', { races: { Council: { candidates: ['Ana Diaz', 'Bo Li'] } } })).toEqual([
      { kind: 'approval', choices: ['Ana Diaz', 'Bo Li'] },
    ]);
  });

  it('reads a race with more than one seat, or declared approval, as approval, even with one name per answer', () => {
    const values = [['Council', 'Board'], ['Ana Diaz', 'Cy Park']];
    const sheet = read(values, { races: { Council: { seats: 3 }, board: { kind: 'approval' } } });
    expect(sheet.races.map((r) => [r.race, r.kind])).toEqual([['Council', 'approval'], ['board', 'approval']]);
    expect(sheet.responses[0]!.races).toEqual({ Council: { kind: 'approval', choices: ['Ana Diaz'] }, board: { kind: 'approval', choices: ['Cy Park'] } });
  });

  it('reads a race declared single as single, commas and all', () => {
    const values = [['Mayor'], ['Ana Diaz, Bo Li'], ['Bo Li']];
    expect(read(values).races[0]!.kind).toBe('approval');
    expect(ballotsOf(values, 'Mayor', { races: { Mayor: { kind: 'single' } } })).toEqual([
      { kind: 'single', choice: 'Ana Diaz, Bo Li' }, { kind: 'single', choice: 'Bo Li' },
    ]);
  });

  it('refuses a single question declared ranked: a ranking needs several columns', () => {
    expect(() => read([['Mayor'], ['Ana']], { races: { Mayor: { kind: 'ranked' } } })).toThrow(/column "Mayor".*needs a grid/);
  });
});

describe('ranking grids', () => {
  const council = ['Timestamp', 'Council [Ana Diaz]', 'Council [Bo Li]', 'Council [Cy Park]'];

  it('reads rows that are candidates with ranks in the cells: ranks[i] holds the names given rank i + 1', () => {
    const sheet = read([council, [T, '2nd choice', '1st choice', '3rd choice'], [T, 'First choice', '', '']]);
    expect(sheet.races).toEqual([
      { race: 'Council', title: 'Council', kind: 'ranked', columns: [1, 2, 3], orientation: 'candidate-rows', candidates: ['Ana Diaz', 'Bo Li', 'Cy Park'] },
    ]);
    expect(sheet.responses.map((r) => r.races['Council'])).toEqual([
      { kind: 'ranked', ranks: [['Bo Li'], ['Ana Diaz'], ['Cy Park']] },
      { kind: 'ranked', ranks: [['Ana Diaz']] },
    ]);
  });

  it('keeps two names at one rank as an overvote and a skipped rank as empty, for the tally to judge', () => {
    expect(ballotsOf([council, [T, 1, 1, 3], [T, '', '', '']], 'Council')).toEqual([
      { kind: 'ranked', ranks: [['Ana Diaz', 'Bo Li'], [], ['Cy Park']] },
      { kind: 'ranked', ranks: [] },
    ]);
  });

  it('reads rows that are ranks with candidate names in the cells', () => {
    const sheet = read([
      ['Timestamp', 'Ballot [1st choice]', 'Ballot [2nd choice]', 'Ballot [3rd choice]'],
      [T, 'Bo Li', 'Ana Diaz', ''],
      [T, 'ana diaz', '', 'Cy Park'],
    ]);
    expect(sheet.races).toEqual([
      { race: 'Ballot', title: 'Ballot', kind: 'ranked', columns: [1, 2, 3], orientation: 'rank-rows', candidates: ['Bo Li', 'Ana Diaz', 'Cy Park'] },
    ]);
    expect(sheet.responses.map((r) => r.races['Ballot'])).toEqual([
      { kind: 'ranked', ranks: [['Bo Li'], ['Ana Diaz']] },
      { kind: 'ranked', ranks: [['Ana Diaz'], [], ['Cy Park']] },
    ]);
  });

  it('reads two names ticked at one rank of a checkbox grid as an overvote', () => {
    const values = [['Ballot [1st choice]', 'Ballot [2nd choice]'], ['Ana Diaz, Bo Li', 'Cy Park'], ['Bo Li', 'Ana Diaz']];
    expect(ballotsOf(values, 'Ballot')).toEqual([
      { kind: 'ranked', ranks: [['Ana Diaz', 'Bo Li'], ['Cy Park']] },
      { kind: 'ranked', ranks: [['Bo Li'], ['Ana Diaz']] },
    ]);
  });

  it('marks a rank cell that is not a rank as unreadable for that race of that response only, naming its column', () => {
    const sheet = read([council, [T, 1, 2, 3], [T, 'x', 1, 2]]);
    expect(sheet.responses[0]!.unreadable).toBeUndefined();
    expect(sheet.responses[1]!.unreadable).toEqual({ Council: 'column "Council [Ana Diaz]" holds "x" is not a rank: expected 1, 1st, 1st choice or First choice' });
    expect(read([council, [T, 1, 4, 2]]).responses[0]!.unreadable).toEqual({ Council: 'column "Council [Bo Li]" holds rank 4, but the grid ranks only 3 candidates' });
  });

  it('reads a grid titled like a rating as a ranking when its cells are ranks', () => {
    const rate = ['Rate the candidates, 1 = best [Ana]', 'Rate the candidates, 1 = best [Bo]', 'Rate the candidates, 1 = best [Cy]'];
    const sheet = read([rate, [2, 1, 3], [1, 3, 2]]);
    expect(sheet.races[0]).toMatchObject({ kind: 'ranked', orientation: 'candidate-rows' });
    expect(sheet.responses[1]!.races['Rate the candidates, 1 = best']).toEqual({ kind: 'ranked', ranks: [['Ana'], ['Cy'], ['Bo']] });
  });

  it('sets aside a grid titled like a rating whose numbers are scores, not ranks', () => {
    const rate = ['Rate each candidate from 1 to 5 [Ana]', 'Rate each candidate from 1 to 5 [Bo]', 'Rate each candidate from 1 to 5 [Cy]'];
    const sheet = read([['Mayor', ...rate], ['Ana', 5, 5, 2], ['Bo', 4, 1, 3]]);
    expect(sheet.races.map((r) => r.race)).toEqual(['Mayor']);
    expect(sheet.ignored.map((c) => c.index)).toEqual([1, 2, 3]);
    expect(sheet.ignored[0]!.why).toMatch(/a rating grid, not a ranking/);
  });

  it('reads ordinal cells as ranks whatever the title says', () => {
    const rate = ['Rating [Ana]', 'Rating [Bo]'];
    expect(ballotsOf([rate, ['1st', '1st'], ['2nd', '1st']], 'Rating')).toEqual([
      { kind: 'ranked', ranks: [['Ana', 'Bo']] },
      { kind: 'ranked', ranks: [['Bo'], ['Ana']] },
    ]);
  });

  it('reads a rating-like grid as a ranking when the rules declare it ranked, shared numbers being overvotes', () => {
    const rate = ['Rate each candidate [Ana]', 'Rate each candidate [Bo]'];
    expect(ballotsOf([rate, [1, 1]], 'Rate each candidate', { races: { 'Rate each candidate': { kind: 'ranked' } } })).toEqual([
      { kind: 'ranked', ranks: [['Ana', 'Bo']] },
    ]);
  });

  it('reads a grid without a single rank as one question per row (a Yes / No grid)', () => {
    const sheet = read([['Endorse? [Ana Diaz]', 'Endorse? [Bo Li]'], ['Yes', 'No'], ['Yes', 'Yes']]);
    expect(sheet.races.map((r) => [r.race, r.kind, r.candidates])).toEqual([
      ['Endorse? [Ana Diaz]', 'single', ['Yes']],
      ['Endorse? [Bo Li]', 'single', ['No', 'Yes']],
    ]);
  });

  it('refuses a grid declared single or approval', () => {
    expect(() => read([council], { races: { Council: { kind: 'approval' } } })).toThrow(/says approval, but this question is a grid of 3 rows/);
  });
});
