/**
 * The sheets a vote is read from: the form's response sheet (chosen, or found
 * by its form link, or by a "Form Responses" name), the roster, the attendance
 * log, the proxies and the second votes. Each is read in one getValues() and
 * none is ever written to.
 */
import { nameKey } from '../core/name';
import { OWNED_SHEETS } from '../core/outputSheets';
import type { Rules } from '../core/rules';
import { eligibleList, type Table } from '../core/vote';
import type { Sources } from '../shared/sidebarApi';
import { UserError } from './errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type SourceRole = 'responses' | 'roster' | 'attendance' | 'proxies' | 'secondVotes';

export const ROLE_WORDS: Record<SourceRole, string> = {
  responses: 'the response sheet',
  roster: 'the roster',
  attendance: 'the attendance log',
  proxies: 'the proxy list',
  secondVotes: 'a second vote (runoff responses)',
};

export interface SourceTables {
  responses: Table;
  roster?: Table;
  attendance?: Table;
  proxies?: Table;
  secondVotes: Table[];
}

/** Each chosen sheet with its role, in reading order. */
export function chosenSheets(sources: Sources): [SourceRole, string][] {
  const chosen: [SourceRole, string][] = [];
  for (const role of ['responses', 'roster', 'attendance', 'proxies'] as const) {
    const name = sources[role];
    if (name !== undefined && name.trim() !== '') chosen.push([role, name]);
  }
  for (const name of sources.secondVotes) chosen.push(['secondVotes', name]);
  return chosen;
}

/**
 * What is wrong with a choice of sheets, one sentence each; given the
 * spreadsheet's sheet names, a missing sheet is one (null: not checked here).
 */
export function sourceProblems(sources: Sources, sheetNames: string[] | null): string[] {
  const existing = sheetNames && new Set(sheetNames.map(nameKey));
  const owned = new Set(OWNED_SHEETS.map(nameKey));
  const problems: string[] = [];
  const roleOf = new Map<string, SourceRole>();
  for (const [role, name] of chosenSheets(sources)) {
    const key = nameKey(name);
    if (owned.has(key)) {
      problems.push(`"${name}" is a sheet Endorse writes at every count; it cannot be ${ROLE_WORDS[role]}`);
    } else if (existing && !existing.has(key)) {
      problems.push(`There is no sheet named "${name}" (chosen as ${ROLE_WORDS[role]})`);
    }
    const other = roleOf.get(key);
    if (other !== undefined) problems.push(`"${name}" is chosen both as ${ROLE_WORDS[other]} and as ${ROLE_WORDS[role]}`);
    else roleOf.set(key, role);
  }
  return problems;
}

/**
 * The response sheet: the one chosen; else the sheet receiving the
 * spreadsheet's linked form; else any sheet receiving a form; else the first
 * named like "Form Responses 1". Sheets chosen for another role are skipped.
 */
export function findResponseSheet(spreadsheet: Spreadsheet, sources: Sources): Sheet | null {
  if (sources.responses !== undefined && sources.responses.trim() !== '') return sheetFor(spreadsheet, sources.responses, 'responses');
  const taken = new Set(chosenSheets(sources).map(([, name]) => nameKey(name)));
  const owned = new Set(OWNED_SHEETS.map(nameKey));
  const sheets = spreadsheet.getSheets()
    .map((sheet) => ({ sheet, name: sheet.getName(), formUrl: sheet.getFormUrl() }))
    .filter((s) => !taken.has(nameKey(s.name)) && !owned.has(nameKey(s.name)));
  const linked = sheets.filter((s) => s.formUrl);
  if (linked.length > 0) {
    const formUrl = spreadsheet.getFormUrl();
    return (linked.find((s) => s.formUrl === formUrl) ?? linked[0]!).sheet;
  }
  return sheets.find((s) => /^form responses\b/i.test(s.name.trim()))?.sheet ?? null;
}

/** The chosen sheet, or a message saying which is missing and what it was chosen for. */
export function sheetFor(spreadsheet: Spreadsheet, name: string, role: SourceRole): Sheet {
  if (OWNED_SHEETS.some((owned) => nameKey(owned) === nameKey(name))) {
    throw new UserError(`"${name}" is a sheet Endorse writes at every count; it cannot be ${ROLE_WORDS[role]}. Choose another sheet in the Sources step.`);
  }
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) {
    throw new UserError(`There is no sheet named "${name}" (chosen as ${ROLE_WORDS[role]}). Choose the sheet again in the Sources step, or give it back its name.`);
  }
  return sheet;
}

/** A whole sheet in one call, named for messages. */
export function readTable(sheet: Sheet, name: string): Table {
  return { source: name, values: sheet.getDataRange().getValues() };
}

export const NO_RESPONSE_SHEET =
  'No response sheet found: link the form to this spreadsheet (in Forms: Responses › Link to Sheets), ' +
  'or choose the sheet holding the responses in the Sources step.';

/** Reads every source of a count; throws UserError naming a sheet that is missing. */
export function readSources(spreadsheet: Spreadsheet, sources: Sources): SourceTables {
  const problems = sourceProblems(sources, null);
  if (problems.length) throw new UserError(`${problems.join('. ')}. Fix it in the Sources step.`);
  const responseSheet = findResponseSheet(spreadsheet, sources);
  if (!responseSheet) throw new UserError(NO_RESPONSE_SHEET);
  const optional = (role: 'roster' | 'attendance' | 'proxies'): Table | undefined => {
    const name = sources[role];
    return name === undefined || name.trim() === '' ? undefined : readTable(sheetFor(spreadsheet, name, role), name);
  };
  return {
    responses: readTable(responseSheet, responseSheet.getName()),
    roster: optional('roster'),
    attendance: optional('attendance'),
    proxies: optional('proxies'),
    secondVotes: sources.secondVotes.map((name) => readTable(sheetFor(spreadsheet, name, 'secondVotes'), name)),
  };
}

/** The eligible members of the chosen roster (by its attendance log, when there is one), read in one batch each. */
export function readEligibleMembers(
  spreadsheet: Spreadsheet,
  sources: { roster: string; attendance?: string },
  rules: Rules,
  timeZone: string,
): { name: string; email: string }[] {
  const { roster, attendance } = sources;
  const list = eligibleList({
    rules,
    timeZone,
    roster: readTable(sheetFor(spreadsheet, roster, 'roster'), roster),
    attendance: attendance ? readTable(sheetFor(spreadsheet, attendance, 'attendance'), attendance) : undefined,
  })!;
  return list.entries.filter((e) => e.eligible).map((e) => ({ name: e.member.name, email: e.member.email }));
}
