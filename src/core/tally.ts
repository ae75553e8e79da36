/**
 * The tally of one race: from the accepted ballots and the group's rules to a
 * result a leader can read aloud and defend, round by round. Ranked ballots are
 * counted again for every round; single-choice ballots need a live second vote
 * for a runoff, tallied here as round 2 of the same race.
 */
import type { BallotKind, RaceBallot } from './ballot';
import { countApprovals, judgeApprovals } from './approval';
import { InputError } from './inputError';
import { nameKey } from './name';
import { raceOptions } from './options';
import { choiceTotals, namesOn, pileRanked, pileSingle, rankedSteps } from './piles';
import { checkQuorum } from './quorum';
import type { LotDraw, RaceResult, Round, Turnout } from './result';
import { countChoices, countRanked, reportRound, standing } from './round';
import { type Rules, RulesError } from './rules';
import { listNames, share, summarize } from './summary';
import { parseThreshold } from './threshold';
import { type JudgeContext, judgeRound, type Verdict } from './verdict';

export interface RaceInput {
  race: string;
  kind: BallotKind;
  /** rules.races[race]?.seats ?? 1 */
  seats: number;
  /** Names as printed on the ballot, in ballot order, when known. */
  candidates?: string[];
  /** Accepted ballots of the first vote, blank ones included. */
  ballots: RaceBallot[];
  /** Single choice only: the ballots of the live runoff vote, tallied as round 2. */
  secondVote?: RaceBallot[];
  /** Single choice under eliminate-lowest only: the ballots of the third, fourth… live votes. */
  laterVotes?: RaceBallot[][];
  /** For rules.minTurnout (quorum). */
  turnout?: { voted: number; eligible: number };
  /** Undeclared names pooled as one option, eliminated first and never endorsed (writeIns: "eliminate-first"). */
  poolWriteIns?: boolean;
}

function noQuorum(turnout: Turnout): Verdict {
  const reason = `${share(turnout.voted, turnout.eligible)} of eligible members voted; the quorum is ${turnout.required} (${turnout.needed} members).`;
  return { decisions: [{ kind: 'no-quorum', options: [], reason }], end: { outcome: 'no-quorum', endorsed: [] } };
}

export function tallyRace(input: RaceInput, rules: Rules): RaceResult {
  const { race } = input;
  const threshold = parseThreshold(rules.threshold, rules.comparison);
  const turnout = checkQuorum(input.turnout, rules, race);
  const quorumMissed = turnout !== undefined && !turnout.met;
  if (input.laterVotes?.length && !input.secondVote) throw new InputError({ source: race }, 'later votes were given without a second vote');
  const live = input.secondVote ? [input.secondVote, ...(input.laterVotes ?? [])] : [];
  const draws: LotDraw[] = [];
  const rounds: Round[] = [];
  let verdict: Verdict;
  let finalists: string[] | undefined;

  if (input.seats > 1 || input.kind === 'approval') {
    if (input.kind === 'ranked') {
      throw new RulesError([`races.${race}: ranked ballots endorse one candidate; for ${input.seats} seats ask "choose up to ${input.seats}"`]);
    }
    if (live.length) throw new InputError({ source: race }, `a race with ${input.seats} seats has no runoff, so no second vote`);
    const { options, count } = countApprovals(race, input.seats, input.candidates, input.ballots, rules, input.poolWriteIns);
    const order = standing(count, options.names.map(() => true));
    verdict = quorumMissed ? noQuorum(turnout) : judgeApprovals(count, order, input.seats, { race, rules, threshold, options });
    if (verdict.draw) draws.push(verdict.draw);
    rounds.push(reportRound(1, 'Round 1', count, order, options, threshold, verdict.decisions));
  } else {
    const ranked = input.kind === 'ranked';
    if (ranked && live.length) throw new InputError({ source: race }, 'ranked ballots are counted again for the runoff: there is no second vote');
    const firstVote = ranked ? pileRanked(input.ballots, race) : pileSingle(input.ballots, race);
    const livePiles = live.map((ballots) => pileSingle(ballots, race));
    const options = raceOptions(input.candidates, namesOn(firstVote), livePiles.flatMap((p) => [...namesOn(p)]), rules, input.poolWriteIns);
    const steps = ranked ? rankedSteps(firstVote as ReturnType<typeof pileRanked>, options, rules.ranked) : null;
    const totals = steps ? [] : [firstVote as ReturnType<typeof pileSingle>, ...livePiles].map((p) => choiceTotals(p, options));
    const ctx: JudgeContext = { race, rules, threshold, options };
    let inRound = options.names.map(() => true);
    for (let n = 1; ; n++) {
      const count = steps ? countRanked(steps, inRound) : countChoices(totals[n - 1]!, inRound);
      const order = standing(count, inRound);
      verdict = n === 1 && quorumMissed ? noQuorum(turnout) : judgeRound(n, count, order, ctx);
      if (verdict.draw) draws.push(verdict.draw);
      const label = n === 1 ? 'Round 1' : rules.runoff === 'top-two' ? 'Runoff' : `Round ${n}`;
      rounds.push(reportRound(n, label, count, order, options, threshold, verdict.decisions));
      if (verdict.end) break;
      const next = verdict.next!;
      inRound = options.names.map((_, o) => o === options.noEndorsement || next.includes(o));
      if (!steps && n > live.length) {
        finalists = next.map((o) => options.names[o]!);
        const ne = options.noEndorsement >= 0 ? `, with ${options.names[options.noEndorsement]} on the ballot,` : '';
        const reason = `A runoff vote between ${listNames(finalists)}${ne} decides; ${threshold.words} of its votes cast are needed.`;
        verdict.decisions.push({ kind: 'runoff-needed', options: finalists, reason });
        verdict = { ...verdict, end: { outcome: 'runoff-needed', endorsed: [] } };
        break;
      }
    }
    if (rounds.length - 1 < live.length) {
      throw new InputError({ source: race }, `a second vote was given, but the count ended in round ${rounds.length} without one`);
    }
  }

  const end = verdict.end!;
  const result: RaceResult = {
    race,
    kind: input.kind,
    seats: input.seats,
    outcome: end.outcome,
    endorsed: end.endorsed,
    ...(finalists ? { finalists } : {}),
    ...(end.tied ? { tied: end.tied } : {}),
    ...(draws.length ? { lot: { seed: rules.seed!, draw: draws[0]!.draw, draws } } : {}),
    ...(turnout ? { turnout } : {}),
    rounds,
    summary: '',
  };
  result.summary = summarize(result);
  return result;
}

/**
 * The names a voter may choose on the live runoff vote: the finalists, then the
 * "no endorsement" and "abstain" labels (blanks are always allowed). The importer
 * refuses any other choice as invalid-choice, with its row.
 */
export function runoffOptions(result: RaceResult, rules: Rules): string[] {
  const last = result.rounds[result.rounds.length - 1];
  const finalists =
    result.finalists ??
    (result.kind === 'single' && last && last.number > 1 ? last.counts.filter((c) => !c.noEndorsement).map((c) => c.option) : []);
  if (!finalists.length) return [];
  const seen = new Set<string>();
  return [...finalists, ...rules.noEndorsement, ...rules.abstain].filter((name) => {
    const key = nameKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

