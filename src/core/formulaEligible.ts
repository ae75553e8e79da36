/**
 * ENDORSE_ELIGIBLE: may each of these addresses vote? On the roster, and, when
 * an attendance log is given, attended an action or meeting within `weeks`
 * (the guide's six by default) up to `as_of`, the day the eligible list is
 * published. The rule is eligibility.ts's; the log's dates are calendar days,
 * read as Sheets shows them, in the spreadsheet's zone (timeline.ts
 * `parsePlainDate`), and counted in UTC so no time zone can move a day.
 *
 * The answer has the shape of `emails`: a column in, a column out, a blank
 * beside each blank cell, and nothing beside a header row.
 */
import type { Attendance } from './attendance';
import { cellText, isBlank } from './cell';
import { decideEligibility } from './eligibility';
import { emailKey, looksLikeEmail } from './email';
import { type Cell, cellPlace, listOf, optionalText, rangeOf } from './formulaArgs';
import { InputError, isDate } from './inputError';
import type { Member, Roster } from './roster';
import { DEFAULT_RULES, type Rules } from './rules';
import { formatPlainDate, parsePlainDate, type PlainDate } from './timeline';

export interface EligibleArguments {
  emails: unknown;
  rosterEmails: unknown;
  attendanceEmails?: unknown;
  attendanceDates?: unknown;
  asOf?: unknown;
  weeks?: unknown;
  /** The spreadsheet's zone, in which a date cell is midnight; read by src/main.ts. */
  timeZone?: string;
}

/** Addresses are matched as eligibility matches them, without Gmail's aliases (a group turns those on in its rules). */
const GMAIL_ALIASES = false;

export function eligibleTable(args: EligibleArguments): Cell[][] {
  const roster = readRosterEmails(args.rosterEmails);
  const attendance = readAttendanceLog(args.attendanceEmails, args.attendanceDates, args.timeZone);
  const rules = attendance ? rulesWithWindow(args.asOf, args.weeks, args.timeZone) : DEFAULT_RULES;
  const list = decideEligibility(roster, attendance, rules, 'UTC');
  const eligible = new Map<string, boolean>();
  list.entries.forEach((e) => eligible.set(emailKey(e.member.email, GMAIL_ALIASES), e.eligible));

  return rangeOf(args.emails).map((row, r) =>
    row.map((cell): Cell => {
      if (isBlank(cell)) return '';
      const text = cellText(cell);
      if (r === 0 && !looksLikeEmail(text)) return ''; // a header row: "Email address"
      return eligible.get(emailKey(text, GMAIL_ALIASES)) ?? false;
    }),
  );
}

/** One column of addresses; a first cell that is not one is its header. Each address is one member. */
function readRosterEmails(value: unknown): Roster {
  const source = 'roster_emails';
  const members: Member[] = [];
  const seen = new Set<string>();
  listOf(value, source).forEach((cell, i) => {
    const email = cellText(cell);
    if (email === '' || (i === 0 && !looksLikeEmail(email))) return;
    if (!looksLikeEmail(email)) throw new InputError(cellPlace(source, i), `'${email}' is not an email address`);
    const key = emailKey(email, GMAIL_ALIASES);
    if (seen.has(key)) return;
    seen.add(key);
    members.push({ name: email, email, otherEmails: [], row: i + 1 });
  });
  return { source, members };
}

/** The log as two columns of equal length, one event per row; null when no log is given. */
function readAttendanceLog(emailsValue: unknown, datesValue: unknown, timeZone: string | undefined): Attendance[] | null {
  const emails = listOf(emailsValue, 'attendance_emails');
  const dates = listOf(datesValue, 'attendance_dates');
  if (emails.length === 0 && dates.length === 0) return null;
  if (emails.length === 0) throw new InputError({ source: 'attendance_emails' }, 'is needed with attendance_dates: who attended on each date?');
  if (dates.length === 0) throw new InputError({ source: 'attendance_dates' }, 'is needed with attendance_emails: when did each attend?');
  const entries: Attendance[] = [];
  // A log repeats a few hundred days down thousands of rows: each distinct date is read once.
  const days = new Map<string, number>();
  for (let i = 0; i < Math.max(emails.length, dates.length); i++) {
    const email = cellText(emails[i]);
    const date = dates[i];
    if (email === '' && isBlank(date)) continue;
    if (i === 0 && !looksLikeEmail(email) && !readsAsDate(date)) continue; // the headers: "Email", "Date"
    if (email === '') throw new InputError(cellPlace('attendance_emails', i), `no email beside the date ${cellText(date)}`);
    if (isBlank(date)) throw new InputError(cellPlace('attendance_dates', i), `no date beside ${email}`);
    const key = isDate(date) ? `date ${date.getTime()}` : `${typeof date} ${String(date)}`;
    let at = days.get(key);
    if (at === undefined) days.set(key, (at = utcDay(parsePlainDate(date, `attendance_dates row ${i + 1}`, timeZone))));
    entries.push({ email, at, row: i + 1 });
  }
  return entries;
}

function readsAsDate(value: unknown): boolean {
  try {
    parsePlainDate(value);
    return true;
  } catch {
    return false;
  }
}

function rulesWithWindow(asOfValue: unknown, weeksValue: unknown, timeZone: string | undefined): Rules {
  if (isBlank(asOfValue)) {
    throw new InputError({ source: 'as_of' }, 'is needed to count attendance: give the date the eligible list is published');
  }
  const asOf = formatPlainDate(parsePlainDate(asOfValue, 'as_of', timeZone));
  const weeksText = optionalText(weeksValue);
  const weeks = weeksText === '' ? DEFAULT_RULES.eligibility.attendedWithinWeeks : Number(weeksText);
  if (!Number.isFinite(weeks) || weeks < 0) {
    throw new InputError({ source: 'weeks' }, `must be a number of weeks like 6, got '${weeksText}'`);
  }
  return { ...DEFAULT_RULES, eligibility: { ...DEFAULT_RULES.eligibility, asOf, attendedWithinWeeks: weeks, minAttendance: 1 } };
}

function utcDay({ year, month, day }: PlainDate): number {
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  return at.getTime();
}
