/**
 * Everything a count reads, by the way the group votes (rules.voting): the
 * response sheets (sources.ts), or Endorse's forms read by item (formsImport.ts);
 * the Voter codes sheet when members vote with codes; the Paper ballots and
 * Check-in sheets of a meeting. Each sheet is read in one call, none written.
 */
import { CODES_SHEET, issuedCodes, readCodeList } from '../core/codeMailing';
import { nameKey } from '../core/name';
import { CHECK_IN_SHEET, PAPER_SHEET, type MeetingInput } from '../core/paperBallots';
import type { Rules } from '../core/rules';
import type { Table } from '../core/vote';
import type { Sources } from '../shared/sidebarApi';
import { UserError } from './errors';
import { linkedSheet, readBallotState, type BallotState } from './forms';
import { formResponsesTable } from './formsImport';
import { readSources, readTable, sheetFor, sourceProblems, type SourceTables } from './sources';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface VoteSources extends SourceTables {
  codes?: Map<string, string>;
  meeting?: MeetingInput;
}

/** A sheet Endorse or the tellers made, by name; a message saying how to make it when it is missing. */
function required(spreadsheet: Spreadsheet, name: string, how: string): Table {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw new UserError(`There is no "${name}" sheet: ${how}`);
  return readTable(sheet, name);
}

/** The voter codes issued (code → member's email), from the Voter codes sheet. */
export function readIssuedCodes(spreadsheet: Spreadsheet): Map<string, string> {
  const table = required(spreadsheet, CODES_SHEET, 'members vote with codes, and the codes are sent from the Ballot step of Endorse (a deleted sheet takes every code with it).');
  return issuedCodes(readCodeList(table.values));
}

/** The sheets of a count. `meeting: false` leaves the paper ballots out (to list who voted online). */
export function readVoteSources(spreadsheet: Spreadsheet, sources: Sources, rules: Rules, properties: Record<string, string>, meeting = true): VoteSources {
  const state = readBallotState(properties);
  const paperOnly = rules.voting.online === 'none';
  const fromForms = !paperOnly && state !== null && state.readFrom === 'form' && state.form !== null;
  const tables: VoteSources = paperOnly || fromForms ? readOthers(spreadsheet, sources, fromForms ? state : null) : readSources(spreadsheet, withEndorseForms(spreadsheet, sources, state));
  if (rules.voting.online === 'codes') tables.codes = readIssuedCodes(spreadsheet);
  if (meeting && (rules.voting.paper || paperOnly)) {
    const how = 'prepare the meeting in the Ballot step of Endorse.';
    tables.meeting = {
      ...(paperOnly ? {} : { ballots: required(spreadsheet, PAPER_SHEET, how) }),
      checkIn: required(spreadsheet, CHECK_IN_SHEET, how),
    };
  }
  return tables;
}

/**
 * The chosen sheets, with the response sheets of Endorse's forms wherever no
 * choice was saved for them: the ballot's as the responses, each runoff's as a
 * second vote. A runoff's sheet is counted even if a later save of the Sources
 * step left it out, since the form was built to be that race's second vote.
 */
function withEndorseForms(spreadsheet: Spreadsheet, sources: Sources, state: BallotState | null): Sources {
  if (!state) return sources;
  const chosen = new Set(sources.secondVotes.map(nameKey));
  const present = (name: string | null | undefined): name is string => typeof name === 'string' && spreadsheet.getSheetByName(name) !== null;
  const runoffs = Object.values(state.runoffs)
    .map((r) => r.responseSheet ?? linkedSheet(r.id))
    .filter((name): name is string => present(name) && !chosen.has(nameKey(name)));
  const ballotSheet = state.form?.responseSheet;
  const responses = sources.responses !== undefined && sources.responses.trim() !== '' ? sources.responses : present(ballotSheet) ? ballotSheet : undefined;
  return { ...sources, ...(responses === undefined ? {} : { responses }), secondVotes: [...sources.secondVotes, ...runoffs] };
}

/**
 * The sources when the ballots are not in a response sheet: the Paper ballots
 * sheet (a vote on paper only), or Endorse's forms read by item (`state`).
 */
function readOthers(spreadsheet: Spreadsheet, sources: Sources, state: BallotState | null): SourceTables {
  const problems = sourceProblems(sources, null);
  if (problems.length) throw new UserError(`${problems.join('. ')}. Fix it in the Sources step.`);
  const optional = (role: 'roster' | 'attendance' | 'proxies'): Table | undefined => {
    const name = sources[role];
    return name === undefined || name.trim() === '' ? undefined : readTable(sheetFor(spreadsheet, name, role), name);
  };
  return {
    responses: state?.form ? formResponsesTable(state.form) : required(spreadsheet, PAPER_SHEET, 'prepare the meeting in the Ballot step of Endorse.'),
    roster: optional('roster'),
    attendance: optional('attendance'),
    proxies: optional('proxies'),
    secondVotes: secondVotes(spreadsheet, sources, state),
  };
}

/** The second votes: the chosen sheets, except that a runoff form Endorse built is read from the form when asked. */
function secondVotes(spreadsheet: Spreadsheet, sources: Sources, state: BallotState | null): Table[] {
  const forms = state ? Object.values(state.runoffs) : [];
  const linked = new Set(forms.map((f) => f.responseSheet).filter((n): n is string => n !== null).map(nameKey));
  const sheets = sources.secondVotes.filter((name) => !linked.has(nameKey(name))).map((name) => readTable(sheetFor(spreadsheet, name, 'secondVotes'), name));
  return [...sheets, ...forms.map(formResponsesTable)];
}
