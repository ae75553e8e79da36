/**
 * A date in an attendance log or a roster's "Last attended" column. It is read
 * exactly as a response timestamp is (src/core/timestamp.ts: a Date from Sheets,
 * `2026-05-01`, `5/1/2026 7:30 pm` in the stated day/month order, a zone when
 * written), so one rule of dates holds for every sheet of a vote; only an empty
 * cell differs: a log row without its date is an error, not a blank.
 */
import { InputError, type Place } from './inputError';
import { timestampReader, type DateOrder } from './timestamp';

export type { DateOrder };

/** A reader for one column of dates; text is parsed once per distinct value, as a log repeats a few hundred days. */
export function dateReader(dateOrder: DateOrder, timeZone: string): (value: unknown, place: Place) => number {
  const read = timestampReader({ dateOrder, timeZone });
  const seen = new Map<string, number>();
  return (value, place) => {
    if (typeof value === 'string') {
      const known = seen.get(value);
      if (known !== undefined) return known;
    }
    const at = typeof value === 'number' ? null : readOrExplain(read, value, place, dateOrder);
    if (at === null) throw notADate(value, place, dateOrder);
    if (typeof value === 'string') seen.set(value, at);
    return at;
  };
}

function readOrExplain(
  read: (value: unknown, place: Place) => number | null,
  value: unknown,
  place: Place,
  dateOrder: DateOrder,
): number | null {
  try {
    return read(value, place);
  } catch (error) {
    if (error instanceof InputError) throw notADate(value, place, dateOrder);
    throw error;
  }
}

function notADate(value: unknown, place: Place, dateOrder: DateOrder): InputError {
  const example = dateOrder === 'month-first' ? '5/31/2026' : '31/5/2026';
  const shown = typeof value === 'string' ? `"${value}"` : value === '' || value === null || value === undefined ? 'an empty cell' : String(value);
  return new InputError(place, `${shown} is not a date: expected 2026-05-31 or ${example} (${dateOrder}, as the rules state)`);
}
