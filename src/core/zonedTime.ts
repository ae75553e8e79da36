/**
 * Wall-clock times in a named time zone ↔ instants, with nothing but Intl (which
 * Apps Script's V8 has). A response timestamp without a zone is read in the
 * voting window's zone, or the spreadsheet's; never in the machine's.
 */
export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError naming the zone when it is not an IANA time zone Intl knows. */
export function checkTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`unknown time zone '${timeZone}' (expected an IANA name such as America/Chicago)`);
  }
}

/** The wall-clock time at `instant` in `timeZone`. */
export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts['year']!, month: parts['month']!, day: parts['day']!,
    hour: parts['hour']! % 24, minute: parts['minute']!, second: parts['second']!,
  };
}

/** Minutes east of UTC in `timeZone` at `instant`. */
export function offsetMinutesAt(instant: number, timeZone: string): number {
  const w = wallTimeAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant at which clocks in `timeZone` show `wall`. In the hour skipped by a
 * spring-forward the later offset applies; in the repeated autumn hour, the first.
 */
export function instantOf(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const first = asUtc - offsetMinutesAt(asUtc, timeZone) * 60_000;
  const second = asUtc - offsetMinutesAt(first, timeZone) * 60_000;
  if (first === second) return first;
  // Around a transition the two guesses differ: keep the earlier one that reads back as `wall`.
  const candidates = [Math.min(first, second), Math.max(first, second)];
  for (const c of candidates) {
    const back = wallTimeAt(c, timeZone);
    if (back.hour === wall.hour && back.minute === wall.minute && back.day === wall.day) return c;
  }
  return Math.max(first, second);
}

/** "2026-05-27" (start of that day) or "2026-05-27T19:30[:00]" read in `timeZone`; an explicit Z or ±hh:mm wins. */
export function parseIsoInZone(text: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const wall: WallTime = {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0),
  };
  if (!isValidWallTime(wall)) return null;
  const zone = m[7];
  if (zone) {
    const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    if (zone === 'Z') return asUtc;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return asUtc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return instantOf(wall, timeZone);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

export function isValidWallTime(w: WallTime): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  return w.day <= daysInMonth(w.year, w.month);
}

/** The calendar date "YYYY-MM-DD" of `instant` as seen in `timeZone`. */
export function isoDateIn(instant: number, timeZone: string): string {
  const w = wallTimeAt(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
