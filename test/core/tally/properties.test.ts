import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../../../src/core/rules';
import { type RaceInput, tallyRace } from '../../../src/core/tally';
import { blankBallot, elections, reordered } from './elections';

const runs = { numRuns: 400 };

describe('what any tally must keep, on random elections', () => {
  it('the order of the ballots never matters', () => {
    fc.assert(
      fc.property(elections().chain((e) => fc.tuple(fc.constant(e), reordered(e))), ([e, shuffled]) => {
        expect(tallyRace(shuffled.input, shuffled.rules)).toEqual(tallyRace(e.input, e.rules));
      }),
      runs,
    );
  });

  it('adding a blank ballot never changes an outcome', () => {
    fc.assert(
      fc.property(elections(), fc.constantFrom('blank', 'Abstain'), (e, how) => {
        const blank = how === 'blank' || e.input.kind !== 'single' ? blankBallot(e.input.kind) : { kind: 'single' as const, choice: 'Abstain' };
        const before = tallyRace(e.input, e.rules);
        const after = tallyRace({ ...e.input, ballots: [...e.input.ballots, blank] }, e.rules);
        const { outcome, endorsed, finalists, tied, lot } = before;
        expect({ outcome: after.outcome, endorsed: after.endorsed, finalists: after.finalists, tied: after.tied, lot: after.lot }).toEqual({ outcome, endorsed, finalists, tied, lot });
        expect(after.rounds[0]!.blank).toBe(before.rounds[0]!.blank + 1);
        expect(after.rounds.map((r) => r.counts)).toEqual(before.rounds.map((r) => r.counts));
      }),
      runs,
    );
  });

  it("every round's counts add up to its votes cast, and with the ballots put aside, to every ballot", () => {
    fc.assert(
      fc.property(elections(), (e) => {
        const result = tallyRace(e.input, e.rules);
        for (const round of result.rounds) {
          // Ranked ballots are counted again in every round; a single-choice round 2 is the second vote.
          const ballots = round.number === 1 || e.input.kind === 'ranked' ? e.input.ballots : e.input.secondVote!;
          const inactive = round.inactive.overvote + round.inactive.skippedRank + round.inactive.repeated + round.inactive.noMoreChoices;
          expect(round.exhausted).toBe(inactive);
          expect(round.votesCast + round.exhausted + round.blank + round.invalid).toBe(ballots.length);
          const total = round.counts.reduce((sum, c) => sum + c.votes, 0);
          if (result.seats === 1 && result.kind !== 'approval') expect(total).toBe(round.votesCast);
          else for (const c of round.counts) expect(c.votes).toBeLessThanOrEqual(round.votesCast);
        }
      }),
      runs,
    );
  });

  it('a result is identical on re-run, including a draw by lot, and leaves its input untouched', () => {
    fc.assert(
      fc.property(elections(), (e) => {
        const input = JSON.stringify(e.input);
        const first = tallyRace(e.input, e.rules);
        expect(tallyRace(JSON.parse(input) as RaceInput, e.rules)).toEqual(first);
        expect(JSON.stringify(e.input)).toBe(input);
      }),
      runs,
    );
  });

  it('raising the threshold never turns no endorsement into an endorsement', () => {
    // From the lowest bar to the highest: "more than 1/3" asks more than "at least 1/3", less than "at least 2/5".
    const bars = ['1/3', '2/5', '1/2', '3/5', '2/3', '3/4', '4/5']
      .flatMap((threshold) => [{ threshold, comparison: 'at-least' as const }, { threshold, comparison: 'more-than' as const }])
      .concat({ threshold: 'consensus', comparison: 'at-least' });
    const raise = fc.tuple(fc.nat(bars.length - 1), fc.nat(bars.length - 1)).map(([a, b]) => [bars[Math.min(a, b)]!, bars[Math.max(a, b)]!]);
    fc.assert(
      fc.property(elections(), raise, (e, [low, high]) => {
        const input = { ...e.input, secondVote: undefined };
        if (tallyRace(input, parseRules({ ...e.rules, ...low })).outcome === 'no-endorsement') {
          expect(tallyRace(input, parseRules({ ...e.rules, ...high })).outcome).not.toBe('endorsed');
        }
      }),
      { numRuns: 1000 },
    );
  });
});
