/**
 * The public doors of Endorse. Every export here becomes a top-level function in
 * dist/Code.js (see scripts/build.ts), with its JSDoc kept; keep each one a few
 * lines that hand over to src/server or src/core.
 */
import type { CountView, EligibilityView, Progress, Settings, SidebarState, Sources, SourcesPreview } from './shared/sidebarApi';
import { countVotes } from './server/count';
import { checkEligibility } from './server/eligibility';
import { forSidebar } from './server/errors';
import { buildMenu } from './server/menu';
import { checkEligibilityFromMenu as eligibilityMenu, countVotesFromMenu as countMenu, createAnnouncementFromMenu as announceMenu } from './server/menuActions';
import { readProgress } from './server/progress';
import { openSidebar, showHelpDialog } from './server/sidebar';
import { previewChosenSources, saveSettings as save, sidebarState } from './server/sidebarState';

// ---- Triggers and the menu ----

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

/** Menu: writes the Eligible voters sheet from the roster and attendance log. */
export function checkEligibilityFromMenu(): void {
  eligibilityMenu();
}

/** Menu: counts the votes and writes the Results, Refused, Ballots, Eligible voters and Rules sheets. */
export function countVotesFromMenu(): void {
  countMenu();
}

/** Menu: the announcement (drafted from the last count). */
export function createAnnouncementFromMenu(): void {
  announceMenu();
}

/** Shows what Endorse does and where to start. */
export function showHelp(): void {
  showHelpDialog();
}

// ---- Called by the sidebar (src/shared/sidebarApi.ts) ----

/** The sidebar's view: settings, sheets, and what each step found. */
export function getSidebarState(): SidebarState {
  return forSidebar('opening Endorse', sidebarState);
}

/** Saves the rules and the choice of sheets after checking them. */
export function saveSettings(settings: Settings): SidebarState {
  return forSidebar('saving the settings', () => save(settings));
}

/** What Endorse recognizes in a choice of sheets, without saving it. */
export function previewSources(sources: Sources): SourcesPreview {
  return forSidebar('reading the chosen sheets', () => previewChosenSources(sources));
}

/** Writes the Eligible voters sheet and says how many members may vote. */
export function runEligibilityCheck(): EligibilityView {
  return forSidebar('checking who may vote', checkEligibility);
}

/** Counts the votes, writes every sheet Endorse owns, and returns the results. */
export function runCount(): CountView {
  return forSidebar('counting the votes', countVotes);
}

/** How far the running count has got, or null when none is running. */
export function getProgress(): Progress | null {
  return forSidebar('reading the progress', readProgress);
}

// ---- The announcement (docs/announcements.md); imports are hoisted ----

import type { AnnouncementRequest, AnnouncementView, PlaceholderView } from './shared/sidebarApi';
import { announcementPlaceholders as placeholders, createAnnouncements as announce } from './server/announce';

/** Copies the templates into Docs filled with one race's result, and returns their links. */
export function createAnnouncements(request: AnnouncementRequest): AnnouncementView {
  return forSidebar('creating the announcement', () => announce(request));
}

/** Every placeholder a template may use, with what it holds. */
export function announcementPlaceholders(): PlaceholderView[] {
  return forSidebar('listing the placeholders', placeholders);
}

// ---- The ballot form, voter codes and paper ballots (docs/forms-and-secret-ballots.md); imports are hoisted ----

import type { BallotRequest, BallotView, CodesView, MeetingView } from './shared/sidebarApi';
import { createBallotForm as buildBallot, createRunoffForm as buildRunoff, currentBallotView, setBallotSource as readBallotsFrom } from './server/forms';
import { sendVoterCodes as sendCodes } from './server/codes';
import { prepareMeeting as prepareTheMeeting } from './server/paper';

/** The Ballot step: the races, how members vote, the forms built and the codes sent. */
export function getBallot(): BallotView {
  return forSidebar('reading the ballot', currentBallotView);
}

/** Saves the races and how members vote, and builds the ballot form linked to this spreadsheet. */
export function createBallotForm(request: BallotRequest): BallotView {
  return forSidebar('building the ballot form', () => buildBallot(request));
}

/** Builds the runoff form of a race whose last count ended with "runoff needed". */
export function createRunoffForm(race: string): BallotView {
  return forSidebar('building the runoff form', () => buildRunoff(race));
}

/** Reads the ballots of Endorse's forms from their linked sheets ('sheet') or from the forms themselves ('form'). */
export function setBallotSource(from: 'sheet' | 'form'): BallotView {
  return forSidebar('choosing where to read the ballots', () => readBallotsFrom(from));
}

/** Gives each eligible member a voter code and emails the codes not sent yet, within today's email quota. */
export function sendVoterCodes(): CodesView {
  return forSidebar('sending the voter codes', sendCodes);
}

/** Makes the Paper ballots and Check-in sheets, and marks in Check-in who already voted online. */
export function prepareMeeting(): MeetingView {
  return forSidebar('preparing the meeting', prepareTheMeeting);
}

// ---- Custom functions (ENDORSE_*) go below ----

// docs/formulas.md. They run without authorization, so each uses nothing but its
// arguments and, where dates are read or written, the spreadsheet's time zone;
// a refusal comes back as one cell of text. (An import may sit here: imports are
// hoisted, and this block stays in one place.)
import { type Cell, endorseEligible, endorseQuestionnaire, endorseTally, endorseTimeline, endorseWinner } from './core/formula';
import { spreadsheetTimeZone } from './server/spreadsheetZone';

/**
 * Counts an endorsement vote: one row per candidate per round, with votes, share,
 * the votes needed and the decision, then the outcome and why.
 * @param {Array<Array<string|number>>} choices The answers, such as C2:C200: one column of names (one ballot per row, no header), or a ranked block with a header row of candidates and a rank (1, 2, 1st…) in each cell.
 * @param {string|number} threshold Optional. What a candidate needs of the votes cast: 2/3 (the default), 60%, a cell formatted as a percentage, plurality or consensus.
 * @param {string} runoff Optional. top-two (the default: a runoff between the two with the most votes), eliminate-lowest, or none.
 * @param {string} no_endorsement_label Optional. The ballot's "no endorsement" option, a real vote; "No endorsement" by default.
 * @return A table: round, option, votes, share, needed, decision; the last row gives the outcome and the result in words.
 * @customfunction
 */
export function ENDORSE_TALLY(choices: unknown, threshold?: unknown, runoff?: unknown, no_endorsement_label?: unknown): Cell[][] {
  return endorseTally(choices, threshold, runoff, no_endorsement_label);
}

/**
 * Who the group endorses: the candidate's name, "No endorsement", "Runoff needed: A vs B" or "Tie: A, B".
 * @param {Array<Array<string|number>>} choices The answers, such as C2:C200: one column of names (one ballot per row, no header), or a ranked block with a header row of candidates and a rank (1, 2, 1st…) in each cell.
 * @param {string|number} threshold Optional. What a candidate needs of the votes cast: 2/3 (the default), 60%, a cell formatted as a percentage, plurality or consensus.
 * @param {string} runoff Optional. top-two (the default), eliminate-lowest, or none.
 * @param {string} no_endorsement_label Optional. The ballot's "no endorsement" option; "No endorsement" by default.
 * @return The outcome in one cell.
 * @customfunction
 */
export function ENDORSE_WINNER(choices: unknown, threshold?: unknown, runoff?: unknown, no_endorsement_label?: unknown): Cell[][] {
  return endorseWinner(choices, threshold, runoff, no_endorsement_label);
}

/**
 * Whether each email may vote: on the roster and, given an attendance log, at an action or meeting within the last weeks.
 * @param {string|Array<Array<string>>} emails The addresses to check: a cell or a column, such as B2:B200.
 * @param {Array<Array<string>>} roster_emails The members' addresses: one column, such as Roster!B2:B.
 * @param {Array<Array<string>>} attendance_emails Optional. Who attended, one row per event attended, such as Attendance!A2:A.
 * @param {Array<Array<Date>>} attendance_dates Optional. The date of each of those rows, such as Attendance!B2:B.
 * @param {Date|string} as_of Optional, needed with attendance: the day the eligible list is published.
 * @param {number} weeks Optional. How many weeks before as_of attendance counts; 6 by default, the guide's rule.
 * @return TRUE or FALSE beside each email, blank beside a blank.
 * @customfunction
 */
export function ENDORSE_ELIGIBLE(
  emails: unknown,
  roster_emails: unknown,
  attendance_emails?: unknown,
  attendance_dates?: unknown,
  as_of?: unknown,
  weeks?: unknown,
): Cell[][] {
  return endorseEligible({
    emails, rosterEmails: roster_emails, attendanceEmails: attendance_emails, attendanceDates: attendance_dates, asOf: as_of, weeks,
    timeZone: spreadsheetTimeZone(),
  });
}

/**
 * Scores a candidate questionnaire against the group's answer key: pass at 80% with every dealbreaker right, by default.
 * @param {Array<Array<string>>} answers The candidate's answers, one per question: a column or a row, such as C2:C21.
 * @param {Array<Array<string>>} answer_key The group's answers, such as B2:B21; a blank leaves that question unscored.
 * @param {Array<Array<string|boolean>>|string} dealbreakers Optional. x or TRUE beside each dealbreaker, or question numbers such as "3, 7".
 * @param {string|number} pass_mark Optional. The share of questions to get right: 80% by default, or 4/5, 75%…
 * @return One row: Pass or Fail, the score, and why.
 * @customfunction
 */
export function ENDORSE_QUESTIONNAIRE(answers: unknown, answer_key: unknown, dealbreakers?: unknown, pass_mark?: unknown): Cell[][] {
  return endorseQuestionnaire(answers, answer_key, dealbreakers, pass_mark);
}

/**
 * The endorsement calendar, built backward from election day: research, questionnaires, Q&As, member review, the vote, then telling members, campaigns and the press.
 * @param {Date|string} election_date Election day: a date cell or a date like 2026-11-03.
 * @param {string} kind Optional. general (the default: the vote about 5 months before) or primary (about 3 months before).
 * @return A table of dates and steps.
 * @customfunction
 */
export function ENDORSE_TIMELINE(election_date: unknown, kind?: unknown): Cell[][] {
  return endorseTimeline(election_date, kind, spreadsheetTimeZone());
}
