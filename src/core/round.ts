/**
 * Counting one round: each ballot goes to the option it ranks highest among
 * those still in the count (or to its one choice), and every ballot that counts
 * for nobody is put aside by why. Nothing is decided here.
 */
import type { RaceOptions } from './options';
import { type ChoiceTotals, OVERVOTE, REPEATED, type RankedSteps, SKIPPED_RANKS } from './piles';
import type { Decision, Inactive, OptionCount, Round, ThresholdInfo } from './result';
import { needed } from './threshold';

export interface RoundCount {
  /** By option index; options not in the round hold 0. */
  votes: number[];
  votesCast: number;
  blank: number;
  exhausted: number;
  invalid: number;
  inactive: Inactive;
}

const noInactive = (): Inactive => ({ overvote: 0, skippedRank: 0, repeated: 0, noMoreChoices: 0 });

/**
 * A single-choice round. On a live second vote a choice of someone no longer in
 * the race is invalid: the voter was told who is on the runoff ballot.
 */
export function countChoices(totals: ChoiceTotals, inRound: readonly boolean[]): RoundCount {
  let invalid = totals.unknown;
  let votesCast = 0;
  const votes = totals.votes.map((v, option) => {
    if (inRound[option]) {
      votesCast += v;
      return v;
    }
    invalid += v;
    return 0;
  });
  return { votes, votesCast, blank: totals.blank, exhausted: 0, invalid, inactive: noInactive() };
}

/** A ranked round: each pile counts for the first option of its steps still in the round. */
export function countRanked(ranked: RankedSteps, inRound: readonly boolean[]): RoundCount {
  const votes = inRound.map(() => 0);
  const inactive = noInactive();
  const { steps, starts, counts } = ranked;
  for (let p = 0; p < counts.length; p++) {
    const count = counts[p]!;
    const end = starts[p + 1]!;
    let s = starts[p]!;
    while (s < end && steps[s]! >= 0 && !inRound[steps[s]!]) s++;
    const step = s < end ? steps[s]! : null;
    if (step === null) inactive.noMoreChoices += count;
    else if (step >= 0) votes[step]! += count;
    else if (step === OVERVOTE) inactive.overvote += count;
    else if (step === SKIPPED_RANKS) inactive.skippedRank += count;
    else if (step === REPEATED) inactive.repeated += count;
  }
  let votesCast = 0;
  for (const v of votes) votesCast += v;
  const exhausted = inactive.overvote + inactive.skippedRank + inactive.repeated + inactive.noMoreChoices;
  return { votes, votesCast, blank: ranked.blank, exhausted, invalid: 0, inactive };
}

/** The options in the round, most votes first; ties in ballot order. */
export function standing(count: RoundCount, inRound: readonly boolean[]): number[] {
  const order: number[] = [];
  inRound.forEach((inIt, option) => inIt && order.push(option));
  return order.sort((a, b) => count.votes[b]! - count.votes[a]! || a - b);
}

export function optionCounts(order: readonly number[], count: RoundCount, options: RaceOptions): OptionCount[] {
  return order.map((o) => ({ option: options.names[o]!, votes: count.votes[o]!, noEndorsement: o === options.noEndorsement }));
}

/** The round as reported: counts by name, most votes first, with the threshold it was held to. */
export function reportRound(
  number: number, label: string, count: RoundCount, order: readonly number[],
  options: RaceOptions, threshold: ThresholdInfo, decisions: Decision[],
): Round {
  const { votesCast, blank, exhausted, invalid, inactive } = count;
  return {
    number, label, counts: optionCounts(order, count, options), votesCast, blank, exhausted, invalid, inactive,
    threshold, needed: needed(votesCast, threshold), decisions,
  };
}
