/** Random small elections for the tally's property tests: few names, so ties and runoffs are common. */
import fc from 'fast-check';
import type { RaceBallot } from '../../../src/core/ballot';
import { parseRules, type Rules } from '../../../src/core/rules';
import { type RaceInput, tallyRace } from '../../../src/core/tally';

export const NAMES = ['Ana', 'Bo', 'Cy', 'Dee'];
const OTHERS = ['No endorsement', 'Abstain'];

export interface Election {
  input: RaceInput;
  rules: Rules;
}

const singleBallot = (names: string[]) =>
  fc.oneof(fc.constantFrom(...names, ...OTHERS), fc.constant(null)).map((choice): RaceBallot => ({ kind: 'single', choice }));

const rank = (names: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...names, 'No endorsement').map((n) => [n]) },
    { weight: 1, arbitrary: fc.constant([] as string[]) },
    // An overvote: two names at one rank ("No endorsement" among them when only one candidate runs).
    { weight: 1, arbitrary: fc.subarray([...names, 'No endorsement'], { minLength: 2, maxLength: 2 }) },
  );
const rankedBallot = (names: string[]) => fc.array(rank(names), { maxLength: 5 }).map((ranks): RaceBallot => ({ kind: 'ranked', ranks }));

const approvalBallot = (names: string[]) =>
  fc.subarray([...names, 'No endorsement']).map((choices): RaceBallot => ({ kind: 'approval', choices }));

/** Counting rules: every threshold, comparison, runoff and tie rule; fixed seed. */
export const countingRules = (names: string[]) =>
  fc
    .record({
      threshold: fc.constantFrom('2/3', '3/5', '1/2', '1/3', '3/4', '60%', 'plurality', 'consensus'),
      comparison: fc.constantFrom('at-least' as const, 'more-than' as const),
      runoff: fc.constantFrom('top-two' as const, 'eliminate-lowest' as const, 'none' as const),
      ties: fc.oneof(fc.constantFrom('all-advance' as const, 'lot' as const, 'ask' as const), fc.shuffledSubarray(names, { minLength: names.length })),
      ranked: fc.record({
        overvote: fc.constantFrom('exhaust' as const, 'skip' as const),
        maxSkippedRanks: fc.constantFrom('unlimited' as const, 0, 1),
        repeated: fc.constantFrom('ignore' as const, 'exhaust' as const),
      }),
    })
    .map((r) => parseRules({ ...r, seed: 'property' }));

/** A race of one kind, its ballots, and the rules; a live second vote when the first one calls for it. */
export const elections = (kinds: RaceInput['kind'][] = ['single', 'ranked', 'approval']): fc.Arbitrary<Election> =>
  fc
    .record({ kind: fc.constantFrom(...kinds), count: fc.integer({ min: 1, max: NAMES.length }), declared: fc.boolean() })
    .chain(({ kind, count, declared }) => {
      const names = NAMES.slice(0, count);
      const ballot = kind === 'single' ? singleBallot(names) : kind === 'ranked' ? rankedBallot(names) : approvalBallot(names);
      return fc.record({
        input: fc.record({
          race: fc.constant('Mayor'),
          kind: fc.constant(kind),
          seats: kind === 'approval' ? fc.integer({ min: 1, max: 2 }) : fc.constant(1),
          candidates: fc.constant<string[] | undefined>(declared ? [...names, 'No endorsement'] : undefined),
          ballots: fc.array(ballot, { maxLength: 40 }),
          secondVote: fc.array(singleBallot(names), { maxLength: 30 }),
        }),
        rules: countingRules(names),
      });
    })
    .map(({ input, rules }) => {
      const { secondVote, candidates, ...first } = input;
      const race: RaceInput = candidates ? { ...first, candidates } : first;
      const needsSecond = race.kind === 'single' && race.seats === 1 && tallyRace(race, rules).outcome === 'runoff-needed';
      return { input: needsSecond ? { ...race, secondVote } : race, rules };
    });

/** The same election with its ballots (and second-vote ballots) in another order. */
export const reordered = (e: Election) =>
  fc
    .tuple(
      fc.shuffledSubarray(e.input.ballots, { minLength: e.input.ballots.length }),
      fc.shuffledSubarray(e.input.secondVote ?? [], { minLength: e.input.secondVote?.length ?? 0 }),
    )
    .map(([ballots, secondVote]): Election => ({
      rules: e.rules,
      input: { ...e.input, ballots, ...(e.input.secondVote ? { secondVote } : {}) },
    }));

export function blankBallot(kind: RaceInput['kind']): RaceBallot {
  if (kind === 'ranked') return { kind, ranks: [] };
  if (kind === 'approval') return { kind, choices: [] };
  return { kind, choice: null };
}
