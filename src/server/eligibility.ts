/**
 * Check eligibility: the list of members who may vote, drawn from the roster
 * and the attendance log and written to the Eligible voters sheet, the list a
 * group sends a week before the vote. Needs no responses.
 */
import { eligibleListSheet, SHEET_NAMES } from '../core/outputSheets';
import { eligibleList } from '../core/vote';
import type { EligibilityView } from '../shared/sidebarApi';
import { UserError } from './errors';
import { applyChanges, eligibilityChanges } from './lastRun';
import { withDocumentLock } from './lock';
import { writeOutputs } from './outputs';
import { readSettings, rulesInForce } from './settings';
import { readTable, sheetFor, sourceProblems } from './sources';
import { eligibilityView } from './views';

export const NO_ROSTER =
  'Choose the roster in the Sources step first: the list of eligible voters is drawn from it ' +
  '(a sheet with the columns Name, Email, Other emails, Status).';

export function checkEligibility(): EligibilityView {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const store = PropertiesService.getDocumentProperties();
    const properties = store.getProperties();
    const saved = readSettings(properties);
    const rules = rulesInForce(saved);
    const { sources } = saved.settings;
    const problems = sourceProblems(sources, null);
    if (problems.length) throw new UserError(`${problems.join('. ')}. Fix it in the Sources step.`);
    if (sources.roster === undefined || sources.roster.trim() === '') throw new UserError(NO_ROSTER);
    const list = eligibleList({
      rules,
      timeZone: spreadsheet.getSpreadsheetTimeZone(),
      roster: readTable(sheetFor(spreadsheet, sources.roster, 'roster'), sources.roster),
      attendance: sources.attendance ? readTable(sheetFor(spreadsheet, sources.attendance, 'attendance'), sources.attendance) : undefined,
    })!;
    writeOutputs(spreadsheet, [{ sheet: eligibleListSheet(list) }]);
    const view = eligibilityView(list, rules);
    applyChanges(store, eligibilityChanges(view, properties));
    spreadsheet.getSheetByName(SHEET_NAMES.eligible)?.activate();
    return view;
  });
}
