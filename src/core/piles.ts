/**
 * Tellers sort identical ballots into piles and count each pile once. So do we:
 * a million single-choice ballots make a handful of piles, and every round is
 * counted over the piles, so memory follows the number of distinct ballots.
 */
import type { BallotKind, RaceBallot } from './ballot';
import { InputError } from './inputError';
import { BLANK, type RaceOptions, UNKNOWN } from './options';
import type { Rules } from './rules';

/** Identical ballots (as written, before names are matched) with how many voters cast each. */
export interface Piles<T> {
  marks: T[];
  counts: number[];
}

function pile<T>(ballots: readonly RaceBallot[], race: string, kind: BallotKind, read: (b: RaceBallot) => T, keyOf: (m: T) => unknown): Piles<T> {
  const at = new Map<unknown, number>();
  const piles: Piles<T> = { marks: [], counts: [] };
  for (const ballot of ballots) {
    if (ballot.kind !== kind && !(kind === 'approval' && ballot.kind === 'single')) {
      throw new InputError({ source: race }, `a ${ballot.kind} ballot in a ${kind} race`);
    }
    const marks = read(ballot);
    const key = keyOf(marks);
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, piles.marks.length);
      piles.marks.push(marks);
      piles.counts.push(1);
    } else {
      piles.counts[i]! += 1;
    }
  }
  return piles;
}

export function pileSingle(ballots: readonly RaceBallot[], race: string): Piles<string | null> {
  return pile(ballots, race, 'single', (b) => (b as { choice: string | null }).choice, (m) => m);
}

export function pileRanked(ballots: readonly RaceBallot[], race: string): Piles<string[][]> {
  return pile(ballots, race, 'ranked', (b) => (b as { ranks: string[][] }).ranks, (m) => JSON.stringify(m));
}

/** A single-choice ballot in a "choose up to N" race is an approval of one name. */
export function pileApproval(ballots: readonly RaceBallot[], race: string): Piles<string[]> {
  const read = (b: RaceBallot) => (b.kind === 'single' ? (b.choice === null ? [] : [b.choice]) : (b as { choices: string[] }).choices);
  return pile(ballots, race, 'approval', read, (m) => JSON.stringify(m));
}

/** Every name written on the piles, for `raceOptions`. */
export function* namesOn(piles: Piles<string | null | string[] | string[][]>): Generator<string> {
  for (const marks of piles.marks) {
    if (typeof marks === 'string') yield marks;
    if (!Array.isArray(marks)) continue;
    for (const m of marks) {
      if (typeof m === 'string') yield m;
      else yield* m;
    }
  }
}

/** Single-choice ballots, counted once per option: the whole of a single-choice round. */
export interface ChoiceTotals {
  votes: number[];
  blank: number;
  /** Names that are not options (only on a live second vote). */
  unknown: number;
}

export function choiceTotals(piles: Piles<string | null>, options: RaceOptions): ChoiceTotals {
  const totals: ChoiceTotals = { votes: options.names.map(() => 0), blank: 0, unknown: 0 };
  piles.marks.forEach((mark, i) => {
    const option = mark === null ? BLANK : options.indexOf(mark);
    const count = piles.counts[i]!;
    if (option === BLANK) totals.blank += count;
    else if (option === UNKNOWN) totals.unknown += count;
    else totals.votes[option]! += count;
  });
  return totals;
}

/** Where a ranked ballot stops counting, recorded among its steps. */
export const OVERVOTE = -1;
export const SKIPPED_RANKS = -2;
export const REPEATED = -3;

/**
 * Ranked piles, each read once into the options it would count for, in order,
 * ending at a stop (OVERVOTE, SKIPPED_RANKS, REPEATED) when the rules say so.
 * Pile p's steps are steps[starts[p]] .. steps[starts[p + 1] - 1].
 */
export interface RankedSteps {
  steps: Int32Array;
  starts: Int32Array;
  counts: number[];
  blank: number;
}

/** One ranked ballot's steps; null when it marks nothing (a blank). */
export function stepsOf(ranks: readonly (readonly string[])[], options: RaceOptions, rules: Rules['ranked']): number[] | null {
  const steps: number[] = [];
  const ranked = new Set<number>();
  let marked = false;
  let skipped = 0;
  for (const rank of ranks) {
    const here = [...new Set(rank.map((m) => options.indexOf(m)).filter((o) => o >= 0))];
    if (here.length === 0) {
      skipped += 1;
      continue;
    }
    marked = true;
    // RCTab: the ballot stops when it reaches more skipped ranks in a row than allowed.
    if (rules.maxSkippedRanks !== 'unlimited' && skipped > rules.maxSkippedRanks) return stop(steps, SKIPPED_RANKS);
    skipped = 0;
    const repeats = here.filter((o) => ranked.has(o));
    if (repeats.length && rules.repeated === 'exhaust') return stop(steps, REPEATED);
    // A repeated name is ignored before the rank is judged, so "A" then "A, B" reads as A then B.
    const fresh = here.filter((o) => !ranked.has(o));
    if (fresh.length > 1) {
      if (rules.overvote === 'exhaust') return stop(steps, OVERVOTE);
      continue;
    }
    if (fresh.length === 1) {
      ranked.add(fresh[0]!);
      steps.push(fresh[0]!);
    }
  }
  return marked ? steps : null;
}

function stop(steps: number[], why: number): number[] {
  steps.push(why);
  return steps;
}

export function rankedSteps(piles: Piles<string[][]>, options: RaceOptions, rules: Rules['ranked']): RankedSteps {
  const all: number[] = [];
  const starts: number[] = [0];
  const counts: number[] = [];
  let blank = 0;
  piles.marks.forEach((ranks, i) => {
    const steps = stepsOf(ranks, options, rules);
    if (steps === null) {
      blank += piles.counts[i]!;
      return;
    }
    for (const s of steps) all.push(s);
    starts.push(all.length);
    counts.push(piles.counts[i]!);
  });
  return { steps: Int32Array.from(all), starts: Int32Array.from(starts), counts, blank };
}
