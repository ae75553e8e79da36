/**
 * One input of the bad-input corpus and what must come of it: either a clear
 * error (InputError or RulesError) naming where, as a leader reads it in Sheets
 * or in a file, or a stated, documented behaviour, checked on the result.
 */
import { expect } from 'vitest';
import type { reportJson } from '../../src/core/reportJson';

export type Kind =
  | 'empty or odd shape'
  | 'headers'
  | 'voter identity'
  | 'timestamps'
  | 'cell values'
  | 'look-alike and hidden names'
  | 'ranking grids'
  | 'roster'
  | 'attendance and proxies'
  | 'rules'
  | 'second vote'
  | 'files';

/** The result as both doors give it: the JSON (`--format json`) and the text report. */
export interface Outcome {
  json: ReturnType<typeof reportJson>;
  text: string;
}

export type Expected =
  /** `at` is where, exactly as the message starts ("responses.csv, row 3, column \"Timestamp\""). */
  | { error: 'InputError' | 'RulesError'; at: string; says: RegExp }
  | { behaviour: string; check: (outcome: Outcome) => void };

/** Sheets a case feeds to `countVote` as 2-D arrays, and to `endorse tally` as CSV files of the same names. */
export interface SheetCase {
  kind: Kind;
  name: string;
  responses: unknown[][];
  secondVote?: unknown[][];
  roster?: unknown[][];
  attendance?: unknown[][];
  proxies?: unknown[][];
  /** As rules.json holds them; undefined: no rules file. */
  rules?: unknown;
  /** Only through countVote: the values are what a sheet holds, not what a CSV can (numbers, Dates, nulls). */
  sheetOnly?: boolean;
  expected: Expected;
}

/** Files a case writes as they are, run only through `endorse tally`. */
export interface FileCase {
  kind: 'files';
  name: string;
  /** File name → its bytes or text; `responses.csv` is the first positional argument unless `args` says otherwise. */
  files: Record<string, string | Uint8Array>;
  /** Arguments after `tally`; file names are resolved in the case's folder. Default: responses.csv, and --rules rules.json when there is one. */
  args?: string[];
  /** `usage`: exit 2, the message, then the usage text; `line`: exit 2, one line with no place to name. */
  expected: Expected | { usage: RegExp } | { line: RegExp };
}

/** A response time inside the window most cases use (America/Chicago). */
export const T = '5/22/2026 9:00:00';
export const LATER = '5/23/2026 10:30:00';
export const HEAD = ['Timestamp', 'Email Address', 'Mayor'];
export const ZONE = 'America/Chicago';
/** The window of the cases that set one, in the zone above. */
export const WINDOW = { timeZone: ZONE, window: { opens: '2026-05-22', closes: '2026-05-27' } };

/** A response sheet: the usual header and one row per [email, choice] (or [email, choice, timestamp]). */
export function ballots(...rows: [string, unknown, unknown?][]): unknown[][] {
  return [HEAD, ...rows.map(([email, choice, at]) => [at ?? T, email, choice])];
}

export const ROSTER = [['Name', 'Email'], ['Ana Ruiz', 'ana@example.org'], ['Bo Park', 'bo@example.org'], ['Cy Wu', 'cy@example.org']];

export const race = (o: Outcome, name = 'Mayor') => {
  const found = o.json.races.find((r) => r.race === name);
  expect(found, `race ${name}`).toBeDefined();
  return found!;
};

/** Votes per option in a round of a race. */
export const votes = (o: Outcome, name = 'Mayor', round = 0): Record<string, number> =>
  Object.fromEntries(race(o, name).rounds[round]!.counts.map((c) => [c.option, c.votes]));

/** [row, reason] of every refusal, in order. */
export const refusals = (o: Outcome): [number, string][] => o.json.refused.map((r) => [r.row, r.reason]);

/** The "Check these names" lines of the text report. */
export const flags = (o: Outcome): string[] => o.text.split('\n').filter((l) => l.startsWith('Check these names: '));
