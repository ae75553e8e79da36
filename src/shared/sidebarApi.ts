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
  rounds: RoundView[];
}

export interface CountView {
  countedAt: string;
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
}
