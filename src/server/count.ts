/**
 * Count the votes: read the settings and every source in one call each, count
 * in the core, compute every sheet, then write them all (outputs.ts). Holding
 * the document lock, reporting progress for the sidebar to poll.
 */
import { ballotsSheet, eligibleSheet, noRosterSheet, refusedSheet, resultsSheet, rulesSheet, SHEET_NAMES } from '../core/outputSheets';
import { countVote, type VoteReport } from '../core/vote';
import type { CountView } from '../shared/sidebarApi';
import { applyChanges, countChanges, eligibilityChanges } from './lastRun';
import { withDocumentLock } from './lock';
import { writeOutputs, type Output } from './outputs';
import { clearProgress, progressReporter } from './progress';
import { readSettings, rulesInForce } from './settings';
import { readVoteSources } from './votingSources';
import { countView, eligibilityView } from './views';

const READING_STEPS = 3;

/** Every sheet a count writes, computed before any is written. */
export function countOutputs(report: VoteReport, countedAt: number): Output[] {
  const eligible = eligibleSheet(report);
  return [
    { sheet: resultsSheet(report, countedAt) },
    { sheet: refusedSheet(report) },
    { sheet: ballotsSheet(report) },
    // Without a roster there is no list; an older list is replaced so it is not taken for this count's.
    eligible ? { sheet: eligible } : { sheet: noRosterSheet(), onlyIfPresent: true },
    { sheet: rulesSheet(report) },
  ];
}

export function countVotes(): CountView {
  return withDocumentLock(() => {
    const progress = progressReporter(READING_STEPS + 5);
    try {
      progress('Reading the settings');
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      const store = PropertiesService.getDocumentProperties();
      const properties = store.getProperties();
      const saved = readSettings(properties);
      const rules = rulesInForce(saved);
      progress('Reading the responses');
      const tables = readVoteSources(spreadsheet, saved.settings.sources, rules, properties);
      progress('Counting the votes');
      const report = countVote({ rules, timeZone: spreadsheet.getSpreadsheetTimeZone(), ...tables });
      const countedAt = Date.now();
      writeOutputs(spreadsheet, countOutputs(report, countedAt), progress);
      const view = countView(report, countedAt);
      remember(store, properties, view, report);
      spreadsheet.getSheetByName(SHEET_NAMES.results)?.activate();
      return view;
    } finally {
      clearProgress();
    }
  });
}

/** Remembers the count, and the eligibility it found, for the sidebar. */
function remember(store: GoogleAppsScript.Properties.Properties, properties: Record<string, string>, view: CountView, report: VoteReport): void {
  const changes = countChanges(view, properties);
  if (report.eligibility) Object.assign(changes.set, eligibilityChanges(eligibilityView(report.eligibility, report.rules), properties).set);
  applyChanges(store, changes);
}
