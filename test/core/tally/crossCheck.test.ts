import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../../../src/core/rules';
import { tallyRace } from '../../../src/core/tally';

/**
 * The contingent vote (a top-two runoff counted from ranked ballots), written
 * the plain way a teller would do it by hand, to check the tally against.
 * Plain rankings only (no overvotes, skips or repeats), a threshold above half.
 */
function contingentVote(rankings: string[][], candidates: string[], num: number, den: number) {
  const NE = 'No endorsement';
  const reaches = (votes: number, cast: number) => votes > 0 && den * votes >= num * cast;
  const tally = (inRace: string[]) => {
    const votes = new Map(inRace.map((c) => [c, 0]));
    let exhausted = 0;
    for (const ranking of rankings) {
      if (ranking.length === 0) continue; // blank
      const choice = ranking.find((name) => votes.has(name));
      if (choice === undefined) exhausted++;
      else votes.set(choice, votes.get(choice)! + 1);
    }
    const cast = [...votes.values()].reduce((a, b) => a + b, 0);
    return { votes, cast, exhausted };
  };
  const decide = (round: ReturnType<typeof tally>) => {
    const winner = candidates.find((c) => round.votes.has(c) && reaches(round.votes.get(c)!, round.cast));
    return winner;
  };

  const first = tally([...candidates, NE]);
  const winner = decide(first);
  if (winner) return { outcome: 'endorsed', endorsed: [winner], rounds: 1 };
  if (first.cast === 0 || reaches(first.votes.get(NE)!, first.cast) || candidates.length <= 2) return { outcome: 'no-endorsement', endorsed: [], rounds: 1 };
  const byVotes = [...candidates].sort((a, b) => first.votes.get(b)! - first.votes.get(a)!);
  if (first.votes.get(byVotes[1]!) === first.votes.get(byVotes[2]!)) return { outcome: 'tie', endorsed: [], rounds: 1 };
  const runoff = tally([byVotes[0]!, byVotes[1]!, NE]);
  const final = decide(runoff);
  return {
    outcome: final ? 'endorsed' : 'no-endorsement',
    endorsed: final ? [final] : [],
    rounds: 2,
    runoff: { finalists: [byVotes[0], byVotes[1]].sort(), exhausted: runoff.exhausted, cast: runoff.cast },
  };
}

const CANDIDATES = ['Ana', 'Bo', 'Cy', 'Dee', 'Eve'];

const election = fc.integer({ min: 1, max: 5 }).chain((n) => {
  const candidates = CANDIDATES.slice(0, n);
  // A ranking: some candidates (and perhaps "no endorsement") in some order, or nothing at all.
  const ranking = fc.shuffledSubarray([...candidates, 'No endorsement']);
  return fc.record({
    candidates: fc.constant(candidates),
    rankings: fc.array(ranking, { minLength: 1, maxLength: 80 }),
    threshold: fc.constantFrom({ num: 2, den: 3 }, { num: 3, den: 5 }, { num: 3, den: 4 }),
  });
});

describe('cross-check: the contingent vote from ranked ballots', () => {
  it('agrees with a straightforward count done by hand, on random elections', () => {
    fc.assert(
      fc.property(election, ({ candidates, rankings, threshold: { num, den } }) => {
        const expected = contingentVote(rankings, candidates, num, den);
        const result = tallyRace(
          { race: 'Mayor', kind: 'ranked', seats: 1, candidates: [...candidates, 'No endorsement'], ballots: rankings.map((r) => ({ kind: 'ranked', ranks: r.map((name) => [name]) })) },
          parseRules({ threshold: `${num}/${den}`, ties: 'ask' }),
        );
        expect(result.outcome).toBe(expected.outcome);
        expect(result.endorsed).toEqual(expected.endorsed);
        expect(result.rounds).toHaveLength(expected.rounds);
        if (expected.runoff) {
          const runoff = result.rounds[1]!;
          expect(runoff.counts.filter((c) => !c.noEndorsement).map((c) => c.option).sort()).toEqual(expected.runoff.finalists);
          expect(runoff.exhausted).toBe(expected.runoff.exhausted);
          expect(runoff.votesCast).toBe(expected.runoff.cast);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
