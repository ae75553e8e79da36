/**
 * What a cell shows (Range.getDisplayValues) for a stored value under its number
 * format, for the formats an add-on writes: automatic, plain text, fixed
 * decimals, thousands separators, percentages, currency and date-time patterns.
 */
import { wallTimeAt } from '../../src/core/zonedTime';
import {
  AUTOMATIC_FORMAT, DATE_TIME_FORMAT, DateCell, FORMULA_RESULT, FormulaCell, TEXT_FORMAT,
  instantOfSerial, isDateFormat, serialOf, type Stored,
} from './cellInput';

export function displayed(stored: Stored, format: string, timeZone: string): string {
  if (stored instanceof FormulaCell) return FORMULA_RESULT;
  if (typeof stored === 'boolean') return stored ? 'TRUE' : 'FALSE';
  if (typeof stored === 'string') return stored;
  if (stored instanceof DateCell) {
    const pattern = isDateFormat(format) ? format : DATE_TIME_FORMAT;
    return format === AUTOMATIC_FORMAT || format === TEXT_FORMAT || isDateFormat(format)
      ? dateShown(stored.ms, pattern, timeZone)
      : numberShown(serialOf(stored.ms, timeZone), format);
  }
  if (isDateFormat(format)) return dateShown(instantOfSerial(stored, timeZone), format, timeZone);
  return numberShown(stored, format);
}

function numberShown(n: number, format: string): string {
  if (format === AUTOMATIC_FORMAT || format === TEXT_FORMAT || !/[0#]/.test(format)) {
    return String(Number(n.toPrecision(15))).toUpperCase();
  }
  const literal = (format.match(/"([^"]*)"/g) ?? []).map((q) => q.slice(1, -1)).join('');
  const code = format.replace(/"[^"]*"/g, '');
  const percent = code.includes('%');
  const value = Math.abs(percent ? n * 100 : n);
  const decimals = /\.([0#]+)/.exec(code)?.[1]?.length ?? 0;
  let text = value.toFixed(decimals);
  if (code.includes(',')) {
    const [whole, fraction] = text.split('.');
    text = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
  }
  return `${n < 0 ? '-' : ''}${literal}${text}${percent ? '%' : ''}`;
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Sheets' date-time tokens; "m"/"mm" are minutes right after an hour or before seconds, months otherwise. */
function dateShown(ms: number, format: string, timeZone: string): string {
  const w = wallTimeAt(ms, timeZone);
  const tokens = format.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|./gi) ?? [];
  const twelveHour = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const out: string[] = [];
  tokens.forEach((token, i) => {
    const t = token.toLowerCase();
    const previous = tokens.slice(0, i).reverse().find((p) => /^[hdsy]/i.test(p))?.toLowerCase() ?? '';
    const next = tokens.slice(i + 1).find((p) => /^[hdsy]/i.test(p))?.toLowerCase() ?? '';
    if (t.startsWith('"')) out.push(token.slice(1, -1));
    else if (t.startsWith('\\')) out.push(token.slice(1));
    else if (t.startsWith('y')) out.push(t.length <= 2 ? pad(w.year % 100, 2) : String(w.year));
    else if (t.startsWith('m') && t.length <= 2 && (previous.startsWith('h') || next.startsWith('s'))) {
      out.push(pad(w.minute, t.length));
    } else if (t.startsWith('m')) {
      out.push(t.length === 1 ? String(w.month) : t.length === 2 ? pad(w.month, 2)
        : t.length === 3 ? MONTH_NAMES[w.month - 1]!.slice(0, 3) : MONTH_NAMES[w.month - 1]!);
    } else if (t.startsWith('d')) {
      const weekday = DAY_NAMES[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]!;
      out.push(t.length <= 2 ? pad(w.day, t.length) : t.length === 3 ? weekday.slice(0, 3) : weekday);
    } else if (t.startsWith('h')) {
      const hour = twelveHour ? ((w.hour + 11) % 12) + 1 : w.hour;
      out.push(pad(hour, Math.min(t.length, 2)));
    } else if (t.startsWith('s')) out.push(pad(w.second, Math.min(t.length, 2)));
    else if (t === 'am/pm') out.push(w.hour < 12 ? 'AM' : 'PM');
    else if (t === 'a/p') out.push(w.hour < 12 ? 'A' : 'P');
    else out.push(token);
  });
  return out.join('');
}
