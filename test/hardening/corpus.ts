/**
 * The bad-input corpus (issue 10): malformed and hostile inputs, each with what
 * must come of it. Sheet cases go through `countVote` as the 2-D arrays a sheet
 * gives, and, when every cell is text, through `endorse tally` as CSV files;
 * file cases go through `endorse tally` only. docs/reliability.md summarizes it.
 */
import type { FileCase, Kind, SheetCase } from './corpusCase';
import { FILE_CASES } from './corpusFiles';
import { MEMBER_CASES } from './corpusMembers';
import { NAME_CASES } from './corpusNames';
import { RESPONSE_CASES } from './corpusResponses';
import { RULES_CASES } from './corpusRules';

export type { FileCase, Kind, SheetCase } from './corpusCase';

export const SHEET_CASES: SheetCase[] = [...RESPONSE_CASES, ...NAME_CASES, ...MEMBER_CASES, ...RULES_CASES];
export { FILE_CASES };

/** Every table of a sheet case, by the file name the command line reads it from. */
export function tablesOf(c: SheetCase): Record<string, unknown[][]> {
  const tables: Record<string, unknown[][]> = { 'responses.csv': c.responses };
  if (c.secondVote) tables['round2.csv'] = c.secondVote;
  if (c.roster) tables['roster.csv'] = c.roster;
  if (c.attendance) tables['attendance.csv'] = c.attendance;
  if (c.proxies) tables['proxies.csv'] = c.proxies;
  return tables;
}

/** A sheet case can be a CSV when every cell is text, as a CSV's are. */
export function goesThroughCsv(c: SheetCase): boolean {
  return !c.sheetOnly && Object.values(tablesOf(c)).every((rows) => rows.every((row) => Array.isArray(row) && row.every((cell) => typeof cell === 'string')));
}

/** Quoted throughout, as Forms' "Download responses" writes it. */
export function toCsv(rows: unknown[][]): string {
  return rows.map((row) => row.map((cell) => `"${String(cell).replace(/"/g, '""')}"`).join(',')).join('\n') + (rows.length ? '\n' : '');
}

/** How many cases of each kind, for docs/reliability.md. */
export function countByKind(): Record<Kind, number> {
  const counts = {} as Record<Kind, number>;
  for (const c of [...SHEET_CASES, ...FILE_CASES] as (SheetCase | FileCase)[]) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  return counts;
}
