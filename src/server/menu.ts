/**
 * The Endorse menu. Built from constants only: in AuthMode.NONE (before the user
 * has authorized the add-on) onOpen may not read properties or the spreadsheet.
 */
export const MENU_ITEMS: ReadonlyArray<readonly [label: string, functionName: string] | null> = [
  ['Open Endorse', 'showSidebar'],
  null,
  ['Check eligibility', 'checkEligibilityFromMenu'],
  ['Count the votes', 'countVotesFromMenu'],
  ['Create announcement', 'createAnnouncementFromMenu'],
  null,
  ['Help', 'showHelp'],
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}
