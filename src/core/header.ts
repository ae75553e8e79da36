/**
 * The header row of a form's responses: which column holds the timestamp, which
 * the voter's identity, which questions are races, and which columns are not.
 *
 * Recognition is a default the rules can overrule: `responses.identityColumn`
 * names the identity column, `responses.ignoreColumns` sets columns aside, and
 * `races[race].columns` maps columns to a race by their headers.
 */
import { cellText } from './cell';
import { InputError, isDate } from './inputError';
import { nameKey } from './name';
import { rankInLabel } from './rank';
import type { Rules } from './rules';
import { readTimestampText } from './timestamp';

export interface Column {
  index: number;
  /** The header as written, without its outer spaces. */
  header: string;
  /** For a grid question, the row this column answers (`Ana` in `Mayor [Ana]`). */
  row: string | null;
}

/** One question of the form, not yet judged a race: that needs the answers (see responses.ts). */
export interface Question {
  /** The title as written, padding removed; an empty grid title becomes EMPTY_GRID_TITLE; mapped columns take the race's name. */
  title: string;
  /** The name of this race in `rules.races`, when the rules name it (by title, or by mapping its columns). */
  rulesName?: string;
  /** A grid question: one column per row, `Title [Row]`, or several columns mapped to one race. */
  grid: boolean;
  /** The rules map these columns to the race by their headers. */
  mapped?: boolean;
  /** A ranking found in bare columns of numbers, one column per candidate (rankColumns.ts). */
  bare?: boolean;
  columns: Column[];
}

export interface IgnoredColumn {
  index: number;
  header: string;
  why: string;
}

export interface HeaderReading {
  /** Every header as written, without outer spaces (and without a CSV's byte-order mark). */
  headers: string[];
  timestampColumn: number | null;
  identityColumn: { index: number; header: string } | null;
  questions: Question[];
  ignored: IgnoredColumn[];
}

/** The name we give a grid whose title is empty (headers ` [Ana]`, ` [Bo]`). */
export const EMPTY_GRID_TITLE = 'Ranking';

/** "Timestamp" as Forms writes it in English, Spanish, French, German, Portuguese and Italian. */
const TIMESTAMP_HEADERS = ['timestamp', 'marca temporal', 'horodateur', 'zeitstempel', 'carimbo de data/hora', 'informazioni cronologiche'];
/** Identity headers, best first: the address Forms collects, then a username, then an email question. */
const IDENTITY_HEADERS = ['email address', 'e-mail address', 'username', 'user name', 'email', 'e-mail'];
/** A question asking for the code a group hands each voter for an anonymous ballot. */
const VOTER_CODE = /\b(?:voter|voting|ballot|member)\s*(?:code|id|number|token|pin|key)\b/i;

/**
 * Questions that are never races unless the rules name them: who the voter is
 * (OSIS is a New York student number) and what they wrote beside their vote.
 */
const NOT_RACES: [RegExp, string][] = [
  [/\bname\b/i, 'asks for a name, not a vote'],
  [/\b(?:osis|student (?:id|number)|phone|pronouns?|gender|age|zip|postcode|postal code|address)\b/i, 'asks about the voter, not for a vote'],
  [/\b(?:comments?|feedback|notes?|suggestions?|remarks?)\b/i, 'asks for comments, not a vote'],
  [/^(?:total )?score$/i, 'a quiz score, not a vote'],
];

/**
 * `Title [Row]` split on the last " [" (titles may hold brackets of their own);
 * a header starting with "[" is a grid with an empty title. Null when not a grid header.
 */
export function splitGridHeader(header: string): { title: string; row: string } | null {
  const text = header.trim();
  if (!text.endsWith(']')) return null;
  const at = text.lastIndexOf(' [');
  if (at >= 0) return { title: text.slice(0, at).trim(), row: text.slice(at + 2, -1).trim() };
  if (text.startsWith('[')) return { title: '', row: text.slice(1, -1).trim() };
  return null;
}

/** Reads row 1. `hasData(index)` tells whether a column holds any answer (a blank header then matters). */
export function readHeader(cells: unknown[], options: { source: string; rules: Rules; hasData: (index: number) => boolean }): HeaderReading {
  const { source, rules, hasData } = options;
  const headers = cells.map((c) => cellText(c).replace(/^\uFEFF/, '').trim());
  checkIsHeaderRow(cells, headers, source);
  // Recognized ignoring invisible characters: "Email\u200B Address" is still the identity column.
  const keys = headers.map((h) => nameKey(h.replace(/\p{Cf}/gu, '')));
  const claimed = new Set<number>();
  const ignored: IgnoredColumn[] = [];
  const ignore = (index: number, why: string) => {
    claimed.add(index);
    ignored.push({ index, header: headers[index]!, why });
  };
  const find = (header: string, setting: string): number => {
    const found = keys.flatMap((k, i) => (k === nameKey(header) && k !== '' ? [i] : []));
    if (found.length === 0) throw new InputError({ source, row: 1, column: header }, `${setting} names this column, but the header row has no such column`);
    if (found.length > 1) throw new InputError({ source, row: 1, column: header }, `${setting} names this column, but ${found.length} columns have that header`);
    return found[0]!;
  };

  const mapped = mappedQuestions(rules, headers, (header, race) => {
    const setting = `rules.races["${race}"].columns`;
    const index = find(header, setting);
    if (claimed.has(index)) throw new InputError({ source, row: 1, column: header }, `${setting} maps a column that another race already holds`);
    claimed.add(index);
    return index;
  });

  const unclaimed = (i: number) => !claimed.has(i);
  const ignoreKeys = new Set(rules.responses.ignoreColumns.map(nameKey));
  keys.forEach((key, i) => {
    if (unclaimed(i) && key !== '' && ignoreKeys.has(key)) ignore(i, 'listed in rules.responses.ignoreColumns');
  });

  const timestampIndex = keys.findIndex((k, i) => unclaimed(i) && TIMESTAMP_HEADERS.indexOf(k) >= 0);
  const timestampColumn = timestampIndex >= 0 ? timestampIndex : null;
  if (timestampColumn !== null) claimed.add(timestampColumn);

  const identityColumn = findIdentity(keys, headers, rules, find, unclaimed);
  if (identityColumn) {
    if (!unclaimed(identityColumn.index)) {
      throw new InputError({ source, row: 1, column: identityColumn.header }, 'rules.responses.identityColumn names a column that is the timestamp, ignored, or mapped to a race');
    }
    claimed.add(identityColumn.index);
    keys.forEach((k, i) => {
      if (unclaimed(i) && (IDENTITY_HEADERS.indexOf(k) >= 0 || VOTER_CODE.test(headers[i]!))) {
        ignore(i, `another identity column: the voter is read from "${identityColumn.header}" (rules.responses.identityColumn chooses)`);
      }
    });
  }

  headers.forEach((header, i) => {
    if (unclaimed(i) && header === '') {
      if (hasData(i)) ignore(i, 'no header: a column without a question title is not read');
      else claimed.add(i);
    }
  });

  const questions: Question[] = [];
  for (const question of groupQuestions(headers, unclaimed)) {
    const rulesName = raceNamed(rules, question.title);
    const why = ignoreKeys.has(nameKey(question.title)) ? 'listed in rules.responses.ignoreColumns' : rulesName ? undefined : notARace(question.title);
    if (why) for (const c of question.columns) ignore(c.index, why);
    else questions.push(rulesName ? { ...question, rulesName } : question);
  }
  questions.push(...mapped);
  questions.sort((a, b) => a.columns[0]!.index - b.columns[0]!.index);
  ignored.sort((a, b) => a.index - b.index);
  return { headers, timestampColumn, identityColumn, questions, ignored };
}

function checkIsHeaderRow(cells: unknown[], headers: string[], source: string): void {
  if (headers.every((h) => h === '')) {
    throw new InputError({ source, row: 1 }, 'no header row: row 1 must hold the question titles (Timestamp, Email Address, …), and it is empty');
  }
  const first = headers.find((h) => h !== '')!;
  const looksLikeData = cells.some(isDate) || readTimestampText(first, 'month-first') || readTimestampText(first, 'day-first');
  if (looksLikeData) {
    throw new InputError({ source, row: 1 }, `no header row: row 1 holds a response ("${first}"), not the question titles`);
  }
}

function mappedQuestions(rules: Rules, headers: string[], claim: (header: string, race: string) => number): Question[] {
  const questions: Question[] = [];
  for (const [race, raceRules] of Object.entries(rules.races)) {
    if (!raceRules.columns || raceRules.columns.length === 0) continue;
    const columns = raceRules.columns.map((header) => {
      const index = claim(header, race);
      const written = headers[index]!;
      return { index, header: written, row: raceRules.columns!.length > 1 ? (splitGridHeader(written)?.row ?? written) : null };
    });
    questions.push({ title: race, rulesName: race, grid: columns.length > 1, mapped: true, columns });
  }
  return questions;
}

function findIdentity(
  keys: string[],
  headers: string[],
  rules: Rules,
  find: (header: string, setting: string) => number,
  unclaimed: (i: number) => boolean,
): { index: number; header: string } | null {
  const stated = rules.responses.identityColumn;
  if (stated !== undefined && stated.trim() !== '') {
    const index = find(stated, 'rules.responses.identityColumn');
    return { index, header: headers[index]! };
  }
  for (const name of IDENTITY_HEADERS) {
    const index = keys.findIndex((k, i) => unclaimed(i) && k === name);
    if (index >= 0) return { index, header: headers[index]! };
  }
  const index = headers.findIndex((h, i) => unclaimed(i) && splitGridHeader(h) === null && VOTER_CODE.test(h));
  return index >= 0 ? { index, header: headers[index]! } : null;
}

/**
 * Columns into questions. A grid's columns sit side by side and share a title; a
 * row label seen twice starts a second grid with the same title (a repeated
 * question).
 */
function groupQuestions(headers: string[], unclaimed: (i: number) => boolean): Question[] {
  const questions: Question[] = [];
  let open: { key: string; rows: Set<string>; question: Question } | null = null;
  headers.forEach((header, index) => {
    if (!unclaimed(index)) {
      open = null;
      return;
    }
    const grid = splitGridHeader(header);
    if (!grid) {
      open = null;
      questions.push({ title: header, grid: false, columns: [{ index, header, row: null }] });
      return;
    }
    const key = nameKey(grid.title);
    const rowKey = nameKey(grid.row);
    if (open && open.key === key && !open.rows.has(rowKey)) {
      open.rows.add(rowKey);
      open.question.columns.push({ index, header, row: grid.row });
      return;
    }
    const question: Question = { title: grid.title === '' ? EMPTY_GRID_TITLE : grid.title, grid: true, columns: [{ index, header, row: grid.row }] };
    questions.push(question);
    open = { key, rows: new Set([rowKey]), question };
  });
  // A lone `Title [x]` is a plain question whose title holds brackets, unless `x` is a
  // rank: `Contest [1st choice]` is a ranking grid that asks for one choice.
  const plain = (q: Question) => q.grid && q.columns.length === 1 && rankInLabel(q.columns[0]!.row ?? '') === undefined;
  return questions.map((q) => (plain(q) ? { title: q.columns[0]!.header, grid: false, columns: [{ ...q.columns[0]!, row: null }] } : q));
}

/**
 * The key of `rules.races` that names this title, matched as names are (case,
 * spaces, NFC). A race the rules map by its columns is found by those, not by title.
 */
export function raceNamed(rules: Rules, title: string): string | undefined {
  const key = nameKey(title);
  return Object.keys(rules.races).find((race) => nameKey(race) === key && !rules.races[race]!.columns?.length);
}

function notARace(title: string): string | undefined {
  for (const [pattern, why] of NOT_RACES) if (pattern.test(title)) return why;
  return undefined;
}
