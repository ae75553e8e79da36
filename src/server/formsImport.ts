/**
 * Reads a form's ballots straight from Google Forms, as an alternative to its
 * linked response sheet: every FormResponse and its ItemResponses, matched to
 * races by item id (src/core/formImport.ts lays them out as the linked sheet
 * would), so a question renamed or added after the vote opened, or a column
 * moved in the sheet, does not change the count. Slower than the sheet (one
 * call per answer), so the sheet stays the default.
 */
import { formTable, type FormAnswers, type FormQuestion, type QuestionKind } from '../core/formImport';
import type { Table } from '../core/vote';
import { UserError } from './errors';
import type { FormRecord } from './forms';

type Item = GoogleAppsScript.Forms.Item;

/** A question's kind, by its item type's name; null for what holds no answer (a section header, an image). */
function kindOf(item: Item): QuestionKind | null {
  switch (String(item.getType())) {
    case 'MULTIPLE_CHOICE':
    case 'LIST':
    case 'SCALE':
      return 'choice';
    case 'CHECKBOX':
      return 'checkbox';
    case 'GRID':
      return 'grid';
    case 'CHECKBOX_GRID':
      return 'checkbox-grid';
    case 'TEXT':
    case 'PARAGRAPH_TEXT':
      return 'text';
    default:
      return null;
  }
}

function rowsOf(item: Item, kind: QuestionKind): string[] | undefined {
  if (kind === 'grid') return item.asGridItem().getRows();
  if (kind === 'checkbox-grid') return item.asCheckboxGridItem().getRows();
  return undefined;
}

/**
 * The responses of a form Endorse built, as a table: only the items it built
 * are read, each under the race it was built for (a comments box added later is
 * left out; a race renamed in Forms keeps the name the rules know it by).
 */
export function formResponsesTable(record: FormRecord): Table {
  let form: GoogleAppsScript.Forms.Form;
  try {
    form = FormApp.openById(record.id);
  } catch {
    throw new UserError(`The form "${record.title}" cannot be opened (deleted, or not shared with you): read the ballots from its linked sheet instead (Ballot step).`);
  }
  const questions: FormQuestion[] = [];
  for (const item of form.getItems()) {
    const kind = kindOf(item);
    const built = record.items[String(item.getId())];
    if (kind === null || built === undefined) continue;
    questions.push({ id: item.getId(), title: built, kind, rows: rowsOf(item, kind) });
  }
  const answers: FormAnswers[] = form.getResponses().map((response) => {
    const byItem = new Map<number, unknown>();
    for (const answer of response.getItemResponses()) byItem.set(answer.getItem().getId(), answer.getResponse());
    return { submittedAt: response.getTimestamp(), email: response.getRespondentEmail(), answers: byItem };
  });
  return formTable(`Form "${record.title}"`, questions, answers, form.collectsEmail());
}
