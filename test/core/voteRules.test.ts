/**
 * Rules read exactly as written, and never silently ignored: the zone a
 * voting window states, rules that name no question, seats a title states,
 * and what happens to write-ins.
 */
import { describe, expect, it } from 'vitest';
import { parseRules, type RulesInput } from '../../src/core/rules';
import { countVote } from '../../src/core/vote';

const count = (values: unknown[][], rules: RulesInput, timeZone = 'UTC') =>
  countVote({ rules: parseRules(rules), timeZone, responses: { source: 'Form Responses 1', values } });
const H = ['Timestamp', 'Email Address', 'Mayor'];
const votesIn = (round: { counts: { option: string; votes: number }[] }) => Object.fromEntries(round.counts.map((c) => [c.option, c.votes]));

describe('time zones', () => {
  const values = [H, ['5/27/2026 19:59:00', 'a@x.org', 'Ana'], ['5/27/2026 20:30:00', 'b@x.org', 'Ana'], ['5/27/2026 21:00:00', 'c@x.org', 'Bo']];
  const window = { closes: '2026-05-27T20:00', timeZone: 'America/New_York' };

  it('reads responses in the voting window\'s zone when the rules give no other, whatever the machine\'s', () => {
    const report = count(values, { window });
    expect(report.timeZone).toBe('America/New_York');
    expect(report.refused.map((r) => [r.row, r.reason])).toEqual([[3, 'outside-voting-window'], [4, 'outside-voting-window']]);
    expect(report.notices).toContain('Response times were read in America/New_York, the voting window\'s zone, not in UTC; set timeZone in the rules to choose another.');
  });

  it('says so when the rules state two zones', () => {
    const report = count(values, { window, timeZone: 'America/Chicago' });
    expect(report.timeZone).toBe('America/Chicago');
    expect(report.notices).toEqual([expect.stringContaining('The rules state two time zones: America/Chicago (timeZone), used for the responses, and America/New_York (window.timeZone)')]);
  });

  it('says nothing when the zones agree', () => {
    expect(count(values, { window }, 'America/New_York').notices).toEqual([]);
  });
});

describe('rules that name no question', () => {
  const values = [['Timestamp', 'Email Address', 'Contest [Ana]', 'Contest [Bo]', 'Comments'], ['5/27/2026 9:00:00', 'a@x.org', '1', '2', 'ok']];

  it('a race named in the rules that is not on the sheet is an error naming the questions there are', () => {
    expect(() => count(values, { races: { Mayor: {} } })).toThrow(
      'Form Responses 1, row 1: rules.races names "Mayor", but no question has that title: the questions are "Timestamp", "Email Address", "Contest [Ana]", "Contest [Bo]", "Comments"',
    );
  });

  it('so is an ignored column that is not there', () => {
    expect(() => count(values, { responses: { ignoreColumns: ['Pronouns'] } })).toThrow(/rules\.responses\.ignoreColumns names "Pronouns", but no column has that header/);
  });

  it('a race named by a grid\'s title, or a set-aside column, matches', () => {
    expect(count(values, { races: { Contest: {} }, responses: { ignoreColumns: ['Comments'] } }).races.map((r) => r.race)).toEqual(['Contest']);
  });
});

describe('seats stated in a question title', () => {
  it('are a warning when the rules give the race another number of seats', () => {
    const title = 'Rank your 4 favorite toppings (3 winners)';
    const report = count([['Timestamp', 'Email Address', title], ['5/27/2026 9:00:00', 'a@x.org', 'Olives']], {});
    expect(report.notices).toEqual([
      `The question "${title}" speaks of 3 winners, but the rules give ${title} 1 seat, and it was counted so; races["${title}"].seats decides.`,
    ]);
    expect(count([['Timestamp', 'Email Address', 'Board (choose 2)'], ['5/27/2026 9:00:00', 'a@x.org', 'Ana, Bo']], { races: { 'Board (choose 2)': { seats: 2 } } }).notices).toEqual([]);
  });
});

describe('write-ins: names not among a race\'s declared candidates', () => {
  const rows = (choices: string[]) => [H, ...choices.map((c, i) => ['5/27/2026 9:00:00', `v${i}@x.org`, c])];
  const votes = ['Ana', 'Ana', 'Ana', 'Ana', 'Bo', 'Bo', 'Zed', 'Zed', 'Yu'];
  const declared = { races: { Mayor: { candidates: ['Ana', 'Bo'] } } };

  it('are refused for that race when the race declares its candidates and the rules say nothing (as before)', () => {
    const report = count(rows(votes), declared);
    expect(report.refused.map((r) => r.reason)).toEqual(['invalid-choice', 'invalid-choice', 'invalid-choice']);
  });

  it('"count": each is a candidate like any other', () => {
    const report = count(rows(votes), { ...declared, writeIns: 'count' });
    expect(report.refused).toEqual([]);
    expect(votesIn(report.races[0]!.rounds[0]!)).toEqual({ Ana: 4, Bo: 2, Yu: 1, Zed: 2 });
  });

  it('"eliminate-first": pooled as one option, eliminated before any declared candidate, never endorsed', () => {
    const ranked = [['Timestamp', 'Email Address', 'Mayor [1st choice]', 'Mayor [2nd choice]'],
      ...[['Zed', 'Ana'], ['Zed', 'Ana'], ['Yu', 'Ana'], ['Bo', 'Ana'], ['Ana', 'Bo'], ['Ana', 'Bo'], ['Bo', 'Ana']].map(([a, b], i) => ['5/27/2026 9:00:00', `v${i}@x.org`, a, b])];
    const report = count(ranked, { ...declared, writeIns: 'eliminate-first', runoff: 'eliminate-lowest', threshold: '1/2' });
    const race = report.races[0]!;
    expect(votesIn(race.rounds[0]!)).toEqual({ Ana: 2, Bo: 2, 'Write-ins': 3 });
    expect(race.rounds[0]!.decisions).toEqual([expect.objectContaining({ kind: 'eliminated', options: ['Write-ins'] })]);
    expect(votesIn(race.rounds[1]!)).toEqual({ Ana: 5, Bo: 2 });
    expect(race).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana'] });
  });

  it('"eliminate-first": the pool never goes to a top-two runoff, even with the most votes', () => {
    const report = count(rows(['Zed', 'Zed', 'Yu', 'Yu', 'Xi', 'Ana', 'Ana', 'Bo']), { ...declared, writeIns: 'eliminate-first' });
    expect(report.races[0]).toMatchObject({ outcome: 'no-endorsement', endorsed: [] });
    expect(report.races[0]!.finalists ?? []).not.toContain('Write-ins');
  });

  it('"refuse" or "eliminate-first" without declared candidates is an error: nothing says which name is a write-in', () => {
    expect(() => count(rows(votes), { writeIns: 'refuse' })).toThrow(/writeIns is "refuse", but races\["Mayor"\] declares no candidates/);
  });
});
