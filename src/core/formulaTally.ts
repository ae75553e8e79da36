/**
 * ENDORSE_TALLY and ENDORSE_WINNER: the count of one race from a range of
 * choices, as the table a leader pastes into the minutes, or as the one cell
 * that says who is endorsed. The counting is tally.ts's; this module only lays
 * its result out in cells.
 */
import type { Cell } from './formulaArgs';
import { readChoices } from './formulaBallots';
import { formulaRules } from './formulaRules';
import type { Decision, RaceResult, Round } from './result';
import { percent } from './summary';
import { tallyRace } from './tally';

/** Named in messages about a cell of the range (there is no question title to name the race by). */
const RACE = 'choices';

export function countChoices(choices: unknown, threshold: unknown, runoff: unknown, noEndorsementLabel: unknown): RaceResult {
  const rules = formulaRules(threshold, runoff, noEndorsementLabel);
  const { kind, ballots, candidates } = readChoices(choices);
  return tallyRace({ race: RACE, kind, seats: 1, ballots, ...(candidates ? { candidates } : {}) }, rules);
}

/** "Ana Diaz", "No endorsement", "Runoff needed: Ana Diaz vs Bo Li", "Tie: Ana Diaz, Bo Li". */
export function winnerText(result: RaceResult): string {
  switch (result.outcome) {
    case 'endorsed':
      return result.endorsed.join(', ');
    case 'runoff-needed':
      return `Runoff needed: ${(result.finalists ?? []).join(' vs ')}`;
    case 'tie':
      return `Tie: ${(result.tied ?? []).join(', ')}`;
    case 'no-quorum':
      return 'No quorum';
    default:
      return 'No endorsement';
  }
}

export const TALLY_HEADER: Cell[] = ['Round', 'Option', 'Votes', 'Share', 'Needed', 'Decision'];

/**
 * One row per option per round, most votes first, then the votes cast and the
 * ballots that did not count and why; the last row holds the outcome and the
 * sentences a leader reads aloud.
 */
export function tallyTable(result: RaceResult): Cell[][] {
  const rows: Cell[][] = [TALLY_HEADER];
  for (const round of result.rounds) rows.push(...roundRows(round));
  rows.push(['Outcome', winnerText(result), '', '', '', result.summary]);
  return rows;
}

function roundRows(round: Round): Cell[][] {
  const { label, votesCast } = round;
  const needed = round.needed ?? '';
  const rows: Cell[][] = round.counts.map((c) => [label, c.option, c.votes, percent(c.votes, votesCast), needed, decisionOf(c.option, round.decisions)]);
  rows.push([label, 'Votes cast', votesCast, '', needed, '']);
  // Robert's Rules: blanks are not votes cast; neither are exhausted rankings or names not on a runoff ballot.
  if (round.blank) rows.push([label, 'Blank', round.blank, '', '', 'not counted: blank or abstain']);
  if (round.exhausted) rows.push([label, 'Exhausted', round.exhausted, '', '', 'not counted: ranks nobody still in the count']);
  if (round.invalid) rows.push([label, 'Invalid', round.invalid, '', '', 'not counted: not on the runoff ballot']);
  return rows;
}

/** What the round decided for one option, the weightiest decision first. */
const DECISION_WORDS: [Decision['kind'], string][] = [
  ['endorsed', 'endorsed'],
  ['tie', 'tied: the group decides'],
  ['no-endorsement', 'no endorsement'],
  ['eliminated', 'eliminated'],
  ['advanced', 'to the runoff'],
  ['reached-threshold', 'reached the threshold'],
  ['tie-settled', 'tie settled'],
];

function decisionOf(option: string, decisions: readonly Decision[]): string {
  for (const [kind, words] of DECISION_WORDS) {
    if (decisions.some((d) => d.kind === kind && d.options.indexOf(option) >= 0)) return words;
  }
  return '';
}
