import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/inputError';
import { tallyRace } from '../../../src/core/tally';
import { race, rankings, rules, singles } from './ballots';

const defaults = rules();

describe('ranked ballots: the runoff is counted from the same ballots', () => {
  const ballots = rankings({ 'Ana > Bo': 18, 'Bo > Ana': 12, 'Cy > Ana': 9, 'Cy > Bo': 1, Cy: 1 });

  it('each ballot counts for the finalist it ranks higher', () => {
    const result = tallyRace(race(ballots), defaults);
    expect(result).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana'] });
    expect(result.rounds.map((r) => r.counts.map((c) => [c.option, c.votes]))).toEqual([
      [['Ana', 18], ['Bo', 12], ['Cy', 11]],
      [['Ana', 27], ['Bo', 13]],
    ]);
    expect(result.summary).toBe(
      'Round 1: nobody reached two-thirds (needed 28 of 41). Runoff between Ana and Bo: Ana 27 of 40, 67.5% — endorsed. Ballots not counted: 1 exhausted.',
    );
  });

  it('a ballot ranking neither finalist is exhausted: not a vote cast', () => {
    const runoff = tallyRace(race(ballots), defaults).rounds[1]!;
    expect(runoff).toMatchObject({ votesCast: 40, exhausted: 1, needed: 27 });
    expect(runoff.inactive).toEqual({ overvote: 0, skippedRank: 0, repeated: 0, noMoreChoices: 1 });
  });

  it('a ballot ranking "no endorsement" above both finalists counts for no endorsement, which is never eliminated', () => {
    const some = rankings({ 'Ana > Bo': 18, 'Bo > Ana': 12, 'Cy > Ana': 6, 'Cy > No endorsement > Ana': 3, 'Cy > Bo': 1, Cy: 1 });
    const result = tallyRace(race(some), defaults);
    expect(result.rounds[0]!.counts.map((c) => [c.option, c.votes])).toEqual([['Ana', 18], ['Bo', 12], ['Cy', 11], ['No endorsement', 0]]);
    expect(result.rounds[1]!.counts.map((c) => [c.option, c.votes])).toEqual([['Ana', 24], ['Bo', 13], ['No endorsement', 3]]);
    expect(result.outcome).toBe('no-endorsement'); // 24 of 40 is under two-thirds (27)
  });

  it('with two candidates there is no runoff, and no second vote is expected', () => {
    const result = tallyRace(race(rankings({ 'Ana > Bo': 20, 'Bo > Ana': 15 })), defaults);
    expect(result).toMatchObject({ outcome: 'no-endorsement', rounds: [expect.objectContaining({ number: 1 })] });
    expect(() => tallyRace(race(ballots, { secondVote: singles({ Ana: 1 }) }), defaults)).toThrow(InputError);
  });

  it('a blank ranking, or one marking only "Abstain", is blank', () => {
    const result = tallyRace(race([...ballots, ...rankings({ '': 2, Abstain: 1, '_ > abstain': 1 })]), defaults);
    expect(result.rounds[0]).toMatchObject({ blank: 4, votesCast: 41, exhausted: 0 });
  });
});

describe('irregular rankings follow RCTab\'s rules, counted by kind', () => {
  const base = rankings({ 'Ana > Bo': 18, 'Bo > Ana': 12, 'Cy > Ana': 9 });

  it('two names at one rank: the ballot counts until it reaches that rank, then is exhausted', () => {
    const result = tallyRace(race([...base, ...rankings({ 'Cy > Ana = Bo': 2, 'Ana = Bo > Cy': 1 })]), defaults);
    expect(result.rounds[0]!.counts.find((c) => c.option === 'Cy')!.votes).toBe(11);
    expect(result.rounds[0]!.inactive.overvote).toBe(1);
    expect(result.rounds[1]!.inactive.overvote).toBe(3);
    expect(result.rounds[1]!.exhausted).toBe(3);
  });

  it('with overvote: skip, the overvoted rank is passed over instead', () => {
    const result = tallyRace(race([...base, ...rankings({ 'Ana = Bo > Cy': 1 })]), rules({ ranked: { overvote: 'skip' } }));
    expect(result.rounds[0]!.counts.find((c) => c.option === 'Cy')!.votes).toBe(10);
    expect(result.rounds[0]!.inactive.overvote).toBe(0);
  });

  it('skipped ranks are skipped over, unless the rules limit them', () => {
    const skipping = [...base, ...rankings({ '_ > Ana': 1, 'Cy > _ > _ > Bo': 1 })];
    const unlimited = tallyRace(race(skipping), defaults);
    expect(unlimited.rounds[0]!.counts.find((c) => c.option === 'Ana')!.votes).toBe(19);
    expect(unlimited.rounds[1]!.counts.find((c) => c.option === 'Bo')!.votes).toBe(13);
    const strict = tallyRace(race(skipping), rules({ ranked: { maxSkippedRanks: 1 } }));
    expect(strict.rounds[0]!.counts.find((c) => c.option === 'Ana')!.votes).toBe(19);
    expect(strict.rounds[1]!.inactive.skippedRank).toBe(1);
    const none = tallyRace(race(skipping), rules({ ranked: { maxSkippedRanks: 0 } }));
    expect(none.rounds[0]!.inactive.skippedRank).toBe(1);
  });

  it('a name ranked twice: the repeat is ignored, unless the rules exhaust the ballot', () => {
    const repeating = [...base, ...rankings({ 'Cy > cy > Ana': 2 })];
    expect(tallyRace(race(repeating), defaults).rounds[1]!.counts.find((c) => c.option === 'Ana')!.votes).toBe(29);
    const strict = tallyRace(race(repeating), rules({ ranked: { repeated: 'exhaust' } }));
    expect(strict.rounds[1]!.inactive.repeated).toBe(2);
    expect(strict.rounds[1]!.counts.find((c) => c.option === 'Ana')!.votes).toBe(27);
  });
});

describe('ranked ballots under eliminate-lowest', () => {
  it('drops the last candidate, round after round, until someone reaches two-thirds', () => {
    const ballots = rankings({ 'Ana > Dee': 14, 'Bo > Ana': 10, 'Cy > Bo > Ana': 8, 'Dee > Cy': 6, 'No endorsement': 2 });
    const result = tallyRace(race(ballots), rules({ runoff: 'eliminate-lowest' }));
    expect(result.rounds.map((r) => r.label)).toEqual(['Round 1', 'Round 2', 'Round 3', 'Round 4']);
    expect(result.rounds.map((r) => r.decisions.filter((d) => d.kind === 'eliminated').flatMap((d) => d.options))).toEqual([['Dee'], ['Bo'], ['Cy'], []]);
    // Round 2: Dee's 6 go to Cy. Round 3: Bo's 10 go to Ana; Cy keeps "Cy > Bo > Ana".
    expect(result.rounds[2]!.counts.map((c) => [c.option, c.votes])).toEqual([['Ana', 24], ['Cy', 14], ['No endorsement', 2]]);
    // Round 4: "Cy > Bo > Ana" reaches Ana; "Dee > Cy" ranks nobody left and is exhausted: 32 of 34.
    expect(result.rounds[3]).toMatchObject({ votesCast: 34, exhausted: 6, needed: 23 });
    expect(result.rounds[3]!.counts.map((c) => [c.option, c.votes])).toEqual([['Ana', 32], ['No endorsement', 2]]);
    expect(result).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana'] });
  });

  it('stops with no endorsement when one candidate is left short of the threshold', () => {
    const ballots = rankings({ 'Ana': 20, 'Bo > No endorsement': 8, 'No endorsement': 5 });
    const result = tallyRace(race(ballots), rules({ runoff: 'eliminate-lowest' }));
    expect(result.rounds.map((r) => r.counts.map((c) => [c.option, c.votes]))).toEqual([
      [['Ana', 20], ['Bo', 8], ['No endorsement', 5]],
      [['Ana', 20], ['No endorsement', 13]],
    ]);
    expect(result.outcome).toBe('no-endorsement');
  });
});
