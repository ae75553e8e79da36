import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/inputError';
import { runoffOptions, tallyRace } from '../../../src/core/tally';
import { race, rules, singles } from './ballots';

const ballot = ['Ana Diaz', 'Bo Li', 'Cy Wu', 'No endorsement'];
const defaults = rules();

describe('single-choice ballots, two-thirds by default', () => {
  it('a candidate with at least two-thirds of the votes cast is endorsed in round 1', () => {
    const result = tallyRace(race(singles({ 'Ana Diaz': 28, 'Bo Li': 10, 'Cy Wu': 3 }), { candidates: ballot }), defaults);
    expect(result).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana Diaz'] });
    expect(result.rounds).toHaveLength(1);
    expect(result.rounds[0]).toMatchObject({ votesCast: 41, needed: 28 });
    expect(result.rounds[0]!.decisions.map((d) => d.kind)).toEqual(['reached-threshold', 'endorsed']);
  });

  it('a runoff is needed when nobody reaches two-thirds of the votes cast', () => {
    const result = tallyRace(race(singles({ 'Ana Diaz': 20, 'Bo Li': 12, 'Cy Wu': 9 }), { candidates: ballot }), defaults);
    expect(result).toMatchObject({ outcome: 'runoff-needed', endorsed: [], finalists: ['Ana Diaz', 'Bo Li'] });
    expect(result.rounds[0]!.decisions.map((d) => d.kind)).toEqual(['advanced', 'runoff-needed']);
    expect(result.summary).toContain('Round 1: nobody reached two-thirds (needed 28 of 41).');
  });

  it('counts every option, most votes first, ties in ballot order, eliminated names left out of later rounds', () => {
    const result = tallyRace(
      race(singles({ 'Cy Wu': 9, 'Bo Li': 9, 'Ana Diaz': 20 }), { candidates: ballot, secondVote: singles({ 'Ana Diaz': 5, 'Cy Wu': 6 }) }),
      rules({ ties: ['Cy Wu', 'Bo Li'] }),
    );
    expect(result.rounds[0]!.counts).toEqual([
      { option: 'Ana Diaz', votes: 20, noEndorsement: false },
      { option: 'Bo Li', votes: 9, noEndorsement: false },
      { option: 'Cy Wu', votes: 9, noEndorsement: false },
      { option: 'No endorsement', votes: 0, noEndorsement: true },
    ]);
    expect(result.rounds[1]!.counts.map((c) => c.option)).toEqual(['Cy Wu', 'Ana Diaz', 'No endorsement']);
  });

  it('blank ballots and abstentions are not votes cast', () => {
    // 24 of 36 is exactly two-thirds; counting the 8 blanks would make it 24 of 44.
    const result = tallyRace(race(singles({ 'Ana Diaz': 24, 'Bo Li': 12, '': 5, Abstain: 2, ' abstain ': 1 })), defaults);
    expect(result.outcome).toBe('endorsed');
    expect(result.rounds[0]).toMatchObject({ votesCast: 36, blank: 8 });
    expect(result.summary).toContain('Ballots not counted: 8 blank.');
  });

  it('"no endorsement" is a real vote: it counts in the total', () => {
    expect(tallyRace(race(singles({ 'Ana Diaz': 24, 'Bo Li': 6, 'No endorsement': 6 })), defaults).outcome).toBe('endorsed');
    const short = tallyRace(race(singles({ 'Ana Diaz': 24, 'Bo Li': 6, 'no  ENDORSEMENT': 7 })), defaults);
    expect(short.outcome).toBe('no-endorsement'); // 24 of 37; two candidates: nothing to run off
    expect(short.rounds[0]!.votesCast).toBe(37);
    expect(short.rounds[0]!.counts.find((c) => c.noEndorsement)).toEqual({ option: 'no ENDORSEMENT', votes: 7, noEndorsement: true });
  });

  it('under "more than two-thirds", exactly two-thirds is not enough (24–12)', () => {
    const ballots = singles({ 'Ana Diaz': 24, 'Bo Li': 12 });
    expect(tallyRace(race(ballots), defaults).outcome).toBe('endorsed');
    expect(tallyRace(race(ballots), rules({ comparison: 'more-than' })).outcome).toBe('no-endorsement');
    expect(tallyRace(race(singles({ 'Ana Diaz': 23, 'Bo Li': 11 })), rules({ comparison: 'more-than' })).outcome).toBe('endorsed');
    expect(tallyRace(race(singles({ 'Ana Diaz': 22, 'Bo Li': 12 })), defaults).outcome).toBe('no-endorsement');
  });

  it('35 of 53 is over 66% but under two-thirds', () => {
    const ballots = singles({ 'Ana Diaz': 35, 'Bo Li': 18 });
    expect(tallyRace(race(ballots), defaults).outcome).toBe('no-endorsement');
    expect(tallyRace(race(ballots), rules({ threshold: '66%', comparison: 'more-than' })).outcome).toBe('endorsed');
  });

  it('a single candidate against "no endorsement" needs two-thirds, with no runoff', () => {
    expect(tallyRace(race(singles({ 'Ana Diaz': 20, 'No endorsement': 10 })), defaults).outcome).toBe('endorsed');
    const result = tallyRace(race(singles({ 'Ana Diaz': 19, 'No endorsement': 11 })), defaults);
    expect(result).toMatchObject({ outcome: 'no-endorsement', endorsed: [] });
    expect(result.rounds).toHaveLength(1);
  });

  it('"no endorsement" reaching two-thirds ends the vote without a runoff', () => {
    const result = tallyRace(race(singles({ 'Ana Diaz': 5, 'Bo Li': 4, 'Cy Wu': 3, 'No endorsement': 30 })), defaults);
    expect(result.outcome).toBe('no-endorsement');
    expect(result.rounds[0]!.decisions).toEqual([expect.objectContaining({ kind: 'no-endorsement', options: ['No endorsement'] })]);
    expect(result.summary).toBe('Round 1: No endorsement 30 of 42, 71.4% — no endorsement.');
  });

  it('with two candidates there is nothing to run off: round 1 is final', () => {
    const result = tallyRace(race(singles({ 'Ana Diaz': 20, 'Bo Li': 15, 'No endorsement': 5 })), defaults);
    expect(result).toMatchObject({ outcome: 'no-endorsement', rounds: [expect.objectContaining({ number: 1 })] });
  });

  it('consensus is broken by a single "no endorsement" vote', () => {
    const consensus = rules({ threshold: 'consensus' });
    expect(tallyRace(race(singles({ 'Ana Diaz': 30 })), consensus).outcome).toBe('endorsed');
    expect(tallyRace(race(singles({ 'Ana Diaz': 30, 'No endorsement': 1 })), consensus).outcome).toBe('no-endorsement');
  });

  it('plurality: the most votes wins, however few', () => {
    const plurality = rules({ threshold: 'plurality' });
    const result = tallyRace(race(singles({ 'Ana Diaz': 10, 'Bo Li': 9, 'Cy Wu': 8 })), plurality);
    expect(result).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana Diaz'] });
    expect(result.rounds[0]!.needed).toBeNull();
    expect(result.summary).toBe('Round 1: Ana Diaz 10 of 27, 37.0%, the most votes — endorsed.');
    expect(tallyRace(race(singles({ 'Ana Diaz': 10, 'Bo Li': 9, 'No endorsement': 11 })), plurality).outcome).toBe('no-endorsement');
    expect(tallyRace(race(singles({ 'Ana Diaz': 10, 'No endorsement': 10 })), plurality).outcome).toBe('no-endorsement');
  });

  it("the national program's 60%: 30 of 50 is enough, 29 is not", () => {
    const sixty = rules({ threshold: '60%' });
    expect(tallyRace(race(singles({ 'Ana Diaz': 30, 'Bo Li': 20 })), sixty).outcome).toBe('endorsed');
    const result = tallyRace(race(singles({ 'Ana Diaz': 29, 'Bo Li': 21 })), sixty);
    expect(result.outcome).toBe('no-endorsement');
    expect(result.rounds[0]!.threshold.words).toBe('at least 60%');
    expect(result.summary).toContain('nobody reached 60% (needed 30 of 50)');
  });

  it('nobody is endorsed when no votes are cast', () => {
    const result = tallyRace(race(singles({ '': 4 }), { candidates: ballot }), defaults);
    expect(result).toMatchObject({ outcome: 'no-endorsement', endorsed: [] });
    expect(result.rounds[0]).toMatchObject({ votesCast: 0, blank: 4 });
  });

  it('matches names however they are spaced or capitalized, and reports them as the ballot prints them', () => {
    const result = tallyRace(race(singles({ ' ana  DIAZ ': 20, 'Ana Diaz': 8, 'bo li': 10 }), { candidates: ['Ana Diaz', 'Bo Li'] }), defaults);
    expect(result.rounds[0]!.counts.map((c) => [c.option, c.votes])).toEqual([['Ana Diaz', 28], ['Bo Li', 10]]);
    const undeclared = tallyRace(race(singles({ ' ana  DIAZ ': 20, 'Ana Diaz': 8 })), defaults);
    expect(undeclared.endorsed).toEqual(['ana DIAZ']);
  });
});

describe('the live runoff vote of a single-choice race', () => {
  const firstVote = singles({ 'Ana Diaz': 20, 'Bo Li': 12, 'Cy Wu': 9 });

  it('is tallied as round 2 and read aloud with round 1', () => {
    const result = tallyRace(race(firstVote, { candidates: ballot, secondVote: singles({ 'Ana Diaz': 30, 'Bo Li': 10 }) }), defaults);
    expect(result).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana Diaz'] });
    expect(result.finalists).toBeUndefined();
    expect(result.rounds.map((r) => r.label)).toEqual(['Round 1', 'Runoff']);
    expect(result.summary).toBe(
      'Round 1: nobody reached two-thirds (needed 28 of 41). Runoff between Ana Diaz and Bo Li: Ana Diaz 30 of 40, 75% — endorsed.',
    );
  });

  it('needs two-thirds again; without it the group does not endorse', () => {
    const result = tallyRace(race(firstVote, { candidates: ballot, secondVote: singles({ 'Ana Diaz': 24, 'Bo Li': 14, 'No endorsement': 2 }) }), defaults);
    expect(result.outcome).toBe('no-endorsement');
    expect(result.rounds[1]).toMatchObject({ votesCast: 40, needed: 27 });
  });

  it('counts a vote for someone not in the runoff as invalid, not as a vote cast', () => {
    const result = tallyRace(
      race(firstVote, { candidates: ballot, secondVote: singles({ 'Ana Diaz': 30, 'Bo Li': 8, 'Cy Wu': 2, 'Dee Ray': 1, '': 3 }) }),
      defaults,
    );
    expect(result.rounds[1]).toMatchObject({ votesCast: 38, invalid: 3, blank: 3 });
    expect(result.rounds[1]!.counts.map((c) => c.option)).toEqual(['Ana Diaz', 'Bo Li', 'No endorsement']);
  });

  it('lists the names the importer must accept on the second vote', () => {
    const result = tallyRace(race(firstVote, { candidates: ballot }), rules({ noEndorsement: ['No endorsement', 'None of them'] }));
    expect(runoffOptions(result, rules({ noEndorsement: ['No endorsement', 'None of them'] }))).toEqual([
      'Ana Diaz', 'Bo Li', 'No endorsement', 'None of them', 'Abstain',
    ]);
    const decided = tallyRace(race(singles({ 'Ana Diaz': 30, 'Bo Li': 3, 'Cy Wu': 2 })), defaults);
    expect(runoffOptions(decided, defaults)).toEqual([]);
  });

  it('refuses a second vote the rules did not call for', () => {
    const decided = race(singles({ 'Ana Diaz': 30, 'Bo Li': 3, 'Cy Wu': 2 }), { secondVote: singles({ 'Ana Diaz': 1 }) });
    expect(() => tallyRace(decided, defaults)).toThrow(InputError);
    expect(() => tallyRace(decided, defaults)).toThrow('the count ended in round 1');
  });

  it('under eliminate-lowest, holds one more vote per eliminated candidate', () => {
    const eliminate = rules({ runoff: 'eliminate-lowest' });
    const four = singles({ 'Ana Diaz': 15, 'Bo Li': 12, 'Cy Wu': 9, 'Dee Ray': 4 });
    const first = tallyRace(race(four), eliminate);
    expect(first).toMatchObject({ outcome: 'runoff-needed', finalists: ['Ana Diaz', 'Bo Li', 'Cy Wu'] });
    const second = tallyRace(race(four, { secondVote: singles({ 'Ana Diaz': 18, 'Bo Li': 14, 'Cy Wu': 8 }) }), eliminate);
    expect(second).toMatchObject({ outcome: 'runoff-needed', finalists: ['Ana Diaz', 'Bo Li'] });
    expect(runoffOptions(second, eliminate).slice(0, 2)).toEqual(['Ana Diaz', 'Bo Li']);
    const third = tallyRace(race(four, { secondVote: singles({ 'Ana Diaz': 18, 'Bo Li': 14, 'Cy Wu': 8 }), laterVotes: [singles({ 'Ana Diaz': 27, 'Bo Li': 13 })] }), eliminate);
    expect(third).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana Diaz'] });
    expect(third.rounds.map((r) => r.label)).toEqual(['Round 1', 'Round 2', 'Round 3']);
  });
});

describe('the quorum', () => {
  const quorum = rules({ minTurnout: '1/4' });
  const ballots = singles({ 'Ana Diaz': 40, 'Bo Li': 9 });

  it('below the quorum the vote decides nothing', () => {
    const result = tallyRace(race(ballots, { turnout: { voted: 49, eligible: 200 } }), quorum);
    expect(result).toMatchObject({ outcome: 'no-quorum', endorsed: [], turnout: { voted: 49, eligible: 200, needed: 50, met: false } });
    expect(result.rounds[0]!.decisions.map((d) => d.kind)).toEqual(['no-quorum']);
  });

  it('at the quorum the vote counts', () => {
    const result = tallyRace(race(ballots, { turnout: { voted: 50, eligible: 200 } }), quorum);
    expect(result).toMatchObject({ outcome: 'endorsed', turnout: { needed: 50, met: true } });
  });

  it('cannot be judged without the turnout', () => {
    expect(() => tallyRace(race(ballots), quorum)).toThrow('the turnout is not known');
  });
});
