/**
 * A Forms response sheet → Responses, plus what was recognized in it: the 2-D
 * array `getValues()` returns (strings, numbers, booleans, Dates from another
 * realm) or a CSV export split into strings. Row 1 holds the headers.
 *
 * Each question's reading is decided once, from the rules and all its answers,
 * then applied to every row:
 * - a grid is a ranking (see grid.ts for its orientation);
 * - a plain question is approval when the rules say so (`kind: "approval"`, or
 *   `seats` above 1) or when its answers read as checkboxes (see checkbox.ts);
 *   otherwise single choice.
 * Names are matched by `nameKey` and reported as first written in the sheet.
 */
import type { BallotKind, RaceBallot, Response } from './ballot';
import { cellText, isBlank } from './cell';
import { looksLikeCheckboxes, separatorOf, splitChoices, type Separator } from './checkbox';
import { rankCandidateRows, rankRankRows, readGridShape, type Orientation } from './grid';
import { raceNamed, readHeader, type Column, type Question } from './header';
import { columnLetter, InputError, type Place } from './inputError';
import { cleanName, nameKey } from './name';
import { rankInLabel, rankReader } from './rank';
import type { RaceRules, Rules } from './rules';
import { freeTextReason } from './freeText';
import { readNumberQuestions } from './rankColumns';
import { timestampReader } from './timestamp';

export interface RaceLayout {
  /** The race's name: the rules' name for it when they name it, else the question title; a repeated title gets " (2)". */
  race: string;
  /** The question title as written (EMPTY_GRID_TITLE for an empty grid title; the race's name for columns the rules map). */
  title: string;
  kind: BallotKind;
  /** 0-based column indexes. */
  columns: number[];
  orientation?: Orientation;
  /** As written: grid row labels, or the answers seen, in first-seen order. */
  candidates: string[];
}

export interface ResponseSheet {
  source: string;
  /** Row 1 as written, without outer spaces: the questions a message can name. */
  headers: string[];
  timestampColumn: number | null;
  identityColumn: { index: number; header: string } | null;
  races: RaceLayout[];
  ignored: { index: number; header: string; why: string }[];
  /** One per non-empty data row; `row` is the 1-based sheet row (the header is row 1). */
  responses: Response[];
  /**
   * By race, other spellings seen of its candidates' names ("ana diaz" for "Ana
   * Diaz"), counted as those names; present only when some race has any. Shown
   * for review (lookalike.ts), so that merging them is never silent.
   */
  variants?: Record<string, string[]>;
}

export interface ReadOptions {
  source: string;
  rules: Rules;
  /** IANA zone for timestamps written without one. */
  timeZone: string;
}

/**
 * A mark that cannot be read as the race's kind of ballot (a grid cell that is
 * not a rank): it costs that ballot this race only, refused with its row.
 */
class UnreadableMark extends Error {}

interface DataRow {
  row: number;
  cells: unknown[];
}

/** A race as read: its layout, and how one row's cells become its ballot. */
interface RaceReading {
  layout: RaceLayout;
  read: (cells: unknown[], row: number) => RaceBallot;
  /** Filled as rows are read: see ResponseSheet.variants. */
  variants: string[];
}

/** Reads a response sheet. Throws InputError naming the source, row and column of anything it cannot read. */
export function readResponses(values: unknown[][], options: ReadOptions): ResponseSheet {
  const { source, rules, timeZone } = options;
  if (values.length === 0) throw new InputError({ source }, 'no header row: the sheet is empty');
  const data: DataRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i] ?? [];
    if (!cells.every(isBlank)) data.push({ row: i + 1, cells });
  }
  const headerCells = values[0] ?? [];
  const header = readHeader(headerCells, { source, rules, hasData: (index) => data.some((d) => !isBlank(d.cells[index])) });
  checkRowWidths(data, headerCells.length, source);
  const ignored = header.ignored.slice();
  const numbers = readNumberQuestions(header.questions, data.map((d) => d.cells), source);
  ignored.push(...numbers.setAside);
  const questions = numbers.questions.map((q) => (q.bare ? { ...q, rulesName: raceNamed(rules, q.title) } : q));
  const readings = questions.flatMap((q) => readQuestion(q, data, rules, source, ignored));
  nameUniquely(readings.map((r) => r.layout));
  ignored.sort((a, b) => a.index - b.index);

  const readTimestamp = timestampReader({ dateOrder: rules.responses.dateOrder, timeZone });
  const { timestampColumn, identityColumn } = header;
  const responses = data.map(({ row, cells }): Response => {
    const races: Record<string, RaceBallot> = {};
    let unreadable: Record<string, string> | undefined;
    for (const { layout, read } of readings) {
      try {
        races[layout.race] = read(cells, row);
      } catch (error) {
        if (!(error instanceof UnreadableMark)) throw error;
        (unreadable ??= {})[layout.race] = error.message;
        races[layout.race] = { kind: 'ranked', ranks: [] };
      }
    }
    const voter = identityColumn ? cellText(cells[identityColumn.index]) : '';
    const response: Response = {
      source,
      row,
      submittedAt: timestampColumn === null ? null : readTimestamp(cells[timestampColumn], { source, row, column: header.headers[timestampColumn] }),
      voter: voter === '' ? null : voter,
      races,
    };
    if (unreadable) response.unreadable = unreadable;
    return response;
  });
  const sheet: ResponseSheet = { source, headers: header.headers, timestampColumn, identityColumn, races: readings.map((r) => r.layout), ignored, responses };
  const spelled = readings.filter((r) => r.variants.length > 0);
  if (spelled.length) sheet.variants = Object.fromEntries(spelled.map((r) => [r.layout.race, r.variants]));
  return sheet;
}

/**
 * A value past the last column of the header row belongs to no question: in a
 * CSV it is the sign of a comma inside an answer that lost its quotes, which
 * shifts the rest of the row into the wrong questions. A sheet's grid is
 * rectangular, so this only ever stops a damaged export.
 */
function checkRowWidths(data: DataRow[], width: number, source: string): void {
  for (const { row, cells } of data) {
    for (let i = width; i < cells.length; i++) {
      if (isBlank(cells[i])) continue;
      throw new InputError(
        { source, row, column: columnLetter(i) },
        `${JSON.stringify(cellText(cells[i]))} is past the last column of the header row (${width} columns): this row has more values than there are questions; is a comma inside an answer missing its quotes?`,
      );
    }
  }
}

function readQuestion(question: Question, data: DataRow[], rules: Rules, source: string, ignored: ResponseSheet['ignored']): RaceReading[] {
  const { raceRules, stated, declared } = statedFor(rules, question.rulesName);
  const race = question.rulesName ?? question.title;
  const at = (column: Column, row = 1): Place => ({ source, row, column: column.header || columnLetter(column.index) });
  if (!question.grid) {
    if (raceRules?.kind === 'ranked') {
      throw new InputError(at(question.columns[0]!), `rules.races["${race}"] says ranked, but a ranking needs a grid (Title [Row]) or several columns`);
    }
    const reading = readPlain(race, question.title, question.columns[0]!, stated, declared, data);
    return question.rulesName === undefined ? unlessFreeText(reading, question.columns[0]!, data, ignored) : [reading];
  }

  if (raceRules?.kind === 'single' || raceRules?.kind === 'approval') {
    throw new InputError(at(question.columns[0]!), `rules.races["${race}"] says ${raceRules.kind}, but this question is a grid of ${question.columns.length} rows, which is read as a ranking`);
  }
  const labels = question.columns.map((c) => cleanName(c.row ?? c.header));
  const columns = question.columns.map((c) => c.index);
  const rows = data.map((d) => d.cells);
  // Several columns mapped to one race are a ranking: the mapping says they are one question.
  const shape = readGridShape(question.title, labels, columns, rows, raceRules?.kind === 'ranked' || question.mapped === true);
  if (shape.kind === 'rating') {
    for (const c of question.columns) ignored.push({ index: c.index, header: c.header, why: shape.why });
    return [];
  }
  if (shape.kind === 'rows-are-questions') {
    return question.columns.map((c, i) => {
      const title = c.header.startsWith('[') ? labels[i]! : c.header;
      const rulesName = raceNamed(rules, title);
      const row = statedFor(rules, rulesName);
      const reading = readPlain(rulesName ?? title, title, { ...c, row: null }, row.stated, row.declared, data);
      return rulesName === undefined ? unlessFreeText(reading, c, data, ignored) : [reading];
    }).flat();
  }

  const layout: RaceLayout = { race, title: question.title, kind: 'ranked', columns, orientation: shape.orientation, candidates: [] };
  if (shape.orientation === 'candidate-rows') {
    const names = spelling();
    layout.candidates = labels.map(names.spell);
    const rankOf = rankReader();
    return [{
      layout,
      variants: [],
      read: (cells, row) => ({
        kind: 'ranked',
        ranks: rankCandidateRows(cells, columns, layout.candidates, rankOf, (i, problem) => {
          throw new UnreadableMark(`column "${question.columns[i]!.header}" holds ${problem}`);
        }),
      }),
    }];
  }
  const variants: string[] = [];
  const names = spelling(variants);
  layout.candidates = names.list;
  const rankOfRow = labels.map((l) => rankInLabel(l)!);
  const answers = distinctAnswers(rows.flatMap((cells) => columns.map((c) => cells[c])));
  const namesIn = choiceReader(answers, declared, looksLikeCheckboxes(answers, separatorOf(answers), declared), names.spell);
  return [{ layout, variants, read: (cells) => ({ kind: 'ranked', ranks: rankRankRows(cells, columns, rankOfRow, namesIn) }) }];
}

/**
 * The reading of a question the rules do not name, or nothing when its answers
 * are free text (freeText.ts): then it is set aside, and the reason says how to count it.
 */
function unlessFreeText(reading: RaceReading, column: Column, data: DataRow[], ignored: ResponseSheet['ignored']): RaceReading[] {
  const marked: string[] = [];
  for (const { row, cells } of data) {
    const ballot = reading.read(cells, row);
    if (ballot.kind === 'single' && ballot.choice !== null) marked.push(ballot.choice);
    else if (ballot.kind === 'approval') marked.push(...ballot.choices);
  }
  const why = freeTextReason(marked);
  if (why === undefined) return [reading];
  ignored.push({ index: column.index, header: column.header, why: `${why}; to count it, name it in races (races[${JSON.stringify(reading.layout.title)}])` });
  return [];
}

/** What the rules say of a race: its kind (approval when it has several seats), its declared candidates' keys. */
function statedFor(rules: Rules, rulesName: string | undefined): { raceRules?: RaceRules; stated?: BallotKind; declared: Set<string> } {
  const raceRules = rulesName === undefined ? undefined : rules.races[rulesName];
  if (!raceRules) return { declared: new Set() };
  const stated = raceRules.kind ?? (raceRules.seats > 1 ? 'approval' : undefined);
  return { raceRules, stated, declared: new Set((raceRules.candidates ?? []).map(nameKey)) };
}

/** A question with one column: single choice, or approval (checkboxes). */
function readPlain(race: string, title: string, column: Column, stated: BallotKind | undefined, declared: Set<string>, data: DataRow[]): RaceReading {
  const answers = distinctAnswers(data.map((d) => d.cells[column.index]));
  const kind = stated ?? (looksLikeCheckboxes(answers, separatorOf(answers), declared) ? 'approval' : 'single');
  const variants: string[] = [];
  const names = spelling(variants);
  const layout: RaceLayout = { race, title, kind, columns: [column.index], candidates: names.list };
  const namesIn = choiceReader(answers, declared, kind === 'approval', names.spell);
  // Ballots are never changed once read, so rows that give the same answer share one
  // ballot object: memory grows with the distinct answers, not with the rows.
  const blank: RaceBallot = { kind: 'single', choice: null };
  const singles = new Map<string, RaceBallot>();
  const read = (cells: unknown[]): RaceBallot => {
    const cell = cells[column.index];
    if (kind === 'approval') return { kind, choices: isBlank(cell) ? [] : namesIn(cell).slice() };
    if (isBlank(cell)) return blank;
    const choice = namesIn(cell)[0]!;
    let ballot = singles.get(choice);
    if (!ballot) singles.set(choice, (ballot = { kind: 'single', choice }));
    return ballot;
  };
  return { layout, read, variants };
}

/** Turns a non-blank answer into the names it holds, split when the question takes several; remembered per distinct answer. */
function choiceReader(answers: string[], declared: Set<string>, several: boolean, spell: (name: string) => string): (cell: unknown) => string[] {
  const separator: Separator = separatorOf(answers);
  const known = new Map<string, string[]>();
  return (cell) => {
    const answer = typeof cell === 'string' ? cell : cellText(cell);
    let names = known.get(answer);
    if (names === undefined) {
      const pieces = several ? splitChoices(answer.trim(), separator, declared) : [answer];
      names = pieces.map(spell).filter((n, i, all) => all.indexOf(n) === i);
      known.set(answer, names);
    }
    return names;
  };
}

function distinctAnswers(cells: unknown[]): string[] {
  const answers = new Set<string>();
  for (const cell of cells) if (!isBlank(cell)) answers.add(cellText(cell));
  return Array.from(answers);
}

/**
 * Names as first written, matched by nameKey: "ana  lopez" later in the sheet is
 * "Ana Lopez". Other spellings are kept in `variants`, so that merging them is
 * shown to the leader, never silent.
 */
function spelling(variants: string[] = []): { list: string[]; spell: (name: string) => string } {
  const byKey = new Map<string, string>();
  const list: string[] = [];
  const other = new Set<string>();
  const spell = (name: string): string => {
    const key = nameKey(name);
    let written = byKey.get(key);
    if (written === undefined) {
      written = cleanName(name);
      byKey.set(key, written);
      list.push(written);
    } else {
      const variant = cleanName(name);
      if (variant !== written && !other.has(variant)) {
        other.add(variant);
        variants.push(variant);
      }
    }
    return written;
  };
  return { list, spell };
}

/** A title asked twice makes two races: "Mayor" and "Mayor (2)". */
function nameUniquely(layouts: RaceLayout[]): void {
  const taken = new Set<string>();
  for (const layout of layouts) {
    let name = layout.race;
    for (let n = 2; taken.has(nameKey(name)); n++) name = `${layout.race} (${n})`;
    taken.add(nameKey(name));
    layout.race = name;
  }
}
