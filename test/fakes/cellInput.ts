/**
 * What a cell holds after a script writes a value into it, as Sheets decides
 * (locale en_US): a string starting with "=" becomes a formula; a string that
 * reads as a number, percentage, amount, boolean, date or time is converted
 * ("auto-typing": "+1" → 1, "007" → 7, "TRUE" → true, "2026-05-01" → a Date);
 * a leading apostrophe or the plain-text format "@" keeps the text as written.
 */
import { instantOf, isValidWallTime, wallTimeAt, type WallTime } from '../../src/core/zonedTime';
import { isDate } from '../../src/core/inputError';

/** A date-time cell: the instant it shows. */
export class DateCell {
  constructor(readonly ms: number) {}
}

/** A formula cell. We never evaluate formulas: reading one gives FORMULA_RESULT. */
export class FormulaCell {
  constructor(readonly formula: string) {}
}

export type Stored = string | number | boolean | DateCell | FormulaCell;

/** What Range.getNumberFormat() gives for a cell nobody formatted ("Automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';
/** Sheets' "Plain text" format: what is written is kept as text. */
export const TEXT_FORMAT = '@';
/** What reading a formula cell gives in these fakes, standing for "some computed value we do not know". */
export const FORMULA_RESULT = '#NAME?';
/** Sheets refuses a cell longer than this. */
export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** The format Sheets gives a cell when a Date is written into an automatic cell. */
export const DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';

export interface Written {
  value: Stored;
  /** A number format Sheets applies along with the value (a date typed into an automatic cell shows as a date). */
  format?: string;
}

/** How Sheets stores `input` written into a cell whose number format is `format`. */
export function writtenCell(input: unknown, format: string, timeZone: string, now: number): Written {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) {
    const ms = input.getTime();
    if (format === AUTOMATIC_FORMAT) return { value: new DateCell(ms), format: DATE_TIME_FORMAT };
    return { value: isNumberFormat(format) ? serialOf(ms, timeZone) : new DateCell(ms) };
  }
  const text = String(input);
  if (format === TEXT_FORMAT) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { value: new FormulaCell(text) };
  const typed = autoTyped(text.trim(), timeZone, now);
  if (!typed) return { value: text };
  return format === AUTOMATIC_FORMAT || typed.format === undefined ? typed : { value: typed.value };
}

/** The value Range.getValues() gives for a stored cell under `format`. */
export function readCell(stored: Stored, format: string, timeZone: string, dateIn: (ms: number) => Date): unknown {
  if (stored instanceof FormulaCell) return FORMULA_RESULT;
  if (stored instanceof DateCell) return isNumberFormat(format) ? serialOf(stored.ms, timeZone) : dateIn(stored.ms);
  if (typeof stored === 'number' && isDateFormat(format)) return dateIn(instantOfSerial(stored, timeZone));
  return stored;
}

function autoTyped(text: string, timeZone: string, now: number): Written | null {
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  // Every other reading needs a digit; most names and emails stop here.
  if (!/\d/.test(text)) return null;
  const number = numberIn(text);
  if (number !== null) return { value: number };
  const percent = /^(.*)%$/.exec(text);
  if (percent) {
    const n = numberIn(percent[1]!.trim());
    if (n !== null) return { value: n / 100, format: percent[1]!.includes('.') ? '0.00%' : '0%' };
  }
  const amount = /^([+-]?)\$(.+)$/.exec(text);
  if (amount) {
    const n = numberIn(amount[2]!);
    if (n !== null && !/^[+-]/.test(amount[2]!)) return { value: amount[1] === '-' ? -n : n, format: '"$"#,##0.00' };
  }
  return dateIn(text, timeZone, now);
}

/** "1,234.5", "+1", "-3", ".5", "1e3" are numbers to Sheets; "1,23" and "12abc" are not. */
function numberIn(text: string): number | null {
  if (!/^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) return null;
  return Number(text.replace(/,/g, ''));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([ap])\.?m\.?)?`;
const ONLY_TIME = new RegExp(`^${TIME}$`, 'i');
const DATE_THEN_TIME = new RegExp(`^(.+?)(?:[ T]+${TIME})?$`, 'i');

interface DatePart { year: number; month: number; day: number; format: string }

function dateIn(text: string, timeZone: string, now: number): Written | null {
  const onlyTime = ONLY_TIME.exec(text);
  if (onlyTime) {
    // Sheets' day zero: a bare time is that time on 1899-12-30.
    const time = timeOf(onlyTime.slice(1));
    if (!time) return null;
    return dated({ year: 1899, month: 12, day: 30, ...time }, timeZone, 'H:mm:ss');
  }
  const split = DATE_THEN_TIME.exec(text);
  if (!split) return null;
  const date = datePart(split[1]!.trim(), wallTimeAt(now, timeZone).year);
  if (!date) return null;
  const time = split[2] === undefined ? { hour: 0, minute: 0, second: 0 } : timeOf(split.slice(2));
  if (!time) return null;
  const format = split[2] === undefined ? date.format : `${date.format} H:mm:ss`;
  return dated({ year: date.year, month: date.month, day: date.day, ...time }, timeZone, format);
}

function datePart(text: string, thisYear: number): DatePart | null {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (m) return { year: +m[1]!, month: +m[2]!, day: +m[3]!, format: 'yyyy-mm-dd' };
  m = /^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{4}|\d{2}))?$/.exec(text);
  if (m) return { year: yearOf(m[3], thisYear), month: +m[1]!, day: +m[2]!, format: 'M/d/yyyy' };
  m = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text);
  if (m && MONTHS.includes(m[1]!.toLowerCase())) {
    return { year: +m[3]!, month: MONTHS.indexOf(m[1]!.toLowerCase()) + 1, day: +m[2]!, format: 'mmmm d, yyyy' };
  }
  m = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$/i.exec(text);
  if (m && MONTHS.includes(m[2]!.toLowerCase())) {
    return { year: +m[3]!, month: MONTHS.indexOf(m[2]!.toLowerCase()) + 1, day: +m[1]!, format: 'd mmmm yyyy' };
  }
  return null;
}

/** Sheets reads a two-digit year 00–29 as 20xx and 30–99 as 19xx; no year means this year. */
function yearOf(digits: string | undefined, thisYear: number): number {
  if (digits === undefined) return thisYear;
  if (digits.length === 4) return +digits;
  return +digits < 30 ? 2000 + +digits : 1900 + +digits;
}

function timeOf([h, min, s, half]: (string | undefined)[]): { hour: number; minute: number; second: number } | null {
  let hour = Number(h);
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  }
  return { hour, minute: Number(min), second: Number(s ?? 0) };
}

function dated(wall: WallTime, timeZone: string, format: string): Written | null {
  if (!isValidWallTime(wall)) return null;
  return { value: new DateCell(instantOf(wall, timeZone)), format };
}

const DAY_MS = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Sheets' serial number for an instant: days since 1899-12-30 on the spreadsheet's wall clock. */
export function serialOf(ms: number, timeZone: string): number {
  const w = wallTimeAt(ms, timeZone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) + (((ms % 1000) + 1000) % 1000);
  return (wallMs - SERIAL_EPOCH) / DAY_MS;
}

export function instantOfSerial(serial: number, timeZone: string): number {
  const wallMs = Math.round(SERIAL_EPOCH + serial * DAY_MS);
  const d = new Date(wallMs);
  const wall: WallTime = {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
  return instantOf(wall, timeZone) + d.getUTCMilliseconds();
}

/** The format's code with quoted literals and escapes removed, lower-cased. */
function formatCode(format: string): string {
  return format.replace(/"[^"]*"|\\./g, '').toLowerCase();
}

/** A date or time format: it shows years, days, hours or seconds. */
export function isDateFormat(format: string): boolean {
  if (format === AUTOMATIC_FORMAT || format === TEXT_FORMAT) return false;
  return /[ydhs]|am\/pm/.test(formatCode(format));
}

/** An explicit number format (not automatic, text or a date): a Date written there shows as its serial. */
export function isNumberFormat(format: string): boolean {
  return format !== AUTOMATIC_FORMAT && format !== TEXT_FORMAT && !isDateFormat(format) && /[0#?]/.test(formatCode(format));
}
