/**
 * A whole vote, from the sheets a group keeps to the report it publishes:
 * read the responses, decide who may vote, admit one ballot per member, count
 * each race, and, for a single-choice race that needs a runoff, count the second
 * vote as its round 2. Every ballot not counted leaves a refusal with its row.
 */
import type { RaceBallot, Refusal, Response } from './ballot';
import { cleanName, nameKey } from './name';
import { lookalikes } from './lookalike';
import { readResponses, type ResponseSheet, type RaceLayout } from './responses';
import { readRoster, type Roster } from './roster';
import { readAttendance } from './attendance';
import { readProxies, type ProxyDesignation } from './proxy';
import { decideEligibility, type EligibleList } from './eligibility';
import { admitBallots, type AcceptedBallot, type ProxyUse } from './ballotPool';
import { runoffOptions, tallyRace } from './tally';
import { admitByCode } from './codeBallots';
import { withPaperBallots, type MeetingInput } from './paperBallots';
import type { RaceResult } from './result';
import { EMPTY_GRID_TITLE, splitGridHeader } from './header';
import { InputError } from './inputError';
import { RulesError, type Rules } from './rules';
import { voteNotices } from './voteNotices';

/** A 2-D grid of cell values with the name of the sheet or file it came from. */
export interface Table {
  source: string;
  values: unknown[][];
}

export interface VoteInput {
  rules: Rules;
  /** Zone for dates written without one, when the rules name none: the spreadsheet's. */
  timeZone: string;
  responses: Table;
  /** Responses of the second vote of single-choice runoffs, matched to races by question title. */
  secondVotes?: Table[];
  roster?: Table;
  attendance?: Table;
  proxies?: Table;
  /** When members vote with codes: code → the member's email, from the Voter codes sheet (codeBallots.ts). */
  codes?: ReadonlyMap<string, string>;
  /** Paper ballots cast at a meeting and the Check-in sheet, counted with the first vote (paperBallots.ts). */
  meeting?: MeetingInput;
}

/** One counted ballot as the Ballots sheet shows it. */
export interface CountedBallot {
  source: string;
  row: number;
  /** null under a secret ballot. */
  voter: string | null;
  submittedAt: number | null;
  /** How many members it counts for: 1, or more when it also carries proxies. */
  weight: number;
  choices: Record<string, string>;
}

/** Names in one race that a reader could take for one another, for a person to review (lookalike.ts). */
export interface NameWarning {
  race: string;
  names: string[];
  why: string;
}

export interface VoteReport {
  rules: Rules;
  timeZone: string;
  layout: Omit<ResponseSheet, 'responses'>;
  eligibility: EligibleList | null;
  ballots: { received: number; accepted: number; refused: number };
  turnout: { voted: number; eligible: number | null };
  /** The ballots counted in the first vote; `countedBallots` shows them as the Ballots sheet does. */
  accepted: AcceptedBallot[];
  refused: Refusal[];
  proxies: ProxyUse[];
  races: RaceResult[];
  warnings: NameWarning[];
  /** Whole-vote facts a leader must read before trusting the numbers, one sentence each. */
  notices: string[];
}

/** Who may vote, from the roster and the attendance log; null when no roster is given (anyone identified may). */
export function eligibleList(input: Pick<VoteInput, 'rules' | 'timeZone' | 'roster' | 'attendance'>): EligibleList | null {
  const { rules } = input;
  const timeZone = voteTimeZone(rules, input.timeZone);
  const roster: Roster | null = input.roster ? readRoster(input.roster.values, input.roster.source, rules, timeZone) : null;
  const attendance = input.attendance ? readAttendance(input.attendance.values, input.attendance.source, rules, timeZone) : null;
  return roster ? decideEligibility(roster, attendance, rules, timeZone) : null;
}

/**
 * The zone dates without one are read in: the rules' zone, else the voting
 * window's (a group that states when voting closes has stated where), else the
 * spreadsheet's or the machine's.
 */
export function voteTimeZone(rules: Rules, fallback: string): string {
  return rules.timeZone ?? rules.window?.timeZone ?? fallback;
}

export function countVote(input: VoteInput): VoteReport {
  const { rules } = input;
  const timeZone = voteTimeZone(rules, input.timeZone);
  const sheet = readResponses(input.responses.values, { source: input.responses.source, rules, timeZone });
  const eligibility = eligibleList({ ...input, timeZone });
  const seconds = (input.secondVotes ?? []).map((t) => readResponses(t.values, { source: t.source, rules, timeZone }));
  checkRulesMatch(rules, [sheet, ...seconds]);
  if (eligibility && !input.codes && rules.voting.online !== 'none') {
    for (const s of [sheet, ...seconds]) requireIdentity(s);
  }
  const designations: ProxyDesignation[] = input.proxies ? readProxies(input.proxies.values, input.proxies.source) : [];

  const admit = (responses: Response[], hasIdentityColumn: boolean, window: Rules['window']) => {
    const context = { eligible: eligibility, proxies: designations, rules: { ...rules, window }, timeZone, hasIdentityColumn };
    return input.codes ? admitByCode(responses, input.codes, context) : admitBallots(responses, context);
  };

  const online = admit(sheet.responses, sheet.identityColumn !== null, rules.window);
  const first = input.meeting ? withPaperBallots(online, input.meeting, { rules, timeZone }) : { ...online, paperBallots: 0 };
  const received = sheet.responses.length + first.paperBallots;
  const refused: Refusal[] = [...first.refusals];
  const races: RaceResult[] = [];
  const warnings: NameWarning[] = [];

  for (const layout of sheet.races) {
    const writeIns = writeInRule(layout, rules);
    const firstBallots = raceBallots(first.accepted, layout, rules, writeIns === 'refuse' ? candidatesOf(layout, rules) : null, refused);
    const base = {
      race: layout.race,
      kind: layout.kind,
      seats: rules.races[layout.race]?.seats ?? 1,
      candidates: rules.races[layout.race]?.candidates ?? layout.candidates,
      ballots: firstBallots,
      turnout: eligibility ? { voted: first.turnout.voted, eligible: eligibility.eligibleCount } : undefined,
      poolWriteIns: writeIns === 'eliminate-first',
    };
    let result = tallyRace(base, rules);
    const second = result.outcome === 'runoff-needed' ? findSecondVote(seconds, layout.race) : null;
    if (second) {
      const admitted = admit(second.sheet.responses, second.sheet.identityColumn !== null, rules.runoffWindow);
      refused.push(...admitted.refusals);
      const allowed = runoffOptions(result, rules);
      const secondBallots = raceBallots(admitted.accepted, second.layout, rules, allowed, refused);
      result = tallyRace({ ...base, secondVote: secondBallots }, rules);
    }
    races.push(result);
    const names = [...(rules.races[layout.race]?.candidates ?? []).map(cleanName), ...layout.candidates, ...(sheet.variants?.[layout.race] ?? [])];
    for (const group of lookalikes(names)) warnings.push({ race: layout.race, ...group });
  }

  const notices = voteNotices(input, [sheet, ...seconds], timeZone);

  const { responses: _dropped, ...layout } = sheet;
  void _dropped;
  return {
    rules,
    timeZone,
    layout,
    eligibility,
    ballots: {
      received,
      accepted: first.accepted.length,
      refused: received - first.accepted.length,
    },
    turnout: { voted: first.turnout.voted, eligible: first.turnout.eligible },
    accepted: first.accepted,
    refused: refused.sort((a, b) => a.source.localeCompare(b.source) || a.row - b.row),
    proxies: first.proxies,
    races,
    warnings,
    notices,
  };
}

/**
 * A roster says who may vote; a sheet that names no voter cannot be checked
 * against it, so the count stops rather than count every ballot (turnout could
 * then pass 100%).
 */
function requireIdentity(sheet: ResponseSheet): void {
  if (sheet.identityColumn !== null || sheet.responses.length === 0) return;
  throw new InputError(
    { source: sheet.source, row: 1 },
    'no column names the voter (such as "Email Address"), so no ballot can be matched to the roster: ' +
      'collect email addresses in the form, name the voter\'s column in responses.identityColumn, or count without a roster',
  );
}

/**
 * A `races`, `responses.ignoreColumns` entry that names no question of any sheet
 * is a rule that silently does nothing: an error, naming the questions there are.
 */
function checkRulesMatch(rules: Rules, sheets: ResponseSheet[]): void {
  const titles = new Set<string>();
  const written: string[] = [];
  for (const sheet of sheets) {
    for (const header of sheet.headers) {
      if (header === '') continue;
      if (!titles.has(nameKey(header))) written.push(header);
      titles.add(nameKey(header));
      const grid = splitGridHeader(header);
      if (grid) titles.add(nameKey(grid.title === '' ? EMPTY_GRID_TITLE : grid.title));
    }
    for (const layout of sheet.races) titles.add(nameKey(layout.race));
  }
  const there = `the questions are ${written.map((h) => `"${h}"`).join(', ')}`;
  const first = sheets[0]!.source;
  for (const [race, raceRules] of Object.entries(rules.races)) {
    if (raceRules.columns?.length) continue;
    if (!titles.has(nameKey(race))) throw new InputError({ source: first, row: 1 }, `rules.races names "${race}", but no question has that title: ${there}`);
  }
  for (const header of rules.responses.ignoreColumns) {
    if (!titles.has(nameKey(header))) throw new InputError({ source: first, row: 1 }, `rules.responses.ignoreColumns names "${header}", but no column has that header: ${there}`);
  }
}

/** How a race treats names its ballot does not declare (rules.writeIns). */
function writeInRule(layout: RaceLayout, rules: Rules): 'count' | 'eliminate-first' | 'refuse' {
  const raceRules = rules.races[layout.race];
  const stated = raceRules?.writeIns ?? rules.writeIns;
  const declared = (raceRules?.candidates?.length ?? 0) > 0;
  if (stated === undefined) return declared ? 'refuse' : 'count';
  if (stated !== 'count' && !declared) {
    throw new RulesError([`writeIns is "${stated}", but races["${layout.race}"] declares no candidates, so no name can be told to be a write-in: list its candidates`]);
  }
  return stated;
}

/** The names a ballot may carry in a race: the declared candidates, when there are any, and the rules' labels. */
function candidatesOf(layout: RaceLayout, rules: Rules): string[] | null {
  const declared = rules.races[layout.race]?.candidates;
  return declared ? [...declared, ...rules.noEndorsement, ...rules.abstain] : null;
}

/**
 * The ballots of one race, one per member counted (a proxy holder's ballot counts
 * once for each member it carries). A ballot naming someone not on the ballot is
 * refused for this race only: the rest of that response still counts.
 */
function raceBallots(
  accepted: AcceptedBallot[],
  layout: RaceLayout,
  rules: Rules,
  allowed: string[] | null,
  refused: Refusal[],
): RaceBallot[] {
  const allowedKeys = allowed ? new Set(allowed.map(nameKey)) : null;
  const out: RaceBallot[] = [];
  for (const a of accepted) {
    const unreadable = a.response.unreadable?.[layout.race];
    if (unreadable !== undefined) {
      refused.push({
        source: a.response.source,
        row: a.response.row,
        voter: rules.secret ? null : a.response.voter,
        reason: 'unreadable-mark',
        race: layout.race,
        detail: `${unreadable}, so this ballot's ${layout.race} marks cannot be read; the rest of this ballot still counts`,
      });
      continue;
    }
    const ballot = a.response.races[layout.race] ?? blankBallot(layout.kind);
    const strangers = allowedKeys ? namesOn(ballot).filter((n) => !allowedKeys.has(nameKey(n))) : [];
    if (strangers.length > 0) {
      refused.push({
        source: a.response.source,
        row: a.response.row,
        voter: rules.secret ? null : a.response.voter,
        reason: 'invalid-choice',
        race: layout.race,
        detail: `${quoteList(strangers)} ${strangers.length > 1 ? 'are' : 'is'} not on the ${layout.race} ballot; the rest of this ballot still counts`,
      });
      continue;
    }
    for (let i = 0; i < a.countsFor.length; i++) out.push(ballot);
  }
  return out;
}

function blankBallot(kind: RaceBallot['kind']): RaceBallot {
  if (kind === 'ranked') return { kind, ranks: [] };
  if (kind === 'approval') return { kind, choices: [] };
  return { kind, choice: null };
}

function namesOn(ballot: RaceBallot): string[] {
  if (ballot.kind === 'single') return ballot.choice === null ? [] : [ballot.choice];
  if (ballot.kind === 'approval') return ballot.choices;
  return ballot.ranks.reduce<string[]>((all, rank) => all.concat(rank), []);
}

function quoteList(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/** A second-vote sheet holds a race when a question carries its title, alone or followed by "runoff". */
function findSecondVote(seconds: ResponseSheet[], race: string): { sheet: ResponseSheet; layout: RaceLayout } | null {
  const wanted = nameKey(race);
  for (const sheet of seconds) {
    const layout = sheet.races.find((l) => {
      const key = nameKey(l.race).replace(/[\s\-—–:(]*runoff\)?$/, '');
      return key === wanted;
    });
    if (layout) return { sheet, layout: { ...layout, race } };
  }
  return null;
}

/** The counted ballots as the Ballots sheet shows them, identities left out under a secret ballot. */
export function countedBallots(report: VoteReport): CountedBallot[] {
  return report.accepted.map((a) => countedBallot(a, report.layout.races, report.rules.secret));
}

function countedBallot(a: AcceptedBallot, races: RaceLayout[], secret: boolean): CountedBallot {
  const choices: Record<string, string> = {};
  for (const layout of races) choices[layout.race] = describeMarks(a.response.races[layout.race]);
  return {
    source: a.response.source,
    row: a.response.row,
    voter: secret ? null : a.response.voter,
    submittedAt: secret ? null : a.response.submittedAt,
    weight: a.countsFor.length,
    choices,
  };
}

/** A ballot's marks in one race, as a cell shows them: "Ana Diaz", "1. Ruth Okafor  2. Sam Greene", "". */
export function describeMarks(ballot: RaceBallot | undefined): string {
  if (!ballot) return '';
  if (ballot.kind === 'single') return ballot.choice ?? '';
  if (ballot.kind === 'approval') return ballot.choices.join('; ');
  return ballot.ranks
    .map((names, i) => (names.length ? `${i + 1}. ${names.join(' = ')}` : ''))
    .filter(Boolean)
    .join('  ');
}
