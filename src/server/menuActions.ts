/**
 * What the menu items do besides opening the sidebar: the same work as the
 * sidebar's buttons, with the outcome shown as a toast or an alert, and any
 * failure as an alert saying what to fix.
 */
import { SHEET_NAMES } from '../core/outputSheets';
import { countVotes } from './count';
import { fromMenu } from './errors';
import { checkEligibility } from './eligibility';
import { readLastRun } from './lastRun';
import { outcomeWords } from './steps';

const TITLE = 'Endorse';

export function checkEligibilityFromMenu(): void {
  fromMenu(`${TITLE}: Check eligibility`, 'checking who may vote', () => {
    const view = checkEligibility();
    const asOf = view.asOf ? ` as of ${view.asOf.slice(0, 10)}` : '';
    SpreadsheetApp.getActiveSpreadsheet().toast(`${view.eligible} of ${view.members} members may vote${asOf}. The list is in the "${view.sheet}" sheet.`, TITLE);
  });
}

export function countVotesFromMenu(): void {
  fromMenu(`${TITLE}: Count the votes`, 'counting the votes', () => {
    const view = countVotes();
    const races = view.races.map((r) => `${r.race}: ${outcomeWords(r)}.\n${r.summary}`);
    const ballots = `${view.ballots.accepted} ballots counted, ${view.ballots.refused} refused (see the "${view.sheets.refused}" sheet).`;
    const ui = SpreadsheetApp.getUi();
    ui.alert(`${TITLE}: the votes are counted`, [...races, ballots, `The rounds are in the "${view.sheets.results}" sheet.`].join('\n\n'), ui.ButtonSet.OK);
  });
}

// Imports are hoisted; this one sits with the only function that uses it.
import { announceEveryRace, announcementLinksHtml } from './announce';

/** Writes the announcement Docs of every decided race from the templates, and shows their links; a count comes first. */
export function createAnnouncementFromMenu(): void {
  fromMenu(`${TITLE}: Create announcement`, 'creating the announcement', () => {
    const ui = SpreadsheetApp.getUi();
    const counted = readLastRun(PropertiesService.getDocumentProperties().getProperties()).count !== null;
    if (!counted) {
      ui.alert(`${TITLE}: Create announcement`, 'Count the votes first (Extensions › Endorse › Count the votes): the announcement is drafted from the results.', ui.ButtonSet.OK);
      return;
    }
    const { views, skipped } = announceEveryRace();
    const note = `<p>The figures are in the "${SHEET_NAMES.results}" sheet.</p>`;
    ui.showModalDialog(HtmlService.createHtmlOutput(announcementLinksHtml(views, skipped) + note).setWidth(480).setHeight(380), `${TITLE}: the announcement Docs`);
  });
}
