import { describe, expect, it } from 'vitest';
import type { Response } from '../../src/core/ballot';
import { admitByCode } from '../../src/core/codeBallots';
import { parseRules, type Rules } from '../../src/core/rules';
import { eligibleList } from '../../src/core/vote';
import { countVote } from '../../src/core/vote';

const ROSTER = {
  source: 'Roster',
  values: [
    ['Name', 'Email', 'Status'],
    ['Ana Diaz', 'ana@example.org', 'Active'],
    ['Bo Li', 'bo@example.org', 'Active'],
    ['Cy Wu', 'cy@example.org', 'Lapsed'],
  ],
};
const ISSUED = new Map([['ABCDEFGHJK', 'ana@example.org'], ['ZYXWVUTSRQ', 'bo@example.org'], ['23456789AB', 'cy@example.org']]);
const RULES = parseRules({ voting: { online: 'codes' }, eligibility: { statuses: ['Active'] }, window: { opens: '2026-05-20', closes: '2026-05-27' }, timeZone: 'UTC' });

function ballot(row: number, code: string, day: number): Response {
  return { source: 'Form Responses 1', row, submittedAt: Date.UTC(2026, 4, day, 12), voter: code, races: { Mayor: { kind: 'single', choice: 'Ana Diaz' } } };
}

function admit(responses: Response[], rules: Rules = RULES) {
  const eligible = eligibleList({ rules, timeZone: 'UTC', roster: ROSTER });
  return admitByCode(responses, ISSUED, { eligible, proxies: [], rules, timeZone: 'UTC', hasIdentityColumn: true });
}

describe('admitting ballots cast with voter codes', () => {
  it('counts a ballot with an issued code as its member\'s, keeping the code as the ballot\'s voter', () => {
    const { accepted, refusals, turnout } = admit([ballot(2, 'abcde-fghjk', 21)]);
    expect(refusals).toEqual([]);
    expect(accepted.map((a) => [a.response.voter, a.member?.email])).toEqual([['abcde-fghjk', 'ana@example.org']]);
    expect(turnout).toEqual({ voted: 1, eligible: 2 });
  });

  it('judges the voting window first: a ballot cast too early does not use up its member\'s code', () => {
    const { accepted, refusals } = admit([ballot(2, 'ABCDEFGHJK', 18), ballot(3, 'ABCDEFGHJK', 22)]);
    expect(accepted.map((a) => a.response.row)).toEqual([3]);
    expect(refusals.map((r) => [r.row, r.reason])).toEqual([[2, 'outside-voting-window']]);
  });

  it('refuses a reused code and an unknown one with their reasons', () => {
    const { accepted, refusals } = admit([ballot(2, 'ABCDEFGHJK', 21), ballot(3, 'ABCDEFGHJK', 22), ballot(4, 'QQQQQQQQQQ', 22)]);
    expect(accepted.map((a) => a.response.row)).toEqual([2]);
    expect(refusals.map((r) => [r.row, r.reason])).toEqual([[3, 'reused-code'], [4, 'unknown-code']]);
  });

  it('refuses the code of a member who is not eligible without naming the member', () => {
    const { refusals } = admit([ballot(2, '23456789AB', 21)]);
    expect(refusals).toEqual([{
      source: 'Form Responses 1', row: 2, voter: '23456789AB', reason: 'not-eligible',
      detail: '23456-789AB (row 2) was issued to a member who is not eligible',
    }]);
  });

  it('in a whole count, the Ballots and Refused lists show codes and rows, never a member', () => {
    const header = ['Timestamp', 'Voter code', 'Mayor'];
    const rows = [[new Date(Date.UTC(2026, 4, 21, 12)), 'ABCDE-FGHJK', 'Ana Diaz'], [new Date(Date.UTC(2026, 4, 21, 13)), '23456-789AB', 'Bo Li']];
    const report = countVote({ rules: RULES, timeZone: 'UTC', responses: { source: 'Form Responses 1', values: [header, ...rows] }, roster: ROSTER, codes: ISSUED });
    expect(report.rules.secret).toBe(true);
    const shown = JSON.stringify([report.refused, report.accepted.map((a) => a.response)]);
    for (const email of ISSUED.values()) expect(shown).not.toContain(email);
    expect(report.races[0]!.rounds[0]!.counts.find((c) => c.option === 'Ana Diaz')?.votes).toBe(1);
  });
});
