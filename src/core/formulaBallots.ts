/**
 * The `choices` of ENDORSE_TALLY and ENDORSE_WINNER as ballots. Two shapes:
 * - one column (or a single cell): one ballot per row, the name chosen, a blank
 *   cell a blank ballot. The range holds answers only, not the question's header;
 * - a block of two or more columns with a header row: a ranking, read as a
 *   Forms grid is (grid.ts). Either one column per candidate, the header naming
 *   the candidate and each cell a rank (1, 1st, First choice), or one column per
 *   rank, the header naming the rank and each cell a candidate's name. A Forms
 *   header "Mayor [Ana Diaz]" names the candidate (or rank) in its brackets.
 */
import type { BallotKind, RaceBallot } from './ballot';
import { cellText, isBlank } from './cell';
import { cellPlace, rangeOf, widthOf } from './formulaArgs';
import { rankCandidateRows, rankRankRows, readGridShape } from './grid';
import { InputError } from './inputError';
import { cleanName } from './name';
import { rankInLabel, rankReader } from './rank';

export interface Choices {
  kind: BallotKind;
  ballots: RaceBallot[];
  /** The candidates named by a ranked block's header, in column order. */
  candidates?: string[];
}

const ARGUMENT = 'choices';
const SHAPES = 'give one column of choices, or a block with a header row of candidates and a rank (1, 2, 1st…) in each cell';

export function readChoices(value: unknown): Choices {
  const rows = rangeOf(value);
  if (widthOf(rows) <= 1) return { kind: 'single', ballots: rows.map(singleBallot) };
  return readRanking(rows);
}

function singleBallot(row: unknown[]): RaceBallot {
  const cell = row[0];
  return { kind: 'single', choice: isBlank(cell) ? null : cellText(cell) };
}

/** "Mayor [Ana Diaz]" → "Ana Diaz"; any other header as written. */
function labelOf(header: unknown): string {
  const text = cellText(header);
  const bracket = /\[([^[\]]+)\]\s*$/.exec(text);
  return cleanName(bracket ? bracket[1]! : text);
}

function readRanking(rows: unknown[][]): Choices {
  const header = rows[0]!;
  const width = widthOf(rows);
  const columns = Array.from({ length: width }, (_, i) => i);
  const labels = columns.map((i) => labelOf(header[i]));
  const data = rows.slice(1);
  const shape = readGridShape('', labels, columns, data, false);
  if (shape.kind !== 'ranked') {
    throw new InputError({ source: ARGUMENT }, `has ${width} columns but no cell below the header row holds a rank: ${SHAPES}`);
  }
  const fail = (r: number) => (i: number, problem: string): never => {
    throw new InputError(cellPlace(ARGUMENT, r + 1, i, labels[i]), problem);
  };

  if (shape.orientation === 'rank-rows') {
    const rankOfColumn = labels.map((l) => rankInLabel(l)!);
    const namesIn = (cell: unknown) => [cellText(cell)];
    const ballots = data.map((cells): RaceBallot => ({ kind: 'ranked', ranks: rankRankRows(cells, columns, rankOfColumn, namesIn) }));
    return { kind: 'ranked', ballots };
  }

  labels.forEach((label, i) => {
    if (label === '') throw new InputError(cellPlace(ARGUMENT, 0, i), `the header row must name each candidate; ${SHAPES}`);
  });
  if (labels.every((l) => rankInLabel(l) !== undefined)) {
    throw new InputError({ source: ARGUMENT }, `has ranks in its first row (${labels.join(', ')}), not the candidates' names: ${SHAPES}`);
  }
  const rankOf = rankReader();
  const ballots = data.map((cells, r): RaceBallot => ({ kind: 'ranked', ranks: rankCandidateRows(cells, columns, labels, rankOf, fail(r)) }));
  return { kind: 'ranked', ballots, candidates: labels };
}
