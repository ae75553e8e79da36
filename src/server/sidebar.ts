export const SIDEBAR_TITLE = 'Endorse';

export function openSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}

const HELP_TEXT = [
  'Endorse runs a member endorsement vote: it keeps the ballots of eligible members,',
  'counts them against the threshold your group agreed (two-thirds by default),',
  'holds a runoff between the top two when nobody reaches it, and explains every',
  'ballot it counted or refused.',
  '',
  'Open Endorse from the Extensions menu to set the rules and run the count.',
].join('\n');

export function showHelpDialog(): void {
  SpreadsheetApp.getUi().alert('Endorse', HELP_TEXT, SpreadsheetApp.getUi().ButtonSet.OK);
}
