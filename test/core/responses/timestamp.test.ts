import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { InputError } from '../../../src/core/inputError';
import { timestampReader, zoneOffsetMinutes, type DateOrder } from '../../../src/core/timestamp';
import { instantOf } from '../../../src/core/zonedTime';

const place = { source: 'responses.csv', row: 4, column: 'Timestamp' };
const read = (value: unknown, timeZone = 'America/Chicago', dateOrder: DateOrder = 'month-first') =>
  timestampReader({ timeZone, dateOrder })(value, place);

describe('reading the Timestamp cell of a response', () => {
  it('reads a linked sheet’s month-first timestamp as wall-clock time in the zone it is given', () => {
    // 6 September 2018 is summer time in Chicago, UTC−5.
    expect(read('9/6/2018 0:06:16')).toBe(Date.UTC(2018, 8, 6, 5, 6, 16));
    // The same text in Auckland (NZST, UTC+12) is 17 hours earlier.
    expect(read('9/6/2018 0:06:16', 'Pacific/Auckland')).toBe(Date.UTC(2018, 8, 5, 12, 6, 16));
  });

  it('reads 08/03/2026 as 8 March when the rules say day-first, and as 3 August otherwise', () => {
    // London is on GMT on 8 March and on BST (UTC+1) on 3 August.
    expect(read('08/03/2026 21:42:55', 'Europe/London', 'day-first')).toBe(Date.UTC(2026, 2, 8, 21, 42, 55));
    expect(read('08/03/2026 21:42:55', 'Europe/London', 'month-first')).toBe(Date.UTC(2026, 7, 3, 20, 42, 55));
  });

  it('never guesses the order per row: a day-first date in a month-first sheet is an error that says how to fix it', () => {
    expect(() => read('13/03/2026 10:00:00')).toThrow(InputError);
    expect(() => read('13/03/2026 10:00:00')).toThrow(/responses\.csv, row 4, column "Timestamp".*set rules\.responses\.dateOrder to "day-first"/);
    expect(() => read('03/13/2026 10:00:00', 'Europe/London', 'day-first')).toThrow(/"month-first"/);
  });

  it('reads the Forms download’s zone abbreviation as the offset it names, whatever the zone given', () => {
    // CET is UTC+1: 2:09:12 pm CET is 13:09:12 UTC.
    expect(read('2024/10/17 2:09:12 pm CET', 'Pacific/Auckland')).toBe(Date.UTC(2024, 9, 17, 13, 9, 12));
    expect(read('2024/10/21 11:51:44 am CET', 'America/Chicago')).toBe(Date.UTC(2024, 9, 21, 10, 51, 44));
  });

  it('reads a GMT offset with minutes: 10:05:57 PM GMT+5:30 is 16:35:57 UTC', () => {
    expect(read('2018/06/15 10:05:57 PM GMT+5:30')).toBe(Date.UTC(2018, 5, 15, 16, 35, 57));
    expect(read('2018/06/15 10:05:57 PM GMT-7')).toBe(Date.UTC(2018, 5, 16, 5, 5, 57));
  });

  it('reads 12 am as midnight and 12 pm as noon', () => {
    // EST is UTC−5.
    expect(read('2024/01/17 12:30:00 am EST')).toBe(Date.UTC(2024, 0, 17, 5, 30));
    expect(read('2024/01/17 12:30:00 PM EST')).toBe(Date.UTC(2024, 0, 17, 17, 30));
  });

  it('reads ISO 8601, with its zone or in the zone given', () => {
    expect(read('2026-05-27T19:30:00Z')).toBe(Date.UTC(2026, 4, 27, 19, 30));
    expect(read('2026-05-27T19:30:00.250+02:00')).toBe(Date.UTC(2026, 4, 27, 17, 30));
    expect(read('2026-05-27 19:30')).toBe(Date.UTC(2026, 4, 28, 0, 30));
  });

  it('takes a Date from Sheets as the instant it holds, even from another realm', () => {
    const foreign = runInNewContext('new Date(Date.UTC(2026, 4, 27, 19, 30))');
    expect(foreign instanceof Date).toBe(false);
    expect(read(foreign)).toBe(Date.UTC(2026, 4, 27, 19, 30));
  });

  it('reads a Sheets serial number (days since 1899-12-30) as wall-clock time in the zone', () => {
    const days = (Date.UTC(2026, 4, 27) - Date.UTC(1899, 11, 30)) / 86_400_000;
    // 19:30 in Chicago (UTC−5 in May) is 00:30 UTC the next day.
    expect(read(days + 19.5 / 24)).toBe(Date.UTC(2026, 4, 28, 0, 30));
  });

  it('gives null for an empty cell', () => {
    expect(read('')).toBeNull();
    expect(read('   ')).toBeNull();
    expect(read(null)).toBeNull();
  });

  it('refuses what is not a timestamp, saying what was expected', () => {
    expect(() => read('yesterday')).toThrow(/"yesterday" is not a timestamp: expected a date and time such as 9\/6\/2018 0:06:16/);
    expect(() => read('2/30/2026 10:00:00')).toThrow(InputError);
    expect(() => read('9/6/2018 25:06:16')).toThrow(InputError);
    expect(() => read('9/6/2018 0:06:16 pm')).toThrow(InputError);
    expect(() => read(true)).toThrow(/true is not a timestamp/);
  });

  it('refuses a zone abbreviation outside its small table rather than guess (IST: India, Ireland or Israel?)', () => {
    expect(() => read('2024/10/17 2:09:12 pm IST')).toThrow(/time zone we do not read \("IST"\): expected an offset such as GMT\+5:30/);
    expect(zoneOffsetMinutes('IST')).toBeUndefined();
    expect(zoneOffsetMinutes('utc+14')).toBe(14 * 60);
    expect(zoneOffsetMinutes('GMT+15')).toBeUndefined();
  });

  it('refuses a time zone that is not an IANA name', () => {
    expect(() => read('9/6/2018 0:06:16', 'Mars/Olympus')).toThrow(/unknown time zone 'Mars\/Olympus'/);
  });

  it('agrees with the zone rules at every minute of the nights the clocks change', () => {
    // New York springs forward on 8 March 2026 and falls back on 1 November; Lord Howe
    // Island moves its clocks by half an hour (5 April and 4 October 2026).
    const nights: [string, number, number, number][] = [
      ['America/New_York', 2026, 3, 8], ['America/New_York', 2026, 11, 1],
      ['Australia/Lord_Howe', 2026, 4, 5], ['Australia/Lord_Howe', 2026, 10, 4],
    ];
    for (const [zone, year, month, day] of nights) {
      const reader = timestampReader({ timeZone: zone, dateOrder: 'month-first' });
      for (let minute = 0; minute < 4 * 60; minute++) {
        const wall = { year, month, day, hour: Math.floor(minute / 60), minute: minute % 60, second: 30 };
        const text = `${month}/${day}/${year} ${wall.hour}:${String(wall.minute).padStart(2, '0')}:30`;
        expect(reader(text, place)).toBe(instantOf(wall, zone));
      }
    }
  });

  it('agrees with the zone rules at any minute of any day', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Auckland', 'Asia/Kolkata'];
    const reader = Object.fromEntries(zones.map((z) => [z, timestampReader({ timeZone: z, dateOrder: 'month-first' })]));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.record({
          year: fc.integer({ min: 2020, max: 2027 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }), second: fc.integer({ min: 0, max: 59 }),
        }),
        (zone, wall) => {
          const pad = (n: number) => String(n).padStart(2, '0');
          const text = `${wall.month}/${wall.day}/${wall.year} ${wall.hour}:${pad(wall.minute)}:${pad(wall.second)}`;
          expect(reader[zone]!(text, place)).toBe(instantOf(wall, zone));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
