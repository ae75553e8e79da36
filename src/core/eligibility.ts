/**
 * Who may vote. The guide's sample rule: "anyone who attended an action or
 * meeting in the last six weeks", counted up to `asOf`, the day the steering
 * committee publishes the list. The list itself is an output: every member,
 * eligible or not, with the reason a leader can read out.
 *
 * The activity window runs from the start of the day `7 × attendedWithinWeeks`
 * days before asOf (inclusive; a fraction of a day rounds up, in the member's
 * favour) to the end of the asOf day (inclusive), or to asOf itself when it
 * carries a time. Days are calendar days in the group's zone.
 */
import { RulesError, type Rules } from './rules';
import { emailKey } from './email';
import type { Member, Roster } from './roster';
import type { Attendance } from './attendance';
import { checkTimeZone, isoDateIn, offsetMinutesAt, parseIsoInZone } from './zonedTime';
import { dayStart } from './votingWindow';

export interface EligibilityEntry {
  member: Member;
  eligible: boolean;
  /** "attended 2 events since 2026-04-15, last on 2026-05-12", "no attendance since 2026-04-15", "status 'lapsed' …" */
  reason: string;
  /** Events attended within the activity window (0 without an activity source). */
  attended: number;
  /** The last event attended on or before asOf. */
  lastAttended?: number;
}

export type ActivitySource = 'attendance-log' | 'last-attended' | 'none';

export interface EligibleList {
  /** The instant the list is drawn up at (the end of the asOf day for a date alone), epoch ms. */
  asOf?: number;
  /** The first instant of the activity window, epoch ms. */
  since?: number;
  activity?: ActivitySource;
  /** Members in roster order. */
  entries: EligibilityEntry[];
  eligibleCount: number;
  /** Log rows whose email is nobody's on the roster: often a typo worth a look. */
  unmatchedAttendance?: Attendance[];
}

const DAY = 86_400_000;

/** The zone dates are read in: the rules' own, else the spreadsheet's. */
export function groupZone(rules: Rules, timeZone: string): string {
  const zone = rules.timeZone ?? timeZone;
  try {
    checkTimeZone(zone);
  } catch (e) {
    throw new RulesError([(e as Error).message], rules.timeZone ? 'rules.timeZone' : 'time zone');
  }
  return zone;
}

interface ActivityWindow {
  since: number;
  /** Exclusive end. */
  until: number;
  asOf: number;
  sinceText: string;
}

function activityWindow(rules: Rules, zone: string): ActivityWindow | null {
  const text = rules.eligibility.asOf;
  if (text === undefined) return null;
  const start = parseIsoInZone(text, zone);
  if (start === null) throw new RulesError([`eligibility.asOf is not a real date, got "${text}"`]);
  const dateOnly = /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(text);
  // A fraction of a day rounds up; the epsilon keeps a float product such as 7.000000001 at 7 days.
  const since = dayStart(start, zone, -Math.ceil(rules.eligibility.attendedWithinWeeks * 7 - 1e-9));
  const until = dateOnly ? dayStart(start, zone, 1) : start + 1;
  return { since, until, asOf: until - 1, sinceText: isoDateIn(since, zone) };
}

/**
 * Calendar days in `zone`, cheap for many instants on few days: offsets are
 * asked of Intl once per hour and dates written once per day.
 */
interface Calendar {
  dayOf(at: number): number;
  /** "2026-05-12" */
  dateOf(at: number): string;
}

function calendarIn(zone: string): Calendar {
  const offsets = new Map<number, number>();
  const texts = new Map<number, string>();
  const dayOf = (at: number) => {
    const hour = Math.floor(at / 3_600_000);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = offsetMinutesAt(hour * 3_600_000, zone) * 60_000;
      offsets.set(hour, offset);
    }
    return Math.floor((at + offset) / DAY);
  };
  const dateOf = (at: number) => {
    const day = dayOf(at);
    let text = texts.get(day);
    if (text === undefined) texts.set(day, (text = new Date(day * DAY).toISOString().slice(0, 10)));
    return text;
  };
  return { dayOf, dateOf };
}

interface Activity {
  attended: number;
  last?: number;
}

/**
 * Distinct events per member inside the window: a row repeated for the same day
 * and event counts once. Members are counted by position (typed arrays, a short
 * list of events each) since a log may hold hundreds of thousands of rows.
 */
function countAttendance(
  roster: Roster,
  attendance: Attendance[],
  window: ActivityWindow,
  rules: Rules,
  calendar: Calendar,
): { activity: Map<Member, Activity>; unmatched: Attendance[] } {
  const gmail = rules.eligibility.gmailAliases;
  const { members } = roster;
  const position = new Map<string, number>();
  members.forEach((m, i) => {
    position.set(emailKey(m.email, gmail), i);
    for (const other of m.otherEmails) position.set(emailKey(other, gmail), i);
  });
  const { dayOf } = calendar;
  const firstDay = dayOf(window.since);
  const span = dayOf(window.until - 1) - firstDay + 1;
  const attended = new Int32Array(members.length);
  const last = new Float64Array(members.length).fill(NaN);
  const events: (number[] | undefined)[] = new Array(members.length);
  const eventIds = new Map<string, number>();
  const eventOf = new Map<string, number>();
  // The same address and event are written on many rows: key each once per spelling.
  const written = new Map<string, number>();
  const unmatched: Attendance[] = [];
  for (const entry of attendance) {
    let i = written.get(entry.email);
    if (i === undefined) written.set(entry.email, (i = position.get(emailKey(entry.email, gmail)) ?? -1));
    if (i < 0) {
      unmatched.push(entry);
      continue;
    }
    if (entry.at >= window.until) continue; // after the list was drawn up
    if (!(entry.at <= last[i]!)) last[i] = entry.at; // NaN: the first event seen
    if (entry.at < window.since) continue;
    const rawEvent = entry.event ?? '';
    let eventId = eventOf.get(rawEvent);
    if (eventId === undefined) {
      const name = rawEvent.trim().toLowerCase();
      eventId = eventIds.get(name);
      if (eventId === undefined) eventIds.set(name, (eventId = eventIds.size));
      eventOf.set(rawEvent, eventId);
    }
    const key = eventId * span + (dayOf(entry.at) - firstDay); // one small integer per (day, event)
    const seen = events[i];
    if (!seen) events[i] = [key];
    else if (seen.indexOf(key) < 0) seen.push(key);
    else continue;
    attended[i]++;
  }
  const activity = new Map<Member, Activity>();
  members.forEach((m, i) => {
    if (!Number.isNaN(last[i]!)) activity.set(m, { attended: attended[i]!, last: last[i]! });
  });
  return { activity, unmatched };
}

function lastAttendedActivity(roster: Roster, window: ActivityWindow): Map<Member, Activity> {
  const activity = new Map<Member, Activity>();
  for (const m of roster.members) {
    if (m.lastAttended === undefined || m.lastAttended >= window.until) continue;
    activity.set(m, { attended: m.lastAttended >= window.since ? 1 : 0, last: m.lastAttended });
  }
  return activity;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function activityReason(a: Activity | undefined, min: number, w: ActivityWindow, calendar: Calendar): { ok: boolean; reason: string } {
  const attended = a?.attended ?? 0;
  const last = a?.last === undefined ? '' : calendar.dateOf(a.last);
  if (attended >= min) return { ok: true, reason: `attended ${plural(attended, 'event')} since ${w.sinceText}, last on ${last}` };
  if (attended === 0) {
    return { ok: false, reason: last ? `no attendance since ${w.sinceText} (last attended ${last})` : `no attendance on record up to ${calendar.dateOf(w.asOf)}` };
  }
  return { ok: false, reason: `attended ${plural(attended, 'event')} since ${w.sinceText}, ${min} needed` };
}

/** The list of eligible members: every rostered member with a yes or no and the reason. */
export function decideEligibility(roster: Roster, attendance: Attendance[] | null, rules: Rules, timeZone: string): EligibleList {
  const zone = groupZone(rules, timeZone);
  const { minAttendance, statuses } = rules.eligibility;
  const source: ActivitySource = attendance ? 'attendance-log' : roster.activityColumn !== undefined ? 'last-attended' : 'none';
  const window = activityWindow(rules, zone);
  const checksActivity = source !== 'none' && minAttendance > 0;
  if (checksActivity && !window) {
    throw new RulesError([
      'eligibility.asOf is needed to count attendance: state the date the eligible list is published, like "2026-05-20"',
    ]);
  }
  if (checksActivity && source === 'last-attended' && minAttendance > 1) {
    throw new RulesError([
      `eligibility.minAttendance is ${minAttendance} but the roster's "${roster.activityColumn}" column shows one event per member: give an attendance log`,
    ]);
  }

  const calendar = calendarIn(zone);
  let activity = new Map<Member, Activity>();
  let unmatched: Attendance[] = [];
  if (checksActivity && window) {
    if (attendance) ({ activity, unmatched } = countAttendance(roster, attendance, window, rules, calendar));
    else activity = lastAttendedActivity(roster, window);
  }
  const allowed = statuses ? new Set(statuses.map((s) => s.trim().toLowerCase())) : null;
  const allowedText = statuses ? statuses.join(', ') : '';

  const entries = roster.members.map((member): EligibilityEntry => {
    const a = activity.get(member);
    const entry: EligibilityEntry = { member, eligible: true, reason: 'on the roster', attended: a?.attended ?? 0 };
    if (a?.last !== undefined) entry.lastAttended = a.last;
    const passes: string[] = [];
    const failures: string[] = [];
    if (allowed) {
      const status = member.status?.trim().toLowerCase();
      if (status !== undefined && allowed.has(status)) passes.push(`status '${member.status}'`);
      else failures.push(`${member.status === undefined ? 'no status' : `status '${member.status}'`} (eligible statuses: ${allowedText})`);
    }
    if (checksActivity && window) {
      const { ok, reason } = activityReason(a, minAttendance, window, calendar);
      (ok ? passes : failures).push(reason);
    }
    // The reason a member is left out is the check they failed; otherwise what they passed.
    if (failures.length) {
      entry.eligible = false;
      entry.reason = failures.join('; ');
    } else if (passes.length) entry.reason = passes.join('; ');
    return entry;
  });
  const list: EligibleList = { entries, eligibleCount: entries.filter((e) => e.eligible).length, activity: source };
  if (window) {
    list.asOf = window.asOf;
    if (checksActivity) list.since = window.since;
  }
  if (attendance) list.unmatchedAttendance = unmatched;
  return list;
}
