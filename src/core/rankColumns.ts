/**
 * Questions whose answers are whole numbers. A number is never a candidate's
 * name, so such a question is never counted as a race of its own unless the
 * rules name it. Side by side, such columns may be one ranking written without
 * a grid (`Timestamp,Ana,Bo,Cy` with ranks in the cells), or ratings:
 * - every response gives each column a different number from 1 to the number
 *   of columns: one ranking over the column titles;
 * - some number is 0 or above the number of columns: ratings or scores, set aside;
 * - otherwise (numbers in range, but some response gives one number twice) a
 *   ranking cannot be told from a rating, and the reading stops with the
 *   setting that decides it.
 */
import { cellText, isBlank } from './cell';
import type { Question } from './header';
import { InputError } from './inputError';
import { isBareNumber } from './rank';

export interface NumberReading {
  /** The questions left to read, a ranking found among bare columns standing in for its columns. */
  questions: Question[];
  /** Columns set aside, with why. */
  setAside: { index: number; header: string; why: string }[];
}

/** The name of a ranking found in bare columns, as `races` would name it. */
export const BARE_RANKING_TITLE = 'Ranking';

const quoted = (names: string[]) => names.map((n) => JSON.stringify(n)).join(', ');

/** Finds the questions answered only in whole numbers and reads them as above. `rows` are the data rows' cells. */
export function readNumberQuestions(questions: Question[], rows: unknown[][], source: string): NumberReading {
  const setAside: NumberReading['setAside'] = [];
  const out: Question[] = [];
  const numeric = (q: Question) => !q.grid && q.rulesName === undefined && answeredInNumbers(rows, q.columns[0]!.index);
  for (let i = 0; i < questions.length; ) {
    let end = i;
    while (end < questions.length && numeric(questions[end]!) && (end === i || questions[end]!.columns[0]!.index === questions[end - 1]!.columns[0]!.index + 1)) end++;
    if (end === i) {
      out.push(questions[i]!);
      i++;
      continue;
    }
    const run = questions.slice(i, end);
    i = end;
    if (run.length === 1) {
      const q = run[0]!;
      setAside.push({
        index: q.columns[0]!.index,
        header: q.columns[0]!.header,
        why: `its answers are numbers, not names: a number is never a candidate unless the rules name the question in races (races[${JSON.stringify(q.title)}])`,
      });
      continue;
    }
    const shape = runShape(rows, run.map((q) => q.columns[0]!.index));
    const headers = run.map((q) => q.columns[0]!.header);
    if (shape === 'ranking') {
      out.push({ title: BARE_RANKING_TITLE, grid: true, mapped: true, bare: true, columns: run.map((q) => ({ ...q.columns[0]!, row: q.columns[0]!.header })) });
    } else if (shape === 'ratings') {
      for (const q of run) {
        setAside.push({
          index: q.columns[0]!.index,
          header: q.columns[0]!.header,
          why: `its answers are numbers, and beside it ${quoted(headers.filter((h) => h !== q.columns[0]!.header))} hold numbers too, some of them 0 or above ${run.length}: ratings or scores, not a ranking`,
        });
      }
    } else {
      throw new InputError(
        { source, row: 1, column: headers[0] },
        `the columns ${quoted(headers)} hold numbers from 1 to ${run.length} that could be a ranking or ratings, and some response gives one number to two columns, so they are not read by guess: ` +
          `to count them as one ranking, set races["${BARE_RANKING_TITLE}"] to {"kind": "ranked", "columns": [${quoted(headers)}]}; to set them aside, list them in responses.ignoreColumns`,
      );
    }
  }
  return { questions: out, setAside };
}

function answeredInNumbers(rows: unknown[][], column: number): boolean {
  let any = false;
  for (const cells of rows) {
    const cell = cells[column];
    if (isBlank(cell)) continue;
    if (!isBareNumber(typeof cell === 'number' ? cell : cellText(cell)) || (typeof cell === 'number' && !Number.isInteger(cell))) return false;
    any = true;
  }
  return any;
}

function runShape(rows: unknown[][], columns: number[]): 'ranking' | 'ratings' | 'unclear' {
  let repeats = false;
  for (const cells of rows) {
    const seen = new Set<number>();
    for (const column of columns) {
      const cell = cells[column];
      if (isBlank(cell)) continue;
      const n = Number(cellText(cell));
      if (n < 1 || n > columns.length) return 'ratings';
      if (seen.has(n)) repeats = true;
      seen.add(n);
    }
  }
  return repeats ? 'unclear' : 'ranking';
}
