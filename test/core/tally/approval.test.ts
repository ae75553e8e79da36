import { describe, expect, it } from 'vitest';
import { RulesError } from '../../../src/core/rules';
import { tallyRace } from '../../../src/core/tally';
import { approvals, race, rankings, rules, singles } from './ballots';

const twoSeats = (ballots: ReturnType<typeof approvals>) => race(ballots, { kind: 'approval', seats: 2 });

describe('two seats: a "choose up to 2" question', () => {
  it('endorses each candidate approved on at least two-thirds of the non-blank ballots', () => {
    const result = tallyRace(twoSeats(approvals({ 'Ana, Bo': 25, Ana: 5, 'Bo, Cy': 3, Cy: 7, '': 3 })), rules());
    expect(result).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana', 'Bo'] });
    expect(result.rounds[0]).toMatchObject({ votesCast: 40, blank: 3, needed: 27 });
    expect(result.rounds[0]!.counts.map((c) => [c.option, c.votes])).toEqual([['Ana', 30], ['Bo', 28], ['Cy', 10]]);
    expect(result.summary).toBe(
      'Up to 2 may be endorsed, each needing at least two-thirds of 40 ballots (27): Ana 30 of 40, 75% — endorsed; Bo 28 of 40, 70% — endorsed; Cy 10 of 40, 25%. Ballots not counted: 3 blank.',
    );
  });

  it('endorses one, or none, when fewer reach the threshold', () => {
    expect(tallyRace(twoSeats(approvals({ 'Ana, Bo': 20, Ana: 10, Cy: 10 })), rules())).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana'] });
    expect(tallyRace(twoSeats(approvals({ 'Ana, Bo': 20, Cy: 20 })), rules())).toMatchObject({ outcome: 'no-endorsement', endorsed: [] });
  });

  it('endorses the best two at most when three reach the threshold', () => {
    const result = tallyRace(twoSeats(approvals({ 'Ana, Bo': 15, 'Ana, Cy': 14, 'Bo, Cy': 11 })), rules({ threshold: '3/5' }));
    expect(result).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana', 'Bo'] });
    expect(result.rounds[0]!.decisions.find((d) => d.kind === 'eliminated')!.options).toEqual(['Cy']);
  });

  it('counts a "no endorsement" ballot among the ballots each candidate needs two-thirds of', () => {
    const result = tallyRace(twoSeats(approvals({ 'Ana, Bo': 27, 'No endorsement': 13 })), rules());
    expect(result).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana', 'Bo'] });
    const more = tallyRace(twoSeats(approvals({ 'Ana, Bo': 27, 'No endorsement': 14 })), rules());
    expect(more.outcome).toBe('no-endorsement'); // 27 of 41 < 28
  });

  it('does not count a ballot approving more candidates than there are seats (an overvote)', () => {
    const result = tallyRace(twoSeats(approvals({ 'Ana, Bo': 27, 'Ana, Bo, Cy': 2, Cy: 13 })), rules());
    expect(result.rounds[0]).toMatchObject({ votesCast: 40, exhausted: 2, inactive: { overvote: 2 } });
    expect(result.endorsed).toEqual(['Ana', 'Bo']);
  });

  it('reads a single-choice ballot as the approval of one name', () => {
    const result = tallyRace(race(singles({ Ana: 3, '': 1 }), { seats: 2 }), rules());
    expect(result).toMatchObject({ kind: 'single', outcome: 'endorsed', endorsed: ['Ana'] });
  });

  it('refuses ranked ballots for more than one seat', () => {
    expect(() => tallyRace(race(rankings({ 'Ana > Bo': 3 }), { seats: 2 }), rules())).toThrow(RulesError);
  });
});

describe('a tie for the last seat', () => {
  // Ana 28, Bo 26, Cy 26 of 40: all reach 3/5 (24), Bo and Cy tie for the second seat.
  const tied = approvals({ 'Ana, Bo': 14, 'Ana, Cy': 14, 'Bo, Cy': 12 });
  const threeFifths = (ties: object) => rules({ threshold: '3/5', ...ties });

  it('all-advance or ask: the first seat is filled and the group settles the tie', () => {
    for (const ties of ['all-advance', 'ask']) {
      const result = tallyRace(twoSeats(tied), threeFifths({ ties }));
      expect(result).toMatchObject({ outcome: 'tie', endorsed: ['Ana'], tied: ['Bo', 'Cy'] });
    }
  });

  it('a published order or a lot fills it', () => {
    expect(tallyRace(twoSeats(tied), threeFifths({ ties: ['Cy', 'Bo'] })).endorsed).toEqual(['Ana', 'Cy']);
    const byLot = tallyRace(twoSeats(tied), threeFifths({ ties: 'lot', seed: 'spring-2026' }));
    expect(byLot.endorsed).toEqual(['Ana', byLot.lot!.draw[0]]);
    expect(byLot.lot!.draws[0]!.tied).toEqual(['Bo', 'Cy']);
  });
});
