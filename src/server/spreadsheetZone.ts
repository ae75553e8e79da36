/**
 * The spreadsheet's time zone, for the custom functions: Sheets passes a date
 * cell as midnight of that day in this zone and shows a returned Date in it,
 * while the script's own clock runs in appsscript.json's zone (UTC).
 */

/**
 * A custom function runs without authorization, where the Spreadsheet service is
 * read-only but its get methods, this one among them, are allowed (Apps Script
 * guide "Custom Functions in Google Sheets", Using Apps Script services).
 * Should it still fail, the answer falls back on the script's zone rather than
 * the whole formula failing with #ERROR!.
 */
export function spreadsheetTimeZone(): string | undefined {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() || undefined;
  } catch {
    return undefined;
  }
}
