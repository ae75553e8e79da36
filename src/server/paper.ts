/**
 * Paper ballots at a meeting (src/core/paperBallots.ts): makes the Paper
 * ballots sheet the tellers fill in (choices only) and the Check-in sheet of
 * eligible members, and marks in Check-in who already voted online, so the desk
 * turns them away. Both sheets are the tellers': made once, then only the
 * "Voted online" column is rewritten, never a tick of theirs. The count adds
 * the paper ballots (votingSources.ts).
 */
import { readRaceList, type BallotRace } from '../core/raceList';
import { CHECK_IN_SHEET, checkedIn, checkInUpdate, PAPER_SHEET, paperBallotsHeader, votersOf } from '../core/paperBallots';
import { isBlankRow } from '../core/roster';
import type { Rules } from '../core/rules';
import { countVote, type Table } from '../core/vote';
import type { MeetingView } from '../shared/sidebarApi';
import { UserError } from './errors';
import { readBallotState } from './forms';
import { withDocumentLock } from './lock';
import { readSettings, rulesInForce } from './settings';
import { readEligibleMembers, readTable } from './sources';
import { readVoteSources } from './votingSources';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The races of the ballot: as built in the Ballot step, or as the rules declare them. */
function ballotRaces(properties: Record<string, string>, rules: Rules): BallotRace[] {
  const state = readBallotState(properties);
  if (state && state.races.length > 0) return state.races;
  const text = Object.entries(rules.races)
    .filter(([, r]) => (r.candidates ?? []).length > 0)
    .map(([name, r]) => [`${name}${r.kind === 'ranked' ? ' (ranked)' : ''}`, ...(r.candidates ?? [])].join('\n'))
    .join('\n\n');
  return readRaceList(text);
}

export function prepareMeeting(): MeetingView {
  return withDocumentLock(prepare);
}

function prepare(): MeetingView {
  const properties = PropertiesService.getDocumentProperties().getProperties();
  const saved = readSettings(properties);
  const rules = rulesInForce(saved);
  if (!rules.voting.paper && rules.voting.online !== 'none') {
    throw new UserError('Paper ballots are not part of this vote: tick "Paper ballots at a meeting" in the Ballot step and save the ballot first.');
  }
  const races = ballotRaces(properties, rules);
  if (races.length === 0) throw new UserError('Type the races and candidates in the Ballot step first: the Paper ballots sheet has a column for each.');
  const { roster, attendance } = saved.settings.sources;
  if (!roster) throw new UserError('The Check-in sheet lists the eligible members of the roster: choose the roster in the Sources step first.');

  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = rules.timeZone ?? spreadsheet.getSpreadsheetTimeZone();
  const paperSheet = spreadsheet.getSheetByName(PAPER_SHEET) ?? makeSheet(spreadsheet, PAPER_SHEET, [paperBallotsHeader(races, rules)]);
  const eligible = readEligibleMembers(spreadsheet, { roster, attendance }, rules, timeZone);
  const votedOnline = rules.voting.online === 'none' ? [] : votersOf(countVote({ rules, timeZone, ...readVoteSources(spreadsheet, saved.settings.sources, rules, properties, false) }).accepted);

  const existing = spreadsheet.getSheetByName(CHECK_IN_SHEET);
  const checkInTable: Table | null = existing ? readTable(existing, CHECK_IN_SHEET) : null;
  const update = checkInUpdate(checkInTable, eligible, votedOnline, rules.eligibility.gmailAliases);
  let checkIn: Table;
  if (update.create) {
    makeSheet(spreadsheet, CHECK_IN_SHEET, update.create);
    checkIn = { source: CHECK_IN_SHEET, values: update.create };
  } else {
    const sheet = existing!;
    if (update.votedOnline.length > 0) text(sheet.getRange(2, update.votedOnlineColumn + 1, update.votedOnline.length, 1), update.votedOnline);
    if (update.appended.length > 0) {
      const at = Math.max(sheet.getLastRow(), 1) + 1;
      growTo(sheet, at + update.appended.length - 1);
      text(sheet.getRange(at, 1, update.appended.length, update.appended[0]!.length), update.appended);
    }
    checkIn = { source: CHECK_IN_SHEET, values: [...checkInTable!.values, ...update.appended] };
  }

  const present = checkedIn(checkIn, rules.eligibility.gmailAliases).size;
  const paperBallots = paperSheet.getDataRange().getValues().slice(1).filter((row) => !isBlankRow(row)).length;
  const online = votedOnline.slice().sort((a, b) => a.name.localeCompare(b.name));
  const summary =
    `${online.length === 1 ? '1 member has' : `${online.length} members have`} voted online: the ${CHECK_IN_SHEET} sheet marks them "voted online" so the desk turns them away. ` +
    `${present} checked in so far, ${paperBallots === 1 ? '1 paper ballot' : `${paperBallots} paper ballots`} entered.`;
  return { votedOnline: online, checkedIn: present, paperBallots, sheets: { paper: PAPER_SHEET, checkIn: CHECK_IN_SHEET }, summary };
}

/** A new sheet holding `rows` as text (a name such as "+1" stays a name), its header bold and frozen. */
function makeSheet(spreadsheet: Spreadsheet, name: string, rows: string[][]): Sheet {
  const sheet = spreadsheet.insertSheet(name);
  growTo(sheet, rows.length + 1);
  text(sheet.getRange(1, 1, rows.length, rows[0]!.length), rows);
  sheet.getRange(1, 1, 1, rows[0]!.length).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

function growTo(sheet: Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (max < rows) sheet.insertRowsAfter(max, rows - max);
}

/** Writes `values` as text: formats first, so nothing typed by a member is read as a formula or a number. */
function text(range: GoogleAppsScript.Spreadsheet.Range, values: string[][]): void {
  range.setNumberFormats(values.map((row) => row.map(() => '@')));
  range.setValues(values);
}
