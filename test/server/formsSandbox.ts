/**
 * dist/Code.js in the sandbox with the Sheets and the Forms fakes sharing one
 * call log, joined as Google joins them: linking a form to the spreadsheet
 * (Form.setDestination) makes its "Form Responses N" sheet with a header, and
 * each response a member submits is appended to that sheet, its header
 * following the form's questions.
 */
import { expect } from 'vitest';
import { callEntry, loadBundle, sandboxValue, type Bundle } from '../sandbox/bundle';
import { createSheetsWorld, type SheetModel, type SheetsWorld, type SheetsWorldOptions } from '../fakes/index';
import { createFormsWorld, type FormsWorld } from '../fakes/formsWorld';
import { storedFromFixture } from '../fakes/workbook';

/** 2026-05-27 12:00 UTC, the fakes' "now". */
export const NOW = Date.UTC(2026, 4, 27, 12);

export interface FormsSandbox {
  sheets: SheetsWorld;
  forms: FormsWorld;
  bundle: Bundle;
  /** Calls an entry point as google.script.run does: arguments and result cross as JSON. */
  run<T>(name: string, ...args: unknown[]): T;
  /** The response sheet Forms made for a form. */
  linkedSheet(formId: string): SheetModel;
}

export function formsSandbox(options: SheetsWorldOptions & { dailyEmailQuota?: number } = {}): FormsSandbox {
  let realm: { Date: DateConstructor; Error: ErrorConstructor } = { Date, Error };
  const dateIn = (ms: number) => new realm.Date(ms);
  const errorIn = (message: string) => new realm.Error(message);
  const sheets = createSheetsWorld({ ...options, dateIn, errorIn });
  const linked = new Map<string, SheetModel>();

  const append = (formId: string, header: string[], row: unknown[]) => {
    const sheet = linked.get(formId) ?? link(formId);
    header.forEach((h, c) => sheet.grid.setValue(1, c + 1, h));
    const at = Math.max(sheet.grid.lastRow(), 1) + 1;
    row.forEach((v, c) => sheet.grid.setValue(at, c + 1, storedFromFixture(v)));
  };
  const forms = createFormsWorld({ calls: sheets.calls, dateIn, errorIn, dailyEmailQuota: options.dailyEmailQuota, onSubmitRow: append });

  /** What Forms does on linking: a new sheet, its header the form's questions as they stand. */
  function link(formId: string): SheetModel {
    const taken = sheets.spreadsheet.sheets.filter((s) => /^Form Responses \d+$/.test(s.name)).length;
    const form = forms.form(formId);
    const { header } = form.sheetRow({ id: '', timestamp: NOW, email: '', answers: new Map() });
    const sheet = sheets.spreadsheet.addFixture(`Form Responses ${taken + 1}`, { values: [header], formUrl: `https://docs.google.com/forms/d/${formId}/viewform` });
    linked.set(formId, sheet);
    return sheet;
  }
  const record = sheets.calls.record.bind(sheets.calls);
  sheets.calls.record = (method, target) => {
    record(method, target);
    if (method === 'Form.setDestination' && target !== undefined && !linked.has(target)) link(target);
  };

  const bundle = loadBundle({ ...sheets.services, ...forms.services });
  realm = { Date: sandboxValue<DateConstructor>(bundle, 'Date'), Error: sandboxValue<ErrorConstructor>(bundle, 'Error') };
  sandboxValue(bundle, `(Date.now = function () { return ${NOW}; }, 0)`);

  return {
    sheets,
    forms,
    bundle,
    run<T>(name: string, ...args: unknown[]): T {
      const inside = args.map((a) => sandboxValue(bundle, `(${JSON.stringify(a)})`));
      const result = callEntry(bundle, name, ...inside);
      const crossed = result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as T);
      expect(crossed).toEqual(result);
      return crossed as T;
    },
    linkedSheet(formId) {
      const sheet = linked.get(formId);
      if (!sheet) throw new Error(`form ${formId} was never linked to the spreadsheet`);
      return sheet;
    },
  };
}

/** A roster sheet: one eligible member per email (no attendance rule applies without an attendance log). */
export function roster(emails: string[]): unknown[][] {
  return [['Name', 'Email'], ...emails.map((email) => [email.split('@')[0]!.replace(/\./g, ' '), email])];
}

/** The instant `minutes` after the vote opened, 2026-05-20 12:00 UTC. */
export function at(minutes: number): Date {
  return new Date(Date.UTC(2026, 4, 20, 12) + minutes * 60_000);
}
