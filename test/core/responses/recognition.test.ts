/**
 * What a sheet is: the shapes of real sheets that were once read confidently
 * and wrongly (bare rank columns, free text, one-column ranking grids, two ranks
 * in one checkbox-grid cell), each read right or refused with the setting that decides.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeTextReason } from '../../../src/core/freeText';
import { InputError } from '../../../src/core/inputError';
import { ranksIn } from '../../../src/core/rank';
import { readResponses } from '../../../src/core/responses';
import { parseRules, type RulesInput } from '../../../src/core/rules';
import { countVote } from '../../../src/core/vote';

const read = (values: unknown[][], rules: RulesInput = {}) => readResponses(values, { source: 'responses.csv', rules: parseRules(rules), timeZone: 'UTC' });
const T = '5/27/2026 19:30:00';
const whyIgnored = (values: unknown[][], rules: RulesInput = {}) => read(values, rules).ignored.map((i) => [i.header, i.why]);

/** Every order of 1..n, as rows of a sheet. */
function permutations(n: number): number[][] {
  if (n === 1) return [[1]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, at) => [...p.slice(0, at), n, ...p.slice(at)]));
}

describe('bare rank columns: Timestamp,A,B,C,D,E with ranks in the cells', () => {
  const header = ['Timestamp', 'A', 'B', 'C', 'D', 'E'];
  const rows = permutations(5).slice(0, 40).map((p) => [T, ...p.map(String)]);

  it('are one ranked race over the column titles, never five races with numbers as candidates', () => {
    const sheet = read([header, ...rows]);
    expect(sheet.races).toHaveLength(1);
    expect(sheet.races[0]).toMatchObject({ race: 'Ranking', kind: 'ranked', candidates: ['A', 'B', 'C', 'D', 'E'], columns: [1, 2, 3, 4, 5] });
    // Row 2 ranks 5,4,3,2,1 or whatever the permutation says: the candidate at rank 1 is the column holding 1.
    const first = rows[0]!.slice(1).map(Number);
    expect(sheet.responses[0]!.races.Ranking).toEqual({ kind: 'ranked', ranks: [1, 2, 3, 4, 5].map((r) => [header[first.indexOf(r) + 1]]) });
  });

  it('are counted as a ranking: the winner is a column title, not a number', () => {
    const values = [header, ...Array.from({ length: 9 }, () => [T, '1', '2', '3', '4', '5']), [T, '2', '1', '3', '4', '5']];
    const report = countVote({ rules: parseRules({}), timeZone: 'UTC', responses: { source: 'responses.csv', values } });
    expect(report.races.map((r) => [r.race, r.outcome, r.endorsed])).toEqual([['Ranking', 'endorsed', ['A']]]);
  });

  it('set aside as ratings when a number is 0 or above the number of columns', () => {
    const values = [['Timestamp', 'Food', 'Music', 'Venue'], [T, '7', '3', '9'], [T, '1', '2', '3']];
    expect(read(values).races).toEqual([]);
    expect(whyIgnored(values)).toEqual(['Food', 'Music', 'Venue'].map((h) => [h, expect.stringMatching(/ratings or scores, not a ranking/)]));
  });

  it('refused with the settings that decide when a ranking cannot be told from a rating', () => {
    const values = [['Timestamp', 'Ana', 'Bo', 'Cy'], [T, '1', '2', '3'], [T, '2', '2', '1']];
    expect(() => read(values)).toThrow(InputError);
    expect(() => read(values)).toThrow(/could be a ranking or ratings.*races\["Ranking"\] to \{"kind": "ranked", "columns": \["Ana", "Bo", "Cy"\]\}.*responses\.ignoreColumns/);
    // The leader's rule then decides: a ranking (a repeated number is two candidates at one rank) ...
    const ranked = read(values, { races: { Ranking: { kind: 'ranked', columns: ['Ana', 'Bo', 'Cy'] } } });
    expect(ranked.responses[1]!.races.Ranking).toEqual({ kind: 'ranked', ranks: [['Cy'], ['Ana', 'Bo']] });
    // ... or set aside.
    expect(read(values, { responses: { ignoreColumns: ['Ana', 'Bo', 'Cy'] } }).races).toEqual([]);
  });

  it('one column of numbers is never a race unless the rules name it', () => {
    const values = [['Timestamp', 'Email Address', 'How many meetings did you attend?', 'Mayor'], [T, 'a@x.org', '3', 'Ana'], [T, 'b@x.org', '4', 'Bo']];
    expect(read(values).races.map((r) => r.race)).toEqual(['Mayor']);
    expect(whyIgnored(values)).toEqual([['How many meetings did you attend?', expect.stringMatching(/^its answers are numbers, not names/)]]);
    const named = read(values, { races: { 'How many meetings did you attend?': { candidates: ['3', '4'] } } });
    expect(named.races.map((r) => r.race)).toEqual(['How many meetings did you attend?', 'Mayor']);
  });
});

describe('free-text questions', () => {
  const answers = Array.from({ length: 30 }, (_, i) => `Because reason number ${i} matters to me`);
  const values = [['Timestamp', 'Mayor', 'What is the rationale behind your opinion?'], ...answers.map((a, i) => [T, i % 3 ? 'Ana' : 'Bo', a])];

  it('are set aside with the figures that show it, and how to count one', () => {
    expect(read(values).races.map((r) => r.race)).toEqual(['Mayor']);
    expect(whyIgnored(values)).toEqual([[
      'What is the rationale behind your opinion?',
      'most answers differ (30 different answers in 30): a free-text question, not a race; to count it, name it in races (races["What is the rationale behind your opinion?"])',
    ]]);
  });

  it('become a race when the rules name them', () => {
    expect(read(values, { races: { 'What is the rationale behind your opinion?': {} } }).races).toHaveLength(2);
  });

  it('a small vote split widely, and a checkbox question of a few options, are still races', () => {
    expect(freeTextReason(['Ana', 'Bo', 'Cy', 'Dee'])).toBeUndefined();
    const ticks = Array.from({ length: 10 }, (_, i) => ['Ana', 'Bo', 'Cy', 'Dee', 'Eve', 'Fay'].slice(i % 3, (i % 3) + 3).join(', '));
    const approval = read([['Timestamp', 'Board (choose up to 3)'], ...ticks.map((t) => [T, t])], { races: {} });
    expect(approval.races).toMatchObject([{ kind: 'approval' }]);
  });

  it('a question with a few answers that many give is never free text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Ana Diaz', 'Bo Li', 'Cy Wu', 'No endorsement'), { minLength: 1, maxLength: 200 }), (names) => {
        expect(freeTextReason(names)).toBeUndefined();
      }),
    );
  });
});

describe('ranking grids', () => {
  it('a grid with one rank column is still a ranking, and the rules name it by its title', () => {
    const values = [['Timestamp', 'Email Address', 'Contest [1st choice]'], [T, 'a@x.org', 'Ana'], [T, 'b@x.org', 'Bo']];
    expect(read(values).races).toMatchObject([{ race: 'Contest', kind: 'ranked', orientation: 'rank-rows', candidates: ['Ana', 'Bo'] }]);
    expect(read(values, { races: { Contest: { candidates: ['Ana', 'Bo'] } } }).races[0]!.race).toBe('Contest');
  });

  it('a bracketed title that is not a rank stays a plain question', () => {
    expect(read([['Timestamp', 'Mayor [vote once]'], [T, 'Ana']]).races).toMatchObject([{ race: 'Mayor [vote once]', kind: 'single' }]);
  });

  const grid = ['Timestamp', 'Council [Ana]', 'Council [Bo]', 'Council [Cy]'];

  it.each([
    ['a linked sheet', '1st, 2nd'],
    ['the Forms download', '1st;2nd'],
    ['run together', '1st choice2nd choice'],
  ])('a cell with two ranks (%s) is one irregular ballot: the candidate ranked twice, for the ranked rules', (_, cell) => {
    const sheet = read([grid, [T, cell, '', '3rd'], [T, '1st', '2nd', '3rd']]);
    expect(sheet.responses[0]!.races.Council).toEqual({ kind: 'ranked', ranks: [['Ana'], ['Ana'], ['Cy']] });
    expect(sheet.responses[0]!.unreadable).toBeUndefined();
  });

  it('a cell that is no rank costs that ballot this race only: refused with its row, the rest of the vote counts', () => {
    const values = [['Timestamp', 'Email Address', ...grid.slice(1), 'Mayor'], [T, 'a@x.org', 'banana', '1', '2', 'Ana'], [T, 'b@x.org', '1', '2', '3', 'Ana']];
    const report = countVote({ rules: parseRules({}), timeZone: 'UTC', responses: { source: 'responses.csv', values } });
    expect(report.refused).toEqual([expect.objectContaining({ row: 2, reason: 'unreadable-mark', race: 'Council', detail: expect.stringContaining('column "Council [Ana]" holds "banana" is not a rank') })]);
    expect(report.races.find((r) => r.race === 'Mayor')!.rounds[0]!.votesCast).toBe(2);
    expect(report.races.find((r) => r.race === 'Council')!.rounds[0]!.votesCast).toBe(1);
  });

  it('ranksIn reads only cells that are wholly ranks, two or more', () => {
    expect(ranksIn('1st, 3rd')).toEqual([1, 3]);
    expect(ranksIn('First choice;Second choice')).toEqual([1, 2]);
    expect(ranksIn('12')).toBeUndefined();
    expect(ranksIn('1st')).toBeUndefined();
    expect(ranksIn('1st, Ana')).toBeUndefined();
  });
});
