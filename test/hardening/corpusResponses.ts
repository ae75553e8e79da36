/** The corpus, part 1: response sheets whose shape, headers, identities or timestamps are bad or hostile. */
import vm from 'node:vm';
import { expect } from 'vitest';
import { HEAD, LATER, ROSTER, T, WINDOW, ballots, race, refusals, votes, type SheetCase } from './corpusCase';

const blankRows = (n: number, width: number) => Array.from({ length: n }, () => Array.from({ length: width }, () => ''));
const notATimestamp = /is not a timestamp: expected a date and time/;

export const RESPONSE_CASES: SheetCase[] = [
  // Empty or oddly shaped sheets.
  {
    kind: 'empty or odd shape', name: 'an empty sheet', responses: [],
    expected: { error: 'InputError', at: 'responses.csv', says: /no header row: the sheet is empty/ },
  },
  {
    kind: 'empty or odd shape', name: 'a sheet of blank rows', responses: blankRows(5, 3),
    expected: { error: 'InputError', at: 'responses.csv, row 1', says: /no header row: row 1 must hold the question titles/ },
  },
  {
    kind: 'empty or odd shape', name: 'a header row and nothing else', responses: [HEAD],
    expected: {
      behaviour: 'a form nobody answered counts no ballot: the race ends with no endorsement, no votes cast',
      check: (o) => {
        expect(o.json.ballots).toEqual({ received: 0, accepted: 0, refused: 0 });
        expect(race(o).outcome).toBe('no-endorsement');
        expect(race(o).rounds[0]!.votesCast).toBe(0);
      },
    },
  },
  {
    kind: 'empty or odd shape', name: 'a first row that is a response, not the questions', responses: [[T, 'ana@example.org', 'Ana Diaz'], [LATER, 'bo@example.org', 'Bo Li']],
    expected: { error: 'InputError', at: 'responses.csv, row 1', says: /no header row: row 1 holds a response \("5\/22\/2026 9:00:00"\)/ },
  },
  {
    kind: 'empty or odd shape', name: 'a blank header row above answers', responses: [['', '', ''], [T, 'ana@example.org', 'Ana Diaz']],
    expected: { error: 'InputError', at: 'responses.csv, row 1', says: /it is empty/ },
  },
  {
    kind: 'empty or odd shape', name: 'a missing header row (null)', sheetOnly: true, responses: [null as unknown as unknown[], [T, 'ana@example.org', 'Ana Diaz']],
    expected: { error: 'InputError', at: 'responses.csv, row 1', says: /it is empty/ },
  },
  {
    kind: 'empty or odd shape', name: 'missing rows (null, undefined) between responses', sheetOnly: true,
    responses: [HEAD, null as unknown as unknown[], [T, 'ana@example.org', 'Ana Diaz'], undefined as unknown as unknown[], [T, '', 'Bo Li']],
    expected: {
      behaviour: 'rows with nothing in them are skipped, and every other row keeps its sheet row number',
      check: (o) => {
        expect(o.json.ballots.received).toBe(2);
        expect(refusals(o)).toEqual([[5, 'no-voter-identity']]);
      },
    },
  },
  {
    kind: 'empty or odd shape', name: 'blank rows between responses', responses: [HEAD, ...blankRows(3, 3), [T, '', 'Ana Diaz']],
    expected: {
      behaviour: 'blank rows are skipped; a refusal names the row as Sheets numbers it',
      check: (o) => expect(refusals(o)).toEqual([[5, 'no-voter-identity']]),
    },
  },
  {
    kind: 'empty or odd shape', name: 'a row shorter than the header', responses: [HEAD, [T, 'ana@example.org'], [T, 'bo@example.org', 'Bo Li']],
    expected: {
      behaviour: 'missing cells at the end of a row are blank, as Sheets shows them: a blank vote, not a vote cast',
      check: (o) => {
        expect(o.json.ballots.accepted).toBe(2);
        expect(race(o).rounds[0]!.blank).toBe(1);
        expect(votes(o)).toEqual({ 'Bo Li': 1 });
      },
    },
  },
  {
    kind: 'empty or odd shape', name: 'a row longer than the header (an unquoted comma shifted it)', responses: [HEAD, [T, 'ana@example.org', 'Smith', 'Jr.']],
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "D"', says: /"Jr\." is past the last column of the header row \(3 columns\)/ },
  },
  {
    kind: 'empty or odd shape', name: 'trailing empty cells past the header', responses: [HEAD, [T, 'ana@example.org', 'Ana Diaz', '', '', '']],
    expected: { behaviour: 'empty cells past the last question are nothing', check: (o) => expect(votes(o)).toEqual({ 'Ana Diaz': 1 }) },
  },
  {
    kind: 'empty or odd shape', name: 'a thousand empty columns', responses: [[...HEAD, ...Array(1000).fill('')], [T, 'ana@example.org', 'Ana Diaz', ...Array(1000).fill('')]],
    expected: { behaviour: 'columns with neither a title nor an answer are not questions', check: (o) => expect(o.json.races.map((r) => r.race)).toEqual(['Mayor']) },
  },
  {
    kind: 'empty or odd shape', name: 'a sheet with no question that is a race', responses: [['Timestamp', 'Email Address', 'Your name'], [T, 'ana@example.org', 'Ana']],
    expected: {
      behaviour: 'without a race the ballots are still admitted and counted toward turnout; there is nothing to tally',
      check: (o) => {
        expect(o.json.races).toEqual([]);
        expect(o.json.ballots.accepted).toBe(1);
      },
    },
  },

  // Headers.
  {
    kind: 'headers', name: 'the same question twice', responses: [['Timestamp', 'Email Address', 'Mayor', 'Mayor'], [T, 'ana@example.org', 'Ana Diaz', 'Bo Li']],
    expected: { behaviour: 'a title asked twice makes two races, "Mayor" and "Mayor (2)"', check: (o) => expect(o.json.races.map((r) => r.race)).toEqual(['Mayor', 'Mayor (2)']) },
  },
  {
    kind: 'headers', name: 'two "Email Address" columns', responses: [['Timestamp', 'Email Address', 'Email Address', 'Mayor'], [T, 'ana@example.org', 'x@example.org', 'Ana Diaz'], [LATER, 'ana@example.org', 'y@example.org', 'Bo Li']],
    expected: {
      behaviour: 'the first identity column is the voter; the second is set aside, so one member still has one ballot',
      check: (o) => expect(refusals(o)).toEqual([[2, 'superseded']]),
    },
  },
  {
    kind: 'headers', name: 'answers under a blank header cell', responses: [['Timestamp', 'Email Address', 'Mayor', ''], [T, 'ana@example.org', 'Ana Diaz', 'Bo Li']],
    expected: { behaviour: 'a column without a question title is not read as a race', check: (o) => expect(o.json.races.map((r) => r.race)).toEqual(['Mayor']) },
  },
  {
    kind: 'headers', name: 'a header cell merged over three columns', responses: [['Timestamp', 'Email Address', 'Mayor', '', ''], [T, 'ana@example.org', 'Ana Diaz', 'Bo Li', 'Cy Wu']],
    expected: {
      behaviour: 'Sheets gives a merged title to its first cell only: the others are columns without a title, not read',
      check: (o) => expect(votes(o)).toEqual({ 'Ana Diaz': 1 }),
    },
  },
  {
    kind: 'headers', name: 'a byte-order mark before "Timestamp"', rules: WINDOW,
    responses: [['\uFEFFTimestamp', 'Email Address', 'Mayor'], ['6/30/2026 9:00:00', 'ana@example.org', 'Ana Diaz']],
    expected: { behaviour: 'the mark is dropped: the timestamp column is found, and a late ballot refused', check: (o) => expect(refusals(o)).toEqual([[2, 'outside-voting-window']]) },
  },
  {
    kind: 'headers', name: 'a zero-width space inside "Email Address"', responses: [['Timestamp', 'Email\u200B Address', 'Mayor'], [T, '', 'Ana Diaz']],
    expected: { behaviour: 'headers are recognized ignoring invisible characters: the identity column is found', check: (o) => expect(refusals(o)).toEqual([[2, 'no-voter-identity']]) },
  },
  {
    kind: 'headers', name: 'a no-break space inside "Email Address"', responses: [['Timestamp', 'Email\u00A0Address', 'Mayor'], [T, '', 'Ana Diaz']],
    expected: { behaviour: 'a no-break space is a space: the identity column is found', check: (o) => expect(refusals(o)).toEqual([[2, 'no-voter-identity']]) },
  },
  {
    kind: 'headers', name: 'a question title written right to left with an override', responses: [['Timestamp', 'Email Address', '\u202EroyaM'], [T, 'ana@example.org', 'Ana Diaz']],
    expected: { behaviour: 'a title is the race name as written, override and all', check: (o) => expect(votes(o, '\u202EroyaM')).toEqual({ 'Ana Diaz': 1 }) },
  },
  {
    kind: 'headers', name: 'numbers and booleans as titles', sheetOnly: true, responses: [['Timestamp', 'Email Address', 2026, true], [T, 'ana@example.org', 'Ana Diaz', 'Yes']],
    expected: { behaviour: 'a title that Sheets holds as a number or a boolean is read as its text', check: (o) => expect(o.json.races.map((r) => r.race)).toEqual(['2026', 'TRUE']) },
  },
  {
    kind: 'headers', name: 'a Date in the header row', sheetOnly: true, responses: [[new Date(Date.UTC(2026, 4, 22)), 'Email Address', 'Mayor'], [T, 'ana@example.org', 'Ana Diaz']],
    expected: { error: 'InputError', at: 'responses.csv, row 1', says: /no header row: row 1 holds a response/ },
  },
  {
    kind: 'headers', name: 'a 50,000-character title', responses: [['Timestamp', 'Email Address', 'M'.repeat(50_000)], [T, 'ana@example.org', 'Ana Diaz']],
    expected: { behaviour: 'the longest title a cell holds is a race like any other', check: (o) => expect(o.json.races[0]!.race).toHaveLength(50_000) },
  },
  {
    kind: 'headers', name: 'name and comment questions', responses: [['Timestamp', 'Email Address', 'Your name', 'Mayor', 'Comments'], [T, 'ana@example.org', 'Ana', 'Ana Diaz', 'Go Ana']],
    expected: { behaviour: 'questions asking for a name or a comment are not races', check: (o) => expect(o.json.races.map((r) => r.race)).toEqual(['Mayor']) },
  },
  {
    kind: 'headers', name: 'titles that are names of object properties', responses: [['Timestamp', 'Email Address', 'constructor', '__proto__', 'toString'], [T, 'ana@example.org', 'Ana Diaz', 'Bo Li', 'Cy Wu']],
    expected: {
      behaviour: 'a race may be called anything, "__proto__" included',
      check: (o) => {
        expect(o.json.races.map((r) => r.race)).toEqual(['constructor', '__proto__', 'toString']);
        expect(o.json.races.map((r) => r.outcome)).toEqual(['endorsed', 'endorsed', 'endorsed']);
      },
    },
  },
  {
    kind: 'headers', name: 'a grid whose title is empty', responses: [['Timestamp', 'Email Address', ' [Ana Diaz]', ' [Bo Li]'], [T, 'ana@example.org', '1', '2']],
    expected: { behaviour: 'an empty grid title becomes "Ranking"', check: (o) => expect(race(o, 'Ranking').kind).toBe('ranked') },
  },
  {
    kind: 'headers', name: 'titles made of brackets', responses: [['Timestamp', 'Email Address', '[', ']', '[]'], [T, 'ana@example.org', 'Yes', 'No', 'Maybe']],
    expected: { behaviour: 'a bracket alone is not a grid: each is a question of its own', check: (o) => expect(o.json.races.map((r) => r.race)).toEqual(['[', ']', '[]']) },
  },

  // Voter identity.
  {
    kind: 'voter identity', name: 'no identity column', responses: [['Timestamp', 'Mayor'], [T, 'Ana Diaz'], [T, 'Ana Diaz']],
    expected: { behaviour: 'ballots without an identity column are anonymous and each one counts, with a notice that anyone with the link could vote', check: (o) => {
      expect(votes(o)).toEqual({ 'Ana Diaz': 2 });
      expect(o.json.notices).toEqual([expect.stringMatching(/names no voter and no roster was given: anyone with the form's link could vote/)]);
    } },
  },
  {
    kind: 'voter identity', name: 'no identity column, with a roster', responses: [['Timestamp', 'Mayor'], [T, 'Ana Diaz'], [T, 'Ana Diaz']], roster: ROSTER,
    expected: { error: 'InputError', at: 'responses.csv, row 1', says: /no column names the voter .* so no ballot can be matched to the roster/ },
  },
  {
    kind: 'voter identity', name: 'blank and space-only identity cells', responses: ballots(['', 'Ana Diaz'], ['   ', 'Bo Li'], ['cy@example.org', 'Cy Wu']),
    expected: { behaviour: 'a response without an identity is refused at its row', check: (o) => expect(refusals(o)).toEqual([[2, 'no-voter-identity'], [3, 'no-voter-identity']]) },
  },
  {
    kind: 'voter identity', name: 'a number and a boolean as identities', sheetOnly: true, roster: ROSTER, responses: ballots([12345 as unknown as string, 'Ana Diaz'], [true as unknown as string, 'Bo Li']),
    expected: { behaviour: 'an identity is read as its text and matched to the roster like any other', check: (o) => expect(refusals(o)).toEqual([[2, 'not-on-roster'], [3, 'not-on-roster']]) },
  },
  {
    kind: 'voter identity', name: 'a 50,000-character identity', roster: ROSTER, responses: ballots(['a'.repeat(50_000), 'Ana Diaz']),
    expected: { behaviour: 'it is nobody on the roster', check: (o) => expect(refusals(o)).toEqual([[2, 'not-on-roster']]) },
  },
  {
    kind: 'voter identity', name: 'a formula as identity', roster: ROSTER, responses: ballots(['=IMPORTRANGE("x","A1")', 'Ana Diaz']),
    expected: { behaviour: 'a formula is text like any other', check: (o) => expect(o.json.refused[0]).toMatchObject({ row: 2, reason: 'not-on-roster', voter: '=IMPORTRANGE("x","A1")' }) },
  },
  {
    kind: 'voter identity', name: 'a control character inside an address', roster: ROSTER, responses: ballots(['ana@example.org\u0007', 'Ana Diaz']),
    expected: { behaviour: 'a control character makes another address', check: (o) => expect(refusals(o)).toEqual([[2, 'not-on-roster']]) },
  },
  {
    kind: 'voter identity', name: 'invisible characters around a member\'s address', roster: ROSTER,
    responses: ballots(['ana@example.org\u200B', 'Ana Diaz'], ['\u200Fbo@example.org', 'Bo Li'], ['\uFEFFcy@\u00ADexample.org', 'Cy Wu']),
    expected: { behaviour: 'addresses are matched ignoring invisible characters (zero-width space, direction mark, soft hyphen)', check: (o) => expect(o.json.ballots.accepted).toBe(3) },
  },
  {
    kind: 'voter identity', name: 'a member voting twice in different case and padding', roster: ROSTER, responses: ballots(['ana@example.org', 'Ana Diaz', T], [' ANA@Example.ORG ', 'Bo Li', LATER]),
    expected: { behaviour: 'addresses are compared trimmed and lower-cased: the later ballot counts', check: (o) => {
      expect(refusals(o)).toEqual([[2, 'superseded']]);
      expect(votes(o)).toEqual({ 'Bo Li': 1, 'Ana Diaz': 0 });
    } },
  },
  {
    kind: 'voter identity', name: 'a voter code used twice', responses: [['Timestamp', 'Voter code', 'Mayor'], [T, 'K7-3Q', 'Ana Diaz'], [LATER, 'K7-3Q', 'Bo Li']],
    expected: { behaviour: 'a voter-code question is the identity: one ballot per code, the latest', check: (o) => expect(refusals(o)).toEqual([[2, 'superseded']]) },
  },
  {
    kind: 'voter identity', name: 'an identity column the rules name but the sheet lacks', rules: { responses: { identityColumn: 'Member ID' } }, responses: ballots(['ana@example.org', 'Ana Diaz']),
    expected: { error: 'InputError', at: 'responses.csv, row 1, column "Member ID"', says: /names this column, but the header row has no such column/ },
  },

  // Timestamps.
  {
    kind: 'timestamps', name: 'a word where the timestamp goes', responses: ballots(['ana@example.org', 'Ana Diaz', 'yesterday']),
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "Timestamp"', says: /"yesterday" is not a timestamp/ },
  },
  {
    kind: 'timestamps', name: 'a line break inside the timestamp cell', responses: ballots(['ana@example.org', 'Ana Diaz', '5/22/2026\n9:00:00']),
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "Timestamp"', says: /^"5\/22\/2026\n9:00:00" ends with a time zone we do not read/ },
  },
  {
    kind: 'timestamps', name: 'a day-first date under the default month-first order', responses: ballots(['ana@example.org', 'Ana Diaz', '22/05/2026 9:00:00']),
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "Timestamp"', says: /it reads as a date day-first: set rules\.responses\.dateOrder to "day-first"/ },
  },
  {
    kind: 'timestamps', name: 'an ambiguous zone abbreviation', responses: ballots(['ana@example.org', 'Ana Diaz', '2026/05/22 9:00:00 am IST']),
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "Timestamp"', says: /ends with a time zone we do not read \("IST"\)/ },
  },
  {
    kind: 'timestamps', name: 'a timestamp in the far future, with a voting window', rules: WINDOW, responses: ballots(['ana@example.org', 'Ana Diaz', '1/1/2999 0:00:00']),
    expected: { behaviour: 'it is outside the window, and refused', check: (o) => expect(o.json.refused[0]).toMatchObject({ row: 2, reason: 'outside-voting-window', detail: expect.stringContaining('2999-01-01') }) },
  },
  {
    kind: 'timestamps', name: 'a timestamp in the far future, without a window', responses: ballots(['ana@example.org', 'Ana Diaz', '1/1/2999 0:00:00'], ['ana@example.org', 'Bo Li', LATER]),
    expected: {
      behaviour: 'without a window a timestamp only orders a member\'s ballots: the far-future one is the latest (docs/reliability.md: set a window)',
      check: (o) => {
        expect(refusals(o)).toEqual([[3, 'superseded']]);
        expect(votes(o)).toEqual({ 'Ana Diaz': 1, 'Bo Li': 0 });
      },
    },
  },
  {
    kind: 'timestamps', name: 'a year written with four digits below 1900', responses: ballots(['ana@example.org', 'Ana Diaz', '0099/01/01 00:00:00']),
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "Timestamp"', says: notATimestamp },
  },
  {
    kind: 'timestamps', name: 'February 30th', responses: ballots(['ana@example.org', 'Ana Diaz', '2/30/2026 9:00:00']),
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "Timestamp"', says: notATimestamp },
  },
  {
    kind: 'timestamps', name: 'the 25th hour', responses: ballots(['ana@example.org', 'Ana Diaz', '5/22/2026 25:00:00']),
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "Timestamp"', says: notATimestamp },
  },
  {
    kind: 'timestamps', name: 'a 50,000-character timestamp', responses: ballots(['ana@example.org', 'Ana Diaz', '5'.repeat(50_000)]),
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "Timestamp"', says: notATimestamp },
  },
  {
    kind: 'timestamps', name: 'an ISO timestamp with an offset', rules: WINDOW, responses: ballots(['ana@example.org', 'Ana Diaz', '2026-05-22T02:00:00+00:00']),
    expected: {
      behaviour: 'an explicit offset wins over the zone: 02:00 UTC is still May 21 in Chicago, before the window opens',
      check: (o) => expect(refusals(o)).toEqual([[2, 'outside-voting-window']]),
    },
  },
  {
    kind: 'timestamps', name: 'a blank timestamp, with a voting window', rules: WINDOW, responses: ballots(['ana@example.org', 'Ana Diaz', '']),
    expected: { behaviour: 'a ballot without a timestamp cannot be placed in the window: refused', check: (o) => expect(o.json.refused[0]).toMatchObject({ row: 2, reason: 'outside-voting-window', detail: expect.stringContaining('has no timestamp') }) },
  },
  {
    kind: 'timestamps', name: 'a Sheets serial number', sheetOnly: true, rules: WINDOW, responses: ballots(['ana@example.org', 'Ana Diaz', 46164.4]),
    expected: { behaviour: 'a number is a Sheets date serial (days since 1899-12-30) in the zone: 2026-05-22, inside the window', check: (o) => expect(o.json.ballots.accepted).toBe(1) },
  },
  ...[1e12, 3e6, -1, 0, Number.NaN, Number.POSITIVE_INFINITY, true].map((value): SheetCase => ({
    kind: 'timestamps', name: `${String(value)} in the timestamp cell`, sheetOnly: true, responses: ballots(['ana@example.org', 'Ana Diaz', value]),
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "Timestamp"', says: new RegExp(`^${String(value)} is not a timestamp`) },
  })),
  {
    kind: 'timestamps', name: 'an invalid Date object', sheetOnly: true, responses: ballots(['ana@example.org', 'Ana Diaz', new Date(Number.NaN)]),
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "Timestamp"', says: /the timestamp cell holds an invalid date/ },
  },
  {
    kind: 'timestamps', name: 'a Date from another JavaScript realm (as Sheets gives them in the sandbox)', sheetOnly: true, rules: WINDOW,
    responses: ballots(['ana@example.org', 'Ana Diaz', vm.runInNewContext('new Date(Date.UTC(2026, 4, 22, 15))')]),
    expected: { behaviour: 'it is a Date all the same: inside the window', check: (o) => expect(o.json.ballots.accepted).toBe(1) },
  },
];
