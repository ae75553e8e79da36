/**
 * When ballots may be cast: `window: { opens, closes, timeZone }`, each bound
 * optional. Dates without a zone are read in `window.timeZone`, else the rules'
 * `timeZone`, else the spreadsheet's; ballots are then compared as instants.
 * - `opens: "2026-05-20"` opens at the start of that day; with a time, at that moment.
 * - `closes: "2026-05-27"` closes at the END of that day (a ballot at 23:59:59 counts),
 *   since a leader announcing "vote until May 27" means the whole day.
 * - `closes: "2026-05-27T21:00"` accepts a ballot stamped 21:00:00 and refuses 21:00:01.
 */
import { RulesError, type Rules } from './rules';
import { checkTimeZone, instantOf, parseIsoInZone, wallTimeAt } from './zonedTime';

export interface VotingWindow {
  /** First instant a ballot may carry, epoch ms. */
  opens?: number;
  /** First instant a ballot may no longer carry (exclusive), epoch ms. */
  closesBefore?: number;
  /** The bounds as the rules wrote them, for messages. */
  opensText?: string;
  closesText?: string;
  timeZone: string;
}

const dateOnly = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

/** The window the rules state, or null when they state none. */
export function votingWindow(rules: Rules, timeZone: string): VotingWindow | null {
  const w = rules.window;
  if (!w || (w.opens === undefined && w.closes === undefined)) return null;
  const zone = w.timeZone ?? rules.timeZone ?? timeZone;
  try {
    checkTimeZone(zone);
  } catch (e) {
    throw new RulesError([(e as Error).message], w.timeZone ? 'rules.window.timeZone' : 'time zone');
  }
  const window: VotingWindow = { timeZone: zone };
  if (w.opens !== undefined) {
    const opens = parseIsoInZone(w.opens, zone);
    if (opens === null) throw new RulesError([`window.opens is not a real date, got "${w.opens}"`]);
    window.opens = opens;
    window.opensText = w.opens.trim();
  }
  if (w.closes !== undefined) {
    const closes = parseIsoInZone(w.closes, zone);
    if (closes === null) throw new RulesError([`window.closes is not a real date, got "${w.closes}"`]);
    window.closesBefore = dateOnly.test(w.closes) ? dayStart(closes, zone, 1) : closes + 1000;
    window.closesText = w.closes.trim();
  }
  if (window.opens !== undefined && window.closesBefore !== undefined && window.opens >= window.closesBefore) {
    throw new RulesError([`window.opens (${window.opensText}) is not before window.closes (${window.closesText})`]);
  }
  return window;
}

/** The start of the calendar day `shift` days after the day of `instant`, in `zone`. */
export function dayStart(instant: number, zone: string, shift = 0): number {
  const d = wallTimeAt(instant, zone);
  const day = new Date(Date.UTC(d.year, d.month - 1, d.day + shift));
  return instantOf({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: 0, minute: 0, second: 0 }, zone);
}

/** Why a ballot stamped `at` falls outside the window, or null when it is inside. */
export function outsideWindow(at: number | null, window: VotingWindow): string | null {
  if (at === null) return 'has no timestamp, so it cannot be placed inside the voting window';
  if (window.opens !== undefined && at < window.opens) {
    return `was cast at ${describeInstant(at, window.timeZone)}, before the vote opened (${window.opensText})`;
  }
  if (window.closesBefore !== undefined && at >= window.closesBefore) {
    return `was cast at ${describeInstant(at, window.timeZone)}, after the vote closed (${window.closesText}${dateOnly.test(window.closesText ?? '') ? ', end of day' : ''})`;
  }
  return null;
}

/** "2026-05-27 21:04:05 America/Chicago": the wall time a leader in that zone saw. */
export function describeInstant(at: number, timeZone: string): string {
  const w = wallTimeAt(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)} ${timeZone}`;
}
