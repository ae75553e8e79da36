/** The corpus, part 2: what voters wrote in the races: odd values, hidden or look-alike names, broken rankings. */
import { expect } from 'vitest';
import { T, ballots, flags, race, refusals, votes, type SheetCase } from './corpusCase';

const grid = (...rows: string[][]) => [['Timestamp', 'Email Address', 'DA [Ana Diaz]', 'DA [Bo Li]'], ...rows.map((r, i) => [T, `v${i}@example.org`, ...r])];

export const NAME_CASES: SheetCase[] = [
  // Values a cell can hold.
  {
    kind: 'cell values', name: 'a number, a boolean and a Date as choices', sheetOnly: true,
    responses: ballots(['ana@example.org', 42], ['bo@example.org', false], ['cy@example.org', new Date(Date.UTC(2026, 0, 1))]),
    expected: { behaviour: 'a choice is read as its text: a Date as its ISO instant', check: (o) => expect(votes(o)).toEqual({ '42': 1, FALSE: 1, '2026-01-01T00:00:00.000Z': 1 }) },
  },
  {
    kind: 'cell values', name: 'formulas and spreadsheet-looking text as choices',
    responses: ballots(['ana@example.org', '=HYPERLINK("http://evil.example","Ana Diaz")'], ['bo@example.org', '+1'], ['cy@example.org', '@SUM(A1)']),
    expected: {
      behaviour: 'a formula in a cell is text, counted as written, never evaluated',
      check: (o) => expect(votes(o)).toEqual({ '=HYPERLINK("http://evil.example","Ana Diaz")': 1, '+1': 1, '@SUM(A1)': 1 }),
    },
  },
  {
    kind: 'cell values', name: 'a 50,000-character choice', responses: ballots(['ana@example.org', 'A'.repeat(50_000)], ['bo@example.org', 'A'.repeat(50_000)]),
    expected: { behaviour: 'the longest answer a cell holds is one option', check: (o) => expect(race(o).rounds[0]!.counts).toEqual([{ option: 'A'.repeat(50_000), votes: 2, noEndorsement: false }]) },
  },
  {
    kind: 'cell values', name: 'a line break inside a name', responses: ballots(['ana@example.org', 'Ana\nDiaz'], ['bo@example.org', 'Ana Diaz']),
    expected: { behaviour: 'white space inside a name, line breaks included, reads as one space', check: (o) => expect(votes(o)).toEqual({ 'Ana Diaz': 2 }) },
  },
  {
    kind: 'cell values', name: '"No endorsement" in capitals and with doubled spaces', responses: ballots(['ana@example.org', 'NO  ENDORSEMENT'], ['bo@example.org', 'Ana Diaz']),
    expected: { behaviour: 'labels match ignoring case and spaces: a vote for no endorsement', check: (o) => expect(race(o).rounds[0]!.counts.find((c) => c.noEndorsement)?.votes).toBe(1) },
  },
  {
    kind: 'cell values', name: 'only abstentions', responses: ballots(['ana@example.org', 'Abstain'], ['bo@example.org', 'abstain']),
    expected: {
      behaviour: 'an abstention is a blank, not a vote cast (Robert\'s Rules)',
      check: (o) => expect(race(o).rounds[0]).toMatchObject({ votesCast: 0, blank: 2 }),
    },
  },
  {
    kind: 'cell values', name: 'checkbox answers with empty pieces', rules: { races: { Mayor: { seats: 2 } } },
    responses: ballots(['ana@example.org', 'Ana Diaz;;Bo Li;'], ['bo@example.org', 'Bo Li'], ['cy@example.org', ';']),
    expected: { behaviour: 'a checkbox answer is split on ";", empty pieces dropped; one of only separators is blank', check: (o) => {
      expect(race(o).kind).toBe('approval');
      expect(votes(o)).toEqual({ 'Bo Li': 2, 'Ana Diaz': 1 });
      expect(race(o).rounds[0]!.blank).toBe(1);
    } },
  },
  {
    kind: 'cell values', name: 'two names ticked where one seat is open', responses: ballots(['ana@example.org', 'Ana Diaz;Bo Li'], ['bo@example.org', 'Bo Li']),
    expected: { behaviour: 'read as checkboxes, and a ballot approving more names than seats is an overvote that counts for nobody', check: (o) => {
      expect(votes(o)).toEqual({ 'Bo Li': 1, 'Ana Diaz': 0 });
      expect(race(o).rounds[0]!.inactive.overvote).toBe(1);
    } },
  },

  // Look-alike and hidden names: flagged for review, never merged.
  {
    kind: 'look-alike and hidden names', name: 'a Cyrillic А in a candidate\'s name', responses: ballots(['ana@example.org', 'Ana Diaz'], ['bo@example.org', '\u0410na Diaz']),
    expected: {
      behaviour: 'two options, flagged as look-alike characters naming the Cyrillic letter',
      check: (o) => {
        expect(Object.keys(votes(o))).toHaveLength(2);
        expect(flags(o)).toEqual([expect.stringMatching(/"Ana Diaz", "Аna Diaz": differ only in look-alike characters \(Cyrillic "А" \(U\+0410\) in "Аna Diaz"\); counted as different names/)]);
      },
    },
  },
  {
    kind: 'look-alike and hidden names', name: 'a Greek omicron in the only spelling', responses: ballots(['ana@example.org', 'B\u03BF Li']),
    expected: { behaviour: 'a name mixing scripts is flagged even alone', check: (o) => expect(flags(o)).toEqual([expect.stringMatching(/mixes Latin and Greek letters \(Greek "ο" \(U\+03BF\)\)/)]) },
  },
  {
    kind: 'look-alike and hidden names', name: 'accents on one spelling only', responses: ballots(['ana@example.org', 'Ana Díaz'], ['bo@example.org', 'Ana Diaz']),
    expected: { behaviour: 'two options, flagged as differing only in accents', check: (o) => {
      expect(votes(o)).toEqual({ 'Ana Díaz': 1, 'Ana Diaz': 1 });
      expect(flags(o)).toEqual([expect.stringMatching(/differ only in accents; counted as different names/)]);
    } },
  },
  {
    kind: 'look-alike and hidden names', name: 'a name in capitals', responses: ballots(['ana@example.org', 'Ana Diaz'], ['bo@example.org', 'ANA DIAZ']),
    expected: { behaviour: 'one option (names match ignoring case), and the merge is shown', check: (o) => {
      expect(votes(o)).toEqual({ 'Ana Diaz': 2 });
      expect(flags(o)).toEqual(['Check these names: "Ana Diaz", "ANA DIAZ": differ only in capitals; counted as one name.']);
    } },
  },
  {
    kind: 'look-alike and hidden names', name: 'an accent stored decomposed (NFD) and composed', responses: ballots(['ana@example.org', 'Ana Di\u0301az'], ['bo@example.org', 'Ana D\u00EDaz']),
    expected: { behaviour: 'one option (names are compared in NFC), and the merge is shown', check: (o) => {
      expect(race(o).rounds[0]!.counts).toHaveLength(1);
      expect(flags(o)).toEqual([expect.stringMatching(/how their accents are stored.*counted as one name/)]);
    } },
  },
  {
    kind: 'look-alike and hidden names', name: 'a zero-width space inside a name', responses: ballots(['ana@example.org', 'Ana\u200BDiaz'], ['bo@example.org', 'AnaDiaz']),
    expected: { behaviour: 'two options; the flag shows the hidden character', check: (o) => {
      expect(race(o).rounds[0]!.counts).toHaveLength(2);
      expect(flags(o)).toEqual([expect.stringMatching(/"Ana<U\+200B>Diaz", "AnaDiaz": differ only in invisible characters \(U\+200B zero-width space/)]);
    } },
  },
  {
    kind: 'look-alike and hidden names', name: 'a right-to-left override in a name', responses: ballots(['ana@example.org', '\u202EzaiD anA']),
    expected: { behaviour: 'flagged, with the override shown rather than obeyed', check: (o) => expect(flags(o)).toEqual(['Check these names: "<U+202E>zaiD anA": holds invisible characters (U+202E right-to-left override).']) },
  },
  {
    kind: 'look-alike and hidden names', name: 'a control character inside a name', responses: ballots(['ana@example.org', 'Ana\u0007Diaz'], ['bo@example.org', 'Ana Diaz']),
    expected: { behaviour: 'two options, flagged with the control character', check: (o) => {
      expect(race(o).rounds[0]!.counts).toHaveLength(2);
      expect(flags(o)).toEqual([expect.stringMatching(/U\+0007 control character/)]);
    } },
  },
  {
    kind: 'look-alike and hidden names', name: 'the digit 0 and the letter O, l and I', responses: ballots(['ana@example.org', 'B0B LEE'], ['bo@example.org', 'BOB LEE'], ['cy@example.org', 'Ian Wu'], ['dee@example.org', 'lan Wu']),
    expected: { behaviour: 'each pair is flagged; none is merged', check: (o) => {
      expect(race(o).rounds[0]!.counts).toHaveLength(4);
      expect(flags(o)).toHaveLength(2);
    } },
  },
  {
    kind: 'look-alike and hidden names', name: 'a look-alike of a declared candidate', rules: { races: { Mayor: { candidates: ['Ana Diaz', 'Bo Li'] } } },
    responses: ballots(['ana@example.org', 'Ana Diaz'], ['bo@example.org', '\u0410na Diaz']),
    expected: { behaviour: 'the look-alike is not on the ballot: that race of the response is refused, and the names are flagged', check: (o) => {
      expect(o.json.refused[0]).toMatchObject({ row: 3, reason: 'invalid-choice', race: 'Mayor' });
      expect(flags(o)).toEqual([expect.stringMatching(/"Ana Diaz", "Аna Diaz"/)]);
    } },
  },
  {
    kind: 'look-alike and hidden names', name: 'a character that could not be read (U+FFFD)', responses: ballots(['ana@example.org', 'Ana D\uFFFDaz']),
    expected: { behaviour: 'flagged as unreadable: the file was likely not UTF-8', check: (o) => expect(flags(o)[0]).toMatch(/U\+FFFD a character that could not be read/) },
  },

  // Ranking grids.
  {
    kind: 'ranking grids', name: 'a word in a rank cell', responses: grid(['1', 'zzz']),
expected: { behaviour: 'that race of that ballot is refused, with its row and why; the rest of the vote counts', check: (o) => {
      expect(o.json.refused).toEqual([expect.objectContaining({ row: 2, reason: 'unreadable-mark', race: 'DA', detail: expect.stringMatching(/column "DA \[Bo Li\]" holds "zzz" is not a rank/) })]);
      expect(o.json.ballots.accepted).toBe(1);
    } },
  },
  {
    kind: 'ranking grids', name: 'a rank beyond the grid', responses: grid(['1', '99']),
expected: { behaviour: 'that race of that ballot is refused, with its row and why; the rest of the vote counts', check: (o) => {
      expect(o.json.refused).toEqual([expect.objectContaining({ row: 2, reason: 'unreadable-mark', race: 'DA', detail: expect.stringMatching(/rank 99, but the grid ranks only 2 candidates/) })]);
      expect(o.json.ballots.accepted).toBe(1);
    } },
  },
  {
    kind: 'ranking grids', name: 'rank 0 and rank 1.5 as numbers', sheetOnly: true, responses: grid(['1', 0 as unknown as string]),
expected: { behaviour: 'that race of that ballot is refused, with its row and why; the rest of the vote counts', check: (o) => {
      expect(o.json.refused).toEqual([expect.objectContaining({ row: 2, reason: 'unreadable-mark', race: 'DA', detail: expect.stringMatching(/holds 0 is not a rank/) })]);
      expect(o.json.ballots.accepted).toBe(1);
    } },
  },
  {
    kind: 'ranking grids', name: 'a fractional rank', sheetOnly: true, responses: grid(['1', 1.5 as unknown as string]),
expected: { behaviour: 'that race of that ballot is refused, with its row and why; the rest of the vote counts', check: (o) => {
      expect(o.json.refused).toEqual([expect.objectContaining({ row: 2, reason: 'unreadable-mark', race: 'DA', detail: expect.stringMatching(/holds 1\.5 is not a rank/) })]);
      expect(o.json.ballots.accepted).toBe(1);
    } },
  },
  {
    kind: 'ranking grids', name: 'two candidates at one rank', responses: grid(['1', '1'], ['1', '2']),
    expected: { behaviour: 'an overvote: the ballot is exhausted at that rank (RCTab\'s rule) and counted apart', check: (o) => {
      expect(race(o, 'DA').rounds[0]!.inactive.overvote).toBe(1);
      expect(votes(o, 'DA')).toEqual({ 'Ana Diaz': 1, 'Bo Li': 0 });
    } },
  },
  {
    kind: 'ranking grids', name: 'a rank-rows grid with a 999th choice', responses: [['Timestamp', 'Email Address', 'DA [1st choice]', 'DA [999th choice]'], [T, 'ana@example.org', 'Ana Diaz', 'Bo Li']],
    expected: { behaviour: 'ranks may skip: Bo Li is ranked 999th, the ranks between are empty', check: (o) => expect(votes(o, 'DA')).toEqual({ 'Ana Diaz': 1, 'Bo Li': 0 }) },
  },
  {
    kind: 'ranking grids', name: 'a grid the rules declare single choice', rules: { races: { DA: { kind: 'single' } } }, responses: grid(['1', '2']),
    expected: { error: 'InputError', at: 'responses.csv, row 1, column "DA [Ana Diaz]"', says: /says single, but this question is a grid of 2 rows/ },
  },
  {
    kind: 'ranking grids', name: 'a single question the rules declare ranked', rules: { races: { Mayor: { kind: 'ranked' } } }, responses: ballots(['ana@example.org', 'Ana Diaz']),
    expected: { error: 'InputError', at: 'responses.csv, row 1, column "Mayor"', says: /says ranked, but a ranking needs a grid/ },
  },
  {
    kind: 'ranking grids', name: 'two seats on a ranked grid', rules: { races: { DA: { seats: 2 } } }, responses: grid(['1', '2']),
    expected: { error: 'RulesError', at: 'rules', says: /races\.DA: ranked ballots endorse one candidate/ },
  },
  {
    kind: 'ranking grids', name: 'a grid with no answers at all', responses: [['Timestamp', 'Email Address', 'DA [Ana Diaz]', 'DA [Bo Li]'], [T, 'ana@example.org', '', '']],
    expected: { behaviour: 'a ranking left empty is a blank ballot', check: (o) => expect(race(o, 'DA').rounds[0]).toMatchObject({ votesCast: 0, blank: 1 }) },
  },
  {
    kind: 'ranking grids', name: 'refusals keep their rows across races', rules: { races: { Mayor: { candidates: ['Ana Diaz'] } } },
    responses: [['Timestamp', 'Email Address', 'Mayor', 'DA [Ana Diaz]', 'DA [Bo Li]'], [T, 'ana@example.org', 'Zed', '1', '2']],
    expected: { behaviour: 'a choice off the ballot refuses that race only: the ranking still counts', check: (o) => {
      expect(refusals(o)).toEqual([[2, 'invalid-choice']]);
      expect(votes(o, 'DA')).toEqual({ 'Ana Diaz': 1, 'Bo Li': 0 });
    } },
  },
];
