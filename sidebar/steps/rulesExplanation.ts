/**
 * The plain-language line under each rule, recomputed as the leader types:
 * "With 41 ballots, a candidate needs at least 28 votes (at least two-thirds)".
 * The figures come from the core's own exact arithmetic (threshold, quorum),
 * so the sidebar never promises a number the count would not use.
 */
import { checkQuorum } from '../../src/core/quorum';
import { parseRules, RulesError } from '../../src/core/rules';
import { needed, parseFraction, parseThreshold, thresholdName } from '../../src/core/threshold';
import { plural, quotedName } from '../words';
import { thresholdOf, type RulesForm } from './rulesForm';

export interface ExplainContext {
  /** Responses found in the response sheet, when known: the explanation's example uses them. */
  ballots: number | null;
  /** Eligible members, when known (last eligibility check or count). */
  eligible: number | null;
  /** The zone the rules' dates are read in. */
  timeZone: string;
}

export interface Explanation {
  text: string;
  /** The setting cannot be used as written; `text` says why. */
  problem: boolean;
}

/** A round number of ballots for the example when the responses are not known yet. */
export const EXAMPLE_BALLOTS = 30;

const ok = (text: string): Explanation => ({ text, problem: false });
const problem = (text: string): Explanation => ({ text, problem: true });
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

function reason(error: unknown): string {
  if (error instanceof RulesError) return error.problems.join('; ');
  return error instanceof Error ? error.message : String(error);
}

export function explainThreshold(form: RulesForm, ctx: ExplainContext): Explanation {
  let t;
  try {
    t = parseThreshold(thresholdOf(form), form.comparison);
  } catch (e) {
    return problem(form.threshold === 'custom' && thresholdOf(form) === '' ? 'Write a fraction like 3/4 or a percentage like 60%.' : `${reason(e)}.`);
  }
  if (t.kind === 'plurality') {
    return ok('The candidate with the most votes is endorsed, however few that is. The guide does not recommend it: an endorsement matters when many members stand behind it.');
  }
  const known = ctx.ballots !== null && ctx.ballots > 0;
  const n = known ? ctx.ballots! : EXAMPLE_BALLOTS;
  const lead = known ? `With ${plural(n, 'ballot')}` : `For example, with ${plural(n, 'ballot')}`;
  if (t.kind === 'consensus') return ok(`${lead}, a candidate needs all ${n} votes: everyone must agree.`);
  return ok(`${lead}, a candidate needs at least ${plural(needed(n, t)!, 'vote')} (${t.words}). Blank ballots are not votes cast.`);
}

export function explainComparison(form: RulesForm): Explanation {
  let t;
  try {
    t = parseThreshold(thresholdOf(form), form.comparison);
  } catch (e) {
    return problem(`${reason(e)}.`);
  }
  if (t.kind !== 'fraction') return ok(`Does not apply to ${t.kind}.`);
  const name = thresholdName(t);
  return form.comparison === 'at-least'
    ? ok(`Exactly ${name} is enough (Robert's Rules: "at least ${name} of the votes cast").`)
    : ok(`Exactly ${name} is not enough: a candidate must pass it ("over ${name}").`);
}

export function explainRunoff(form: RulesForm): Explanation {
  switch (form.runoff) {
    case 'top-two':
      return ok('If nobody reaches the threshold, the top two go to a runoff held to the same threshold (a second vote, unless ballots are ranked). If neither reaches it, the group does not endorse.');
    case 'eliminate-lowest':
      return ok('If nobody reaches the threshold, the candidate with the fewest votes is dropped and the ballots are counted again, until someone reaches it. If nobody does, the group does not endorse.');
    case 'none':
      return ok('If nobody reaches the threshold, the group does not endorse.');
  }
}

export function explainTies(form: RulesForm): Explanation {
  switch (form.ties) {
    case 'all-advance':
      return ok('Candidates tied at a cut all go on: three may share a top-two runoff.');
    case 'lot':
      return form.seed.trim() === ''
        ? problem('Write the seed now and publish it with the rules, so anyone can redo the draw.')
        : ok(`A tie is settled by a draw from the seed ${quotedName(form.seed.trim())}, published before the vote so anyone can redo it.`);
    case 'ask':
      return ok('A tie stops the count and the group decides, as it announced.');
    case 'order': {
      const names = lines(form.tieOrder);
      return names.length === 0
        ? problem('List the candidates in the order you published, one per line.')
        : ok(`A tie goes to whoever comes first in this order: ${names.join(', ')}.`);
    }
  }
}

export function explainNoEndorsement(form: RulesForm): Explanation {
  const labels = lines(form.noEndorsement);
  if (labels.length === 0) return ok('The ballot has no "no endorsement" option.');
  const names = labels.map(quotedName).join(' or ');
  return ok(`Votes for ${names} are real votes: they count in the total, so they make the threshold harder to reach.`);
}

export function explainEligibility(form: RulesForm): Explanation {
  const weeks = Number(form.weeks.trim() === '' ? '6' : form.weeks);
  const times = Number(form.minAttendance.trim() === '' ? '1' : form.minAttendance);
  if (!Number.isFinite(weeks) || weeks < 0) return problem('Weeks must be a number, 0 or more.');
  if (!Number.isInteger(times) || times < 0) return problem('Minimum attendance must be a whole number, 0 or more.');
  if (times === 0) return ok('Attendance is not checked: every member on the roster may vote.');
  const asOf = form.asOf.trim();
  const events = times === 1 ? 'a meeting or action' : `${times} meetings or actions`;
  const text = `Members who attended ${events} in the ${plural(weeks, 'week')} up to ${asOf || 'the as-of date'} may vote.`;
  if (asOf === '') return ok(`${text} Give the as-of date: the day the list is sent, a week before the vote.`);
  const check = ruleProblem({ eligibility: { asOf } });
  return check ? problem(check) : ok(text);
}

const dateOnly = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

export function explainWindow(form: RulesForm, ctx: ExplainContext): Explanation {
  const opens = form.opens.trim();
  const closes = form.closes.trim();
  if (opens === '' && closes === '') return ok('Ballots count whenever they were sent.');
  const check = ruleProblem({ window: { ...(opens ? { opens } : {}), ...(closes ? { closes } : {}) } });
  if (check) return problem(check);
  // src/core/votingWindow.ts: a closing date alone means the end of that day.
  const until = dateOnly.test(closes) ? `the end of ${closes}` : closes;
  const zone = `${ctx.timeZone} time`;
  if (closes === '') return ok(`Ballots sent before ${opens} (${zone}) are refused.`);
  if (opens === '') return ok(`Ballots sent after ${until} (${zone}) are refused.`);
  return ok(`Ballots count from ${opens} to ${until} (${zone}); the others are refused.`);
}

export function explainProxies(form: RulesForm): Explanation {
  if (!form.proxiesAllowed) return ok('Proxy ballots are refused: every member votes for themselves.');
  const most = Number(form.maxPerHolder.trim() === '' ? '1' : form.maxPerHolder);
  if (!Number.isInteger(most) || most < 1) return problem('The most proxies per member must be a whole number, 1 or more.');
  return ok(`A member who cannot vote may send another; each member may vote for at most ${plural(most, 'other member')}.`);
}

export function explainQuorum(form: RulesForm, ctx: ExplainContext): Explanation {
  const share = form.minTurnout.trim();
  if (share === '') return ok('No quorum: the vote decides however few members vote.');
  const check = ruleProblem({ minTurnout: share });
  if (check) return problem(check);
  try {
    parseFraction(share, 'quorum');
  } catch (e) {
    return problem(`${reason(e)}.`);
  }
  if (ctx.eligible === null || ctx.eligible <= 0) {
    return ok(`At least ${share} of the eligible members must vote, or the vote decides nothing.`);
  }
  const turnout = checkQuorum({ voted: 0, eligible: ctx.eligible }, { minTurnout: share }, 'quorum')!;
  return ok(`With ${plural(ctx.eligible, 'eligible member')}, at least ${turnout.needed} must vote (${share}), or the vote decides nothing.`);
}

/** The rules schema's own complaint about one setting, so the form says what the save would say. */
function ruleProblem(partial: object): string | null {
  try {
    parseRules(partial);
    return null;
  } catch (e) {
    return `${reason(e)}.`;
  }
}
