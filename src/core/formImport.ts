/**
 * A form's responses, read straight from Google Forms (FormApp), laid out as
 * the table its linked response sheet would hold, so the rest of the count is
 * the same whichever way the ballots were read:
 *   Timestamp | Email Address (when collected) | one column per question,
 *   a grid as one "Title [Row]" column per row, ticked boxes joined by ", ".
 *
 * Answers are matched to questions by the question's id, never by a column's
 * position or title: a question renamed after the vote opened keeps the race
 * name it was built with, and a question added later (a comments box) is left
 * out unless the caller asks for it. Rows are numbered as the linked sheet
 * numbers them: the oldest response is row 2.
 */
import type { Table } from './vote';

export type QuestionKind = 'choice' | 'checkbox' | 'grid' | 'checkbox-grid' | 'text';

export interface FormQuestion {
  /** The item's id in Forms. */
  id: number;
  /** The column's title: the race the question was built for, or its title in the form. */
  title: string;
  kind: QuestionKind;
  /** A grid's rows, in the form's order. */
  rows?: string[];
}

/** One response as FormApp gives it: ItemResponse.getResponse() by item id, blank questions absent. */
export interface FormAnswers {
  /** FormResponse.getTimestamp(): kept as given (a Date from the script's realm) for the timestamp reader. */
  submittedAt: unknown;
  /** FormResponse.getRespondentEmail(): '' when the form does not collect it. */
  email: string;
  answers: Map<number, unknown>;
}

export const TIMESTAMP_HEADER = 'Timestamp';
export const EMAIL_HEADER = 'Email Address';

/** The header row: a grid gives one column per row, "Title [Row]", as Forms writes it. */
export function formHeader(questions: FormQuestion[], collectsEmail: boolean): string[] {
  const header = [TIMESTAMP_HEADER];
  if (collectsEmail) header.push(EMAIL_HEADER);
  for (const q of questions) {
    if (q.kind === 'grid' || q.kind === 'checkbox-grid') header.push(...(q.rows ?? []).map((row) => `${q.title} [${row}]`));
    else header.push(q.title);
  }
  return header;
}

/** The cells one answer fills: a grid's per row (blank rows ''), a list joined by ", ", text as is. */
function cells(question: FormQuestion, answer: unknown): unknown[] {
  const grid = question.kind === 'grid' || question.kind === 'checkbox-grid';
  const width = grid ? (question.rows ?? []).length : 1;
  if (answer === undefined || answer === null) return new Array<unknown>(width).fill('');
  if (!grid) return [Array.isArray(answer) ? answer.map(String).join(', ') : String(answer)];
  const perRow = Array.isArray(answer) ? answer : [];
  const out: unknown[] = [];
  for (let i = 0; i < width; i++) {
    const cell: unknown = perRow[i];
    out.push(cell === null || cell === undefined ? '' : Array.isArray(cell) ? cell.map(String).join(', ') : String(cell));
  }
  return out;
}

/** The responses as the linked sheet would hold them, oldest first. */
export function formTable(source: string, questions: FormQuestion[], responses: FormAnswers[], collectsEmail: boolean): Table {
  const values: unknown[][] = [formHeader(questions, collectsEmail)];
  for (const response of responses) {
    const row: unknown[] = [response.submittedAt];
    if (collectsEmail) row.push(response.email);
    for (const q of questions) row.push(...cells(q, response.answers.get(q.id)));
    values.push(row);
  }
  return { source, values };
}
