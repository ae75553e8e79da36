/**
 * A candidate questionnaire scored against the group's answer key (DOMAIN
 * "Around the vote"): the same questions to every candidate, mostly yes/no. The
 * national program's rule is the default: a candidate passes with at least 80%
 * of the scored questions right and every dealbreaker answered right.
 *
 * Arguments arrive as Sheets hands them to a custom function: a single value, a
 * list, or a one-row or one-column range. Messages name the formula's arguments
 * (answers, answer_key, dealbreakers, pass_mark) so a leader can find the cell.
 */
import { isDate } from './inputError';

/** An exact fraction; compared with integers, never as a rounded percentage. */
export interface Fraction {
  num: number;
  den: number;
}

export interface QuestionnaireOptions {
  /** x or TRUE markers aligned with the key, or question numbers (1-based): [3, 7] or "3, 7". */
  dealbreakers?: unknown;
  /** "80%", 0.8 or "4/5"; the national program's 80% when absent. */
  passMark?: string | number;
}

export interface QuestionnaireScore {
  /** Scored questions answered as the key says. */
  right: number;
  /** Scored questions: those with an answer in the key. */
  asked: number;
  score: Fraction;
  /** For display only, rounded down to 0.1 so a failing score never shows as the pass mark. */
  percent: number;
  passMark: Fraction;
  /** 1-based numbers of the dealbreakers answered wrong or left blank. */
  dealbreakersMissed: number[];
  /** 1-based numbers of the questions left blank in the key, which are not scored. */
  unscored: number[];
  passed: boolean;
  /** One line a leader can read out, e.g. "Pass: 9 of 10 (90%), every dealbreaker right". */
  verdict: string;
}

/** The national program's pass mark: 80%. */
export const NATIONAL_PASS_MARK: Fraction = { num: 4, den: 5 };

const YES = ['yes', 'y', 'true', '1'];
const NO = ['no', 'n', 'false', '0'];
const MARKED = ['x', '✓', '✔', 'yes', 'y', 'true', '1'];
const UNMARKED = ['no', 'n', 'false', '0'];

export function scoreQuestionnaire(answers: unknown, key: unknown, options: QuestionnaireOptions = {}): QuestionnaireScore {
  const keyCells = withoutTrailingBlanks(cellsOf(key, 'answer_key'));
  const answerCells = withoutTrailingBlanks(cellsOf(answers, 'answers'));
  const questions = keyCells.length;
  const expected = keyCells.map(comparable);
  const unscored = numbersWhere(expected, (e) => e === null);
  const asked = questions - unscored.length;
  if (asked === 0) throw new Error('answer_key has no answers: there is nothing to score');
  if (answerCells.length > questions) {
    throw new Error(`answers has ${plural(answerCells.length, 'answer')} but answer_key has ${plural(questions, 'question')}`);
  }
  const given = expected.map((_, i) => comparable(answerCells[i]));

  // A blank answer is never right: comparable() gives null, and a scored key never is.
  const isRight = (q: number) => expected[q - 1] !== null && given[q - 1] === expected[q - 1];
  const right = numbersWhere(expected, (_, i) => isRight(i + 1)).length;
  const dealbreakers = dealbreakerQuestions(options.dealbreakers ?? [], expected);
  const dealbreakersMissed = dealbreakers.filter((q) => !isRight(q));
  const passMark = parsePassMark(options.passMark);
  // Exact: right / asked >= num / den, in integers.
  const reachesMark = right * passMark.den >= passMark.num * asked;
  const passed = reachesMark && dealbreakersMissed.length === 0;
  const percent = percentDown(right, asked);

  const reasons: string[] = [];
  if (!reachesMark) reasons.push(`below the ${describeFraction(passMark)} pass mark`);
  if (dealbreakersMissed.length) reasons.push(`missed dealbreaker${dealbreakersMissed.length > 1 ? 's' : ''} ${listOf(dealbreakersMissed)}`);
  if (passed) reasons.push(dealbreakers.length ? 'every dealbreaker right' : 'no dealbreakers set');
  if (unscored.length) {
    reasons.push(`question${unscored.length > 1 ? 's' : ''} ${listOf(unscored)} not scored (blank in the answer key)`);
  }
  const verdict = `${passed ? 'Pass' : 'Fail'}: ${right} of ${asked} (${percent}%), ${reasons.join('; ')}`;

  return { right, asked, score: { num: right, den: asked }, percent, passMark, dealbreakersMissed, unscored, passed, verdict };
}

/**
 * "80%", "82.5%", "4/5", 0.8 or "0.8" as an exact fraction; blank means the
 * national program's 80%. A number comes from a cell formatted as a percentage
 * (Sheets passes 80% as 0.8), so it is read as a fraction of 1, never as 80.
 */
export function parsePassMark(value: unknown): Fraction {
  if (isBlank(value)) return NATIONAL_PASS_MARK;
  const refuse = (why = 'must be like 80% or 4/5') => new Error(`pass_mark ${why}, got '${String(value).trim()}'`);
  let mark: Fraction | null = null;
  if (typeof value === 'number' && value >= 0 && value <= 1) {
    mark = fractionNear(value);
  } else if (typeof value === 'string') {
    const text = value.trim();
    const percent = /^(\d{1,3})(?:\.(\d{1,4}))?\s*%$/.exec(text);
    const ratio = /^(\d{1,6})\s*\/\s*(\d{1,6})$/.exec(text);
    const decimal = /^(\d)?\.(\d{1,6})$/.exec(text) ?? /^([01])()$/.exec(text);
    if (percent) mark = decimalFraction(percent[1]!, percent[2] ?? '', 100);
    else if (ratio && Number(ratio[2]) > 0) mark = reduce(Number(ratio[1]), Number(ratio[2]));
    else if (decimal) mark = decimalFraction(decimal[1] ?? '0', decimal[2]!, 1);
  }
  if (!mark) throw refuse();
  if (mark.num > mark.den) throw refuse('must be at most 100%');
  return mark;
}

/** "80%" when the fraction is a percentage with at most one decimal, else "2/3". */
export function describeFraction({ num, den }: Fraction): string {
  return (num * 1000) % den === 0 ? `${(num * 1000) / den / 10}%` : `${num}/${den}`;
}

function dealbreakerQuestions(list: unknown, expected: (string | null)[]): number[] {
  const cells = withoutTrailingBlanks(cellsOf(list, 'dealbreakers'));
  const questions = expected.length;
  // TRUE or x anywhere means a column of marks beside the key; otherwise numbers name questions.
  const byMarks = cells.some((c) => typeof c === 'boolean' || (typeof c === 'string' && isMarkWord(c)));
  const numbers = byMarks ? markedQuestions(cells) : listedQuestions(cells);
  const unique = numbers.filter((q, i) => numbers.indexOf(q) === i).sort((a, b) => a - b);
  for (const q of unique) {
    if (q < 1 || q > questions) {
      throw new Error(
        `dealbreakers names question ${q}, but answer_key has questions 1 to ${questions}` +
          (byMarks ? '' : ' (to mark dealbreakers beside the key, use x or TRUE)'),
      );
    }
    if (expected[q - 1] === null) throw new Error(`dealbreaker question ${q} has no answer in answer_key`);
  }
  return unique;
}

/** A column beside the key: x or TRUE marks a dealbreaker, blank or FALSE does not. */
function markedQuestions(cells: unknown[]): number[] {
  const marked: number[] = [];
  cells.forEach((cell, i) => {
    if (isBlank(cell) || cell === false) return;
    const text = textOf(cell);
    if (cell === true || MARKED.indexOf(text) >= 0) marked.push(i + 1);
    else if (UNMARKED.indexOf(text) < 0) {
      throw new Error(`dealbreakers entry ${i + 1} must be x, TRUE or blank, got '${String(cell).trim()}'`);
    }
  });
  return marked;
}

function isMarkWord(text: string): boolean {
  const word = textOf(text);
  return !/^\d+$/.test(word) && (MARKED.indexOf(word) >= 0 || UNMARKED.indexOf(word) >= 0);
}

/** Question numbers, one a cell or several in one cell: 3, 7 or "3, 7". */
function listedQuestions(cells: unknown[]): number[] {
  const numbers: number[] = [];
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    const parts = typeof cell === 'number' ? [cell] : String(cell).split(/[\s,;]+/).filter((p) => p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
    for (const n of parts) {
      if (!Number.isInteger(n)) {
        throw new Error(`dealbreakers must be question numbers like 3, 7 or x marks beside the key, got '${String(cell).trim()}'`);
      }
      numbers.push(n);
    }
  }
  return numbers;
}

/**
 * How an answer is compared: case and spaces ignored; yes/no also written as
 * Y/N, TRUE/FALSE or 1/0. Null for a blank.
 */
function comparable(value: unknown): string | null {
  if (isBlank(value)) return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = textOf(value);
  if (YES.indexOf(text) >= 0) return 'yes';
  if (NO.indexOf(text) >= 0) return 'no';
  return text;
}

function textOf(value: unknown): string {
  const text = isDate(value) ? String(value.getTime()) : String(value);
  return text.normalize('NFC').replace(/\s+/g, '').toLowerCase();
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A single value, a list, or a one-row or one-column range, as a list of cells. */
function cellsOf(value: unknown, argument: string): unknown[] {
  if (!Array.isArray(value)) return [value];
  if (!value.some(Array.isArray)) return value;
  const rows = value.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  if (rows.length === 1) return rows[0]!;
  const width = Math.max(...rows.map((r) => r.length));
  if (width <= 1) return rows.map((r) => r[0]);
  throw new Error(`${argument} must be a single row or column, got ${rows.length} rows by ${width} columns`);
}

/** Sheets ranges often run past the last filled cell. */
function withoutTrailingBlanks(cells: unknown[]): unknown[] {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end--;
  return cells.slice(0, end);
}

function numbersWhere<T>(items: T[], test: (item: T, index: number) => boolean): number[] {
  const numbers: number[] = [];
  items.forEach((item, i) => {
    if (test(item, i)) numbers.push(i + 1);
  });
  return numbers;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function listOf(numbers: number[]): string {
  return numbers.length < 2 ? numbers.join('') : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** 100 * right / asked rounded down to 0.1, in integers. */
function percentDown(right: number, asked: number): number {
  const tenths = right * 1000;
  return (tenths - (tenths % asked)) / asked / 10;
}

function decimalFraction(whole: string, decimals: string, scale: number): Fraction {
  const den = Math.pow(10, decimals.length) * scale;
  return reduce(Number(whole + decimals), den);
}

/**
 * The simplest fraction within 1e-9 of a number Sheets passed (0.8 → 4/5, the
 * 0.666… of =2/3 → 2/3), from the continued-fraction convergents.
 */
function fractionNear(x: number): Fraction {
  let [num, prevNum, den, prevDen] = [Math.floor(x), 1, 1, 0];
  let rest = x - Math.floor(x);
  while (Math.abs(x - num / den) > 1e-9 && den <= 1e6) {
    const inverse = 1 / rest;
    const a = Math.floor(inverse);
    rest = inverse - a;
    [num, prevNum] = [a * num + prevNum, num];
    [den, prevDen] = [a * den + prevDen, den];
  }
  return den <= 1e6 ? reduce(num, den) : reduce(Math.round(x * 1e6), 1e6);
}

function reduce(num: number, den: number): Fraction {
  let [a, b] = [num, den];
  while (b) [a, b] = [b, a % b];
  return { num: num / a, den: den / a };
}
