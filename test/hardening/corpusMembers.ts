/** The corpus, part 3: rosters, attendance logs, proxy lists and second votes that are bad or hostile. */
import { expect } from 'vitest';
import { HEAD, LATER, ROSTER, T, ballots, refusals, votes, type SheetCase } from './corpusCase';

const oneBallot = ballots(['ana@example.org', 'Ana Diaz']);
const asOf = { eligibility: { asOf: '2026-05-20' } };

export const MEMBER_CASES: SheetCase[] = [
  // The roster.
  {
    kind: 'roster', name: 'the same address twice, in other case', responses: oneBallot, roster: [['Name', 'Email'], ['Ana Ruiz', 'ana@example.org'], ['Ana R.', ' ANA@example.org']],
    expected: { error: 'InputError', at: 'roster.csv, row 3, column "Email"', says: /is already the address of the member at row 2; one address may belong to one member only/ },
  },
  {
    kind: 'roster', name: 'a member\'s address given again as another\'s other email', responses: oneBallot,
    roster: [['Name', 'Email', 'Other emails'], ['Ana Ruiz', 'ana@example.org', ''], ['Bo Park', 'bo@example.org', 'x@example.org; ana@example.org']],
    expected: { error: 'InputError', at: 'roster.csv, row 3, column "Other emails"', says: /ana@example\.org is already the address of the member at row 2/ },
  },
  {
    kind: 'roster', name: 'the same address twice, once with a zero-width space', responses: oneBallot, roster: [['Name', 'Email'], ['Ana Ruiz', 'ana@example.org'], ['Ana Ruiz', 'ana@example.org\u200B']],
    expected: { error: 'InputError', at: 'roster.csv, row 3, column "Email"', says: /is already the address of the member at row 2/ },
  },
  {
    kind: 'roster', name: 'a roster address with a zero-width space', responses: oneBallot, roster: [['Name', 'Email'], ['Ana Ruiz', 'ana@example.org\u200B']],
    expected: { behaviour: 'the member\'s plain address matches it', check: (o) => expect(o.json.ballots.accepted).toBe(1) },
  },
  {
    kind: 'roster', name: 'no Email column', responses: oneBallot, roster: [['Name', 'Mail'], ['Ana Ruiz', 'ana@example.org']],
    expected: { error: 'InputError', at: 'roster.csv, row 1', says: /no "Email" column \(found "Name", "Mail"\)/ },
  },
  {
    kind: 'roster', name: 'an empty roster', responses: oneBallot, roster: [],
    expected: { error: 'InputError', at: 'roster.csv, row 1', says: /no header row: expected columns "Name", "Email"/ },
  },
  {
    kind: 'roster', name: 'two columns meaning Email', responses: oneBallot, roster: [['Email', 'E-mail'], ['ana@example.org', 'a@example.org']],
    expected: { error: 'InputError', at: 'roster.csv, row 1, column "E-mail"', says: /two columns mean "Email"/ },
  },
  {
    kind: 'roster', name: 'a name in the Email column', responses: oneBallot, roster: [['Name', 'Email'], ['Ana Ruiz', 'Ana Ruiz']],
    expected: { error: 'InputError', at: 'roster.csv, row 2, column "Email"', says: /"Ana Ruiz" is not one email address/ },
  },
  {
    kind: 'roster', name: 'a member without an address', responses: oneBallot, roster: [['Name', 'Email'], ['Ana Ruiz', '']],
    expected: { error: 'InputError', at: 'roster.csv, row 2, column "Email"', says: /no email: every member needs one/ },
  },
  {
    kind: 'roster', name: 'a number in the Email column', sheetOnly: true, responses: oneBallot, roster: [['Name', 'Email'], ['Ana Ruiz', 42]],
    expected: { error: 'InputError', at: 'roster.csv, row 2, column "Email"', says: /"42" is not one email address/ },
  },
  {
    kind: 'roster', name: 'a roster with headers only', responses: oneBallot, roster: [['Name', 'Email']],
    expected: { behaviour: 'nobody is a member: every ballot is refused as not on the roster', check: (o) => {
      expect(refusals(o)).toEqual([[2, 'not-on-roster']]);
      expect(o.json.eligibility?.eligible).toBe(0);
    } },
  },
  {
    kind: 'roster', name: 'a "Last attended" cell that is no date', responses: oneBallot, rules: asOf, roster: [['Name', 'Email', 'Last attended'], ['Ana Ruiz', 'ana@example.org', 'sometime in May']],
    expected: { error: 'InputError', at: 'roster.csv, row 2, column "Last attended"', says: /"sometime in May" is not a date/ },
  },
  {
    kind: 'roster', name: 'a status in odd case and padding', responses: oneBallot, rules: { eligibility: { statuses: ['Active'] } }, roster: [['Name', 'Email', 'Status'], ['Ana Ruiz', 'ana@example.org', ' ACTIVE ']],
    expected: { behaviour: 'statuses match ignoring case and padding', check: (o) => expect(o.json.ballots.accepted).toBe(1) },
  },

  // Attendance logs and proxies.
  {
    kind: 'attendance and proxies', name: 'a date that is no date', responses: oneBallot, rules: asOf, roster: ROSTER, attendance: [['Email', 'Date'], ['ana@example.org', 'last tuesday']],
    expected: { error: 'InputError', at: 'attendance.csv, row 2, column "Date"', says: /"last tuesday" is not a date/ },
  },
  {
    kind: 'attendance and proxies', name: 'a row without its date', responses: oneBallot, rules: asOf, roster: ROSTER, attendance: [['Email', 'Date'], ['ana@example.org', '']],
    expected: { error: 'InputError', at: 'attendance.csv, row 2, column "Date"', says: /no date for ana@example\.org/ },
  },
  {
    kind: 'attendance and proxies', name: 'an attendance log without asOf', responses: oneBallot, roster: ROSTER, attendance: [['Email', 'Date'], ['ana@example.org', '2026-05-01']],
    expected: { error: 'RulesError', at: 'rules', says: /eligibility\.asOf is needed to count attendance/ },
  },
  {
    kind: 'attendance and proxies', name: 'attendance dated in the far future', responses: oneBallot, rules: asOf, roster: ROSTER, attendance: [['Email', 'Date'], ['ana@example.org', '2999-01-01']],
    expected: { behaviour: 'only attendance up to asOf counts: the member is not eligible', check: (o) => expect(refusals(o)).toEqual([[2, 'not-eligible']]) },
  },
  {
    kind: 'attendance and proxies', name: 'attendance of someone not on the roster', responses: oneBallot, rules: asOf, roster: ROSTER,
    attendance: [['Email', 'Date'], ['stranger@example.net', '2026-05-01'], ['ana@example.org', '2026-05-01']],
    expected: { behaviour: 'it makes nobody eligible; the members\' attendance still counts', check: (o) => expect(o.json.eligibility?.eligible).toBe(1) },
  },
  {
    kind: 'attendance and proxies', name: 'a log without an Email column', responses: oneBallot, rules: asOf, roster: ROSTER, attendance: [['Who', 'Date'], ['ana@example.org', '2026-05-01']],
    expected: { error: 'InputError', at: 'attendance.csv, row 1', says: /no "Email" column/ },
  },
  {
    kind: 'attendance and proxies', name: 'a member naming themselves as proxy', responses: oneBallot, roster: ROSTER, proxies: [['Member', 'Proxy holder'], ['ana@example.org', 'ana@example.org']],
    expected: { behaviour: 'refused, with the reason', check: (o) => expect(o.json.proxies[0]).toMatchObject({ used: false, reason: expect.stringContaining('named themselves') }) },
  },
  {
    kind: 'attendance and proxies', name: 'two members holding each other\'s proxy', roster: ROSTER, responses: ballots(['ana@example.org', 'Ana Diaz']),
    proxies: [['Member', 'Proxy holder'], ['ana@example.org', 'bo@example.org'], ['bo@example.org', 'ana@example.org']],
    expected: { behaviour: 'no chain: Ana voted herself, so her proxy is refused; Bo\'s rides on Ana\'s ballot', check: (o) => {
      expect(o.json.proxies.map((p) => p.used)).toEqual([false, true]);
      expect(votes(o)).toEqual({ 'Ana Diaz': 2 });
    } },
  },
  {
    kind: 'attendance and proxies', name: 'a designation without a holder', responses: oneBallot, roster: ROSTER, proxies: [['Member', 'Proxy holder'], ['ana@example.org', '']],
    expected: { error: 'InputError', at: 'proxies.csv, row 2, column "Proxy holder"', says: /no proxy holder for ana@example\.org/ },
  },
  {
    kind: 'attendance and proxies', name: 'proxies without a roster', responses: oneBallot, proxies: [['Member', 'Proxy holder'], ['bo@example.org', 'ana@example.org']],
    expected: { behaviour: 'nothing shows both are members: refused', check: (o) => expect(o.json.proxies[0]).toMatchObject({ used: false, reason: 'there is no roster to show that both are members' }) },
  },
  {
    kind: 'attendance and proxies', name: 'a proxy list without its columns', responses: oneBallot, roster: ROSTER, proxies: [['Who', 'Whom'], ['bo@example.org', 'ana@example.org']],
    expected: { error: 'InputError', at: 'proxies.csv, row 1', says: /no "Member" column/ },
  },

  // The second vote of a runoff, and what depends on the other sheets.
  {
    kind: 'second vote', name: 'an empty second-vote sheet', responses: ballots(['ana@example.org', 'Ana Diaz'], ['bo@example.org', 'Bo Li'], ['cy@example.org', 'Cy Wu']), secondVote: [],
    expected: { error: 'InputError', at: 'round2.csv', says: /no header row: the sheet is empty/ },
  },
  {
    kind: 'second vote', name: 'a second vote for someone not in the runoff',
    responses: ballots(['ana@example.org', 'Ana Diaz'], ['bo@example.org', 'Bo Li'], ['cy@example.org', 'Cy Wu'], ['dee@example.org', 'Ana Diaz'], ['eve@example.org', 'Bo Li']),
    secondVote: [HEAD, [LATER, 'ana@example.org', 'Cy Wu'], [LATER, 'bo@example.org', 'Ana Diaz'], [LATER, 'cy@example.org', 'Ana Diaz']],
    expected: { behaviour: 'refused for that race as invalid-choice, at its row in the second sheet', check: (o) => {
      expect(o.json.refused).toEqual([expect.objectContaining({ source: 'round2.csv', row: 2, reason: 'invalid-choice' })]);
      expect(votes(o, 'Mayor', 1)).toEqual({ 'Ana Diaz': 2, 'Bo Li': 0 });
    } },
  },
  {
    kind: 'rules', name: 'a quorum without a roster', rules: { minTurnout: '1/4' }, responses: ballots(['ana@example.org', 'Ana Diaz']),
    expected: { error: 'InputError', at: 'Mayor', says: /the rules set a quorum \(minTurnout 1\/4\) but the turnout is not known/ },
  },
  {
    kind: 'timestamps', name: 'a ballot cast one second after the window closed', rules: { timeZone: 'America/Chicago', window: { opens: '2026-05-22T09:00', closes: '2026-05-22T21:00' } },
    responses: ballots(['ana@example.org', 'Ana Diaz', T], ['bo@example.org', 'Bo Li', '5/22/2026 21:00:01']),
    expected: { behaviour: 'the window closes at the second it states: one second later is refused', check: (o) => expect(refusals(o)).toEqual([[3, 'outside-voting-window']]) },
  },
];
