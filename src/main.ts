/**
 * The public doors of Endorse. Every export here becomes a top-level function in
 * dist/Code.js (see scripts/build.ts), with its JSDoc kept; keep each one a few
 * lines that hand over to src/server or src/core.
 */
import { buildMenu } from './server/menu';
import { openSidebar, showHelpDialog } from './server/sidebar';

/**
 * Adds the Endorse menu when the spreadsheet opens. Runs in AuthMode.NONE before
 * the add-on is authorized, so it touches nothing but the UI.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e the open event
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  buildMenu(SpreadsheetApp.getUi());
}

/**
 * Runs when the add-on is installed, so the menu appears without reloading.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e the install event
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  void e;
  buildMenu(SpreadsheetApp.getUi());
}

/** Opens the Endorse sidebar. */
export function showSidebar(): void {
  openSidebar();
}

/** Shows what Endorse does and where to start. */
export function showHelp(): void {
  showHelpDialog();
}
