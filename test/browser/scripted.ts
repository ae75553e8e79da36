/**
 * A scripted stand-in for the server, for the browser tests and for
 * `npm run sidebar:dev -- --handler test/browser/scripted.ts`: canned answers in the
 * shapes of src/shared/sidebarApi.ts, a memory of what was saved, every call
 * recorded, and failures on demand. The figures are a small mayoral primary.
 */
import type {
  CountView, EligibilityView, Progress, Settings, SidebarApi, SidebarState, SourcesPreview, StepState,
} from '../../src/shared/sidebarApi';
import type { SidebarHandler } from './sidebarServer';
import { cannedAnnouncement, cannedPlaceholders, type AnnouncementScript } from './scriptedAnnouncement';

/** The server functions, each free to answer later (a promise), as a real count does. */
export type ScriptedApi = { [K in keyof SidebarApi]: (...args: Parameters<SidebarApi[K]>) => ReturnType<SidebarApi[K]> | Promise<ReturnType<SidebarApi[K]>> };

export interface Call {
  name: string;
  args: unknown[];
}

/** A server error as Apps Script reports it: the class name, then the message. */
export class ScriptedError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export interface ScriptOptions {
  spreadsheetName?: string;
  timeZone?: string;
  sheetNames?: string[];
  /** The candidates of the Mayor race, "No endorsement" last. */
  mayorCandidates?: [string, string, string];
  raceName?: string;
  /** Calls that fail once with this error, then answer normally. */
  failOnce?: Partial<Record<keyof SidebarApi, Error>>;
  /** runCount answers only once this resolves; meanwhile getProgress reports `progress`. */
  holdCount?: () => Promise<void>;
  progress?: Progress;
  /** Rules saved earlier, as they are now in the document properties. */
  savedRules?: Settings['rules'];
  /** What the server says about saved rules that no longer pass validation. */
  settingsProblem?: string;
  /** How the announcement's Docs come out: placeholders left unfilled, the name of a template given by link. */
  announcement?: AnnouncementScript;
}

export const DEFAULT_CANDIDATES: [string, string, string] = ['Ana Flores', 'Ben Okafor', 'Chloe Park'];

export function cannedPreview(o: ScriptOptions = {}): SourcesPreview {
  const [a, b, c] = o.mayorCandidates ?? DEFAULT_CANDIDATES;
  return {
    responsesSheet: 'Form Responses 1',
    responses: 41,
    identityColumn: 'Email Address',
    races: [
      { race: o.raceName ?? 'Mayor', kind: 'single', candidates: [a, b, c, 'No endorsement'] },
      { race: 'District Attorney', kind: 'ranked', candidates: ['Dana Reyes', 'Eli Stone', 'No endorsement'] },
    ],
    ignoredColumns: ['Timestamp', 'Comments'],
    rosterMembers: 60,
    problems: [],
  };
}

export const CANNED_ELIGIBILITY: EligibilityView = { asOf: '2026-05-20', eligible: 52, members: 60, sheet: 'Eligible voters' };

export function cannedCount(o: ScriptOptions = {}): CountView {
  const [a, b, c] = o.mayorCandidates ?? DEFAULT_CANDIDATES;
  return {
    countedAt: '2026-05-28T02:30:00.000Z',
    notices: [],
    ballots: { received: 41, accepted: 38, refused: 3 },
    turnout: { voted: 38, eligible: 52 },
    races: [
      {
        race: o.raceName ?? 'Mayor',
        outcome: 'endorsed',
        warnings: [],
        endorsed: [a],
        finalists: [a, b],
        summary: `${a} is endorsed with 27 of 38 votes in the runoff, at least two-thirds.`,
        rounds: [
          {
            label: 'Round 1',
            rows: [[a, 20, '53%'], [b, 11, '29%'], [c, 5, '13%'], ['No endorsement', 2, '5%']],
            votesCast: 38,
            needed: 26,
            thresholdWords: 'at least two-thirds',
            decisions: [`Nobody reached two-thirds: ${a} and ${b} go to a runoff.`],
          },
          {
            label: 'Runoff',
            rows: [[a, 27, '71%'], [b, 9, '24%'], ['No endorsement', 2, '5%']],
            votesCast: 38,
            needed: 26,
            thresholdWords: 'at least two-thirds',
            decisions: [`${a} reached two-thirds with 27 of 38 votes.`],
          },
        ],
      },
      {
        race: 'District Attorney',
        outcome: 'no-endorsement',
        warnings: ['Check these names: "Ruth Okafor", "Ruth Okafór": they differ only by accents.'],
        endorsed: [],
        finalists: [],
        summary: 'No endorsement: nobody reached two-thirds of the 36 votes cast.',
        rounds: [
          {
            label: 'Round 1',
            rows: [['Dana Reyes', 19, '53%'], ['Eli Stone', 13, '36%'], ['No endorsement', 4, '11%']],
            votesCast: 36,
            needed: 24,
            thresholdWords: 'at least two-thirds',
            decisions: ['Nobody reached two-thirds (24 of 36 votes); the rules hold no runoff for ranked ballots past the last round.'],
          },
        ],
      },
    ],
    refusals: [
      { reason: 'not-eligible', title: 'Not on the list of eligible members', count: 2 },
      { reason: 'duplicate', title: 'Replaced by a later ballot from the same member', count: 1 },
    ],
    sheets: { results: 'Results', refused: 'Refused', ballots: 'Ballots' },
  };
}

const notStarted: StepState = { state: 'not-started', summary: '' };

export interface ScriptedServer {
  api: ScriptedApi;
  handler: SidebarHandler;
  calls: Call[];
  /** The arguments of every call to `name`, in order. */
  argsOf(name: keyof SidebarApi): unknown[][];
}

/** A whole vote's worth of answers, remembering what the sidebar saved. */
export function scriptedServer(o: ScriptOptions = {}): ScriptedServer {
  const calls: Call[] = [];
  const failures = new Map(Object.entries(o.failOnce ?? {}));
  let settings: Settings = { sources: { secondVotes: [] }, rules: o.savedRules ?? {} };
  let settingsProblem = o.settingsProblem ?? null;
  const steps: SidebarState['steps'] = {
    rules: settingsProblem ? { state: 'needs-attention', summary: 'The saved rules cannot be used' } : notStarted, sources: notStarted, eligibility: notStarted, count: notStarted, announce: notStarted };
  let preview: SourcesPreview | null = null;
  let lastCount: CountView | null = null;
  let counting = false;
  const templatesMade = new Set<'members' | 'candidates' | 'press'>();

  const state = (): SidebarState => ({
    spreadsheetName: o.spreadsheetName ?? 'Riverside Indivisible: 2026 endorsements',
    timeZone: o.timeZone ?? 'America/Chicago',
    sheetNames: o.sheetNames ?? ['Form Responses 1', 'Roster', 'Attendance', 'Proxies', 'Runoff ballots'],
    settings,
    settingsProblem,
    steps: { ...steps },
    preview,
    lastCount,
  });

  const noBallot = (): never => {
    throw new ScriptedError('Error', 'The scripted server builds no ballot form.');
  };
  const api: ScriptedApi = {
    getSidebarState: () => state(),
    saveSettings(next) {
      settings = next;
      settingsProblem = null;
      steps.rules = { state: 'done', summary: `Threshold ${next.rules.threshold ?? '2/3'}, ${next.rules.comparison ?? 'at-least'}` };
      if (next.sources.responses) steps.sources = { state: 'done', summary: `Responses in ${next.sources.responses}` };
      return state();
    },
    previewSources(sources) {
      preview = { ...cannedPreview(o), responsesSheet: sources.responses ?? null };
      return preview;
    },
    runEligibilityCheck() {
      steps.eligibility = { state: 'done', summary: '52 of 60 members may vote' };
      return CANNED_ELIGIBILITY;
    },
    async runCount() {
      counting = true;
      try {
        await o.holdCount?.();
      } finally {
        counting = false;
      }
      lastCount = cannedCount(o);
      steps.count = { state: 'done', summary: 'Mayor: endorsed. District Attorney: no endorsement.' };
      steps.announce = { state: 'not-started', summary: `Ready to announce ${lastCount.races.map((r) => r.race).join(' and ')}` };
      return lastCount;
    },
    getProgress: () => (counting ? o.progress ?? { step: 'Counting Mayor', done: 2, total: 4 } : null),
    createAnnouncements(request) {
      if (!lastCount) throw new ScriptedError('Error', 'Count the votes first (step Count, or Extensions › Endorse › Count the votes): the announcement is written from the results.');
      const view = cannedAnnouncement(lastCount, request, o.announcement ?? {}, templatesMade);
      const warnings = view.warnings.length ? `; ${view.warnings.length} warning${view.warnings.length === 1 ? '' : 's'}: placeholders left as written` : '';
      steps.announce = { state: warnings ? 'needs-attention' : 'done', summary: `${view.documents.length} documents created for ${view.race}${warnings}` };
      return view;
    },
    announcementPlaceholders: () => cannedPlaceholders(),
    // The Ballot step (issue 9) is tested on the real bundle with the Forms fakes (ballotStep.test.ts), not scripted.
    getBallot: () => noBallot(),
    createBallotForm: () => noBallot(),
    createRunoffForm: () => noBallot(),
    setBallotSource: () => noBallot(),
    sendVoterCodes: () => noBallot(),
    prepareMeeting: () => noBallot(),
  };

  const handler: SidebarHandler = (name, args) => {
    calls.push({ name, args });
    const failure = failures.get(name);
    if (failure) {
      failures.delete(name);
      throw failure;
    }
    if (!(name in api)) throw new ScriptedError('ReferenceError', `Script function not found: ${name}`);
    return (api[name as keyof SidebarApi] as (...a: unknown[]) => unknown)(...args);
  };

  return { api, handler, calls, argsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.args) };
}

/**
 * The handler of `npm run sidebar:dev -- --handler test/browser/scripted.ts`:
 * a count that takes a few seconds, so the progress line can be seen (the real
 * bundle counts the example in a blink, and cannot answer a poll meanwhile).
 */
export default function devHandler(): SidebarHandler {
  return scriptedServer({ holdCount: () => new Promise((resolve) => setTimeout(resolve, 3000)) }).handler;
}
