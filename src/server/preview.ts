/**
 * What Endorse recognizes in a choice of sheets, before anything is counted:
 * the response sheet it found, its races and candidates, the identity column,
 * the columns it leaves out, the roster's size, and every problem found on
 * the way, each saying which sheet and column to fix.
 */
import { readAttendance } from '../core/attendance';
import { InputError } from '../core/inputError';
import { readProxies } from '../core/proxy';
import { readResponses } from '../core/responses';
import { readRoster } from '../core/roster';
import { RulesError, type Rules } from '../core/rules';
import type { Table } from '../core/vote';
import type { Sources, SourcesPreview } from '../shared/sidebarApi';
import { UserError } from './errors';
import { findResponseSheet, NO_RESPONSE_SHEET, readTable, sheetFor, sourceProblems } from './sources';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function previewSources(spreadsheet: Spreadsheet, sources: Sources, rules: Rules, timeZone: string, sheetNames: string[]): SourcesPreview {
  const zone = rules.timeZone ?? timeZone;
  const preview: SourcesPreview = {
    responsesSheet: null, responses: 0, identityColumn: null, races: [], ignoredColumns: [], rosterMembers: null,
    problems: sourceProblems(sources, sheetNames),
  };
  // A sheet that is missing or misused is reported above; reading it would only repeat that.
  if (preview.problems.length) return preview;
  const problem = (work: () => void) => {
    try {
      work();
    } catch (error) {
      if (!(error instanceof InputError || error instanceof RulesError || error instanceof UserError)) throw error;
      preview.problems.push(error.message);
    }
  };
  const table = (role: 'roster' | 'attendance' | 'proxies'): Table | null => {
    const name = sources[role];
    return name === undefined || name.trim() === '' ? null : readTable(sheetFor(spreadsheet, name, role), name);
  };

  problem(() => {
    const sheet = findResponseSheet(spreadsheet, sources);
    if (!sheet) throw new UserError(NO_RESPONSE_SHEET);
    const name = sheet.getName();
    preview.responsesSheet = name;
    const read = readResponses(readTable(sheet, name).values, { source: name, rules, timeZone: zone });
    preview.responses = read.responses.length;
    preview.identityColumn = read.identityColumn?.header ?? null;
    preview.races = read.races.map((r) => ({ race: r.race, kind: r.kind, candidates: [...r.candidates] }));
    preview.ignoredColumns = read.ignored.map((c) => c.header);
    if (read.races.length === 0) preview.problems.push(`No race was recognized in "${name}": its questions must be the races (one column per race, or a grid for a ranking)`);
  });
  problem(() => {
    const roster = table('roster');
    if (roster) preview.rosterMembers = readRoster(roster.values, roster.source, rules, zone).members.length;
  });
  problem(() => {
    const attendance = table('attendance');
    if (attendance) readAttendance(attendance.values, attendance.source, rules, zone);
  });
  problem(() => {
    const proxies = table('proxies');
    if (proxies) readProxies(proxies.values, proxies.source);
  });
  return preview;
}
