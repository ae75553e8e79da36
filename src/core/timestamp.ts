/**
 * The "Timestamp" cell of a form response → the instant it was submitted.
 *
 * What we accept, and nothing else:
 * - a Date from Sheets (any realm): its instant, as Sheets already read it in the
 *   spreadsheet's zone;
 * - a number: a Sheets serial date (days since 1899-12-30), wall-clock time in the zone;
 * - text from a linked sheet's CSV download, in its locale: `9/6/2018 0:06:16`, or
 *   day-first `08/03/2026 21:42:55`. Which number is the day is the group's stated
 *   `rules.responses.dateOrder`, never guessed per row (a guess would read
 *   08/03 as March in one row and August in the next);
 * - text from the Forms "Download responses" CSV, year first with a zone:
 *   `2024/10/17 2:09:12 pm CET`, `2018/06/15 10:05:57 PM GMT+5:30`;
 * - ISO 8601: `2026-05-27T19:30:00Z`, `2026-05-27 19:30` (the year-first shape above).
 * Text without a zone is wall-clock time in the given IANA zone.
 */
import { InputError, isDate, type Place } from './inputError';
import { checkTimeZone, instantOf, isValidWallTime, type WallTime } from './zonedTime';

export type DateOrder = 'month-first' | 'day-first';

export interface TimestampOptions {
  dateOrder: DateOrder;
  /** IANA zone for timestamps written without one (the window's, or the spreadsheet's). */
  timeZone: string;
}

/**
 * The zone abbreviations we read, with their fixed offset in minutes east of UTC.
 * An abbreviation names its offset (CET is UTC+1 even in July, when Paris is on
 * CEST), so it wins over the zone in the options. Kept small on purpose: the US
 * zones of our users, Europe's, and Australia's and New Zealand's. Ambiguous ones
 * (IST: India, Ireland or Israel?) are refused; Forms writes such zones as GMT+5:30.
 */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600,
  WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180,
  AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

// Date (year first, or year last in the stated order), optional time with seconds
// and am/pm, optional zone.
const DATE_TIME =
  /^(?:(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([ap])\.?\s?m\.?)?)?(?:\s+(.+)|([+-]\d.*|Z))?$/i;
const GMT_OFFSET = /^(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Sheets counts days from 1899-12-30. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
/** The serial of 10000-01-01: Sheets' dates end with the year 9999. */
const SERIAL_END = 2_958_466;
const DAY_MS = 86_400_000;

/** Minutes east of UTC for a zone written after a timestamp, or undefined when we do not know it. */
export function zoneOffsetMinutes(zone: string): number | undefined {
  const text = zone.trim();
  const known = ZONE_ABBREVIATIONS[text.toUpperCase()];
  if (known !== undefined) return known;
  const m = GMT_OFFSET.exec(text);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** What a timestamp text says, before a zone turns it into an instant; null when it is no timestamp we know. */
export function readTimestampText(
  text: string,
  dateOrder: DateOrder,
): { wall: WallTime; offsetMinutes?: number; unknownZone?: string } | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [first, second] = [Number(m[4]), Number(m[5])];
  const yearLast = m[6] !== undefined;
  let hour = Number(m[7] ?? 0);
  const meridiem = m[10]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  const wall: WallTime = {
    year: Number(yearLast ? m[6] : m[1]),
    month: yearLast ? (dateOrder === 'month-first' ? first : second) : Number(m[2]),
    day: yearLast ? (dateOrder === 'month-first' ? second : first) : Number(m[3]),
    hour,
    minute: Number(m[8] ?? 0),
    second: Number(m[9] ?? 0),
  };
  // Sheets' dates start in 1899; Date.UTC would also read the years 0–99 as 1900–1999.
  if (!isValidWallTime(wall) || wall.year < 1900) return null;
  const zone = m[11] ?? m[12];
  if (zone === undefined) return { wall };
  const offsetMinutes = zoneOffsetMinutes(zone);
  return offsetMinutes === undefined ? { wall, unknownZone: zone } : { wall, offsetMinutes };
}

/**
 * A reader of timestamp cells for one sheet: null for an empty cell, the instant
 * otherwise, an InputError saying what was expected for anything else. It keeps
 * each wall-clock hour's UTC offset, as looking it up through Intl costs more
 * than the rest of reading a response.
 */
export function timestampReader(options: TimestampOptions): (value: unknown, place: Place) => number | null {
  const { dateOrder, timeZone } = options;
  checkTimeZone(timeZone);
  const offsetAt = (asUtc: number): number => {
    const d = new Date(asUtc);
    const wall = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0 };
    return asUtc - instantOf(wall, timeZone);
  };
  // Per wall-clock hour: its offset, or null when the clocks change within it
  // (on the hour in most zones, on the half hour on Lord Howe Island).
  const hourOffsets = new Map<number, number | null>();
  const inZone = (wall: WallTime): number => {
    const hourAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour);
    let offset = hourOffsets.get(hourAsUtc);
    if (offset === undefined) {
      const first = offsetAt(hourAsUtc);
      offset = first === offsetAt(hourAsUtc + 3_600_000) ? first : null;
      hourOffsets.set(hourAsUtc, offset);
    }
    const asUtc = hourAsUtc + (wall.minute * 60 + wall.second) * 1000;
    return asUtc - (offset ?? offsetAt(asUtc - wall.second * 1000));
  };

  return (value, place) => {
    if (value === null || value === undefined) return null;
    if (isDate(value)) {
      const time = value.getTime();
      if (Number.isNaN(time)) throw new InputError(place, 'the timestamp cell holds an invalid date');
      return time;
    }
    if (typeof value === 'number' && value > 0 && value < SERIAL_END) {
      const utc = new Date(SERIAL_EPOCH + Math.round(value * DAY_MS / 1000) * 1000);
      return inZone({
        year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate(),
        hour: utc.getUTCHours(), minute: utc.getUTCMinutes(), second: utc.getUTCSeconds(),
      });
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (typeof value === 'string' && text === '') return null;
    const read = text === '' ? null : readTimestampText(text, dateOrder);
    if (read && read.unknownZone !== undefined) {
      throw new InputError(
        place,
        `"${text}" ends with a time zone we do not read ("${read.unknownZone}"): expected an offset such as GMT+5:30 or one of ${Object.keys(ZONE_ABBREVIATIONS).join(', ')}`,
      );
    }
    if (read) {
      const { wall, offsetMinutes } = read;
      if (offsetMinutes === undefined) return inZone(wall);
      return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - offsetMinutes * 60_000;
    }
    throw new InputError(place, `${describeValue(value)} is not a timestamp: ${expected(text, dateOrder)}`);
  };
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function expected(text: string, dateOrder: DateOrder): string {
  const example = dateOrder === 'month-first' ? '9/6/2018 0:06:16' : '08/03/2026 21:42:55';
  const base = `expected a date and time such as ${example} (${dateOrder}, as rules.responses.dateOrder states), 2024/10/17 2:09:12 pm CET or 2026-05-27T19:30:00`;
  // A date that only reads the other way round is the sign of a sheet in another locale.
  const other: DateOrder = dateOrder === 'month-first' ? 'day-first' : 'month-first';
  if (readTimestampText(text, other)) return `${base}; it reads as a date ${other}: set rules.responses.dateOrder to "${other}" if the sheet's locale writes dates that way`;
  return base;
}
