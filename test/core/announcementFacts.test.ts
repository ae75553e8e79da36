/**
 * The facts an announcement is written from, taken from a whole count: the
 * example mayoral primary, and small votes built here for one rule each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/cli/csv';
import { DEFAULT_TEMPLATES, letterFacts, placeholderList } from '../../src/core/announcement';
import { dateTimeWords, dateWords, factsFromResult, notAnnounceable } from '../../src/core/announcementFacts';
import { InputError } from '../../src/core/inputError';
import { parseRules, type RulesInput } from '../../src/core/rules';
import { render, type Facts } from '../../src/core/template';
import { countVote, type Table, type VoteReport } from '../../src/core/vote';

const example = join(import.meta.dirname, '../../examples/mayoral-primary');
const csv = (file: string): Table => ({ source: file, values: parseCsv(readFileSync(join(example, file), 'utf8'), file) });
const exampleRules = () => JSON.parse(readFileSync(join(example, 'rules.json'), 'utf8')) as RulesInput;

function exampleReport(withRunoff = true): VoteReport {
  return countVote({
    rules: parseRules(exampleRules()),
    timeZone: 'America/Chicago',
    responses: csv('responses.csv'),
    secondVotes: withRunoff ? [csv('round2.csv')] : [],
    roster: csv('roster.csv'),
    attendance: csv('attendance.csv'),
    proxies: csv('proxies.csv'),
  });
}

/** A single-choice vote on "Mayor": one ballot per vote, a minute apart from `start` (read in Chicago time). */
function smallVote(votes: Record<string, number>, rules: RulesInput = {}, start = '2026-05-22T09:00:00'): VoteReport {
  const rows: unknown[][] = [['Timestamp', 'Email Address', 'Mayor']];
  const first = Date.parse(`${start}Z`);
  for (const [choice, n] of Object.entries(votes)) {
    for (let i = 0; i < n; i++) {
      const wall = new Date(first + 60_000 * (rows.length - 1)).toISOString().slice(0, 19);
      rows.push([wall, `voter${rows.length}@example.org`, choice]);
    }
  }
  return countVote({ rules: parseRules({ group: 'Riverside Indivisible', ...rules }), timeZone: 'America/Chicago', responses: { source: 'responses.csv', values: rows } });
}

const on = { announcementDate: '2026-06-08' };
const list = (facts: Facts, name: string) => facts[name] as Facts[];

describe('the facts of a result', () => {
  const report = exampleReport();
  const mayor = factsFromResult(report, 'Mayor', { ...on, embargo: '2026-06-09T09:00' });

  it('hold every placeholder the reference documents, list fields in every item', () => {
    for (const p of placeholderList()) {
      const [listName, field] = p.name.split('.');
      if (field === undefined) {
        expect(mayor, p.name).toHaveProperty(p.name);
        expect(typeof mayor[p.name], p.name).toBe(p.kind === 'list' ? 'object' : p.kind === 'yes/no' ? 'boolean' : 'string');
      } else {
        for (const item of list(mayor, listName!)) expect(item, p.name).toHaveProperty(field);
      }
    }
  });

  it('fill every default template completely, for an endorsement and for none', () => {
    for (const race of ['Mayor', 'District Attorney']) {
      const facts = factsFromResult(report, race, on);
      for (const t of DEFAULT_TEMPLATES) {
        for (const f of t.audience === 'candidates' ? letterFacts(facts) : [facts]) {
          expect(render(t.markdown, f).unfilled, `${race}: ${t.title}`).toEqual([]);
        }
      }
    }
  });

  it('name the endorsed candidate and give the deciding round: its votes, their share and the votes cast', () => {
    const runoff = report.races.find((r) => r.race === 'Mayor')!.rounds[1]!;
    const ana = runoff.counts.find((c) => c.option === 'Ana Diaz')!;
    expect(mayor).toMatchObject({ endorsed: 'Ana Diaz', outcome: 'Ana Diaz endorsed', roundsCount: '2', votesCast: String(runoff.votesCast) });
    expect(mayor['decidingVotes']).toBe(String(ana.votes));
    expect(mayor['decidingShare']).toBe(`${(Math.round((1000 * ana.votes) / runoff.votesCast) / 10).toFixed(1)}%`);
    expect(mayor['summary']).toBe(report.races[0]!.summary);
  });

  it('without an endorsement, give the leading candidate of the last round and an empty endorsed', () => {
    const da = factsFromResult(report, 'District Attorney', on);
    const last = report.races[1]!.rounds[report.races[1]!.rounds.length - 1]!;
    expect(da).toMatchObject({ endorsed: '', endorsedList: [], outcome: 'No endorsement', decidingVotes: String(last.counts[0]!.votes) });
  });

  it('word the threshold as the rules do, "of the votes cast"', () => {
    expect(mayor).toMatchObject({ threshold: '2/3', thresholdWords: 'at least two-thirds of the votes cast' });
    const sixty = factsFromResult(smallVote({ Ana: 7, Bo: 3 }, { threshold: '60%', comparison: 'more-than' }), 'Mayor', on);
    expect(sixty['thresholdWords']).toBe('more than 60% of the votes cast');
    expect(factsFromResult(smallVote({ Ana: 2, Bo: 1 }, { threshold: 'plurality' }), 'Mayor', on)['thresholdWords']).toBe('the most votes');
  });

  it('give turnout as the share of eligible members who voted, and nothing without a roster', () => {
    expect(mayor['turnout']).toBe(`${(Math.round((1000 * report.turnout.voted) / report.turnout.eligible!) / 10).toFixed(1)}%`);
    expect(factsFromResult(smallVote({ Ana: 3 }), 'Mayor', on)['turnout']).toBe('');
  });

  it('list every candidate once, the endorsed first, then by how far they went and their votes there', () => {
    expect(list(mayor, 'candidate').map((c) => [c['name'], c['endorsed']])).toEqual([
      ['Ana Diaz', true], ['Bo Li', false], ['Carmen Ruiz', false], ['Dev Patel', false],
    ]);
    const bo = list(mayor, 'candidate')[1]!;
    const runoff = report.races[0]!.rounds[1]!;
    expect(bo['votes']).toBe(String(runoff.counts.find((c) => c.option === 'Bo Li')!.votes));
  });

  it('give one round row per option counted in each round, with what the round decided', () => {
    const rounds = report.races[0]!.rounds;
    const rows = list(mayor, 'round');
    expect(rows).toHaveLength(rounds.reduce((n, r) => n + r.counts.length, 0));
    for (const round of rounds) {
      const mine = rows.filter((r) => r['label'] === round.label);
      expect(mine.reduce((n, r) => n + Number(r['votes']), 0)).toBe(round.votesCast);
    }
    const decided = (label: string, option: string) => rows.find((r) => r['label'] === label && r['option'] === option)!['decision'];
    expect([decided('Round 1', 'Ana Diaz'), decided('Round 1', 'Carmen Ruiz'), decided('Round 1', 'No endorsement')]).toEqual(['advances', 'eliminated', '']);
    expect(decided('Runoff', 'Ana Diaz')).toBe('endorsed');
  });

  it('leave the group out when neither the rules nor the caller name it, so a template reports {{group}}', () => {
    const rules = { ...exampleRules(), group: undefined };
    const report = countVote({ rules: parseRules(rules), timeZone: 'America/Chicago', responses: csv('responses.csv') });
    const facts = factsFromResult(report, 'District Attorney', on);
    expect(facts).not.toHaveProperty('group');
    expect(render('To the members of {{group}}', facts).unfilled).toEqual(['group']);
    expect(factsFromResult(report, 'District Attorney', { ...on, group: 'Eastside Indivisible' })['group']).toBe('Eastside Indivisible');
  });
});

describe('dates, in words, in the vote\'s time zone', () => {
  const report = exampleReport();

  it('the vote closed when its window did; a race decided by a second vote, when the runoff window did', () => {
    // rules.json: window closes 2026-05-27T21:00, the runoff window 2026-06-05T21:00 (America/Chicago).
    expect(factsFromResult(report, 'District Attorney', on)['voteDate']).toBe('May 27, 2026');
    expect(factsFromResult(report, 'Mayor', on)['voteDate']).toBe('June 5, 2026');
    expect(factsFromResult(report, 'Mayor', { ...on, voteDate: '2026-06-06' })['voteDate']).toBe('June 6, 2026');
  });

  it('without a window, the vote closed with the last ballot counted', () => {
    const facts = factsFromResult(smallVote({ Ana: 3, Bo: 1 }, {}, '2026-05-30T23:58:00'), 'Mayor', on);
    expect(facts['voteDate']).toBe('May 31, 2026');
  });

  it('an instant is written as the day it is where the vote is held, not where the machine is', () => {
    // 03:00 UTC on June 9 is the evening of June 8 in Chicago, and the afternoon of June 9 in Auckland (this test's TZ).
    const late = Date.UTC(2026, 5, 9, 3, 0);
    expect(factsFromResult(report, 'Mayor', { announcementDate: late })['announcementDate']).toBe('June 8, 2026');
    expect(dateWords(new Date(late), 'Pacific/Auckland', 'x')).toBe('June 9, 2026');
  });

  it('an embargo is a date and a time with the zone, and there is none unless asked', () => {
    expect(factsFromResult(report, 'Mayor', { ...on, embargo: '2026-06-09T09:00' })['embargo']).toBe('June 9, 2026, 9:00 AM CDT');
    expect(dateTimeWords('2026-12-01T17:30', 'America/Chicago', 'embargo')).toBe('December 1, 2026, 5:30 PM CST');
    expect(dateTimeWords('2026-06-09T00:05', 'America/Chicago', 'embargo')).toBe('June 9, 2026, 12:05 AM CDT');
    expect(factsFromResult(report, 'Mayor', on)['embargo']).toBe('');
    expect(factsFromResult(report, 'Mayor', { ...on, embargo: '' })['embargo']).toBe('');
  });

  it('a date that cannot be read is refused, naming it', () => {
    expect(() => factsFromResult(report, 'Mayor', { announcementDate: '08/06/2026' })).toThrow(InputError);
    expect(() => factsFromResult(report, 'Mayor', { ...on, embargo: '2026-02-30T09:00' })).toThrow(/embargo.*2026-02-30T09:00/);
  });
});

describe('what cannot be announced', () => {
  it('a race that was not counted is refused, naming the races that were', () => {
    expect(() => factsFromResult(exampleReport(), 'Sheriff', on)).toThrow(/"Sheriff".*"Mayor", "District Attorney"/);
  });

  it('a race still waiting for its runoff vote, or a tie the group must settle, is not ready', () => {
    const waiting = exampleReport(false).races.find((r) => r.race === 'Mayor')!;
    expect(notAnnounceable(waiting)).toMatch(/Mayor: a runoff vote between Ana Diaz and Bo Li is still to come/);
    const tie = smallVote({ Ana: 2, Bo: 2 }, { threshold: 'plurality', ties: 'ask' }).races[0]!;
    expect(tie.outcome).toBe('tie');
    expect(notAnnounceable(tie)).toMatch(/Ana and Bo are tied/);
    expect(notAnnounceable(exampleReport().races[0]!)).toBeNull();
  });
});
