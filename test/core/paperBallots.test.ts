import { describe, expect, it } from 'vitest';
import { checkInUpdate, isTicked, paperBallotsHeader, VOTED_ONLINE } from '../../src/core/paperBallots';
import { readResponses } from '../../src/core/responses';
import { parseRules } from '../../src/core/rules';
import { countVote, type Table } from '../../src/core/vote';

const MEMBERS = [
  { name: 'Ana Diaz', email: 'ana@example.org' },
  { name: 'Bo Li', email: 'bo@example.org' },
  { name: 'Cy Wu', email: 'cy@example.org' },
];
const ROSTER: Table = { source: 'Roster', values: [['Name', 'Email'], ...MEMBERS.map((m) => [m.name, m.email])] };
const RULES = parseRules({ voting: { online: 'signed-in', paper: true }, races: { Mayor: { candidates: ['Ana Diaz', 'Bo Li'] } } });

const online = (...rows: [string, string][]): Table => ({
  source: 'Form Responses 1',
  values: [['Timestamp', 'Email Address', 'Mayor'], ...rows.map(([email, choice], i) => [new Date(Date.UTC(2026, 4, 21, 12, i)), email, choice])],
});
const checkIn = (...ticked: string[]): Table => ({
  source: 'Check-in',
  values: [['Name', 'Email', 'Voted online', 'Checked in'], ...MEMBERS.map((m) => [m.name, m.email, '', ticked.includes(m.email) ? true : ''])],
});
const paper = (...choices: string[]): Table => ({ source: 'Paper ballots', values: [['Mayor'], ...choices.map((c) => [c])] });

describe('the Paper ballots sheet', () => {
  it('has a column per single-choice race and one per rank of a ranked race, which read back as that race', () => {
    const header = paperBallotsHeader([
      { name: 'Mayor', kind: 'single', candidates: ['Ana', 'Bo'] },
      { name: 'DA', kind: 'ranked', candidates: ['Dee', 'Eve'] },
    ], RULES);
    expect(header).toEqual(['Mayor', 'DA [1st choice]', 'DA [2nd choice]', 'DA [3rd choice]']);
    const sheet = readResponses([header, ['Bo', 'Eve', '', 'Dee']], { source: 'Paper ballots', rules: RULES, timeZone: 'UTC' });
    expect(sheet.identityColumn).toBeNull();
    expect(sheet.responses[0]!.races).toEqual({ Mayor: { kind: 'single', choice: 'Bo' }, DA: { kind: 'ranked', ranks: [['Eve'], [], ['Dee']] } });
  });
});

describe('the Check-in sheet', () => {
  it('is made with the eligible members, those who voted online marked for the desk', () => {
    const update = checkInUpdate(null, MEMBERS, [{ email: 'BO@example.org' }], false);
    expect(update.create).toEqual([
      ['Name', 'Email', 'Voted online', 'Checked in'],
      ['Ana Diaz', 'ana@example.org', '', ''],
      ['Bo Li', 'bo@example.org', VOTED_ONLINE, ''],
      ['Cy Wu', 'cy@example.org', '', ''],
    ]);
  });

  it('once made, only its "Voted online" column is rewritten, and members added to the roster are appended', () => {
    const existing: Table = { source: 'Check-in', values: [['Email', 'Checked in', 'Voted online', 'Name'], ['ana@example.org', 'x', '', 'Ana'], ['bo@example.org', '', '', 'Bo']] };
    const update = checkInUpdate(existing, MEMBERS, [{ email: 'bo@example.org' }], false);
    expect(update).toEqual({ create: null, votedOnline: [[''], [VOTED_ONLINE]], votedOnlineColumn: 2, appended: [['cy@example.org', '', '', 'Cy Wu']] });
  });

  it('a tick is a checkbox, x, yes or any mark; blank, no and FALSE are none', () => {
    expect([true, 'x', 'Yes', '✓', 1].map(isTicked)).toEqual([true, true, true, true, true]);
    expect([false, '', ' ', 'no', 'FALSE', 0, null].map(isTicked)).toEqual([false, false, false, false, false, false, false]);
  });
});

describe('counting the paper ballots with the online ones', () => {
  it('adds them, and turnout counts the members checked in', () => {
    const report = countVote({ rules: RULES, timeZone: 'UTC', roster: ROSTER, responses: online(['ana@example.org', 'Bo Li']), meeting: { ballots: paper('Ana Diaz', 'Ana Diaz'), checkIn: checkIn('bo@example.org', 'cy@example.org') } });
    expect(report.ballots).toEqual({ received: 3, accepted: 3, refused: 0 });
    expect(report.races[0]!.rounds[0]!.counts.map((c) => [c.option, c.votes])).toEqual([['Ana Diaz', 2], ['Bo Li', 1]]);
    expect(report.turnout).toEqual({ voted: 3, eligible: 3 });
  });

  it('sets aside the online ballot of a member who was also handed a paper ballot', () => {
    const report = countVote({ rules: RULES, timeZone: 'UTC', roster: ROSTER, responses: online(['ana@example.org', 'Bo Li']), meeting: { ballots: paper('Ana Diaz'), checkIn: checkIn('ana@example.org') } });
    expect(report.refused.map((r) => [r.row, r.voter, r.reason])).toEqual([[2, 'ana@example.org', 'superseded']]);
    expect(report.races[0]!.rounds[0]!.counts.map((c) => [c.option, c.votes])).toEqual([['Ana Diaz', 1], ['Bo Li', 0]]);
    expect(report.turnout.voted).toBe(1);
  });

  it('refuses more paper ballots than members checked in, before counting anything', () => {
    expect(() => countVote({ rules: RULES, timeZone: 'UTC', roster: ROSTER, responses: online(), meeting: { ballots: paper('Ana Diaz', 'Bo Li'), checkIn: checkIn('cy@example.org') } }))
      .toThrow('Paper ballots: 2 paper ballots, but only 1 member is ticked "Checked in" in the Check-in sheet');
  });
});
