import { describe, it } from 'vitest';
import { tallyRace } from '../../../src/core/tally';
import { approvals, race, rankings, rules, singles } from './ballots';
import { expectGolden } from './golden';

describe('whole reports, compared with golden files', () => {
  const mayor = ['Ana Diaz', 'Bo Li', 'Cy Wu', 'Dee Ray', 'No endorsement'];
  const firstVote = singles({ 'Ana Diaz': 19, 'bo li': 11, 'Cy Wu': 7, 'Dee Ray': 2, 'No endorsement': 2, '': 3, Abstain: 1 });

  it('a single-choice race: round 1 calls for a runoff vote', () => {
    expectGolden('mayor-round-1', tallyRace(race(firstVote, { candidates: mayor }), rules()));
  });

  it('the same race with its runoff vote, one ballot naming someone not in it', () => {
    const secondVote = singles({ 'Ana Diaz': 30, 'Bo Li': 9, 'No endorsement': 1, 'Cy Wu': 1, '': 2 });
    expectGolden('mayor-runoff', tallyRace(race(firstVote, { candidates: mayor, secondVote }), rules()));
  });

  it('a ranked race with a top-two runoff and every kind of irregular ballot', () => {
    const ballots = rankings({
      'Ana > Bo > Cy': 15,
      'Bo > Ana': 13,
      'Cy > Bo': 4,
      'Cy > No endorsement': 2,
      'Cy > Ana = Bo': 2,
      'Cy > _ > _ > Ana': 1,
      'Cy > Cy > Ana': 1,
      Cy: 1,
      'No endorsement': 2,
      'Ana = Bo': 1,
      '': 1,
    });
    expectGolden('district-attorney-ranked', tallyRace(race(ballots, { race: 'District Attorney' }), rules({ ranked: { maxSkippedRanks: 1 } })));
  });

  it('a ranked race under eliminate-lowest, more than 60%, a tie for last settled by lot', () => {
    const ballots = rankings({ 'Ana > Dee': 12, 'Bo > Ana': 8, 'Cy > Bo': 5, 'Dee > Cy > Ana': 5, 'Eve > Bo': 3, 'No endorsement': 1 });
    const council = rules({ threshold: '60%', comparison: 'more-than', runoff: 'eliminate-lowest', ties: 'lot', seed: 'spring-2026' });
    expectGolden('council-eliminate-lowest', tallyRace(race(ballots, { race: 'City Council' }), council));
  });

  it('two seats, the last one tied and settled by the published order', () => {
    const ballots = approvals({ 'Ana, Bo': 14, 'Ana, Cy': 14, 'Bo, Cy': 12, 'Ana, Bo, Cy': 1, 'No endorsement': 3, '': 2 });
    const board = rules({ threshold: '3/5', ties: ['Cy', 'Bo', 'Ana'] });
    expectGolden('school-board-two-seats', tallyRace(race(ballots, { race: 'School Board', seats: 2 }), board));
  });

  it('a vote below the quorum', () => {
    const ballots = singles({ 'Ana Diaz': 30, 'No endorsement': 6 });
    expectGolden('sheriff-no-quorum', tallyRace(race(ballots, { race: 'Sheriff', turnout: { voted: 36, eligible: 150 } }), rules({ minTurnout: '25%' })));
  });

  it('plurality with a tie for first that the group must settle', () => {
    const ballots = singles({ 'Ana Diaz': 12, 'Bo Li': 12, 'Cy Wu': 5, 'No endorsement': 4 });
    expectGolden('assessor-plurality-tie', tallyRace(race(ballots, { race: 'Assessor' }), rules({ threshold: 'plurality', runoff: 'none', ties: 'ask' })));
  });
});
