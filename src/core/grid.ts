/**
 * A ranking as a Forms grid holds it, in one of two orientations:
 * - candidate-rows: `Mayor [Ana]`, `Mayor [Bo]`, each cell a rank (`1`, `1st`,
 *   `1st choice`, `First choice`);
 * - rank-rows: `Mayor [1st choice]`, `Mayor [2nd choice]`, each cell a candidate's name.
 *
 * How a grid is read, decided once from all its answers:
 * 1. Every row label is a rank and some cell is not: rank-rows.
 * 2. No cell is a rank: not a ranking; each row is a question of its own
 *    (a grid of "Yes / No / Abstain" per candidate).
 * 3. Otherwise candidate-rows, and a cell that is not a rank is an error —
 *    with one exception. A title that asks for a rating ("Rate each candidate
 *    from 1 to 5") with bare numbers in the cells is a ranking only if the cells
 *    are ranks: no response gives one number to two rows and no number exceeds
 *    the number of rows. Otherwise the grid holds scores, and is set aside. The
 *    title alone never decides: ordinal cells (`2nd`) are ranks under any title,
 *    and a group can declare the race `kind: "ranked"` to read it as a ranking
 *    regardless (shared numbers then count as overvotes).
 */
import { isBlank } from './cell';
import { isBareNumber, rankInLabel, rankReader, ranksIn } from './rank';

export type Orientation = 'candidate-rows' | 'rank-rows';

export type GridReading =
  | { kind: 'ranked'; orientation: Orientation }
  | { kind: 'rows-are-questions' }
  | { kind: 'rating'; why: string };

const RATING_TITLE = /\b(?:rate|rating|ratings|score|scores|stars?|scale)\b/i;

/** How to read a grid, from its title, its row labels, the columns holding those rows, and every response's cells. */
export function readGridShape(title: string, labels: string[], columns: number[], responses: unknown[][], declaredRanked: boolean): GridReading {
  const rankOf = rankReader();
  let anyCell = false;
  let allRanks = true;
  let anyRank = false;
  let allBare = true;
  let scoresLike = false;
  for (const cells of responses) {
    const seen = new Set<number>();
    for (const column of columns) {
      const cell = cells[column];
      if (isBlank(cell)) continue;
      anyCell = true;
      const rank = rankOf(cell);
      if (rank === undefined && ranksIn(cell)) {
        anyRank = true;
        allBare = false;
        continue;
      }
      if (rank === undefined) {
        allRanks = false;
        continue;
      }
      anyRank = true;
      if (!isBareNumber(cell)) allBare = false;
      if (seen.has(rank) || rank > labels.length) scoresLike = true;
      seen.add(rank);
    }
  }
  if (labels.every((l) => rankInLabel(l) !== undefined) && (!anyCell || !allRanks)) return { kind: 'ranked', orientation: 'rank-rows' };
  if (declaredRanked) return { kind: 'ranked', orientation: 'candidate-rows' };
  if (anyCell && !anyRank) return { kind: 'rows-are-questions' };
  if (RATING_TITLE.test(title) && allRanks && allBare && scoresLike) {
    return {
      kind: 'rating',
      why: 'a rating grid, not a ranking: its title asks for a rating and some response gives one number to two rows or a number above the number of rows (declare the race kind "ranked" to count it as a ranking)',
    };
  }
  return { kind: 'ranked', orientation: 'candidate-rows' };
}

/** Reports a cell that cannot be read (by its index among the grid's columns) and stops: the caller names the row and column. */
export type CellFailure = (cell: number, problem: string) => never;

/**
 * One response's ranking from a candidate-rows grid, `columns[i]` holding
 * `candidates[i]`: `ranks[i]` holds the candidates given rank i + 1 (two or
 * more: an overvote, kept for the tally to judge; none: a skipped rank). A
 * cell holding two ranks puts its candidate at both (a repeated name).
 */
export function rankCandidateRows(
  cells: unknown[],
  columns: number[],
  candidates: string[],
  rankOf: (cell: unknown) => number | undefined,
  fail: CellFailure,
): string[][] {
  const ranks: string[][] = [];
  for (let i = 0; i < columns.length; i++) {
    const cell = cells[columns[i]!];
    if (isBlank(cell)) continue;
    const one = rankOf(cell);
    // A checkbox grid lets a voter tick two ranks for one candidate: each is kept, for the ranked rules to judge.
    const all = one === undefined ? ranksIn(cell) : [one];
    if (all === undefined) fail(i, `${JSON.stringify(cell)} is not a rank: expected 1, 1st, 1st choice or First choice`);
    for (const rank of all) {
      if (rank > candidates.length) fail(i, `rank ${rank}, but the grid ranks only ${candidates.length} candidates`);
      while (ranks.length < rank) ranks.push([]);
      ranks[rank - 1]!.push(candidates[i]!);
    }
  }
  return ranks;
}

/**
 * One response's ranking from a rank-rows grid, `columns[i]` holding the rank
 * `rankOfRow[i]`; `namesIn` turns a cell into the names it holds (several when
 * a checkbox grid let the voter tick two names at one rank: an overvote).
 */
export function rankRankRows(cells: unknown[], columns: number[], rankOfRow: number[], namesIn: (cell: unknown) => string[]): string[][] {
  const ranks: string[][] = [];
  for (let i = 0; i < columns.length; i++) {
    const cell = cells[columns[i]!];
    if (isBlank(cell)) continue;
    const rank = rankOfRow[i]!;
    while (ranks.length < rank) ranks.push([]);
    ranks[rank - 1]!.push(...namesIn(cell));
  }
  return ranks;
}
