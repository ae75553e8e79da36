/**
 * The facts of one race's result, formatted for the announcement templates
 * (every name `placeholderList()` documents): numbers as text, shares for
 * display, dates in words in the vote's time zone. The command line and the
 * Docs side fill the same templates from the same facts.
 */
import { InputError, isDate } from './inputError';
import type { Decision, OptionCount, RaceResult, Round, ThresholdInfo } from './result';
import { listNames, percent } from './summary';
import type { Facts } from './template';
import type { VoteReport } from './vote';
import { parseIsoInZone, wallTimeAt } from './zonedTime';

/** An instant (epoch ms or a Date), or an ISO date or date-time read in the report's zone. */
export type When = number | Date | string;

export interface FactsOptions {
  /** The day the vote closed; by default the close of its voting window (the runoff's for a second vote). */
  voteDate?: When;
  /** The day the text is sent. */
  announcementDate: When;
  /** When the press may publish; absent, null or '' for no embargo. */
  embargo?: When | null;
  /** The group's name; by default the rules'. Without one, `{{group}}` is reported as unfilled. */
  group?: string;
}

const SOURCE = 'announcement';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DATE_ONLY = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/** Why a race cannot be announced yet, or null when its outcome is final. */
export function notAnnounceable(result: RaceResult): string | null {
  if (result.outcome === 'runoff-needed') {
    return `${result.race}: a runoff vote between ${listNames(result.finalists ?? [])} is still to come; announce after it is counted`;
  }
  if (result.outcome === 'tie') {
    return `${result.race}: ${listNames(result.tied ?? [])} are tied and the rules leave the tie to the group; settle it before announcing`;
  }
  return null;
}

export function factsFromResult(report: VoteReport, race: string, options: FactsOptions): Facts {
  const result = report.races.find((r) => r.race === race);
  if (!result) {
    const races = report.races.map((r) => `"${r.race}"`).join(', ') || 'none';
    throw new InputError({ source: SOURCE }, `no race named "${race}" was counted (races counted: ${races})`);
  }
  const zone = report.timeZone;
  const last = result.rounds[result.rounds.length - 1];
  const threshold = last?.threshold;
  const deciding = last ? decidingCount(last, result) : { votes: 0, cast: 0 };
  const voteDate = options.voteDate !== undefined ? dateWords(options.voteDate, zone, 'voteDate') : closingDateWords(report, result);
  const embargo = options.embargo === undefined || options.embargo === null || options.embargo === '' ? '' : dateTimeWords(options.embargo, zone, 'embargo');
  const group = options.group ?? report.rules.group;

  const facts: Facts = {
    race: result.race,
    endorsed: listNames(result.endorsed),
    endorsedList: result.endorsed.map((name) => ({ name })),
    outcome: outcomeWords(result),
    summary: result.summary,
    threshold: threshold ? threshold.text : report.rules.threshold,
    thresholdWords: threshold ? thresholdWords(threshold, result) : '',
    decidingVotes: String(deciding.votes),
    decidingShare: percent(deciding.votes, deciding.cast),
    votesCast: String(last ? last.votesCast : 0),
    turnout: turnoutWords(report, result),
    roundsCount: String(result.rounds.length),
    announcementDate: dateWords(options.announcementDate, zone, 'announcementDate'),
    embargo,
    candidate: candidateFacts(result),
    round: roundFacts(result),
  };
  // A fact left out is reported by name where a template uses it, never filled with a guess.
  if (group !== undefined && group.trim() !== '') facts['group'] = group.trim();
  if (voteDate !== null) facts['voteDate'] = voteDate;
  return facts;
}

function outcomeWords(result: RaceResult): string {
  switch (result.outcome) {
    case 'endorsed': return `${listNames(result.endorsed)} endorsed`;
    case 'no-endorsement': return 'No endorsement';
    case 'runoff-needed': return `Runoff needed between ${listNames(result.finalists ?? [])}`;
    case 'tie': return `Tie between ${listNames(result.tied ?? [])}`;
    case 'no-quorum': return 'No quorum';
  }
}

/** "at least two-thirds of the votes cast"; approvals are counted per ballot. */
function thresholdWords(t: ThresholdInfo, result: RaceResult): string {
  if (t.kind !== 'fraction') return t.words;
  return `${t.words} of the ${result.seats > 1 || result.kind === 'approval' ? 'ballots cast' : 'votes cast'}`;
}

/** The endorsed candidate's votes in the last round, or the leading candidate's when none is endorsed. */
function decidingCount(round: Round, result: RaceResult): { votes: number; cast: number } {
  const endorsed = round.counts.find((c) => c.option === result.endorsed[0]);
  const leader = endorsed ?? round.counts.find((c) => !c.noEndorsement);
  return { votes: leader ? leader.votes : 0, cast: round.votesCast };
}

function turnoutWords(report: VoteReport, result: RaceResult): string {
  const turnout = result.turnout ?? (report.turnout.eligible ? { voted: report.turnout.voted, eligible: report.turnout.eligible } : null);
  return turnout && turnout.eligible > 0 ? percent(turnout.voted, turnout.eligible) : '';
}

/**
 * Every candidate, the endorsed first, then by how far they went (the last
 * round they were counted in) and their votes there: the order of a results table.
 */
function candidateFacts(result: RaceResult): Facts[] {
  const reach = new Map<string, { round: number; votes: number; cast: number; seen: number }>();
  result.rounds.forEach((round, r) => {
    for (const c of round.counts) {
      if (c.noEndorsement) continue;
      const seen = reach.get(c.option)?.seen ?? reach.size;
      reach.set(c.option, { round: r, votes: c.votes, cast: round.votesCast, seen });
    }
  });
  const rank = (name: string): number => {
    const i = result.endorsed.indexOf(name);
    return i < 0 ? result.endorsed.length : i;
  };
  return Array.from(reach.entries())
    .sort(([a, x], [b, y]) => rank(a) - rank(b) || y.round - x.round || y.votes - x.votes || x.seen - y.seen)
    .map(([name, c]) => ({
      name,
      endorsed: result.endorsed.indexOf(name) >= 0,
      votes: String(c.votes),
      share: percent(c.votes, c.cast),
    }));
}

/** What a round decided for one option, in a word or two for a results table. */
const DECISION_WORDS: [Decision['kind'], string][] = [
  ['endorsed', 'endorsed'],
  ['eliminated', 'eliminated'],
  ['advanced', 'advances'],
  ['runoff-needed', 'in the runoff'],
  ['reached-threshold', 'reached the threshold'],
  ['tie', 'tied'],
  ['no-endorsement', 'no endorsement'],
];

function decisionFor(round: Round, count: OptionCount): string {
  for (const [kind, words] of DECISION_WORDS) {
    if (round.decisions.some((d) => d.kind === kind && d.options.indexOf(count.option) >= 0)) return words;
  }
  // A top-two runoff names who goes on; every other candidate's race ends in this round.
  const goOn = round.decisions.some((d) => d.kind === 'advanced' || d.kind === 'runoff-needed');
  return goOn && !count.noEndorsement ? 'eliminated' : '';
}

function roundFacts(result: RaceResult): Facts[] {
  const rows: Facts[] = [];
  for (const round of result.rounds) {
    for (const c of round.counts) {
      rows.push({
        label: round.label,
        option: c.option,
        votes: String(c.votes),
        share: percent(c.votes, round.votesCast),
        decision: decisionFor(round, c),
      });
    }
  }
  return rows;
}

/**
 * The day the race's vote closed: its window's close, or the runoff window's
 * when a single-choice race was decided by a second vote; else the last
 * ballot counted. Null when none is known (the runoff's ballots are not kept).
 */
function closingDateWords(report: VoteReport, result: RaceResult): string | null {
  const secondVote = result.kind === 'single' && result.seats === 1 && result.rounds.length > 1;
  const window = secondVote ? report.rules.runoffWindow : report.rules.window;
  if (window && window.closes !== undefined) return dateWords(window.closes, window.timeZone ?? report.timeZone, secondVote ? 'runoffWindow.closes' : 'window.closes');
  if (secondVote) return null;
  let latest: number | null = null;
  for (const a of report.accepted) {
    const at = a.response.submittedAt;
    if (at !== null && (latest === null || at > latest)) latest = at;
  }
  return latest === null ? null : dateWords(latest, report.timeZone, 'voteDate');
}

/** "May 27, 2026": a date alone is that calendar day; an instant is read in `zone`. */
export function dateWords(when: When, zone: string, what: string): string {
  if (typeof when === 'string') {
    const day = DATE_ONLY.exec(when);
    if (day) {
      const month = Number(day[2]);
      if (month >= 1 && month <= 12 && parseIsoInZone(when.trim(), zone) !== null) return `${MONTHS[month - 1]} ${Number(day[3])}, ${day[1]}`;
    }
  }
  const w = wallTimeAt(instant(when, zone, what), zone);
  return `${MONTHS[w.month - 1]} ${w.day}, ${w.year}`;
}

/** "June 2, 2026, 9:00 AM CDT": a date and time the press reads, with the zone's abbreviation. */
export function dateTimeWords(when: When, zone: string, what: string): string {
  const at = instant(when, zone, what);
  const w = wallTimeAt(at, zone);
  const hour = w.hour % 12 === 0 ? 12 : w.hour % 12;
  const time = `${hour}:${String(w.minute).padStart(2, '0')} ${w.hour < 12 ? 'AM' : 'PM'}`;
  return `${MONTHS[w.month - 1]} ${w.day}, ${w.year}, ${time}${zoneName(at, zone)}`;
}

function zoneName(at: number, zone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName');
  return part ? ` ${part.value}` : '';
}

function instant(when: When, zone: string, what: string): number {
  if (typeof when === 'number' && Number.isFinite(when)) return when;
  if (isDate(when) && Number.isFinite(when.getTime())) return when.getTime();
  if (typeof when === 'string') {
    const parsed = parseIsoInZone(when, zone);
    if (parsed !== null) return parsed;
  }
  throw new InputError({ source: SOURCE, column: what }, `${JSON.stringify(String(when))} is not a date like 2026-06-02 or 2026-06-02T09:00`);
}
