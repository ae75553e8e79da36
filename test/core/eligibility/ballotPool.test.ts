import { describe, expect, it } from 'vitest';
import type { Attendance } from '../../../src/core/attendance';
import { decideEligibility } from '../../../src/core/eligibility';
import { RulesError } from '../../../src/core/rules';
import { ZONE, admit, ballot, eligibleList, refusalsOf, roster, rowsOf, rules } from './sample';

describe('which ballots count', () => {
  it('without a roster every identified voter is accepted, still one ballot per address', () => {
    const admission = admit(
      [ballot(2, 'ana@example.org'), ballot(3, 'stranger@example.net'), ballot(4, ' ANA@example.org', '2026-05-27T16:00:00Z')],
      { eligible: null },
    );
    expect(rowsOf(admission)).toEqual([3, 4]);
    expect(refusalsOf(admission)).toEqual([[2, 'superseded']]);
    expect(admission.turnout).toEqual({ voted: 2, eligible: null });
    expect(admission.accepted.every((a) => a.member === null)).toBe(true);
  });

  it('a voter not on the roster is refused', () => {
    const admission = admit([ballot(2, 'ana@example.org'), ballot(3, 'stranger@example.net')]);
    expect(rowsOf(admission)).toEqual([2]);
    expect(admission.refusals).toEqual([
      { source: 'responses.csv', row: 3, voter: 'stranger@example.net', reason: 'not-on-roster', detail: 'stranger@example.net is not on the roster' },
    ]);
  });

  it('a rostered member who is not eligible is refused, with the reason from the eligible list', () => {
    const r = rules({ eligibility: { statuses: ['active'] } });
    const admission = admit([ballot(2, 'carl@example.org')], { rules: r, eligible: eligibleList(r) });
    expect(admission.refusals[0]).toMatchObject({ row: 2, reason: 'not-eligible' });
    expect(admission.refusals[0]!.detail).toBe("Carl Diaz (carl@example.org) is not eligible: status 'lapsed' (eligible statuses: active)");
  });

  it('a voter matched through one of their other emails counts as the member', () => {
    const admission = admit([ballot(2, 'ana.ruiz@gmail.com')]);
    expect(admission.accepted[0]!.member!.email).toBe('ana@example.org');
  });

  it('Gmail dots and +tags find the member only when the group turns aliases on', () => {
    const vote = [ballot(2, 'Ana.Ruiz+vote@gmail.com')];
    expect(refusalsOf(admit(vote))).toEqual([[2, 'not-on-roster']]);
    const r = rules({ eligibility: { gmailAliases: true } });
    expect(rowsOf(admit(vote, { rules: r, eligible: eligibleList(r) }))).toEqual([2]);
  });

  it('a response with an empty identity cell is refused when the sheet has an identity column', () => {
    const admission = admit([ballot(2, null), ballot(3, '  ')]);
    expect(refusalsOf(admission)).toEqual([[2, 'no-voter-identity'], [3, 'no-voter-identity']]);
  });

  it('without an identity column ballots are anonymous and each one counts', () => {
    const admission = admit([ballot(2, null), ballot(3, null)], { hasIdentityColumn: false });
    expect(rowsOf(admission)).toEqual([2, 3]);
    expect(admission.turnout.voted).toBe(2);
  });

  describe('one ballot per member', () => {
    const edits = [
      ballot(5, 'ana@example.org', '2026-05-27T18:00:00Z', 'Sam Greene'),
      ballot(2, 'ana@example.org', '2026-05-27T15:00:00Z'),
      ballot(9, 'ana.ruiz@gmail.com', '2026-05-27T20:00:00Z', 'No endorsement'),
    ];

    it('by default the latest ballot counts (a response edited in Forms) and every earlier one is listed', () => {
      const admission = admit(edits);
      expect(rowsOf(admission)).toEqual([9]);
      expect(refusalsOf(admission)).toEqual([[2, 'superseded'], [5, 'superseded']]);
      expect(admission.refusals[1]!.detail).toBe('ana@example.org voted again at row 9 as ana.ruiz@gmail.com; the latest ballot counts');
    });

    it("with duplicates 'first' the first ballot counts", () => {
      const r = rules({ duplicates: 'first' });
      const admission = admit(edits, { rules: r, eligible: eligibleList(r) });
      expect(rowsOf(admission)).toEqual([2]);
      expect(refusalsOf(admission)).toEqual([[5, 'superseded'], [9, 'superseded']]);
      expect(admission.refusals[0]!.detail).toBe('ana@example.org had already voted at row 2; the first ballot counts');
    });

    it('the submission time decides, not the row; equal times fall back to the row', () => {
      const admission = admit([ballot(3, 'ben@example.org', '2026-05-27T15:00:00Z'), ballot(4, 'ben@example.org', '2026-05-27T15:00:00Z')]);
      expect(rowsOf(admission)).toEqual([4]);
    });

    it('a ballot refused for another reason does not supersede a valid one', () => {
      const r = rules({ window: { closes: '2026-05-27' } });
      const late = ballot(7, 'ana@example.org', '2026-05-28T12:00:00Z');
      const admission = admit([ballot(2, 'ana@example.org', '2026-05-27T15:00:00Z'), late], { rules: r, eligible: eligibleList(r) });
      expect(rowsOf(admission)).toEqual([2]);
      expect(refusalsOf(admission)).toEqual([[7, 'outside-voting-window']]);
    });
  });

  describe('the voting window', () => {
    // Chicago is UTC−5 in May: the window opens 2026-05-20 05:00Z and closes at the end of 2026-05-27, 2026-05-28 05:00Z.
    const r = rules({ window: { opens: '2026-05-20', closes: '2026-05-27', timeZone: ZONE } });
    const run = (at: string | null) => admit([ballot(2, 'ana@example.org', at)], { rules: r, eligible: eligibleList(r) });

    it('a date-only close means the end of that day in the window\'s zone', () => {
      expect(rowsOf(run('2026-05-27T23:59:59-05:00'))).toEqual([2]);
      expect(refusalsOf(run('2026-05-28T00:00:00-05:00'))).toEqual([[2, 'outside-voting-window']]);
    });

    it('a date-only open means the start of that day', () => {
      expect(rowsOf(run('2026-05-20T00:00:00-05:00'))).toEqual([2]);
      expect(refusalsOf(run('2026-05-19T23:59:59-05:00'))).toEqual([[2, 'outside-voting-window']]);
    });

    it('says when the late ballot was cast, in the window\'s zone', () => {
      expect(run('2026-05-28T07:04:05Z').refusals[0]!.detail).toBe(
        "ana@example.org's ballot was cast at 2026-05-28 02:04:05 America/Chicago, after the vote closed (2026-05-27, end of day)",
      );
    });

    it('a close with a time accepts the closing second and refuses the next', () => {
      const timed = rules({ window: { closes: '2026-05-27T21:00', timeZone: ZONE } });
      const at = (t: string) => admit([ballot(2, 'ana@example.org', t)], { rules: timed, eligible: eligibleList(timed) });
      expect(rowsOf(at('2026-05-27T21:00:00-05:00'))).toEqual([2]);
      expect(refusalsOf(at('2026-05-27T21:00:01-05:00'))).toEqual([[2, 'outside-voting-window']]);
    });

    it('without a window zone the rules\' zone, then the spreadsheet\'s, reads the dates', () => {
      const tokyo = rules({ timeZone: 'Asia/Tokyo', window: { closes: '2026-05-27' } });
      // The end of 2026-05-27 in Tokyo is 2026-05-27 15:00Z.
      const at = (t: string) => admit([ballot(2, 'ana@example.org', t)], { rules: tokyo, eligible: eligibleList(tokyo) });
      expect(rowsOf(at('2026-05-27T14:59:59Z'))).toEqual([2]);
      expect(rowsOf(at('2026-05-27T15:00:00Z'))).toEqual([]);
    });

    it('a ballot without a timestamp cannot be placed in the window', () => {
      expect(refusalsOf(run(null))).toEqual([[2, 'outside-voting-window']]);
    });

    it('a window date that does not exist is a rules error', () => {
      const bad = { ...r, window: { closes: '2026-02-30' } };
      expect(() => admit([ballot(2, 'ana@example.org')], { rules: bad })).toThrow(RulesError);
    });
  });

  it('a non-member is refused as not on the roster even when also late', () => {
    const r = rules({ window: { closes: '2026-05-01' } });
    expect(refusalsOf(admit([ballot(2, 'stranger@example.net')], { rules: r, eligible: eligibleList(r) }))).toEqual([[2, 'not-on-roster']]);
  });

  it('turnout counts members whose vote counted over eligible members', () => {
    const r = rules({ eligibility: { asOf: '2026-05-27' } });
    const log: Attendance[] = ['ana', 'ben', 'dee'].map((n, i) => ({ email: `${n}@example.org`, at: Date.parse('2026-05-12T12:00:00-05:00'), row: i + 2 }));
    const eligible = decideEligibility(roster(r), log, r, ZONE);
    const admission = admit([ballot(2, 'ana@example.org'), ballot(3, 'eve@example.org'), ballot(4, 'ana@example.org', '2026-05-27T16:00:00Z')], { rules: r, eligible });
    expect(admission.turnout).toEqual({ voted: 1, eligible: 3 });
  });

  it('accepted ballots come out in row order', () => {
    const admission = admit([ballot(6, 'eve@example.org'), ballot(2, 'ana@example.org'), ballot(4, 'dee@example.org')]);
    expect(rowsOf(admission)).toEqual([2, 4, 6]);
  });
});
