import { describe, expect, it } from 'vitest';
import { instantOf, isoDateIn, parseIsoInZone, wallTimeAt } from '../../src/core/zonedTime';

describe('wall-clock times in a named zone', () => {
  it('reads a local time in the zone it names, not the machine zone', () => {
    expect(new Date(parseIsoInZone('2026-05-27T19:30', 'America/Chicago')!).toISOString()).toBe('2026-05-28T00:30:00.000Z');
    expect(new Date(parseIsoInZone('2026-01-27T19:30', 'America/Chicago')!).toISOString()).toBe('2026-01-28T01:30:00.000Z');
    expect(new Date(parseIsoInZone('2026-05-27', 'Europe/Paris')!).toISOString()).toBe('2026-05-26T22:00:00.000Z');
  });

  it('lets an explicit offset win over the zone', () => {
    expect(new Date(parseIsoInZone('2018-06-15T22:05:57+05:30', 'America/Chicago')!).toISOString()).toBe('2018-06-15T16:35:57.000Z');
    expect(parseIsoInZone('2026-05-27T00:00Z', 'Asia/Tokyo')).toBe(Date.UTC(2026, 4, 27));
  });

  it('round-trips across a daylight-saving change', () => {
    const wall = { year: 2026, month: 3, day: 8, hour: 3, minute: 30, second: 0 };
    expect(wallTimeAt(instantOf(wall, 'America/New_York'), 'America/New_York')).toEqual(wall);
    // 02:30 does not exist that night in New York: the later offset applies.
    const skipped = instantOf({ ...wall, hour: 2 }, 'America/New_York');
    expect(new Date(skipped).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('refuses impossible dates', () => {
    expect(parseIsoInZone('2026-02-30', 'UTC')).toBeNull();
    expect(parseIsoInZone('2026-13-01', 'UTC')).toBeNull();
  });

  it('gives the calendar date as seen in a zone', () => {
    expect(isoDateIn(Date.UTC(2026, 4, 27, 23, 0), 'Pacific/Auckland')).toBe('2026-05-28');
    expect(isoDateIn(Date.UTC(2026, 4, 27, 23, 0), 'America/Los_Angeles')).toBe('2026-05-27');
  });
});
