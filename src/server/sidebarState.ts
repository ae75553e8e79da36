/**
 * The sidebar's view of this spreadsheet (getSidebarState), saving the
 * settings it sends (saveSettings) and previewing a choice of sheets
 * (previewSources). Each reads the document properties once.
 */
import * as z from 'zod/mini';
import { nameKey } from '../core/name';
import { OWNED_SHEETS } from '../core/outputSheets';
import { DEFAULT_RULES } from '../core/rules';
import { SourcesSchema, type SidebarState, type Sources, type SourcesPreview } from '../shared/sidebarApi';
import { UserError } from './errors';
import { ballotView } from './forms';
import { readLastRun, settingsFingerprint } from './lastRun';
import { previewSources } from './preview';
import { readSettings, settingsProperties, SOURCES_KEY } from './settings';
import { sourceProblems } from './sources';
import { stepStates } from './steps';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function sheetNamesOf(spreadsheet: Spreadsheet): string[] {
  return spreadsheet.getSheets().map((s) => s.getName());
}

export function sidebarState(): SidebarState {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = PropertiesService.getDocumentProperties().getProperties();
  const saved = readSettings(properties);
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const names = sheetNamesOf(spreadsheet);
  const { sources } = saved.settings;
  // Saved rules that cannot be used are reported as such; the sheets are still previewed, read with the defaults.
  const preview = previewSources(spreadsheet, sources, saved.rules ?? DEFAULT_RULES, timeZone, names);
  const last = readLastRun(properties);
  const owned = new Set(OWNED_SHEETS.map(nameKey));
  return {
    spreadsheetName: spreadsheet.getName(),
    timeZone,
    // The sheets Endorse writes are never sources, so they are not offered as such.
    sheetNames: names.filter((n) => !owned.has(nameKey(n))),
    settings: saved.settings,
    settingsProblem: saved.problem,
    steps: stepStates({
      rules: saved.rules,
      rulesSaved: saved.saved.rules,
      settingsProblem: saved.problem,
      preview,
      rosterChosen: (sources.roster ?? '').trim() !== '',
      eligibility: last.eligibility,
      count: last.count,
      announced: last.announced,
      settings: settingsFingerprint(properties),
    }),
    preview,
    lastCount: last.count?.view ?? null,
    ballot: ballotView(properties),
  };
}

/**
 * Saves the rules and the choice of sheets after checking them. A choice of
 * sheets that changed must name existing sheets; an unchanged one is kept even
 * when a sheet has since gone missing, so the rules can still be saved (the
 * Sources step says what is missing).
 */
export function saveSettings(settings: unknown): SidebarState {
  const entries = settingsProperties(settings);
  const store = PropertiesService.getDocumentProperties();
  const before = store.getProperty(SOURCES_KEY);
  if (entries[SOURCES_KEY] !== before) {
    const sources = JSON.parse(entries[SOURCES_KEY]!) as Sources;
    const problems = sourceProblems(sources, sheetNamesOf(SpreadsheetApp.getActiveSpreadsheet()));
    if (problems.length) throw new UserError(`The sheets cannot be saved: ${problems.join('. ')}.`);
  }
  store.setProperties(entries);
  return sidebarState();
}

/** What the sidebar's chosen sheets hold, read with the saved rules; nothing is saved. */
export function previewChosenSources(sources: unknown): SourcesPreview {
  const parsed = z.safeParse(SourcesSchema, sources ?? {});
  if (!parsed.success) throw new UserError('The sidebar sent a choice of sheets Endorse cannot read: reload the sidebar and choose again.');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const saved = readSettings(PropertiesService.getDocumentProperties().getProperties());
  return previewSources(spreadsheet, parsed.data, saved.rules ?? DEFAULT_RULES, spreadsheet.getSpreadsheetTimeZone(), sheetNamesOf(spreadsheet));
}
