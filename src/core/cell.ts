/**
 * What a sheet cell holds, as text: `getValues()` gives strings, numbers,
 * booleans and Dates (from another realm in our sandbox); a CSV gives strings.
 */
import { isDate } from './inputError';

/** Empty, or nothing but spaces: the question was not answered. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The cell as trimmed text; a Date as its ISO instant, a number as Sheets would show it without format. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).trim();
}
