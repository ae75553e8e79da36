import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { readAttendance } from '../../../src/core/attendance';
import { InputError } from '../../../src/core/inputError';
import { ZONE, rules } from './sample';

const read = (values: unknown[][], dateOrder: 'month-first' | 'day-first' = 'month-first') =>
  readAttendance(values, 'attendance.csv', rules({ responses: { dateOrder } }), ZONE);

/** Midnight of a day in Chicago, where the tests' group meets (UTC−5 in summer, −6 in winter). */
const chicagoMidnight = (y: number, m: number, d: number, offsetHours = 5) => Date.UTC(y, m - 1, d, offsetHours);

describe('reading an attendance log', () => {
  it('reads email, date and event; a date alone is the start of that day in the group\'s zone', () => {
    expect(read([['Email', 'Date', 'Event'], ['ana@example.org', '2026-05-01', 'Canvass'], ['ben@example.org', '2026-05-01', '']])).toEqual([
      { email: 'ana@example.org', at: chicagoMidnight(2026, 5, 1), event: 'Canvass', row: 2 },
      { email: 'ben@example.org', at: chicagoMidnight(2026, 5, 1), row: 3 },
    ]);
  });

  it('reads 5/1/2026 month-first by default and day-first when the rules say so', () => {
    const values = [['email', 'date'], ['ana@example.org', '5/1/2026']];
    expect(read(values)[0]!.at).toBe(chicagoMidnight(2026, 5, 1));
    expect(read(values, 'day-first')[0]!.at).toBe(chicagoMidnight(2026, 1, 5, 6));
  });

  it('reads a time after the date, 24-hour or with am/pm', () => {
    const [a, b] = read([['Email', 'Date'], ['ana@example.org', '5/1/2026 19:30'], ['ben@example.org', '5/1/2026 7:30 pm']]);
    expect(a!.at).toBe(Date.UTC(2026, 4, 2, 0, 30));
    expect(b!.at).toBe(a!.at);
  });

  it('takes a Sheets date (from another realm) as the instant it holds', () => {
    const cell = runInNewContext('new Date(Date.UTC(2026, 4, 1, 5))') as Date;
    expect(read([['Email', 'Date'], ['ana@example.org', cell]])[0]!.at).toBe(Date.UTC(2026, 4, 1, 5));
  });

  it('does not need an Event column', () => {
    expect(read([['Email', 'Date'], ['ana@example.org', '2026-05-01']])).toHaveLength(1);
  });

  it('refuses a date it cannot read, naming the row and column and what it expected', () => {
    const attempt = () => read([['Email', 'Date'], ['ana@example.org', '2026-05-01'], ['ben@example.org', '13/1/2026']]);
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow('attendance.csv, row 3, column "Date": "13/1/2026" is not a date: expected 2026-05-31 or 5/31/2026 (month-first, as the rules state)');
  });

  it('refuses a number where a date belongs, and impossible dates', () => {
    expect(() => read([['Email', 'Date'], ['ana@example.org', 46143]])).toThrow(/row 2, column "Date": 46143 is not a date/);
    expect(() => read([['Email', 'Date'], ['ana@example.org', '2026-02-30']])).toThrow(/row 2/);
  });

  it('refuses a row with a date but no email, or an email but no date', () => {
    expect(() => read([['Email', 'Date'], ['', '2026-05-01']])).toThrow(/row 2, column "Email"/);
    expect(() => read([['Email', 'Date'], ['ana@example.org', '']])).toThrow(/row 2, column "Date"/);
  });

  it('refuses a log without a Date column', () => {
    expect(() => read([['Email', 'Event'], ['ana@example.org', 'Canvass']])).toThrow('attendance.csv, row 1: no "Date" column (found "Email", "Event")');
  });
});
