/**
 * Every error that reaches a leader becomes one message saying what to fix,
 * in the words they see in Sheets (the sheet, the row, the column), never a
 * stack trace. The menu shows it as an alert; the sidebar gets it as the
 * message of the error google.script.run hands to its failure handler.
 */
import { InputError } from '../core/inputError';
import { RulesError } from '../core/rules';

/** A problem the leader can fix, already worded for them. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Apps Script's own services throw errors named "Exception" (a Sheets outage, a quota, a deleted sheet). */
export function isServiceError(error: unknown): error is Error {
  return isError(error) && error.name === 'Exception';
}

/** The message a leader reads, for an error thrown while `doing` ("counting the votes"). */
export function userMessage(error: unknown, doing: string): string {
  if (error instanceof UserError || error instanceof InputError) return error.message;
  if (error instanceof RulesError) {
    const problems = error.message.replace(/^rules: /, '');
    return `The rules cannot be used: ${problems}. Fix them in Extensions › Endorse › Open Endorse, step Rules.`;
  }
  // checkTimeZone's message names the zone and what a valid one looks like.
  if (error instanceof RangeError && /time zone/.test(error.message)) return `The time zone cannot be used: ${error.message}.`;
  if (isServiceError(error)) {
    return `Google Sheets failed while ${doing}: ${error.message} Nothing was changed; try again in a minute.`;
  }
  const what = isError(error) ? `${error.name}: ${error.message}` : String(error);
  return `Endorse hit an unexpected problem while ${doing} (${what}). This is a bug in Endorse: please report it with this message.`;
}

/**
 * For a function the sidebar calls: a failure becomes a plain Error carrying
 * only the message (google.script.run passes the message to the sidebar).
 */
export function forSidebar<T>(doing: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new Error(userMessage(error, doing));
  }
}

/** For a menu item: a failure is shown as an alert titled `title`; nothing is thrown at the user. */
export function fromMenu(title: string, doing: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, userMessage(error, doing), ui.ButtonSet.OK);
  }
}

function isError(value: unknown): value is Error {
  // Errors made by Apps Script (or the test sandbox) may come from another realm.
  return Object.prototype.toString.call(value) === '[object Error]' || value instanceof Error;
}
