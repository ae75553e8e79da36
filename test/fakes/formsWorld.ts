/**
 * FormApp and MailApp fakes around one set of forms and one mailbox, for the
 * ballot-form, voter-code and import tests of issue 9.
 *
 *   const sheets = createSheetsWorld();
 *   const world = createFormsWorld({ calls: sheets.calls, onSubmitRow: (formId, header, row) => … });
 *   installGlobals({ ...sheets.services, ...world.services });
 *   createBallotForm(…);
 *   world.submit({ email: 'ana@example.org', at: new Date(…), answers: new Map([['Mayor', 'Ana Diaz']]) });
 *   world.mail.sent;  world.mail.nextDay();
 *
 * The world does not know the Sheets fakes: `onSubmitRow` is where a test (or
 * a shared world) appends the row Forms would add to the linked sheet.
 */
import { isDate } from '../../src/core/inputError';
import { CallLog } from './calls';
import { exposed, type FakeContext } from './context';
import { FakeFormApp } from './form';
import { itemModelOf } from './formItem';
import { FormsModel, type Answer, type FormModel, type ItemModel, type ResponseModel, type SubmitRowListener } from './formModel';
import { CONSUMER_DAILY_QUOTA, FakeMailApp, MailModel } from './mail';
import { UiRecord } from './ui';

export { NO_DESTINATION, NO_SUCH_FORM } from './form';
export { CONSUMER_DAILY_QUOTA, NO_RECIPIENT, QUOTA_EXCEEDED, type SentMail, type MailModel } from './mail';
export type { Answer, FormModel, FormsModel, ItemModel, ResponseModel } from './formModel';

/** The Sheets world's fixed "now" (2026-05-27 12:00 UTC), for responses a script submits. */
const FIXED_NOW = Date.UTC(2026, 4, 27, 12);

export interface FormsWorldOptions {
  /** Share the Sheets world's call log, so one count and one fault list cover every service. */
  calls?: CallLog;
  /** Dates the fakes return are made here: pass the sandbox's Date so they belong to its realm. */
  dateIn?: (ms: number) => Date;
  /** Errors the fakes throw are made here (then named "Exception"). */
  errorIn?: (message: string) => Error;
  /** "Now", for a response a script builds and submits. */
  now?: () => number;
  /** Email recipients a day: 100 (consumer account, the default) or 1,500 (Workspace). */
  dailyEmailQuota?: number;
  /** Called each time a response reaches a form linked to a spreadsheet, with the header as it now stands and the new row. */
  onSubmitRow?: SubmitRowListener;
}

export interface FormsServices {
  FormApp: GoogleAppsScript.Forms.FormApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
}

/** An item of the form, as a test names it: the item the code under test holds, its id, or its title. */
export type ItemKey = GoogleAppsScript.Forms.Item | { getId(): number } | ItemModel | number | string;

export interface Submission {
  /** The form's id; by default the form created last (a runoff form, once there is one). */
  form?: string;
  /** The respondent's Google account; Forms records it only when the form collects email. */
  email?: string;
  at: Date;
  /**
   * Answers by item: a string for multiple choice and text, string[] for
   * checkboxes, one column or null per row for a grid, string[] or null per row
   * for a checkbox grid. An item left out was left blank.
   */
  answers: Map<ItemKey, Answer>;
}

export interface FormsWorld {
  services: FormsServices;
  /** Every form, its items and responses; inspect freely, nothing is counted. */
  forms: FormsModel;
  mail: MailModel;
  calls: CallLog;
  /** A form by id or title (the last created when omitted); throws when there is none. */
  form(idOrTitle?: string): FormModel;
  /** A respondent submits a form, with Forms' own checks (see FormModel.submit). */
  submit(submission: Submission): ResponseModel;
}

export function createFormsWorld(options: FormsWorldOptions = {}): FormsWorld {
  const errorIn = options.errorIn ?? ((message: string) => new Error(message));
  const exception = (message: string) => {
    const error = errorIn(message);
    error.name = 'Exception';
    return error;
  };
  const calls = options.calls ?? new CallLog(exception);
  const ctx: FakeContext = {
    calls,
    ui: new UiRecord(),
    dateIn: options.dateIn ?? ((ms) => new Date(ms)),
    exception,
    now: options.now ?? (() => FIXED_NOW),
  };
  const forms = new FormsModel(options.onSubmitRow);
  const mail = new MailModel(options.dailyEmailQuota ?? CONSUMER_DAILY_QUOTA);

  const form = (idOrTitle?: string): FormModel => {
    const found = idOrTitle === undefined ? forms.forms[forms.forms.length - 1]
      : forms.byId(idOrTitle) ?? forms.forms.find((f) => f.title === idOrTitle);
    if (!found) {
      const known = forms.forms.map((f) => `"${f.title}" (${f.id})`).join(', ') || 'none';
      throw new Error(`no form ${idOrTitle === undefined ? 'was created' : `"${idOrTitle}"`}; the forms are ${known}`);
    }
    return found;
  };

  return {
    services: {
      FormApp: exposed<FormsServices['FormApp']>(new FakeFormApp(forms, ctx)),
      MailApp: exposed<FormsServices['MailApp']>(new FakeMailApp(mail, ctx)),
    },
    forms,
    mail,
    calls,
    form,
    submit({ form: formId, email, at, answers }) {
      if (!isDate(at) || Number.isNaN(at.getTime())) throw new Error(`submit: "at" must be a Date, got ${String(at)}`);
      const target = form(formId);
      const given = new Map<ItemModel, Answer>();
      for (const [key, value] of answers) {
        const item = itemOf(target, key, ctx);
        if (given.has(item)) throw new Error(`submit: "${item.title}" is answered twice`);
        given.set(item, value);
      }
      return target.submit(email ?? null, at.getTime(), given);
    },
  };
}

function itemOf(form: FormModel, key: ItemKey, ctx: FakeContext): ItemModel {
  if (typeof key === 'number' || typeof key === 'string') return form.item(key);
  if (form.items.includes(key as ItemModel)) return form.item(key as ItemModel);
  return form.item(itemModelOf(key, 'submit', ctx));
}
