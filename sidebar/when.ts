/**
 * Dates from the server are ISO strings; the leader reads them in the
 * spreadsheet's time zone, not the browser's, like every date in the sheets.
 */

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** "May 20, 2026, 7:30 PM" in `timeZone`; a date alone stays that calendar day. */
export function formatWhen(iso: string, timeZone: string): string {
  const isDay = dateOnly.test(iso.trim());
  // A date alone names a calendar day, not an instant: read and shown in UTC it stays that day.
  const date = new Date(isDay ? `${iso.trim()}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = isDay
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone };
  try {
    return new Intl.DateTimeFormat('en-US', options).format(date);
  } catch {
    // An unknown zone name: better the instant as written than nothing.
    return iso;
  }
}
