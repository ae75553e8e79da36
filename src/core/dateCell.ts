/**
 * A date in an attendance log or a roster's "Last attended" column: a Date from
 * Sheets (any realm), or text `2026-05-01`, `2026-05-01 19:30`, or `5/1/2026`
 * (with an optional `19:30[:00]` or `7:30 pm`), the order of day and month being
 * the group's stated `responses.dateOrder`, never guessed per row. Text without
 * a zone is read in the group's zone.
 */
import { InputError, isDate, type Place } from './inputError';
import { isValidWallTime, instantOf, parseIsoInZone, type WallTime } from './zonedTime';

export type DateOrder = 'month-first' | 'day-first';

const slashed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

/**
 * A reader for one column of dates: text is parsed once per distinct value, since
 * a log of 500,000 rows holds a few hundred distinct days and each parse asks Intl.
 */
export function dateReader(dateOrder: DateOrder, timeZone: string): (value: unknown, place: Place) => number {
  const seen = new Map<string, number>();
  return (value, place) => {
    if (typeof value !== 'string') return readDateCell(value, place, dateOrder, timeZone);
    let at = seen.get(value);
    if (at === undefined) {
      at = readDateCell(value, place, dateOrder, timeZone);
      seen.set(value, at);
    }
    return at;
  };
}

/** The instant a date cell stands for (a date alone: the start of that day), or an InputError saying what was expected. */
export function readDateCell(value: unknown, place: Place, dateOrder: DateOrder, timeZone: string): number {
  if (isDate(value)) {
    const time = value.getTime();
    if (!Number.isNaN(time)) return time;
    throw new InputError(place, 'the date in this cell is not a valid date');
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (text !== '') {
    const iso = parseIsoInZone(text, timeZone);
    if (iso !== null) return iso;
    const m = slashed.exec(text);
    if (m) {
      const [first, second] = [Number(m[1]), Number(m[2])];
      let hour = Number(m[4] ?? 0);
      const meridiem = m[7]?.toLowerCase().replace(/\./g, '');
      if (meridiem && (hour < 1 || hour > 12)) hour = 99; // "13:00 pm" is no time
      else if (meridiem === 'pm' && hour < 12) hour += 12;
      else if (meridiem === 'am' && hour === 12) hour = 0;
      const wall: WallTime = {
        year: Number(m[3]),
        month: dateOrder === 'month-first' ? first : second,
        day: dateOrder === 'month-first' ? second : first,
        hour,
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
      };
      if (isValidWallTime(wall)) return instantOf(wall, timeZone);
    }
  }
  const example = dateOrder === 'month-first' ? '5/31/2026' : '31/5/2026';
  const shown = typeof value === 'string' ? `"${value}"` : String(value);
  throw new InputError(place, `${shown} is not a date: expected 2026-05-31 or ${example} (${dateOrder}, as the rules state)`);
}
