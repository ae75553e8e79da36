/**
 * What crosses between the sidebar and the server through google.script.run,
 * declared once for both sides. Only JSON-safe shapes cross: dates are ISO
 * strings, no Date, Map or undefined-valued holes.
 */
import * as z from 'zod/mini';
import type { RulesInput } from '../core/rules';

/** Which sheets of this spreadsheet hold what; saved per spreadsheet in document properties. */
export const SourcesSchema = z.strictObject({
  responses: z.optional(z.string()),
  roster: z.optional(z.string()),
  attendance: z.optional(z.string()),
  proxies: z.optional(z.string()),
  /** Response sheets of second votes (single-choice runoffs). */
  secondVotes: z._default(z.array(z.string()), []),
});
export type Sources = z.output<typeof SourcesSchema>;

export interface Settings {
  sources: Sources;
  /** The rules as the group wrote them (defaults not filled in), validated on every read. */
  rules: RulesInput;
}

export type Outcome = 'endorsed' | 'no-endorsement' | 'runoff-needed' | 'tie' | 'no-quorum';

export interface RecognizedRace {
  race: string;
  kind: 'single' | 'ranked' | 'approval';
  candidates: string[];
}

/** What the add-on recognized in the chosen sources. */
export interface SourcesPreview {
  responsesSheet: string | null;
  responses: number;
  identityColumn: string | null;
  races: RecognizedRace[];
  ignoredColumns: string[];
  rosterMembers: number | null;
  problems: string[];
}

export interface StepState {
  state: 'not-started' | 'done' | 'needs-attention';
  summary: string;
}

export interface RoundView {
  label: string;
  /** [option, votes, share as "75%"] */
  rows: [string, number, string][];
  votesCast: number;
  needed: number | null;
  thresholdWords: string;
  decisions: string[];
}

export interface RaceView {
  race: string;
  outcome: Outcome;
  endorsed: string[];
  finalists: string[];
  summary: string;
  /** Names a reader could take for one another, one sentence each, for a person to review. */
  warnings: string[];
  rounds: RoundView[];
}

export interface CountView {
  countedAt: string;
  /** Whole-vote facts to read before trusting the numbers. */
  notices: string[];
  ballots: { received: number; accepted: number; refused: number };
  turnout: { voted: number; eligible: number | null };
  races: RaceView[];
  refusals: { reason: string; title: string; count: number }[];
  sheets: { results: string; refused: string; ballots: string };
}

export interface EligibilityView {
  asOf: string | null;
  eligible: number;
  members: number;
  sheet: string;
}

export interface SidebarState {
  spreadsheetName: string;
  timeZone: string;
  sheetNames: string[];
  settings: Settings;
  /** Set when the saved settings no longer pass validation: what to fix. */
  settingsProblem: string | null;
  steps: { rules: StepState; sources: StepState; eligibility: StepState; count: StepState; announce: StepState };
  preview: SourcesPreview | null;
  lastCount: CountView | null;
  /** The Ballot step (src/server/forms.ts); absent from a server that predates it. */
  ballot?: BallotView;
}

export interface Progress {
  /** "Reading responses", "Counting Mayor", "Writing the Results sheet" */
  step: string;
  done: number;
  total: number;
}

/**
 * The server functions the sidebar calls, by their top-level names in dist/Code.js.
 * src/main.ts implements each; sidebar/ calls them through a typed promise wrapper.
 */
export interface SidebarApi {
  getSidebarState(): SidebarState;
  saveSettings(settings: Settings): SidebarState;
  previewSources(sources: Sources): SourcesPreview;
  runEligibilityCheck(): EligibilityView;
  runCount(): CountView;
  getProgress(): Progress | null;
  createAnnouncements(request: AnnouncementRequest): AnnouncementView;
  announcementPlaceholders(): PlaceholderView[];
  getBallot(): BallotView;
  createBallotForm(request: BallotRequest): BallotView;
  createRunoffForm(race: string): BallotView;
  setBallotSource(from: 'sheet' | 'form'): BallotView;
  sendVoterCodes(): CodesView;
  prepareMeeting(): MeetingView;
}

// ---- The announcement (docs/announcements.md) ----

const audience = z.enum(['members', 'candidates', 'press']);

/** What the Announce step sends: one race; every other field may be left out or empty. */
export const AnnouncementRequestSchema = z.strictObject({
  race: z.string().check(z.minLength(1, { error: 'must name a race' })),
  /** Which texts to write, sent in this order regardless: members, candidates (one letter each), press. All three by default. */
  audiences: z.optional(z.array(audience)),
  /** A template Doc per audience, by link or id; our default template (created on first use) otherwise. */
  templates: z.optional(z.strictObject({ members: z.optional(z.string()), candidates: z.optional(z.string()), press: z.optional(z.string()) })),
  /** The Drive folder for the Docs, by link or id; the spreadsheet's folder otherwise. */
  folder: z.optional(z.string()),
  /** "2026-06-05": the day the vote closed; the voting window's close otherwise. */
  voteDate: z.optional(z.string()),
  /** "2026-06-08": the day the texts are sent; today otherwise. */
  announcementDate: z.optional(z.string()),
  /** "2026-06-09T09:00", in the spreadsheet's time zone: when the press may publish; none otherwise. */
  embargo: z.optional(z.string()),
});
export type AnnouncementRequest = z.input<typeof AnnouncementRequestSchema>;

export interface AnnouncementDoc {
  audience: 'members' | 'candidates' | 'press';
  /** "Members' statement: Mayor, June 8, 2026", "Letter to Ana Diaz: Mayor, June 8, 2026". */
  name: string;
  url: string;
  /** Placeholders with no value, left as written, by name. */
  unfilled: string[];
  /** Placeholders left as written because their characters are formatted in two ways. */
  split: string[];
}

export interface AnnouncementView {
  race: string;
  folder: { name: string; url: string };
  /** The template Doc used for each audience; `created` when it was made from our default just now. */
  templates: { audience: 'members' | 'candidates' | 'press'; name: string; url: string; created: boolean }[];
  /** In the order they are sent: members, each candidate (the endorsed first), press. */
  documents: AnnouncementDoc[];
  /** One sentence per Doc with a placeholder left unfilled, to show as is. */
  warnings: string[];
}

/** One placeholder of the reference list (src/core/announcement.ts placeholderList). */
export interface PlaceholderView {
  name: string;
  kind: 'text' | 'yes/no' | 'list';
  description: string;
  example: string;
}

// ---- The ballot form, voter codes and paper ballots (docs/forms-and-secret-ballots.md) ----

/** What the Ballot step sends to build the ballot. */
export const BallotRequestSchema = z.strictObject({
  /** The form's title. */
  title: z.string().check(z.trim(), z.minLength(1, { error: 'must not be empty' })),
  /** The races and candidates as the leader typed or pasted them (src/core/raceList.ts). */
  races: z.string(),
  /** The kind of a race not marked "(ranked)" or "(single)". */
  kind: z._default(z.enum(['single', 'ranked']), 'single'),
  online: z.enum(['signed-in', 'codes', 'none']),
  /** Paper ballots at a meeting too. */
  paper: z._default(z.boolean(), false),
});
export type BallotRequest = z.input<typeof BallotRequestSchema>;

export interface FormLinks {
  title: string;
  /** For the leader: edit the form in Forms. */
  editUrl: string;
  /** For the members: the link to vote. */
  publishedUrl: string;
  /** The sheet receiving its responses, once Forms has made it. */
  responseSheet: string | null;
}

export interface BallotRaceView {
  name: string;
  kind: 'single' | 'ranked';
  candidates: string[];
}

export interface CodesView {
  /** Members who have a code. */
  issued: number;
  /** Of those, how many were emailed theirs. */
  sent: number;
  /** How many still wait for their email. */
  waiting: number;
  /** Codes emailed by this call. */
  sentNow: number;
  /** What MailApp may still send today, as it said last. */
  remainingToday: number | null;
  /** One or two sentences: what was sent, what is left, when to press again. */
  summary: string;
  /** Addresses that could not be written to, with why. */
  problems: string[];
  sheet: string;
}

export interface BallotView {
  step: StepState;
  title: string;
  races: BallotRaceView[];
  /** The races as text, as the leader would type them, to edit. */
  racesText: string;
  online: 'signed-in' | 'codes' | 'none';
  paper: boolean;
  form: FormLinks | null;
  runoffs: { race: string; form: FormLinks }[];
  /** Races whose last count needs a runoff and has no runoff form yet. */
  runoffNeeded: { race: string; finalists: string[] }[];
  /** Where the count reads the ballots of Endorse's forms: their linked sheets, or the forms themselves. */
  readFrom: 'sheet' | 'form';
  /** The last mailing of voter codes, when members vote with codes. */
  codes: CodesView | null;
}

export interface MeetingView {
  /** Members whose online ballot (or proxy) counts, whom the check-in desk turns away; by name. */
  votedOnline: { name: string; email: string }[];
  checkedIn: number;
  paperBallots: number;
  sheets: { paper: string; checkIn: string };
  summary: string;
}
