import { describe, expect, it } from 'vitest';
import { EMPTY_GRID_TITLE, splitGridHeader } from '../../../src/core/header';
import { InputError } from '../../../src/core/inputError';
import { readResponses } from '../../../src/core/responses';
import { parseRules, type RulesInput } from '../../../src/core/rules';

const read = (values: unknown[][], rules: RulesInput = {}) =>
  readResponses(values, { source: 'responses.csv', rules: parseRules(rules), timeZone: 'America/Chicago' });
const headerOnly = (...headers: string[]) => read([headers, headers.map((_, i) => (i === 0 ? '5/27/2026 19:30:00' : 'x'))]);

describe('splitting a grid header, Title [Row], on the last " ["', () => {
  it.each([
    ['Mayor [Ana Diaz]', { title: 'Mayor', row: 'Ana Diaz' }],
    ['Vote [2026] [Ana]', { title: 'Vote [2026]', row: 'Ana' }],
    ['Council, Ward 3 (choose 2) [Diaz, Ana]', { title: 'Council, Ward 3 (choose 2)', row: 'Diaz, Ana' }],
    [' [A. Black-faced spoonbill]', { title: '', row: 'A. Black-faced spoonbill' }],
    // A title that ends with a space leaves two spaces before "[".
    ['Ballot  [1st choice]', { title: 'Ballot', row: '1st choice' }],
    ['  Mayor [Ana]  ', { title: 'Mayor', row: 'Ana' }],
  ])('%j', (header, parts) => {
    expect(splitGridHeader(header)).toEqual(parts);
  });

  it.each([['Mayor'], ['Budget [draft'], ['Mayor[Ana]x']])('%j is not a grid header', (header) => {
    expect(splitGridHeader(header)).toBeNull();
  });
});

describe('recognizing the columns of a response sheet', () => {
  it('finds the timestamp and the identity among Email Address, Email address, Email and Username', () => {
    for (const identity of ['Email Address', 'Email address', 'Email', 'Username', 'E-mail']) {
      const sheet = headerOnly('Timestamp', identity, 'Mayor');
      expect(sheet.timestampColumn).toBe(0);
      expect(sheet.identityColumn).toEqual({ index: 1, header: identity });
      expect(sheet.races.map((r) => r.race)).toEqual(['Mayor']);
    }
  });

  it('takes a voter-code question as the identity of an anonymous ballot', () => {
    expect(headerOnly('Timestamp', 'Mayor', 'Your voter code').identityColumn).toEqual({ index: 2, header: 'Your voter code' });
  });

  it('prefers the address Forms collects to an email question, and says why the other is set aside', () => {
    const sheet = headerOnly('Timestamp', 'Email', 'Email Address', 'Mayor');
    expect(sheet.identityColumn).toEqual({ index: 2, header: 'Email Address' });
    expect(sheet.ignored).toEqual([{ index: 1, header: 'Email', why: expect.stringMatching(/another identity column.*"Email Address"/) }]);
  });

  it('reads the identity from the column the rules name', () => {
    const sheet = read([['Timestamp', 'Email Address', 'Initials', 'Mayor']], { responses: { identityColumn: 'initials' } });
    expect(sheet.identityColumn).toEqual({ index: 2, header: 'Initials' });
    expect(sheet.ignored.map((c) => c.header)).toEqual(['Email Address']);
  });

  it('refuses an identity column the header row does not have, naming it', () => {
    expect(() => read([['Timestamp', 'Mayor']], { responses: { identityColumn: 'Member number' } })).toThrow(
      'responses.csv, row 1, column "Member number": rules.responses.identityColumn names this column, but the header row has no such column',
    );
  });

  it('works without a timestamp or an identity column', () => {
    const sheet = read([['Mayor'], ['Ana']]);
    expect(sheet.timestampColumn).toBeNull();
    expect(sheet.identityColumn).toBeNull();
    expect(sheet.responses[0]).toMatchObject({ row: 2, submittedAt: null, voter: null });
  });

  it('sets aside names, student numbers and comments, which are not races', () => {
    const sheet = headerOnly('Timestamp', 'Your name', 'What is your OSIS?', 'Mayor', 'Any comments?', '  Gender  ', 'Score');
    expect(sheet.races.map((r) => r.race)).toEqual(['Mayor']);
    expect(sheet.ignored.map((c) => [c.index, c.header])).toEqual([
      [1, 'Your name'], [2, 'What is your OSIS?'], [4, 'Any comments?'], [5, 'Gender'], [6, 'Score'],
    ]);
  });

  it('counts a question the rules name as a race even when its title looks like a personal question', () => {
    const sheet = headerOnly('Timestamp', 'Name our new chapter', 'Mayor');
    expect(sheet.races.map((r) => r.race)).toEqual(['Mayor']);
    const named = read([['Timestamp', 'Name our new chapter', 'Mayor']], { races: { 'Name our new chapter': {} } });
    expect(named.races.map((r) => r.race)).toEqual(['Name our new chapter', 'Mayor']);
  });

  it('sets aside the columns the rules list, by header or by a grid’s title', () => {
    const sheet = read(
      [['Timestamp', 'Mayor', 'Pizza or tacos?', 'Priorities [Housing]', 'Priorities [Transit]', 'Council [Ana]', 'Council [Bo]']],
      { responses: { ignoreColumns: ['pizza or tacos?', 'Priorities'] } },
    );
    expect(sheet.races.map((r) => r.race)).toEqual(['Mayor', 'Council']);
    expect(sheet.ignored.map((c) => c.index)).toEqual([2, 3, 4]);
    expect(sheet.ignored.every((c) => c.why === 'listed in rules.responses.ignoreColumns')).toBe(true);
  });

  it('names a grid with an empty title, whose headers start with " [", by a stated fallback', () => {
    const sheet = read([['Timestamp', ' [Ana]', ' [Bo]'], ['5/27/2026 19:30:00', '1', '2']]);
    expect(EMPTY_GRID_TITLE).toBe('Ranking');
    expect(sheet.races).toEqual([expect.objectContaining({ race: 'Ranking', candidates: ['Ana', 'Bo'], columns: [1, 2] })]);
  });

  it('reads a lone Title [x] as a plain question whose title holds brackets', () => {
    const sheet = read([['Timestamp', 'Measure A [binding]'], ['5/27/2026 19:30:00', 'Yes']]);
    expect(sheet.races).toEqual([expect.objectContaining({ race: 'Measure A [binding]', kind: 'single', candidates: ['Yes'] })]);
  });

  it('gives a repeated title a second race, "Mayor (2)", for plain questions and grids alike', () => {
    const sheet = read([
      ['Timestamp', '  Mayor  ', 'Mayor', 'Council [Ana]', 'Council [Bo]', 'Council [Ana]', 'Council [Bo]'],
      ['5/27/2026 19:30:00', 'Ana', 'Bo', '1', '2', '2', '1'],
    ]);
    expect(sheet.races.map((r) => [r.race, r.title, r.columns])).toEqual([
      ['Mayor', 'Mayor', [1]], ['Mayor (2)', 'Mayor', [2]], ['Council', 'Council', [3, 4]], ['Council (2)', 'Council', [5, 6]],
    ]);
    expect(sheet.responses[0]!.races).toEqual({
      Mayor: { kind: 'single', choice: 'Ana' },
      'Mayor (2)': { kind: 'single', choice: 'Bo' },
      Council: { kind: 'ranked', ranks: [['Ana'], ['Bo']] },
      'Council (2)': { kind: 'ranked', ranks: [['Bo'], ['Ana']] },
    });
  });

  it('sets aside a column without a header that holds answers, and drops an empty one quietly', () => {
    const sheet = read([['Timestamp', 'Mayor', '', ''], ['5/27/2026 19:30:00', 'Ana', 'scribble', '']]);
    expect(sheet.ignored).toEqual([{ index: 2, header: '', why: expect.stringMatching(/no header/) }]);
  });

  it('maps columns to a race as the rules say: several single questions become one ranking', () => {
    const sheet = read(
      [
        ['Timestamp', 'Email Address', 'First choice for mayor', 'Second choice for mayor', 'Third choice for mayor'],
        ['5/27/2026 19:30:00', 'ana@example.org', 'Bo Li', 'Ana Diaz', ''],
      ],
      { races: { Mayor: { columns: ['First choice for mayor', 'Second choice for mayor', 'Third choice for mayor'] } } },
    );
    expect(sheet.races).toEqual([{ race: 'Mayor', title: 'Mayor', kind: 'ranked', columns: [2, 3, 4], orientation: 'rank-rows', candidates: ['Bo Li', 'Ana Diaz'] }]);
    expect(sheet.responses[0]!.races['Mayor']).toEqual({ kind: 'ranked', ranks: [['Bo Li'], ['Ana Diaz']] });
  });

  it('maps one column to a race under the rules’ name', () => {
    const sheet = read([['Timestamp', 'Who should we endorse for mayor?'], ['5/27/2026 19:30:00', 'Ana']], {
      races: { Mayor: { columns: ['who should we endorse for mayor?'] } },
    });
    expect(sheet.races.map((r) => [r.race, r.title, r.kind])).toEqual([['Mayor', 'Mayor', 'single']]);
    expect(sheet.responses[0]!.races).toEqual({ Mayor: { kind: 'single', choice: 'Ana' } });
  });

  it('refuses a mapping to a column that is not there, naming the column and the setting', () => {
    const attempt = () => read([['Timestamp', 'Mayor']], { races: { Mayor: { columns: ['Mayor race'] } } });
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow('responses.csv, row 1, column "Mayor race": rules.races["Mayor"].columns names this column, but the header row has no such column');
  });

  it('refuses a mapping whose header appears twice, and a column mapped to two races', () => {
    expect(() => read([['Mayor', 'Mayor']], { races: { Mayor: { columns: ['Mayor'] } } })).toThrow(/2 columns have that header/);
    expect(() => read([['Mayor']], { races: { A: { columns: ['Mayor'] }, B: { columns: ['Mayor'] } } })).toThrow(/another race already holds/);
  });

  it('refuses a sheet without a header row', () => {
    expect(() => read([])).toThrow('responses.csv: no header row: the sheet is empty');
    expect(() => read([['', ' '], ['5/27/2026 19:30:00', 'Ana']])).toThrow(/row 1: no header row/);
    expect(() => read([['5/27/2026 19:30:00', 'ana@example.org', 'Ana']])).toThrow(
      'responses.csv, row 1: no header row: row 1 holds a response ("5/27/2026 19:30:00"), not the question titles',
    );
    expect(() => read([[new Date(), 'Ana']])).toThrow(/no header row/);
  });
});
