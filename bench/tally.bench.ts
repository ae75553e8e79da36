/**
 * The tally at the sizes issue 3 names: 1,000,000 single-choice ballots for one
 * race, and 200,000 ranked ballots over 10 candidates. Each should take under
 * 0.5 s on our 2-core machine, with memory following the distinct ballots.
 */
import type { RaceBallot } from '../src/core/ballot.js';
import { mulberry32 } from '../src/core/lot.js';
import { DEFAULT_RULES } from '../src/core/rules.js';
import { tallyRace } from '../src/core/tally.js';
import { bestOf, type Figure, heapGrowthMiB } from './figure.js';

const CANDIDATES = ['Ana Diaz', 'Bo Li', 'Cy Wu', 'Dee Ray', 'Eve Moss', 'Fay Ito', 'Gus Park', 'Hal Kim', 'Ida Roy', 'Jo Bell'];

/** Picks index i with probability proportional to weights[i]. */
function picker(weights: number[], random: () => number): (exclude: Set<number>) => number {
  return (exclude) => {
    let total = 0;
    weights.forEach((w, i) => !exclude.has(i) && (total += w));
    let r = random() * total;
    for (let i = 0; i < weights.length; i++) {
      if (exclude.has(i)) continue;
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.findIndex((_, i) => !exclude.has(i));
  };
}

function singleBallots(n: number): RaceBallot[] {
  const random = mulberry32(1);
  const options = [...CANDIDATES.slice(0, 4), 'No endorsement', ' ana diaz ', null];
  const pick = picker([40, 25, 15, 5, 8, 2, 5], random);
  return Array.from({ length: n }, () => ({ kind: 'single' as const, choice: options[pick(new Set())]! }));
}

/** Partial rankings, most of three to five names, drawn by popularity so some rankings repeat. */
function rankedBallots(n: number): RaceBallot[] {
  const random = mulberry32(2);
  const pick = picker([30, 22, 15, 10, 8, 6, 4, 2, 2, 1], random);
  return Array.from({ length: n }, () => {
    const length = 1 + Math.floor(random() * random() * CANDIDATES.length);
    const chosen = new Set<number>();
    const ranks: string[][] = [];
    for (let r = 0; r < length; r++) {
      const i = pick(chosen);
      chosen.add(i);
      ranks.push([CANDIDATES[i]!]);
    }
    return { kind: 'ranked' as const, ranks };
  });
}

export default async function tallyFigures(): Promise<Figure[]> {
  const singles = singleBallots(1_000_000);
  const ranked = rankedBallots(200_000);
  const distinct = new Set(ranked.map((b) => JSON.stringify(b))).size;
  const singleRace = { race: 'Mayor', kind: 'single' as const, seats: 1, ballots: singles };
  const rankedRace = { race: 'Council', kind: 'ranked' as const, seats: 1, ballots: ranked };
  const rules = { ...DEFAULT_RULES, runoff: 'eliminate-lowest' as const };

  const single = bestOf(5, () => tallyRace(singleRace, DEFAULT_RULES));
  const singleHeap = heapGrowthMiB(() => tallyRace(singleRace, DEFAULT_RULES));
  const rank = bestOf(5, () => tallyRace(rankedRace, rules));
  const rankHeap = heapGrowthMiB(() => tallyRace(rankedRace, rules));
  return [
    { name: 'tally 1,000,000 single-choice ballots, one race', value: single.ms, unit: 'ms', target: '< 500 ms' },
    { name: 'heap growth, 1,000,000 single-choice ballots', value: singleHeap.mib, unit: 'MiB' },
    { name: `tally 200,000 ranked ballots over 10 candidates (${rank.result.rounds.length} rounds)`, value: rank.ms, unit: 'ms', target: '< 500 ms' },
    { name: `heap growth, 200,000 ranked ballots (${distinct} distinct)`, value: rankHeap.mib, unit: 'MiB' },
  ];
}
