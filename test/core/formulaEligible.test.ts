import { describe, expect, it } from 'vitest';
import { endorseEligible } from '../../src/core/formula';

const ROSTER = [['Email'], ['ana@example.org'], ['Bo.Li@Example.org'], ['cy@example.org'], ['dee@example.org']];
const eligible = (emails: unknown, more: Record<string, unknown> = {}) => endorseEligible({ emails, rosterEmails: ROSTER, ...more });

describe('ENDORSE_ELIGIBLE: on the roster', () => {
  it('answers TRUE or FALSE beside each email: a column in, a column out', () => {
    expect(eligible([['ana@example.org'], ['eve@example.org'], ['cy@example.org']])).toEqual([[true], [false], [true]]);
  });

  it('matches an address whatever its case and spaces', () => {
    expect(eligible([[' bo.li@example.ORG ']])).toEqual([[true]]);
  });

  it('leaves a blank beside a blank, and beside a header row', () => {
    expect(eligible([['Email address'], ['ana@example.org'], [''], ['eve@example.org']])).toEqual([[''], [true], [''], [false]]);
  });

  it('answers a single cell with a single cell, and a row with a row', () => {
    expect(eligible('dee@example.org')).toEqual([[true]]);
    expect(eligible([['ana@example.org', 'eve@example.org']])).toEqual([[true, false]]);
  });

  it('answers one blank cell when there is no email at all', () => {
    expect(eligible([[''], ['']])).toEqual([['']]);
  });

  it('refuses a roster cell that is not an address, naming its row in the range', () => {
    expect(endorseEligible({ emails: 'ana@example.org', rosterEmails: [['ana@example.org'], ['Bo Li']] })).toEqual([
      ["ENDORSE_ELIGIBLE: roster_emails, row 2: 'Bo Li' is not an email address"],
    ]);
  });
});

describe('ENDORSE_ELIGIBLE: attended within the last weeks (the guide: six)', () => {
  // The list is published on May 20, 2026; six weeks (42 days) back is April 8.
  const log = {
    attendanceEmails: [['Email'], ['ana@example.org'], ['bo.li@example.org'], ['cy@example.org'], ['dee@example.org']],
    attendanceDates: [['Date'], ['2026-04-08'], ['2026-04-07'], ['2026-05-20'], ['2026-05-21']],
    asOf: '2026-05-20',
  };
  const members = [['ana@example.org'], ['bo.li@example.org'], ['cy@example.org'], ['dee@example.org']];

  it('counts the first day of the window and the day the list is published, and nothing after it', () => {
    expect(eligible(members, log)).toEqual([[true], [false], [true], [false]]);
  });

  it('takes another number of weeks', () => {
    // Two weeks back from May 20 is May 6: only Cy, on May 20, attended in it.
    expect(eligible(members, { ...log, weeks: 2 })).toEqual([[false], [false], [true], [false]]);
    expect(eligible(members, { ...log, weeks: '10' })).toEqual([[true], [true], [true], [false]]);
  });

  it('reads the dates Sheets passes: Dates, and serial numbers', () => {
    // Serial 46150 is 2026-05-08 (day 0 is 1899-12-30).
    const dates = [[new Date(2026, 3, 8)], [new Date(2026, 3, 7, 23, 59)], [46150], [new Date(2026, 4, 21)]];
    expect(eligible(members, { ...log, attendanceEmails: members, attendanceDates: dates, asOf: new Date(2026, 4, 20) })).toEqual([
      [true], [false], [true], [false],
    ]);
  });

  it.each([
    ['Asia/Tokyo', 9], // UTC+9: a Tokyo midnight is the day before in UTC
    ['America/Los_Angeles', -7], // UTC−7 in spring
    ['Pacific/Kiritimati', 14], // UTC+14: the day before even in Auckland
  ])("reads Dates on their day in the spreadsheet's zone (%s)", (timeZone, hours) => {
    const midnight = (month: number, day: number) => new Date(Date.UTC(2026, month - 1, day) - hours * 3_600_000);
    const dates = [[midnight(4, 8)], [midnight(4, 7)], [midnight(5, 20)], [midnight(5, 21)]];
    expect(eligible(members, { ...log, attendanceEmails: members, attendanceDates: dates, asOf: midnight(5, 20), timeZone })).toEqual([
      [true], [false], [true], [false],
    ]);
  });

  it('needs the date the list is published to count attendance', () => {
    expect(eligible(members, { ...log, asOf: '' })).toEqual([
      ['ENDORSE_ELIGIBLE: as_of is needed to count attendance: give the date the eligible list is published'],
    ]);
  });

  it('refuses a log with a date it cannot read, naming the row', () => {
    const dates = [['Date'], ['2026-04-08'], ['last Tuesday']];
    expect(eligible(members, { ...log, attendanceEmails: log.attendanceEmails.slice(0, 3), attendanceDates: dates })).toEqual([
      ["ENDORSE_ELIGIBLE: attendance_dates row 3 must be a date like 2026-11-03, got 'last Tuesday'"],
    ]);
  });

  it('refuses half a log', () => {
    expect(eligible(members, { ...log, attendanceDates: undefined })[0]![0]).toBe(
      'ENDORSE_ELIGIBLE: attendance_dates is needed with attendance_emails: when did each attend?',
    );
    expect(eligible(members, { ...log, attendanceEmails: [['ana@example.org'], ['']], attendanceDates: [['2026-05-01'], ['2026-05-02']] })[0]![0]).toBe(
      'ENDORSE_ELIGIBLE: attendance_emails, row 2: no email beside the date 2026-05-02',
    );
  });

  it('refuses a number of weeks it cannot read', () => {
    expect(eligible(members, { ...log, weeks: 'six' })[0]![0]).toBe("ENDORSE_ELIGIBLE: weeks must be a number of weeks like 6, got 'six'");
  });
});
