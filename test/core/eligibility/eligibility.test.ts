import { describe, expect, it } from 'vitest';
import type { Attendance } from '../../../src/core/attendance';
import { decideEligibility } from '../../../src/core/eligibility';
import { RulesError } from '../../../src/core/rules';
import { readRoster } from '../../../src/core/roster';
import { ROSTER_VALUES, ZONE, eligibleList, roster, rules } from './sample';

/** Attendance at noon (Chicago, summer time) on a given day, or at an exact instant. */
const went = (email: string, day: string, event?: string, row = 2): Attendance => {
  const at = day.includes('T') ? Date.parse(day) : Date.parse(`${day}T12:00:00-05:00`);
  return event ? { email, at, event, row } : { email, at, row };
};
const eligibleEmails = (list: ReturnType<typeof eligibleList>) => list.entries.filter((e) => e.eligible).map((e) => e.member.email);

// asOf 2026-05-27 with six weeks: the window is 2026-04-15 00:00 to 2026-05-27 24:00 in Chicago.
const sixWeeks = rules({ eligibility: { asOf: '2026-05-27' } });

describe('who may vote', () => {
  it('without an activity source, every rostered member is eligible', () => {
    const list = eligibleList();
    expect(list.eligibleCount).toBe(ROSTER_VALUES.length - 1);
    expect(list.entries.every((e) => e.eligible && e.reason === 'on the roster')).toBe(true);
    expect(list.activity).toBe('none');
  });

  it('only the statuses the rules name may vote, matched ignoring case', () => {
    const list = eligibleList(rules({ eligibility: { statuses: ['active'] } }));
    expect(eligibleEmails(list)).toEqual(['ana@example.org', 'ben@example.org', 'dee@example.org', 'eve@example.org']);
    const carl = list.entries.find((e) => e.member.email === 'carl@example.org')!;
    expect(carl.reason).toBe("status 'lapsed' (eligible statuses: active)");
  });

  it('a member with no status is not eligible when statuses are required', () => {
    const r = rules({ eligibility: { statuses: ['Active'] } });
    const list = decideEligibility(readRoster([['Email', 'Status'], ['ana@example.org', '']], 'roster.csv', r, ZONE), null, r, ZONE);
    expect(list.entries[0]).toMatchObject({ eligible: false, reason: 'no status (eligible statuses: Active)' });
  });

  it('attending an event on the first day of the six weeks counts (the boundary is inclusive)', () => {
    const list = decideEligibility(roster(sixWeeks), [went('ana@example.org', '2026-04-15T00:00:00-05:00')], sixWeeks, ZONE);
    expect(eligibleEmails(list)).toEqual(['ana@example.org']);
    expect(list.since).toBe(Date.parse('2026-04-15T00:00:00-05:00'));
  });

  it('an event the minute before the six weeks began does not count', () => {
    const list = decideEligibility(roster(sixWeeks), [went('ana@example.org', '2026-04-14T23:59:00-05:00')], sixWeeks, ZONE);
    expect(list.entries[0]).toMatchObject({ eligible: false, attended: 0, reason: 'no attendance since 2026-04-15 (last attended 2026-04-14)' });
  });

  it('an event late on the asOf day counts; one the day after does not', () => {
    const late = decideEligibility(roster(sixWeeks), [went('ana@example.org', '2026-05-27T23:30:00-05:00')], sixWeeks, ZONE);
    expect(late.entries[0]!.eligible).toBe(true);
    const after = decideEligibility(roster(sixWeeks), [went('ana@example.org', '2026-05-28')], sixWeeks, ZONE);
    expect(after.entries[0]).toMatchObject({ eligible: false, reason: 'no attendance on record up to 2026-05-27' });
    expect(after.entries[0]!.lastAttended).toBeUndefined();
  });

  it('an asOf with a time ends the window at that moment', () => {
    const r = rules({ eligibility: { asOf: '2026-05-27T18:00' } });
    const list = decideEligibility(roster(r), [went('ana@example.org', '2026-05-27T18:00:00-05:00'), went('ben@example.org', '2026-05-27T18:00:01-05:00')], r, ZONE);
    expect(eligibleEmails(list)).toEqual(['ana@example.org']);
  });

  it('the window is counted in calendar days of the group\'s zone, not the machine\'s', () => {
    // 2026-04-15 02:00 in Auckland is still 2026-04-14 in Chicago: outside.
    const list = decideEligibility(roster(sixWeeks), [went('ana@example.org', '2026-04-14T09:00:00-05:00')], sixWeeks, ZONE);
    expect(list.entries[0]!.eligible).toBe(false);
  });

  it('the window length follows attendedWithinWeeks', () => {
    const r = rules({ eligibility: { asOf: '2026-05-27', attendedWithinWeeks: 2 } });
    const list = decideEligibility(roster(r), [went('ana@example.org', '2026-05-13'), went('ben@example.org', '2026-05-12')], r, ZONE);
    expect(eligibleEmails(list)).toEqual(['ana@example.org']);
  });

  it('a fraction of a week rounds up to whole days, in the member\'s favour', () => {
    // Half a week is 3.5 days, so 4 days: the window starts 2026-05-23.
    const r = rules({ eligibility: { asOf: '2026-05-27', attendedWithinWeeks: 0.5 } });
    const list = decideEligibility(roster(r), [went('ana@example.org', '2026-05-23'), went('ben@example.org', '2026-05-22')], r, ZONE);
    expect(eligibleEmails(list)).toEqual(['ana@example.org']);
  });

  it('an asOf that is no real date is a rules error', () => {
    expect(() => eligibleList(rules({ eligibility: { asOf: '2026-02-30' } }))).toThrow(/eligibility\.asOf is not a real date/);
  });

  it('with minAttendance 2, one event is not enough; two events are', () => {
    const r = rules({ eligibility: { asOf: '2026-05-27', minAttendance: 2 } });
    const log = [
      went('ana@example.org', '2026-05-01', 'Canvass'),
      went('ana@example.org', '2026-05-12', 'Meeting'),
      went('ben@example.org', '2026-05-12', 'Meeting'),
    ];
    const list = decideEligibility(roster(r), log, r, ZONE);
    expect(list.entries[0]).toMatchObject({ eligible: true, attended: 2, reason: 'attended 2 events since 2026-04-15, last on 2026-05-12' });
    expect(list.entries[1]).toMatchObject({ eligible: false, attended: 1, reason: 'attended 1 event since 2026-04-15, 2 needed' });
  });

  it('the same event logged twice for a member counts once', () => {
    const r = rules({ eligibility: { asOf: '2026-05-27', minAttendance: 2 } });
    const log = [went('ana@example.org', '2026-05-12', 'Meeting'), went('ana@example.org', '2026-05-12', ' meeting ')];
    expect(decideEligibility(roster(r), log, r, ZONE).entries[0]).toMatchObject({ eligible: false, attended: 1 });
  });

  it('attendance logged under a member\'s other email counts for the member', () => {
    const list = decideEligibility(roster(sixWeeks), [went('Ana.Ruiz@gmail.com', '2026-05-12')], sixWeeks, ZONE);
    expect(eligibleEmails(list)).toEqual(['ana@example.org']);
  });

  it('log rows for addresses on no roster are kept aside for a leader to check', () => {
    const stray = went('stranger@example.org', '2026-05-12', undefined, 9);
    const list = decideEligibility(roster(sixWeeks), [stray], sixWeeks, ZONE);
    expect(list.unmatchedAttendance).toEqual([stray]);
    expect(list.eligibleCount).toBe(0);
  });

  it('a failed status is the reason even when attendance is fine', () => {
    const r = rules({ eligibility: { asOf: '2026-05-27', statuses: ['active'] } });
    const list = decideEligibility(roster(r), [went('carl@example.org', '2026-05-12')], r, ZONE);
    expect(list.entries[2]).toMatchObject({ eligible: false, reason: "status 'lapsed' (eligible statuses: active)", attended: 1 });
  });

  it('a "Last attended" column is an activity source of one event per member', () => {
    const values = [['Email', 'Last attended'], ['ana@example.org', '2026-04-15'], ['ben@example.org', '2026-04-14'], ['dee@example.org', '']];
    const list = decideEligibility(readRoster(values, 'roster.csv', sixWeeks, ZONE), null, sixWeeks, ZONE);
    expect(list.activity).toBe('last-attended');
    expect(list.entries.map((e) => e.eligible)).toEqual([true, false, false]);
  });

  it('an attendance log, when given, is the activity source instead of the roster column', () => {
    const values = [['Email', 'Last attended'], ['ana@example.org', '2026-05-12']];
    const list = decideEligibility(readRoster(values, 'roster.csv', sixWeeks, ZONE), [], sixWeeks, ZONE);
    expect(list.entries[0]!.eligible).toBe(false);
  });

  it('counting attendance needs asOf, the day the list is published', () => {
    expect(() => decideEligibility(roster(), [went('ana@example.org', '2026-05-12')], rules(), ZONE)).toThrow(RulesError);
    expect(() => decideEligibility(roster(), [went('ana@example.org', '2026-05-12')], rules(), ZONE)).toThrow(/eligibility\.asOf is needed/);
  });

  it('a "Last attended" column cannot show two events, so minAttendance 2 with it is a rules error', () => {
    const r = rules({ eligibility: { asOf: '2026-05-27', minAttendance: 2 } });
    const values = [['Email', 'Last attended'], ['ana@example.org', '2026-05-12']];
    expect(() => decideEligibility(readRoster(values, 'roster.csv', r, ZONE), null, r, ZONE)).toThrow(/give an attendance log/);
  });

  it('minAttendance 0 lets every member with an allowed status vote', () => {
    const r = rules({ eligibility: { minAttendance: 0 } });
    expect(decideEligibility(roster(r), [], r, ZONE).eligibleCount).toBe(ROSTER_VALUES.length - 1);
  });

  it('the list keeps roster order and counts the eligible', () => {
    const list = decideEligibility(roster(sixWeeks), [went('eve@example.org', '2026-05-01'), went('ben@example.org', '2026-05-02')], sixWeeks, ZONE);
    expect(list.entries.map((e) => e.member.row)).toEqual([2, 3, 4, 5, 6]);
    expect(list.eligibleCount).toBe(2);
    expect(list.asOf).toBe(Date.parse('2026-05-28T00:00:00-05:00') - 1);
  });

  it('a time zone Intl does not know is a rules error', () => {
    expect(() => eligibleList(rules({ timeZone: 'Mars/Olympus' }))).toThrow(RulesError);
  });
});
