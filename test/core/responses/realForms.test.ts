/**
 * The importer against real Google Forms exports (../shared/fixtures/real-forms,
 * see its SOURCES.md), and against the shapes that file lists without keeping them.
 * Every expected value below was read off the CSV files by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readResponses } from '../../../src/core/responses';
import { parseRules, type RulesInput } from '../../../src/core/rules';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const folder = resolve(repoRoot, '../shared/fixtures/real-forms');
const exists = existsSync(folder);
if (!exists) console.warn(`Skipping the real Google Forms exports: ${folder} is absent (it sits beside the repository as ../shared).`);

/** Each real form was filled in somewhere; we read their zone-less timestamps as New York time. */
const ZONE = 'America/New_York';
const readFixture = (file: string, rules: RulesInput = {}) => {
  const values = parse(readFileSync(resolve(folder, file), 'utf8'), { bom: true }) as string[][];
  return readResponses(values, { source: file, rules: parseRules(rules), timeZone: ZONE });
};

describe.skipIf(!exists)('real Google Forms exports', () => {
  it('ranked-grid-empty-title.csv: a ranking grid with an empty title, numeric ranks, an Email Address column', () => {
    const sheet = readFixture('ranked-grid-empty-title.csv');
    expect(sheet.timestampColumn).toBe(0);
    expect(sheet.identityColumn).toEqual({ index: 1, header: 'Email Address' });
    expect(sheet.ignored).toEqual([]);
    const birds = ['A. Black-faced spoonbill', 'B. Taiwan blue magpie', 'C. Mikado pheasant', "D. Swinhoe's pheasant", 'E. Formosan Whistling Thrush'];
    expect(sheet.races).toEqual([{ race: 'Ranking', title: 'Ranking', kind: 'ranked', columns: [2, 3, 4, 5, 6], orientation: 'candidate-rows', candidates: birds }]);
    expect(sheet.responses).toHaveLength(7);
    const [a, b, c, d, e] = birds;
    // Row 2: hij@gmail.com ranked A 3, B 2, C 1, D 4, E 5, at 9:57:41 am on 1 Nov 2021 (EDT, UTC−4).
    expect(sheet.responses[0]).toEqual({
      source: 'ranked-grid-empty-title.csv', row: 2, submittedAt: Date.UTC(2021, 10, 1, 13, 57, 41), voter: 'hij@gmail.com',
      races: { Ranking: { kind: 'ranked', ranks: [[c], [b], [a], [d], [e]] } },
    });
    // Row 8: the mistyped domain is kept as written (whether it is a member is the roster's business).
    expect(sheet.responses[6]).toMatchObject({ row: 8, voter: 'nop@gmai.com', races: { Ranking: { kind: 'ranked', ranks: [[e], [c], [a], [b], [d]] } } });
  });

  it('four-ranked-races.csv: four ranking grids with commas and parentheses in their titles, an Email column, an OSIS question', () => {
    const sheet = readFixture('four-ranked-races.csv');
    expect(sheet.identityColumn).toEqual({ index: 1, header: 'Email' });
    expect(sheet.ignored).toEqual([{ index: 2, header: 'What is your OSIS?', why: expect.any(String) }]);
    const race = (office: string) => `How are you voting for ${office}? (1 is first choice, 2 is second choice, etc...)`;
    const [admin, personnel, secretary, director] = ['USG of Administration', 'USG of Personnel', 'Secretary-General', 'Director-General'].map(race);
    expect(sheet.races.map((r) => [r.race, r.kind, r.orientation, r.candidates, r.columns])).toEqual([
      [admin, 'ranked', 'candidate-rows', ['A', 'B', 'C'], [3, 4, 5]],
      [personnel, 'ranked', 'candidate-rows', ['A', 'B', 'C'], [6, 7, 8]],
      [secretary, 'ranked', 'candidate-rows', ['A', 'B', 'C'], [9, 10, 11]],
      [director, 'ranked', 'candidate-rows', ['A', 'B', 'C'], [12, 13, 14]],
    ]);
    expect(sheet.responses.map((r) => r.voter)).toEqual(['igraham20@stuy.edu', 'iching20@stuy.edu', 'kchan42@stuyedu', 'lbyers20@stuy.edu']);
    // Row 4: 3,2,1 | 2,3,1 | 1,3,2 | 3,1,2 (A, B, C in each race).
    expect(sheet.responses[2]!.races).toEqual({
      [admin!]: { kind: 'ranked', ranks: [['C'], ['B'], ['A']] },
      [personnel!]: { kind: 'ranked', ranks: [['C'], ['A'], ['B']] },
      [secretary!]: { kind: 'ranked', ranks: [['A'], ['C'], ['B']] },
      [director!]: { kind: 'ranked', ranks: [['B'], ['C'], ['A']] },
    });
    // Row 5 was submitted at 12:06:41 on 13 May 2021 (EDT, UTC−4).
    expect(sheet.responses[3]).toMatchObject({ row: 5, submittedAt: Date.UTC(2021, 4, 13, 16, 6, 41) });
  });

  it('ordinal-grid-partial-rankings.csv: ranks written 1st, 2nd…, ballots ranking one option, no email column', () => {
    const sheet = readFixture('ordinal-grid-partial-rankings.csv');
    expect(sheet.identityColumn).toBeNull();
    expect(sheet.races).toEqual([
      { race: 'What is your favorite season?', title: 'What is your favorite season?', kind: 'ranked', columns: [1, 2, 3, 4], orientation: 'candidate-rows', candidates: ['Spring', 'Summer', 'Autumn', 'Winter'] },
    ]);
    expect(sheet.responses.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sheet.responses.every((r) => r.voter === null)).toBe(true);
    const seasons = sheet.responses.map((r) => r.races['What is your favorite season?']);
    expect(seasons[0]).toEqual({ kind: 'ranked', ranks: [['Autumn'], ['Summer'], ['Winter'], ['Spring']] });
    expect(seasons[3]).toEqual({ kind: 'ranked', ranks: [['Spring']] });
    expect(seasons[4]).toEqual({ kind: 'ranked', ranks: [['Summer']] });
    expect(seasons[7]).toEqual({ kind: 'ranked', ranks: [['Autumn'], ['Spring'], ['Winter'], ['Summer']] });
  });

  it('ordinal-grid-partial-rankings.csv: its last timestamp, 2/4/2023, is 4 February month-first and 2 April day-first', () => {
    // 6:39:51 in New York: EST (UTC−5) on 4 February, EDT (UTC−4) on 2 April.
    expect(readFixture('ordinal-grid-partial-rankings.csv').responses[7]!.submittedAt).toBe(Date.UTC(2023, 1, 4, 11, 39, 51));
    expect(readFixture('ordinal-grid-partial-rankings.csv', { responses: { dateOrder: 'day-first' } }).responses[7]!.submittedAt).toBe(
      Date.UTC(2023, 3, 2, 10, 39, 51),
    );
  });

  it('forms-download-quoted.csv: every field quoted, timestamps with CET, empty answers, an answer holding a comma', () => {
    const sheet = readFixture('forms-download-quoted.csv');
    expect(sheet.timestampColumn).toBe(0);
    expect(sheet.identityColumn).toBeNull();
    expect(sheet.races.map((r) => r.race)).toEqual([
      'Which kind of plant you want to be in a forest?',
      'Do you always dream? If yes, what type of dream you always have?',
      'Which direction do you think your lucky direction is?',
      'Any Halloween plan? What do you want to dress up as?',
      "What's your favorite part of your body?",
      'Any dream hair colors if possible?',
      'Which moment you like the most in a day?',
    ]);
    expect(sheet.races.every((r) => r.kind === 'single')).toBe(true);
    expect(sheet.responses).toHaveLength(18);
    // 2:09:12 pm CET (UTC+1) and 11:51:44 am CET.
    expect(sheet.responses[0]!.submittedAt).toBe(Date.UTC(2024, 9, 17, 13, 9, 12));
    expect(sheet.responses[17]).toMatchObject({ row: 19, submittedAt: Date.UTC(2024, 9, 21, 10, 51, 44) });
    const moment = sheet.races[6]!;
    expect(moment.candidates).toEqual(['Sunset', 'Sunrise', 'Evening', 'Afternoon']);
    // Row 13 left the last question empty; row 17 the direction.
    expect(sheet.responses[11]).toMatchObject({ row: 13, races: { [moment.race]: { kind: 'single', choice: null } } });
    expect(sheet.responses[15]).toMatchObject({ row: 17, races: { 'Which direction do you think your lucky direction is?': { kind: 'single', choice: null } } });
    // "Be some inorganic life-form, like headphone" is one answer, given three times, never split.
    const halloween = sheet.races[3]!;
    expect(halloween.candidates).toContain('Be some inorganic life-form, like headphone');
    expect(sheet.responses[5]!.races[halloween.race]).toEqual({ kind: 'single', choice: 'Be some inorganic life-form, like headphone' });
    // Row 14 wrote "Barbie " with a trailing space: reported without it.
    expect(sheet.responses[12]!.races[halloween.race]).toEqual({ kind: 'single', choice: 'Barbie' });
  });
});

describe('shapes seen in real exports that SOURCES.md lists without keeping a file', () => {
  const read = (values: unknown[][], rules: RulesInput = {}) => readResponses(values, { source: 'inline', rules: parseRules(rules), timeZone: 'Europe/Berlin' });

  it('day-first timestamps, read as the rules state the locale', () => {
    const values = [['Timestamp', 'Email Address', 'Mayor'], ['08/03/2026 21:42:55', 'ana@example.org', 'Ana']];
    // 8 March 2026 in Berlin is CET, UTC+1.
    expect(read(values, { responses: { dateOrder: 'day-first' } }).responses[0]!.submittedAt).toBe(Date.UTC(2026, 2, 8, 20, 42, 55));
  });

  it('timestamps with an offset: 2018/06/15 10:05:57 PM GMT+5:30', () => {
    const values = [['Timestamp', 'Mayor'], ['2018/06/15 10:05:57 PM GMT+5:30', 'Ana']];
    expect(read(values).responses[0]!.submittedAt).toBe(Date.UTC(2018, 5, 15, 16, 35, 57));
  });

  it('"Email address" in lower case', () => {
    expect(read([['Timestamp', 'Email address', 'Mayor']]).identityColumn).toEqual({ index: 1, header: 'Email address' });
  });

  it('padded and repeated headers ("  Gender  ", the same question title twice)', () => {
    const sheet = read([
      ['Timestamp', '  Gender  ', '  Which candidate for mayor?  ', 'Which candidate for mayor?'],
      ['5/27/2026 19:30:00', 'f', 'Ana', 'Bo'],
    ]);
    expect(sheet.ignored.map((c) => c.header)).toEqual(['Gender']);
    expect(sheet.races.map((r) => r.race)).toEqual(['Which candidate for mayor?', 'Which candidate for mayor? (2)']);
    expect(Object.values(sheet.responses[0]!.races)).toEqual([{ kind: 'single', choice: 'Ana' }, { kind: 'single', choice: 'Bo' }]);
  });

  it('checkbox answers joined with ", " in a linked sheet', () => {
    const values = [['Timestamp', 'City council (choose up to 2)'], ['5/27/2026 19:30:00', 'Ana Diaz, Bo Li'], ['5/27/2026 19:31:00', 'Bo Li, Cy Park']];
    expect(read(values).responses.map((r) => r.races['City council (choose up to 2)'])).toEqual([
      { kind: 'approval', choices: ['Ana Diaz', 'Bo Li'] },
      { kind: 'approval', choices: ['Bo Li', 'Cy Park'] },
    ]);
  });

  it('checkbox answers joined with ";" in the Forms download', () => {
    const values = [['Timestamp', 'City council (choose up to 2)'], ['2026/05/27 7:30:00 pm CEST', 'Ana Diaz;Bo Li'], ['2026/05/27 7:31:00 pm CEST', 'Bo Li;Cy Park']];
    const sheet = read(values);
    expect(sheet.responses[0]!.submittedAt).toBe(Date.UTC(2026, 4, 27, 17, 30));
    expect(sheet.responses.map((r) => r.races['City council (choose up to 2)'])).toEqual([
      { kind: 'approval', choices: ['Ana Diaz', 'Bo Li'] },
      { kind: 'approval', choices: ['Bo Li', 'Cy Park'] },
    ]);
  });

  it('a grid whose rows are ranks ("Ballot [1st choice]") and whose cells hold candidate names', () => {
    const sheet = read([
      ['Timestamp', 'Ballot [1st choice]', 'Ballot [2nd choice]'],
      ['5/27/2026 19:30:00', 'Bo Li', 'Ana Diaz'],
    ]);
    expect(sheet.races[0]).toMatchObject({ race: 'Ballot', orientation: 'rank-rows', candidates: ['Bo Li', 'Ana Diaz'] });
    expect(sheet.responses[0]!.races['Ballot']).toEqual({ kind: 'ranked', ranks: [['Bo Li'], ['Ana Diaz']] });
  });

  it('a title that ends with a space, giving two spaces before "["', () => {
    const sheet = read([['Timestamp', 'Mayor  [Ana Diaz]', 'Mayor  [Bo Li]'], ['5/27/2026 19:30:00', '2', '1']]);
    expect(sheet.races[0]).toMatchObject({ race: 'Mayor', candidates: ['Ana Diaz', 'Bo Li'] });
    expect(sheet.responses[0]!.races['Mayor']).toEqual({ kind: 'ranked', ranks: [['Bo Li'], ['Ana Diaz']] });
  });
});
