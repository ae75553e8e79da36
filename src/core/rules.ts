/**
 * The group's rules, stated before the vote: how ballots are counted, who may
 * vote, when, and how identities are read. A zod schema is the single source of
 * truth (rules.json for the command line, document properties in Sheets); the
 * README's rules reference documents each field.
 */
import * as z from 'zod/mini';
import { isShareText, readShare } from './fraction';
import { nameKey } from './name';
import { checkTimeZone, parseIsoInZone } from './zonedTime';

const fractionPattern = /^\s*(\d+\s*\/\s*\d+|\d+(\.\d+)?\s*%)\s*$/;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

const label = z.string().check(z.trim(), z.minLength(1, { error: 'must not be empty' }));
const labels = z.union([label, z.array(label)], { error: 'must be a label or a list of labels' });
const isoDate = z.string().check(
  z.trim(),
  z.regex(isoDatePattern, { error: 'must be a date like 2026-05-27 or 2026-05-27T19:30' }),
);
const fraction = z.string().check(z.regex(fractionPattern, { error: 'must be a fraction like 1/4 or a percentage like 25%' }));

export const RaceRulesSchema = z.strictObject({
  /** How many candidates may be endorsed in this race; above 1 the question is "choose up to N". */
  seats: z._default(z.number().check(z.int(), z.minimum(1, { error: 'must be 1 or more' })), 1),
  /** How ballots are marked in this race; recognized from the form when absent. */
  kind: z.optional(z.enum(['single', 'ranked', 'approval'])),
  /** The names on the ballot. When given, any other name is refused as invalid-choice. */
  candidates: z.optional(z.array(label)),
  /** The response columns (headers) that hold this race, when automatic recognition is not wanted. */
  columns: z.optional(z.array(z.string())),
  /** This race's rule for names not among its candidates; the top-level writeIns otherwise. */
  writeIns: z.optional(z.enum(['count', 'eliminate-first', 'refuse'])),
});

export const EligibilityRulesSchema = z.strictObject({
  /** The date the eligible list is published; activity is counted in the weeks before it. */
  asOf: z.optional(isoDate),
  /** The guide's sample rule: attended an action or meeting in the last six weeks. */
  attendedWithinWeeks: z._default(z.number().check(z.minimum(0, { error: 'must be 0 or more' })), 6),
  minAttendance: z._default(z.number().check(z.int(), z.minimum(0, { error: 'must be 0 or more' })), 1),
  /** Roster statuses that may vote (matched case-insensitively); when absent, any status may. */
  statuses: z.optional(z.array(label)),
  /** Treat j.o.e+tag@gmail.com as joe@gmail.com. Off unless the group turns it on. */
  gmailAliases: z._default(z.boolean(), false),
});

export const WindowSchema = z.strictObject({
  opens: z.optional(isoDate),
  closes: z.optional(isoDate),
  timeZone: z.optional(label),
});

export const ProxyRulesSchema = z.strictObject({
  allowed: z._default(z.boolean(), true),
  maxPerHolder: z._default(z.number().check(z.int(), z.minimum(1, { error: 'must be 1 or more' })), 1),
});

export const ResponseRulesSchema = z.strictObject({
  /** How a date written as 08/03/2026 is read: month-first (US) or day-first. Stated, never guessed per row. */
  dateOrder: z._default(z.enum(['month-first', 'day-first']), 'month-first'),
  /** The header of the identity column, when it is not one of the usual names. */
  identityColumn: z.optional(z.string()),
  /** Headers that are not races (name, comments…), in addition to those recognized as such. */
  ignoreColumns: z._default(z.array(z.string()), []),
});

/** How ranked ballots with irregular marks are read; the defaults are RCTab's (docs/rules-counting.md). */
export const RankedRulesSchema = z.strictObject({
  /** Two names at one rank: the ballot is exhausted when it reaches that rank, or the rank is skipped. */
  overvote: z._default(z.enum(['exhaust', 'skip']), 'exhaust'),
  /** How many empty ranks in a row a ballot may skip before the next name; beyond it the ballot is exhausted. */
  maxSkippedRanks: z._default(z.union([z.literal('unlimited'), z.number().check(z.int(), z.minimum(0, { error: 'must be 0 or more' }))]), 'unlimited'),
  /** A name ranked again lower down: the repeat is ignored, or the ballot is exhausted when it reaches it. */
  repeated: z._default(z.enum(['ignore', 'exhaust']), 'ignore'),
});

/** How ballots are cast (docs/forms-and-secret-ballots.md). */
export const VotingRulesSchema = z.strictObject({
  /**
   * signed-in: the form records each member's Google account, one response each;
   * codes: a secret ballot, each member types the single-use code emailed to them;
   * none: no online ballot, every ballot is on paper.
   */
  online: z._default(z.enum(['signed-in', 'codes', 'none']), 'signed-in'),
  /** Paper ballots cast at a meeting are counted too (the Paper ballots and Check-in sheets). */
  paper: z._default(z.boolean(), false),
});

export const RulesSchema = z.strictObject({
  threshold: z._default(
    z.string().check(
      z.regex(/^\s*(\d+\s*\/\s*\d+|\d+(\.\d+)?\s*%|plurality|consensus)\s*$/i, {
        error: 'must be like 2/3 or 60%, or plurality, or consensus',
      }),
    ),
    '2/3',
  ),
  comparison: z._default(z.enum(['at-least', 'more-than']), 'at-least'),
  runoff: z._default(z.enum(['top-two', 'eliminate-lowest', 'none']), 'top-two'),
  ties: z._default(z.union([z.enum(['all-advance', 'lot', 'ask']), z.array(label)]), 'all-advance'),
  /**
   * Names not among a race's declared candidates (write-ins, a form's "Other:"):
   * count them as candidates, pool them as one option eliminated first that is
   * never endorsed, or refuse them as an invalid choice for that race. When not
   * stated: refuse where the race declares its candidates, count where it does not.
   */
  writeIns: z.optional(z.enum(['count', 'eliminate-first', 'refuse'])),
  /** The seed of a tie settled by lot, announced before the vote so anyone can redo the draw. */
  seed: z.optional(z.string()),
  noEndorsement: z._default(labels, ['No endorsement']),
  abstain: z._default(labels, ['Abstain']),
  minTurnout: z.optional(fraction),
  ranked: z.prefault(RankedRulesSchema, {}),
  races: z._default(z.record(z.string(), RaceRulesSchema), {}),
  eligibility: z.prefault(EligibilityRulesSchema, {}),
  window: z.optional(WindowSchema),
  /** The window of a single-choice runoff's second vote, when it is held apart from the first. */
  runoffWindow: z.optional(WindowSchema),
  duplicates: z._default(z.enum(['latest', 'first']), 'latest'),
  proxies: z.prefault(ProxyRulesSchema, {}),
  responses: z.prefault(ResponseRulesSchema, {}),
  /** A secret ballot: identities never appear beside choices in any output. */
  secret: z._default(z.boolean(), false),
  /** How members cast their ballots: online (signed in, or with voter codes) and/or on paper at a meeting. */
  voting: z.prefault(VotingRulesSchema, {}),
  /** Zone for dates without one (rules dates, response timestamps); defaults to the spreadsheet's. */
  timeZone: z.optional(label),
  /** The group's name, for announcements. */
  group: z.optional(z.string()),
});

export type RulesInput = z.input<typeof RulesSchema>;
type ParsedRules = z.output<typeof RulesSchema>;
/** Rules after defaults, with every label list as a list. */
export type Rules = Omit<ParsedRules, 'noEndorsement' | 'abstain'> & { noEndorsement: string[]; abstain: string[] };
export type RaceRules = z.output<typeof RaceRulesSchema>;

/** Rules that cannot be used, with every problem named by its path. */
export class RulesError extends Error {
  constructor(readonly problems: string[], where = 'rules') {
    super(`${where}: ${problems.join('; ')}`);
    this.name = 'RulesError';
  }
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    return `${issue.path.length ? path + ': ' : ''}unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  }
  if (issue.code === 'invalid_value') {
    return `${path} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(valueAt(input, issue.path))}`;
  }
  if (issue.code === 'invalid_type') {
    const got = valueAt(input, issue.path);
    return `${path} must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}, got ${JSON.stringify(got) ?? 'nothing'}`;
  }
  const got = valueAt(input, issue.path);
  const message = issue.message && issue.message !== 'Invalid input' ? issue.message : 'is not valid';
  return `${path} ${message}, got ${JSON.stringify(got)}`;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const asList = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

/** Validates rules (rules.json, document properties, the sidebar's form) and applies the defaults. */
export function parseRules(input: unknown, where = 'rules'): Rules {
  const result = z.safeParse(RulesSchema, input ?? {});
  if (!result.success) throw new RulesError(result.error.issues.map((i) => describeIssue(i, input)), where);
  const rules = { ...result.data, noEndorsement: asList(result.data.noEndorsement), abstain: asList(result.data.abstain) };
  const problems: string[] = [];
  const { opens, closes } = rules.window ?? {};
  if (opens && closes && opens > closes && opens.length === closes.length) {
    problems.push(`window.opens (${opens}) is after window.closes (${closes})`);
  }
  if (rules.ties === 'lot' && rules.seed === undefined) {
    problems.push("ties is 'lot' but no seed is given: state the seed before the vote so anyone can redo the draw");
  }
  problems.push(...impossible(rules));
  if (rules.voting.online === 'none' && !rules.voting.paper) problems.push('voting: with no online ballot (online "none"), paper must be true, or nobody can vote');
  // A vote by voter codes is a secret ballot (voterCode.ts): no output may show a member beside a choice.
  if (rules.voting.online === 'codes') rules.secret = true;
  if (problems.length) throw new RulesError(problems, where);
  return rules;
}

/**
 * Rules the schema lets through but no vote could be counted by: said before
 * the vote, not discovered when the count reaches them (a threshold nobody can
 * reach, a zone or a date that does not exist, a tie order naming nobody).
 */
function impossible(rules: Rules): string[] {
  const problems: string[] = [];
  // plurality and consensus are words, not shares: nothing to read.
  const threshold = isShareText(rules.threshold) ? readShare(rules.threshold, 'threshold') : null;
  if (threshold && !threshold.ok) problems.push(threshold.problem);
  else if (threshold) {
    const t = rules.threshold.trim();
    const { num, den } = threshold.fraction;
    if (num === 0) problems.push(`threshold ${t} would endorse anyone with a single vote; use plurality`);
    else if (num === den && rules.comparison === 'more-than') {
      problems.push(`threshold "more than ${t}" can never be reached; use "at-least" (or consensus)`);
    }
  }
  const quorum = rules.minTurnout === undefined ? null : readShare(rules.minTurnout, 'minTurnout', 'every eligible member');
  if (quorum && !quorum.ok) problems.push(quorum.problem);

  const zones: [string, string | undefined][] = [['timeZone', rules.timeZone], ['window.timeZone', rules.window?.timeZone], ['runoffWindow.timeZone', rules.runoffWindow?.timeZone]];
  for (const [setting, zone] of zones) {
    if (zone === undefined) continue;
    try {
      checkTimeZone(zone.trim());
    } catch (error) {
      problems.push(`${setting}: ${(error as Error).message}`);
    }
  }
  const dates: [string, string | undefined][] = [
    ['eligibility.asOf', rules.eligibility.asOf], ['window.opens', rules.window?.opens], ['window.closes', rules.window?.closes],
    ['runoffWindow.opens', rules.runoffWindow?.opens], ['runoffWindow.closes', rules.runoffWindow?.closes],
  ];
  for (const [setting, date] of dates) {
    if (date !== undefined && parseIsoInZone(date, 'UTC') === null) problems.push(`${setting} is not a real date, got "${date.trim()}"`);
  }

  if (Array.isArray(rules.ties)) problems.push(...tieOrderProblems(rules.ties, rules));
  const abstain = new Set(rules.abstain.map(nameKey));
  const both = rules.noEndorsement.filter((l) => abstain.has(nameKey(l)));
  if (both.length) problems.push(`${both.map((l) => `"${l}"`).join(', ')} is both a noEndorsement and an abstain label: a vote and a blank cannot share a label`);
  // A mark naming an abstain label is read as blank (options.ts), so such a candidate could never get a vote.
  // A declared "No endorsement" candidate is fine: it is read as that option, as the ballot lists it.
  for (const [race, raceRules] of Object.entries(rules.races)) {
    for (const candidate of raceRules.candidates ?? []) {
      if (abstain.has(nameKey(candidate))) {
        problems.push(`races.${race}.candidates lists "${candidate}", which is also an abstain label: a candidate and a blank vote cannot share a name`);
      }
    }
  }
  return problems;
}

/** An explicit tie order must name someone, each name once, and every candidate the races declare ("no endorsement" never ties). */
function tieOrderProblems(order: string[], rules: Rules): string[] {
  if (order.length === 0) return ['ties: an empty order settles no tie; list the candidates in the order published'];
  const keys = order.map(nameKey);
  const repeated = order.filter((_, i) => keys.indexOf(keys[i]!) !== i);
  if (repeated.length) return [`ties: the order names ${repeated.map((n) => `"${n}"`).join(', ')} twice`];
  const labels = new Set([...rules.noEndorsement, ...rules.abstain].map(nameKey));
  const problems: string[] = [];
  for (const [race, raceRules] of Object.entries(rules.races)) {
    const missing = (raceRules.candidates ?? []).filter((c) => keys.indexOf(nameKey(c)) < 0 && !labels.has(nameKey(c)));
    if (missing.length) problems.push(`ties: the order does not name ${missing.map((n) => `"${n}"`).join(', ')}, a candidate in races.${race}`);
  }
  return problems;
}

/** The rules every group gets unless it states otherwise. */
export const DEFAULT_RULES: Rules = parseRules({});
