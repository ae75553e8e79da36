import { describe, expect, it } from 'vitest';
import { RulesError } from '../../../src/core/rules';
import { tallyRace } from '../../../src/core/tally';
import { race, rankings, rules, singles } from './ballots';

// Ana leads; Bo and Cy tie for second place; nobody has two-thirds (needed 27 of 40).
const tiedForSecond = singles({ 'Ana Diaz': 20, 'Bo Li': 10, 'Cy Wu': 10 });
const ballot = { candidates: ['Ana Diaz', 'Bo Li', 'Cy Wu'] };

describe('a tie for second place, under each tie rule announced in advance', () => {
  it('all-advance (the default): every tied candidate goes on to the runoff', () => {
    const result = tallyRace(race(tiedForSecond, ballot), rules());
    expect(result).toMatchObject({ outcome: 'runoff-needed', finalists: ['Ana Diaz', 'Bo Li', 'Cy Wu'] });
    expect(result.rounds[0]!.decisions.map((d) => d.kind)).toEqual(['tie-settled', 'advanced', 'runoff-needed']);
    expect(result.lot).toBeUndefined();
  });

  it('ask: the count stops with a tie and the tied names, for the group to decide', () => {
    const result = tallyRace(race(tiedForSecond, ballot), rules({ ties: 'ask' }));
    expect(result).toMatchObject({ outcome: 'tie', tied: ['Bo Li', 'Cy Wu'], endorsed: [] });
    expect(result.summary).toContain('Bo Li and Cy Wu tied for second place with 10 votes each; the rules leave the tie to the group');
  });

  it('lot: a draw from the stated seed, recorded so anyone can redo it', () => {
    // The Python draw in docs/rules-counting.md gives ["Bo Li", "Cy Wu"] for this seed, race and round.
    const result = tallyRace(race(tiedForSecond, ballot), rules({ ties: 'lot', seed: 'spring-2026' }));
    expect(result).toMatchObject({ outcome: 'runoff-needed', finalists: ['Ana Diaz', 'Bo Li'] });
    expect(result.lot).toEqual({
      seed: 'spring-2026',
      draw: ['Bo Li', 'Cy Wu'],
      draws: [{ round: 1, tied: ['Bo Li', 'Cy Wu'], draw: ['Bo Li', 'Cy Wu'] }],
    });
    expect(result.rounds[0]!.decisions[0]!.reason).toContain('settled by lot with seed "spring-2026"');
  });

  it('an explicit order: the one listed first goes on', () => {
    const result = tallyRace(race(tiedForSecond, ballot), rules({ ties: ['cy wu', 'Bo Li'] }));
    expect(result).toMatchObject({ outcome: 'runoff-needed', finalists: ['Ana Diaz', 'Cy Wu'] });
  });

  it('an explicit order that leaves out a tied candidate is a rules error', () => {
    expect(() => tallyRace(race(tiedForSecond, ballot), rules({ ties: ['Cy Wu'] }))).toThrow(RulesError);
    expect(() => tallyRace(race(tiedForSecond, ballot), rules({ ties: ['Cy Wu'] }))).toThrow('does not name Bo Li');
  });
});

describe('a tie for first place under plurality', () => {
  const plurality = (more: object = {}) => rules({ threshold: 'plurality', ...more });
  const tiedForFirst = singles({ 'Ana Diaz': 10, 'Bo Li': 10, 'Cy Wu': 5 });

  it('all-advance: the tied candidates go to a runoff', () => {
    expect(tallyRace(race(tiedForFirst), plurality())).toMatchObject({ outcome: 'runoff-needed', finalists: ['Ana Diaz', 'Bo Li'] });
  });

  it('all-advance with no runoff: a tie', () => {
    expect(tallyRace(race(tiedForFirst), plurality({ runoff: 'none' }))).toMatchObject({ outcome: 'tie', tied: ['Ana Diaz', 'Bo Li'] });
  });

  it('lot or a published order picks the one endorsed', () => {
    const byOrder = tallyRace(race(tiedForFirst), plurality({ ties: ['Bo Li', 'Ana Diaz'] }));
    expect(byOrder).toMatchObject({ outcome: 'endorsed', endorsed: ['Bo Li'] });
    expect(byOrder.rounds[0]!.decisions.map((d) => d.kind)).toEqual(['tie-settled', 'endorsed']);
    const byLot = tallyRace(race(tiedForFirst), plurality({ ties: 'lot', seed: 'x' }));
    expect(byLot.outcome).toBe('endorsed');
    expect(byLot.endorsed).toEqual([byLot.lot!.draw[0]]);
  });

  it('the ranked runoff among the tied counts the other ballots\' next choices', () => {
    const ballots = rankings({ 'Ana Diaz': 10, 'Bo Li': 10, 'Cy Wu > Bo Li': 4, 'Cy Wu': 1 });
    const result = tallyRace(race(ballots), plurality());
    expect(result).toMatchObject({ outcome: 'endorsed', endorsed: ['Bo Li'] });
    expect(result.rounds[1]).toMatchObject({ label: 'Runoff', votesCast: 24, exhausted: 1 });
  });
});

describe('a tie for last place under eliminate-lowest', () => {
  const ballots = rankings({ 'Ana Diaz': 10, 'Bo Li > Ana Diaz': 4, 'Cy Wu > Bo Li': 4, 'Dee Ray > Ana Diaz': 1 });

  it('all-advance: the candidates tied for last are eliminated together', () => {
    const result = tallyRace(race(ballots), rules({ runoff: 'eliminate-lowest', threshold: '3/4' }));
    expect(result.rounds[0]!.decisions.find((d) => d.kind === 'eliminated')!.options).toEqual(['Dee Ray']);
    expect(result.rounds[1]!.decisions.find((d) => d.kind === 'eliminated')!.options).toEqual(['Bo Li', 'Cy Wu']);
    expect(result).toMatchObject({ outcome: 'endorsed', endorsed: ['Ana Diaz'] });
  });

  it('a published order: the one listed last is eliminated', () => {
    const result = tallyRace(race(ballots), rules({ runoff: 'eliminate-lowest', threshold: '3/4', ties: ['Bo Li', 'Cy Wu'] }));
    expect(result.rounds[1]!.decisions.find((d) => d.kind === 'eliminated')!.options).toEqual(['Cy Wu']);
    // Cy's ballots go to Bo; Ana's 11 of 19 still lack three-quarters (15), so Bo goes next.
    expect(result.rounds[2]!.counts.map((c) => [c.option, c.votes])).toEqual([['Ana Diaz', 11], ['Bo Li', 8]]);
  });

  it('ask: a tie the group must settle', () => {
    const result = tallyRace(race(ballots), rules({ runoff: 'eliminate-lowest', threshold: '3/4', ties: 'ask' }));
    expect(result).toMatchObject({ outcome: 'tie', tied: ['Bo Li', 'Cy Wu'] });
  });
});
