/**
 * The endorsement calendar, built backward from election day (DOMAIN "Around the
 * vote"): endorse 4–5 months before a general election, 2–3 before a primary;
 * allow at least a month of research; the guide's sample general-election
 * calendar runs April (choose races, research, questionnaires, Q&As) → May
 * (member review, the vote) → June (tell the campaigns, press release, gear up).
 *
 * Dates are plain calendar dates with no time zone: a step falls on a day, not
 * at an instant. Month arithmetic clamps to the month's end (May 31 less three
 * months is February 28, or 29).
 */
import { isDate } from './inputError';
import { wallTimeAt } from './zonedTime';

export interface PlainDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export type ElectionKind = 'general' | 'primary';

export interface TimelineStep {
  date: PlainDate;
  /** What happens, in a leader's words. */
  step: string;
  /** How the date was set, so the calendar can be checked and explained. */
  rule: string;
}

/** How long before election day the vote is held: the early end of the guide's range, leaving the most campaign time. */
export const MONTHS_BEFORE: Record<ElectionKind, number> = { general: 5, primary: 3 };

/** The vote is on a weeknight meeting; Tuesday, for a calendar everyone can predict. */
const VOTE_WEEKDAY = 2; // Sunday is 0
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The dated steps of an endorsement, in date order, every one before election day. */
export function endorsementTimeline(electionDay: PlainDate, kind: ElectionKind): TimelineStep[] {
  if (!isValidPlainDate(electionDay)) throw new Error(`election day ${JSON.stringify(electionDay)} is not a calendar date`);
  if (kind !== 'general' && kind !== 'primary') throw new Error(`kind must be general or primary, got '${String(kind)}'`);
  const months = MONTHS_BEFORE[kind];

  const vote = weekdayOnOrAfter(addMonths(electionDay, -months), VOTE_WEEKDAY);
  const review = addDays(vote, -21);
  const research = addMonths(review, -1);
  const step = (date: PlainDate, what: string, rule: string): TimelineStep => ({ date, step: what, rule });
  return [
    step(addDays(research, -7), 'Choose the races to endorse in', 'a week before research begins'),
    step(research, 'Research begins: the races, the candidates, their records', 'a month before member review (the guide allows at least a month of research)'),
    step(addDays(research, 7), 'Questionnaires go out, the same to every candidate', 'a week after research begins'),
    step(addDays(review, -7), 'Candidate Q&As', 'a week before member review'),
    step(review, 'Member review of the answers and the Q&As', 'three weeks before the vote'),
    step(addDays(vote, -7), 'Eligible member list sent', 'a week before the vote (the guide: the steering committee sends the list a week before)'),
    step(vote, 'The vote', `the first ${WEEKDAYS[VOTE_WEEKDAY]} on or after the day ${months} months before the ${kind} election`),
    step(addDays(vote, 1), 'Tell the members', 'the day after the vote: members hear before the candidates and the press'),
    step(addDays(vote, 2), 'Tell the campaigns: the endorsed candidate first, then every candidate who answered', 'two days after the vote'),
    step(addDays(vote, 7), 'Press release', 'a week after the vote, once members and candidates know'),
    step(addDays(vote, 14), 'Campaign work begins: canvassing, phone banks', 'two weeks after the vote'),
  ];
}

/**
 * A date from a Sheets cell: a Date from any realm, an ISO date "2026-11-03", or a
 * Sheets serial number (days since 1899-12-30). Sheets passes a date cell as
 * midnight of that day in the spreadsheet's zone, so a Date's day is read in
 * `timeZone`, the spreadsheet's, given by the caller. Without one, in the local
 * zone: in Apps Script the script's (appsscript.json), which only agrees with the
 * spreadsheet's by chance (Tokyo's midnight is the day before in UTC).
 */
export function parsePlainDate(value: unknown, argument = 'date', timeZone?: string): PlainDate {
  const refuse = () => new Error(`${argument} must be a date like 2026-11-03, got '${shown(value)}'`);
  let date: PlainDate | null = null;
  if (isDate(value)) {
    const instant = value.getTime();
    if (Number.isNaN(instant)) date = null;
    else if (timeZone !== undefined) {
      const { year, month, day } = wallTimeAt(instant, timeZone);
      date = { year, month, day };
    } else date = { year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() };
  } else if (typeof value === 'number') {
    // Serial 1 is 1899-12-31; 2958465 is 9999-12-31. A fraction is a time of day.
    if (value >= 1 && value < 2958466) date = fromDayNumber(SERIAL_EPOCH + Math.floor(value));
  } else if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
    if (m) date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  if (!date || !isValidPlainDate(date)) throw refuse();
  return date;
}

/** The kind argument: general (also when blank) or primary, in any case. */
export function parseElectionKind(value: unknown): ElectionKind {
  const text = value === null || value === undefined ? '' : String(value).trim().toLowerCase();
  if (text === '' || text === 'general') return 'general';
  if (text === 'primary') return 'primary';
  throw new Error(`kind must be general or primary, got '${shown(value)}'`);
}

/** "2026-11-03" */
export function formatPlainDate({ year, month, day }: PlainDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The same day `months` later (or earlier), clamped to the end of a shorter month. */
export function addMonths({ year, month, day }: PlainDate, months: number): PlainDate {
  const index = year * 12 + (month - 1) + months;
  const target = { year: Math.floor(index / 12), month: (index % 12) + 1 };
  return { ...target, day: Math.min(day, daysInMonth(target.year, target.month)) };
}

export function isValidPlainDate(d: PlainDate): boolean {
  return (
    d !== null && typeof d === 'object' &&
    [d.year, d.month, d.day].every(Number.isInteger) &&
    d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 &&
    d.day >= 1 && d.day <= daysInMonth(d.year, d.month)
  );
}

/** Sheets' day 0, 1899-12-30, as a day number (days since 1970-01-01). */
const SERIAL_EPOCH = -25569;
const DAY_MS = 86_400_000;

function weekdayOnOrAfter(date: PlainDate, weekday: number): PlainDate {
  const n = dayNumber(date);
  // 1970-01-01, day 0, was a Thursday (4).
  const today = (((n + 4) % 7) + 7) % 7;
  return fromDayNumber(n + ((weekday - today + 7) % 7));
}

/** Days since 1970-01-01, counted in UTC so no zone or daylight change can shift a day. */
function dayNumber({ year, month, day }: PlainDate): number {
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / DAY_MS);
}

function fromDayNumber(n: number): PlainDate {
  const utc = new Date(n * DAY_MS);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  const utc = new Date(0);
  utc.setUTCFullYear(year, month, 0);
  return utc.getUTCDate();
}

function shown(value: unknown): string {
  if (isDate(value)) return 'an invalid date';
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value).trim();
}
