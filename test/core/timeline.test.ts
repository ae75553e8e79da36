import fc from 'fast-check';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  addMonths, endorsementTimeline, parseElectionKind, parsePlainDate, type ElectionKind, type PlainDate, type TimelineStep,
} from '../../src/core/timeline';

// The test's own calendar, independent of the module's: UTC days and a clamped month shift.
const utcDay = (d: PlainDate) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
const weekday = (d: PlainDate) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
const iso = (d: PlainDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
function monthsEarlier(d: PlainDate, months: number): PlainDate {
  const first = new Date(Date.UTC(d.year, d.month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(d.day, lastDay) };
}
const dateOf = (steps: TimelineStep[], prefix: string) => {
  const found = steps.find((s) => s.step.startsWith(prefix));
  if (!found) throw new Error(`no step starting '${prefix}'`);
  return found.date;
};

const electionDay = fc
  .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter((d) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDate() === d.day);
const kind = fc.constantFrom<ElectionKind>('general', 'primary');

describe('the endorsement timeline, built backward from election day', () => {
  it('dates every step of the November 3, 2026 general election', () => {
    // June 3 is five months before; it is a Wednesday, so the vote is Tuesday June 9.
    // Member review three weeks earlier (May 19), research a month before that (April 19).
    const steps = endorsementTimeline({ year: 2026, month: 11, day: 3 }, 'general');
    expect(steps.map((s) => [iso(s.date), s.step.split(/[:,]/)[0]])).toEqual([
      ['2026-04-12', 'Choose the races to endorse in'],
      ['2026-04-19', 'Research begins'],
      ['2026-04-26', 'Questionnaires go out'],
      ['2026-05-12', 'Candidate Q&As'],
      ['2026-05-19', 'Member review of the answers and the Q&As'],
      ['2026-06-02', 'Eligible member list sent'],
      ['2026-06-09', 'The vote'],
      ['2026-06-10', 'Tell the members'],
      ['2026-06-11', 'Tell the campaigns'],
      ['2026-06-16', 'Press release'],
      ['2026-06-23', 'Campaign work begins'],
    ]);
  });

  it('states the rule behind each date', () => {
    const vote = endorsementTimeline({ year: 2026, month: 8, day: 4 }, 'primary').find((s) => s.step === 'The vote')!;
    expect(vote.rule).toBe('the first Tuesday on or after the day 3 months before the primary election');
    expect(iso(vote.date)).toBe('2026-05-05'); // May 4, 2026 is a Monday
  });

  it('clamps to the end of a shorter month: five months before July 31 is the end of February', () => {
    // 2026-02-28 is a Saturday → Tuesday March 3; 2028-02-29 is itself a Tuesday.
    expect(iso(dateOf(endorsementTimeline({ year: 2026, month: 7, day: 31 }, 'general'), 'The vote'))).toBe('2026-03-03');
    expect(iso(dateOf(endorsementTimeline({ year: 2028, month: 7, day: 31 }, 'general'), 'The vote'))).toBe('2028-02-29');
  });

  it('holds the vote on a Tuesday 4–5 months before a general election, 2–3 months before a primary', () => {
    fc.assert(
      fc.property(electionDay, kind, (day, k) => {
        const vote = dateOf(endorsementTimeline(day, k), 'The vote');
        const [most, least] = k === 'general' ? [5, 4] : [3, 2];
        expect(weekday(vote)).toBe(2);
        expect(utcDay(vote)).toBeGreaterThanOrEqual(utcDay(monthsEarlier(day, most)));
        expect(utcDay(vote)).toBeLessThanOrEqual(utcDay(monthsEarlier(day, least)));
      }),
    );
  });

  it('sends the eligible list exactly a week before the vote', () => {
    fc.assert(
      fc.property(electionDay, kind, (day, k) => {
        const steps = endorsementTimeline(day, k);
        expect(utcDay(dateOf(steps, 'The vote')) - utcDay(dateOf(steps, 'Eligible member list sent'))).toBe(7);
      }),
    );
  });

  it('allows at least a month of research before member review', () => {
    fc.assert(
      fc.property(electionDay, kind, (day, k) => {
        const steps = endorsementTimeline(day, k);
        const research = dateOf(steps, 'Research begins');
        const review = dateOf(steps, 'Member review');
        expect(utcDay(research)).toBeLessThanOrEqual(utcDay(monthsEarlier(review, 1)));
        // Questionnaires and Q&As fall inside the research month.
        expect(utcDay(research)).toBeLessThan(utcDay(dateOf(steps, 'Questionnaires go out')));
        expect(utcDay(dateOf(steps, 'Questionnaires go out'))).toBeLessThan(utcDay(dateOf(steps, 'Candidate Q&As')));
        expect(utcDay(dateOf(steps, 'Candidate Q&As'))).toBeLessThan(utcDay(review));
      }),
    );
  });

  it('puts every step before election day, in date order, members told before campaigns before the press', () => {
    fc.assert(
      fc.property(electionDay, kind, (day, k) => {
        const steps = endorsementTimeline(day, k);
        const days = steps.map((s) => utcDay(s.date));
        expect(days).toEqual([...days].sort((a, b) => a - b));
        expect(new Set(days).size).toBe(days.length);
        expect(Math.max(...days)).toBeLessThan(utcDay(day));
        const order = ['The vote', 'Tell the members', 'Tell the campaigns', 'Press release', 'Campaign work begins'].map((p) => utcDay(dateOf(steps, p)));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
    );
  });

  it('votes later for a primary than for a general election on the same day', () => {
    fc.assert(
      fc.property(electionDay, (day) => {
        const general = dateOf(endorsementTimeline(day, 'general'), 'The vote');
        const primary = dateOf(endorsementTimeline(day, 'primary'), 'The vote');
        expect(utcDay(primary)).toBeGreaterThan(utcDay(general));
      }),
    );
  });

  it('refuses a date that is not on the calendar, or an unknown kind', () => {
    expect(() => endorsementTimeline({ year: 2026, month: 2, day: 30 }, 'general')).toThrow('is not a calendar date');
    expect(() => endorsementTimeline({ year: 2026, month: 11, day: 3 }, 'runoff' as ElectionKind)).toThrow("kind must be general or primary, got 'runoff'");
  });
});

describe('month arithmetic on plain dates', () => {
  it.each([
    [{ year: 2026, month: 3, day: 31 }, -1, '2026-02-28'],
    [{ year: 2028, month: 3, day: 31 }, -1, '2028-02-29'],
    [{ year: 2026, month: 1, day: 31 }, 1, '2026-02-28'],
    [{ year: 2026, month: 2, day: 15 }, -3, '2025-11-15'],
    [{ year: 2026, month: 12, day: 31 }, 2, '2027-02-28'],
  ])('%j shifted by %i months is %s', (date, months, expected) => {
    expect(iso(addMonths(date, months))).toBe(expected);
  });
});

describe('reading election day from a cell', () => {
  it('reads an ISO date', () => {
    expect(parsePlainDate(' 2026-11-03 ')).toEqual({ year: 2026, month: 11, day: 3 });
  });

  it("reads a Date from Sheets' realm by its local day, not its UTC day", () => {
    // Midnight in Auckland is still November 2 in UTC.
    const date = vm.runInNewContext('new Date(2026, 10, 3)') as Date;
    expect(date instanceof Date).toBe(false);
    expect(date.getUTCDate()).toBe(2);
    expect(parsePlainDate(date)).toEqual({ year: 2026, month: 11, day: 3 });
  });

  it.each([
    // The instant Sheets passes for a November 3 cell: midnight in the spreadsheet's zone.
    ['Asia/Tokyo', Date.UTC(2026, 10, 2, 15)], // UTC+9: still November 2 in UTC
    ['America/Los_Angeles', Date.UTC(2026, 10, 3, 8)], // UTC−8: already November 3 in UTC, and in Auckland
    ['Pacific/Kiritimati', Date.UTC(2026, 10, 2, 10)], // UTC+14: November 2 even in Auckland
  ])("reads a Date by its day in the spreadsheet's zone (%s), whatever the script's zone", (zone, instant) => {
    const date = vm.runInNewContext(`new Date(${instant})`) as Date;
    expect(parsePlainDate(date, 'election_date', zone)).toEqual({ year: 2026, month: 11, day: 3 });
    // Text and serial numbers have no zone to read: the same day in any.
    expect(parsePlainDate('2026-11-03', 'election_date', zone)).toEqual({ year: 2026, month: 11, day: 3 });
    expect(parsePlainDate(46329, 'election_date', zone)).toEqual({ year: 2026, month: 11, day: 3 });
  });

  it('reads a Sheets serial number as days since 1899-12-30, ignoring the time of day', () => {
    // `date -d "1899-12-30 + 46329 days"` → 2026-11-03
    expect(parsePlainDate(46329)).toEqual({ year: 2026, month: 11, day: 3 });
    expect(parsePlainDate(46329.75)).toEqual({ year: 2026, month: 11, day: 3 });
    expect(parsePlainDate(1)).toEqual({ year: 1899, month: 12, day: 31 });
  });

  it.each([['next fall'], ['2026-02-30'], ['11/03/2026'], [''], [null], [-3], [true]])('refuses %j with a clear message', (value) => {
    expect(() => parsePlainDate(value, 'election_date')).toThrow(`election_date must be a date like 2026-11-03, got '${String(value).trim()}'`);
  });

  it('refuses an invalid Date', () => {
    expect(() => parsePlainDate(new Date(Number.NaN), 'election_date')).toThrow("election_date must be a date like 2026-11-03, got 'an invalid date'");
  });

  it('reads the kind of election in any case, general when blank', () => {
    expect(parseElectionKind('Primary')).toBe('primary');
    expect(parseElectionKind(' GENERAL ')).toBe('general');
    expect(parseElectionKind('')).toBe('general');
    expect(parseElectionKind(undefined)).toBe('general');
    expect(() => parseElectionKind('runoff')).toThrow("kind must be general or primary, got 'runoff'");
  });
});
