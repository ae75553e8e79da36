/**
 * The sheets Endorse writes, as plain grids: the server writes each in one
 * batch. Every cell that came from a respondent or a roster is marked as text
 * ('@'), so a name like "=IMPORTXML(…)" or "+1" shows as written, never as a
 * formula or a number.
 */
import type { RaceResult } from './result';
import { nameWarning, refusalsByReason, refusalTitle, roundRows, share } from './report';
import { isoDateIn, wallTimeAt } from './zonedTime';
import { countedBallots, type NameWarning, type VoteReport } from './vote';
import type { EligibleList } from './eligibility';

export type Cell = string | number | boolean;

export const TEXT = '@';
export const INTEGER = '0';

export interface ChartSpec {
  title: string;
  /** 1-based first row and the number of rows of the option/votes block (two columns: A and B). */
  firstRow: number;
  rows: number;
}

export interface OutputSheet {
  name: string;
  values: Cell[][];
  /** One number format per cell, same shape as values. */
  formats: string[][];
  /** Rows (1-based) to show in bold: headings and table headers. */
  boldRows: number[];
  frozenRows: number;
  charts: ChartSpec[];
}

export const SHEET_NAMES = {
  rules: 'Rules',
  eligible: 'Eligible voters',
  ballots: 'Ballots',
  refused: 'Refused',
  results: 'Results',
} as const;

/** The sheets a count owns; a user sheet of the same name is never overwritten without the add-on's mark. */
export const OWNED_SHEETS: string[] = Object.values(SHEET_NAMES);

class GridBuilder {
  readonly values: Cell[][] = [];
  readonly formats: string[][] = [];
  readonly boldRows: number[] = [];
  width = 1;

  row(cells: Cell[], formats?: string[], bold = false): number {
    this.values.push(cells);
    this.formats.push(cells.map((c, i) => formats?.[i] ?? (typeof c === 'number' ? INTEGER : TEXT)));
    this.width = Math.max(this.width, cells.length);
    if (bold) this.boldRows.push(this.values.length);
    return this.values.length;
  }

  blank(): void {
    this.row(['']);
  }

  /** Rectangular, as setValues requires. */
  sheet(name: string, frozenRows: number, charts: ChartSpec[] = []): OutputSheet {
    const pad = <T>(rows: T[][], fill: T) => rows.map((r) => [...r, ...Array<T>(this.width - r.length).fill(fill)]);
    return { name, values: pad(this.values, ''), formats: pad(this.formats, TEXT), boldRows: this.boldRows, frozenRows, charts };
  }
}

export function formatInstant(ms: number | null, timeZone: string): string {
  if (ms === null) return '';
  const w = wallTimeAt(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${isoDateIn(ms, timeZone)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}

function raceBlock(grid: GridBuilder, race: RaceResult, charts: ChartSpec[], warnings: NameWarning[]): void {
  grid.row([race.race], undefined, true);
  grid.row(['Outcome', race.outcome]);
  grid.row(['Endorsed', race.endorsed.join(', ') || 'nobody']);
  grid.row(['Summary', race.summary]);
  for (const w of warnings) grid.row(['Check names', nameWarning(w)]);
  for (const round of race.rounds) {
    grid.blank();
    const needed = round.needed === null ? round.threshold.words : `${round.threshold.words}: ${round.needed} of ${round.votesCast} needed`;
    grid.row([`${round.label}`, needed], undefined, true);
    grid.row(['Option', 'Votes', 'Share'], undefined, true);
    const first = grid.values.length + 1;
    for (const [option, votes, pct] of roundRows(round).slice(0, round.counts.length)) {
      grid.row([option, Number(votes), pct], [TEXT, INTEGER, TEXT]);
    }
    charts.push({ title: `${race.race}: ${round.label}`, firstRow: first, rows: round.counts.length });
    for (const [label, votes] of roundRows(round).slice(round.counts.length)) grid.row([label, Number(votes)], [TEXT, INTEGER]);
    for (const d of round.decisions) grid.row(['Decision', d.reason]);
  }
  grid.blank();
}

export function resultsSheet(report: VoteReport, countedAt: number): OutputSheet {
  const grid = new GridBuilder();
  const charts: ChartSpec[] = [];
  grid.row([report.rules.group ? `${report.rules.group}: endorsement vote` : 'Endorsement vote'], undefined, true);
  grid.row(['Counted at', formatInstant(countedAt, report.timeZone)]);
  grid.row(['Ballots received', report.ballots.received]);
  grid.row(['Ballots counted', report.ballots.accepted]);
  grid.row(['Ballots refused', report.ballots.refused]);
  const { voted, eligible } = report.turnout;
  grid.row(['Turnout', eligible ? share(voted, eligible) : `${voted} voted (no roster)`]);
  for (const notice of report.notices) grid.row(['Note', notice]);
  grid.blank();
  for (const race of report.races) raceBlock(grid, race, charts, report.warnings.filter((w) => w.race === race.race));
  return grid.sheet(SHEET_NAMES.results, 0, charts);
}

export function refusedSheet(report: VoteReport): OutputSheet {
  const grid = new GridBuilder();
  grid.row(['Source', 'Row', 'Voter', 'Reason', 'Race', 'Detail'], undefined, true);
  for (const r of report.refused) {
    grid.row([r.source, r.row, r.voter ?? '', r.reason, r.race ?? '', r.detail]);
  }
  if (report.refused.length) {
    grid.blank();
    grid.row(['Reason', 'Count'], undefined, true);
    for (const [reason, list] of refusalsByReason(report.refused)) grid.row([refusalTitle(reason), list.length]);
  }
  return grid.sheet(SHEET_NAMES.refused, 1);
}

export function ballotsSheet(report: VoteReport): OutputSheet {
  const grid = new GridBuilder();
  const races = report.races.map((r) => r.race);
  // Under a secret ballot neither who voted nor when appears beside the choices.
  const who = report.rules.secret ? [] : ['Voter', 'Submitted'];
  grid.row(['Source', 'Row', ...who, 'Counts for', ...races], undefined, true);
  for (const b of countedBallots(report)) {
    const identity = report.rules.secret ? [] : [b.voter ?? '', formatInstant(b.submittedAt, report.timeZone)];
    grid.row([b.source, b.row, ...identity, b.weight, ...races.map((r) => b.choices[r] ?? '')]);
  }
  return grid.sheet(SHEET_NAMES.ballots, 1);
}

export function eligibleSheet(report: VoteReport): OutputSheet | null {
  return report.eligibility ? eligibleListSheet(report.eligibility) : null;
}

/** The list to send a week before the vote: every member, eligible first, with the reason. */
export function eligibleListSheet(list: EligibleList): OutputSheet {
  const grid = new GridBuilder();
  grid.row(['Name', 'Email', 'Eligible', 'Why'], undefined, true);
  const entries = [...list.entries].sort((a, b) => Number(b.eligible) - Number(a.eligible) || a.member.name.localeCompare(b.member.name));
  for (const e of entries) grid.row([e.member.name, e.member.email, e.eligible ? 'yes' : 'no', e.reason]);
  return grid.sheet(SHEET_NAMES.eligible, 1);
}

/** In place of an older list when a count ran without a roster, so that list is not taken for this count's. */
export function noRosterSheet(): OutputSheet {
  const grid = new GridBuilder();
  grid.row(['No roster was chosen for the last count: every ballot with a voter identity was counted.'], undefined, true);
  grid.row(['Choose the roster in the Sources step of Endorse to check who may vote.']);
  return grid.sheet(SHEET_NAMES.eligible, 0);
}

const RULE_MEANINGS: Record<string, string> = {
  threshold: 'the share of the votes cast a candidate needs to be endorsed',
  comparison: 'at-least: reaching the threshold is enough; more-than: it must be passed',
  runoff: 'what happens when nobody reaches the threshold',
  ties: 'how a tie is settled, as announced before the vote',
  seed: 'the seed of a draw by lot, so anyone can redo it',
  noEndorsement: 'the option that votes for endorsing nobody; it counts toward the votes cast',
  abstain: 'answers that are not votes cast (like a blank)',
  minTurnout: 'the share of eligible members who must vote for a result to stand',
  duplicates: 'which ballot counts when a member votes twice',
  secret: 'true: no identity appears beside choices in any sheet',
  'voting.online': 'signed-in: members vote signed in to Google; codes: a secret ballot with emailed voter codes; none: paper only',
  'voting.paper': 'true: paper ballots cast at a meeting are counted too',
  timeZone: 'the zone of dates written without one',
  group: "the group's name, for announcements",
  'eligibility.asOf': 'the day the list of eligible members is drawn up',
  'eligibility.attendedWithinWeeks': 'how many weeks before that day attendance counts',
  'eligibility.minAttendance': 'how many meetings or actions a member must have attended',
  'eligibility.statuses': 'roster statuses that may vote',
  'eligibility.gmailAliases': 'whether j.o.e+tag@gmail.com counts as joe@gmail.com',
  'window.opens': 'ballots before this are refused',
  'window.closes': 'ballots after this are refused',
  'runoffWindow.opens': 'second-vote ballots before this are refused',
  'runoffWindow.closes': 'second-vote ballots after this are refused',
  'proxies.allowed': 'whether a member may send another to vote for them',
  'proxies.maxPerHolder': 'how many members one proxy holder may vote for',
  'responses.dateOrder': 'how a date like 08/03/2026 is read',
  'responses.identityColumn': 'the response column that names the voter',
  'responses.ignoreColumns': 'response columns that are not races',
  'ranked.overvote': 'two names at one rank: the ballot stops there, or the rank is skipped',
  'ranked.maxSkippedRanks': 'how many empty ranks in a row a ballot may skip',
  'ranked.repeated': 'a name ranked twice: the repeat is ignored, or the ballot stops there',
};

/** What a rule means, in a few words, for the Meaning column of the Rules sheet. */
export function ruleMeaning(key: string): string {
  const race = /^races\.(.+)\.(seats|kind|candidates|columns)$/.exec(key);
  if (race) {
    const words = { seats: 'how many candidates may be endorsed', kind: 'how ballots are marked', candidates: 'the names on the ballot', columns: 'the response columns read' };
    return `${race[1]}: ${words[race[2] as keyof typeof words]}`;
  }
  return RULE_MEANINGS[key] ?? '';
}

/** The rules in force, so members can see what was applied. */
export function rulesSheet(report: VoteReport, describe: (key: string) => string = ruleMeaning): OutputSheet {
  const grid = new GridBuilder();
  grid.row(['Rule', 'Value', 'Meaning'], undefined, true);
  const flat: [string, unknown][] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) flat.push([prefix, '']);
      for (const [k, v] of entries) walk(prefix ? `${prefix}.${k}` : k, v);
    } else {
      flat.push([prefix, value]);
    }
  };
  walk('', report.rules);
  for (const [key, value] of flat) {
    const text = Array.isArray(value) ? value.join('; ') : value === undefined ? '' : String(value);
    grid.row([key, text, describe(key)]);
  }
  grid.row(['timeZone (in force)', report.timeZone, 'dates written without a zone are read in this zone']);
  return grid.sheet(SHEET_NAMES.rules, 1);
}
