import { describe, expect, it } from 'vitest';
import { ballotFormPlan, dateWords, rankLabel, rulesWithBallot, runoffFormPlan, windowWords } from '../../src/core/ballotForm';
import { readResponses } from '../../src/core/responses';
import { parseRules } from '../../src/core/rules';
import { rankOf } from '../../src/core/rank';
import type { BallotRace } from '../../src/core/raceList';

const RACES: BallotRace[] = [
  { name: 'Mayor', kind: 'single', candidates: ['Ana Diaz', 'Bo Li'] },
  { name: 'District Attorney', kind: 'ranked', candidates: ['Dee Ray', 'Eve Po', 'Flo Ng'] },
];
const RULES = parseRules({ group: 'Riverside Indivisible', noEndorsement: 'No endorsement', window: { opens: '2026-05-20T09:00', closes: '2026-05-27' } });

describe('the ballot form as plain data', () => {
  it('one question per race, "No endorsement" as the last option of each', () => {
    const plan = ballotFormPlan('Vote', RACES, RULES, 'signed-in', 'America/Chicago');
    expect(plan.items).toEqual([
      expect.objectContaining({ kind: 'choice', race: 'Mayor', title: 'Mayor', choices: ['Ana Diaz', 'Bo Li', 'No endorsement'] }),
      expect.objectContaining({
        kind: 'ranking', race: 'District Attorney', title: 'District Attorney',
        rows: ['Dee Ray', 'Eve Po', 'Flo Ng', 'No endorsement'], columns: ['1st choice', '2nd choice', '3rd choice', '4th choice'],
      }),
    ]);
  });

  it('signed in: the Google account recorded and one response per person; codes: neither, and a code question first', () => {
    const signedIn = ballotFormPlan('Vote', RACES, RULES, 'signed-in', 'UTC');
    expect([signedIn.collectEmail, signedIn.limitOneResponsePerUser, signedIn.items[0]!.kind]).toEqual([true, true, 'choice']);
    const codes = ballotFormPlan('Vote', RACES, RULES, 'codes', 'UTC');
    expect([codes.collectEmail, codes.limitOneResponsePerUser]).toEqual([false, false]);
    expect(codes.items[0]).toEqual(expect.objectContaining({ kind: 'code', title: 'Voter code' }));
    expect(codes.description).toContain('does not record your email address');
  });

  it('states the group, the voting window in the group\'s zone and the threshold', () => {
    const { description } = ballotFormPlan('Vote', RACES, RULES, 'signed-in', 'America/Chicago');
    expect(description.split('\n\n').slice(0, 3)).toEqual([
      'Riverside Indivisible: endorsement vote.',
      'Voting opens May 20, 2026 at 09:00 and closes at the end of May 27, 2026 (America/Chicago time).',
      'A candidate needs at least two-thirds of the votes cast to be endorsed. "No endorsement" is a vote and counts toward the votes cast.',
    ]);
  });

  it('the runoff form: the finalists and "No endorsement" under the race\'s own title, with the runoff\'s window', () => {
    const rules = parseRules({ runoffWindow: { closes: '2026-06-03T20:00', timeZone: 'America/Denver' } });
    const plan = runoffFormPlan('Vote: Mayor runoff', 'Mayor', ['Ana Diaz', 'Bo Li'], rules, 'codes', 'UTC');
    expect(plan.items.map((i) => (i.kind === 'choice' ? [i.title, i.choices] : [i.title]))).toEqual([['Voter code'], ['Mayor', ['Ana Diaz', 'Bo Li', 'No endorsement']]]);
    expect(plan.description).toContain('Voting closes at June 3, 2026 at 20:00 (America/Denver time).');
  });

  it('its ranking grid reads back as a ranking, candidate by candidate', () => {
    const plan = ballotFormPlan('Vote', [RACES[1]!], RULES, 'signed-in', 'UTC');
    const grid = plan.items[0]!;
    if (grid.kind !== 'ranking') throw new Error('expected a grid');
    const header = ['Timestamp', 'Email Address', ...grid.rows.map((r) => `${grid.title} [${r}]`)];
    const rules = parseRules(rulesWithBallot({}, [RACES[1]!], 'signed-in'));
    const sheet = readResponses([header, [new Date(Date.UTC(2026, 4, 21)), 'ana@example.org', '2nd choice', '1st choice', '', '3rd choice']], { source: 'Form Responses 1', rules, timeZone: 'UTC' });
    expect(sheet.races.map((r) => [r.race, r.kind, r.orientation])).toEqual([['District Attorney', 'ranked', 'candidate-rows']]);
    expect(sheet.responses[0]!.races['District Attorney']).toEqual({ kind: 'ranked', ranks: [['Eve Po'], ['Dee Ray'], ['No endorsement']] });
  });
});

describe('words on the form', () => {
  it('ranks read back as the ranks they name', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(rankLabel)).toEqual([
      '1st choice', '2nd choice', '3rd choice', '4th choice', '11th choice', '12th choice', '13th choice', '21st choice', '22nd choice', '23rd choice', '101st choice', '111th choice',
    ]);
    for (let n = 1; n <= 40; n++) expect(rankOf(rankLabel(n))).toBe(n);
  });

  it('dates as a leader writes them', () => {
    expect(dateWords('2026-05-27')).toBe('May 27, 2026');
    expect(dateWords('2026-05-27T21:00')).toBe('May 27, 2026 at 21:00');
    expect(windowWords(undefined, 'UTC')).toBe('');
    expect(windowWords({ opens: '2026-05-20' }, 'UTC')).toBe('Voting opens May 20, 2026 (UTC time).');
  });
});

describe('the rules with the ballot written in', () => {
  it('each race\'s kind and candidates, and how members vote; the rest as the group wrote it', () => {
    const written = rulesWithBallot({ threshold: '3/5', races: { Mayor: { seats: 1, candidates: ['Old name'] }, Sheriff: { candidates: ['Cy'] } } }, RACES, 'codes');
    expect(written).toEqual({
      threshold: '3/5',
      races: {
        Mayor: { seats: 1, kind: 'single', candidates: ['Ana Diaz', 'Bo Li'] },
        Sheriff: { candidates: ['Cy'] },
        'District Attorney': { kind: 'ranked', candidates: ['Dee Ray', 'Eve Po', 'Flo Ng'] },
      },
      voting: { online: 'codes' },
    });
    expect(parseRules(written).secret).toBe(true);
  });
});
