/**
 * How each column of a response sheet was read, in sheet order, one line a
 * leader can check: the timestamp, the voter, a race (its kind and
 * candidates), or set aside and why. The report, the JSON and the sidebar
 * show it, so that a column counted or not counted is never a surprise.
 */
import type { ResponseSheet } from './responses';

export type ColumnRole = 'timestamp' | 'voter' | 'race' | 'set-aside';

export interface ColumnReading {
  /** The header, or the headers of a grid's columns joined, as written. */
  columns: string[];
  role: ColumnRole;
  /** The race a column belongs to, for role "race". */
  race?: string;
  /** One sentence: what the column is, or why it was not counted. */
  words: string;
}

const KIND_WORDS = { single: 'one choice', ranked: 'ranked', approval: 'choose several' } as const;
const MAX_NAMED = 8;

export function sheetReading(sheet: Omit<ResponseSheet, 'responses'>): ColumnReading[] {
  const at: { index: number; reading: ColumnReading }[] = [];
  if (sheet.timestampColumn !== null) {
    at.push({ index: sheet.timestampColumn, reading: { columns: [sheet.headers[sheet.timestampColumn]!], role: 'timestamp', words: 'when each ballot was submitted' } });
  }
  if (sheet.identityColumn) {
    at.push({ index: sheet.identityColumn.index, reading: { columns: [sheet.identityColumn.header], role: 'voter', words: 'who voted: each ballot is matched to a member by it' } });
  }
  for (const race of sheet.races) {
    const names = race.candidates.length > MAX_NAMED ? [...race.candidates.slice(0, MAX_NAMED), `${race.candidates.length - MAX_NAMED} more`] : race.candidates;
    const candidates = names.length ? `; candidates: ${names.join(', ')}` : '';
    at.push({
      index: race.columns[0]!,
      reading: { columns: race.columns.map((c) => sheet.headers[c]!), role: 'race', race: race.race, words: `counted as the race "${race.race}" (${KIND_WORDS[race.kind]})${candidates}` },
    });
  }
  for (const ignored of sheet.ignored) {
    at.push({ index: ignored.index, reading: { columns: [ignored.header || `column ${ignored.index + 1}`], role: 'set-aside', words: `not counted: ${ignored.why}` } });
  }
  return at.sort((a, b) => a.index - b.index).map((a) => a.reading);
}

/** "Timestamp", or "Council [Ana] … Council [Cy] (3 columns)" for a grid. */
export function columnsLabel(columns: string[]): string {
  return columns.length === 1 ? `"${columns[0]}"` : `"${columns[0]}" … "${columns[columns.length - 1]}" (${columns.length} columns)`;
}
