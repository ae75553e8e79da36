/** Ballots written the way a teller would describe them, for the tally's tests. */
import type { RaceBallot } from '../../../src/core/ballot';
import { parseRules, type RulesInput } from '../../../src/core/rules';
import type { RaceInput } from '../../../src/core/tally';

/** { 'Ana Diaz': 20, '': 2 } → 20 ballots for Ana Diaz and 2 blank ones. */
export function singles(piles: Record<string, number>): RaceBallot[] {
  return Object.entries(piles).flatMap(([choice, n]) =>
    Array.from({ length: n }, (): RaceBallot => ({ kind: 'single', choice: choice === '' ? null : choice })),
  );
}

/**
 * One ranked ballot from "A > B > C": ranks separated by ">", "=" puts two names
 * at one rank (an overvote), "_" is a skipped rank, "" a blank ballot.
 */
export function ranking(text: string): RaceBallot {
  if (text.trim() === '') return { kind: 'ranked', ranks: [] };
  const ranks = text.split('>').map((rank) => (rank.trim() === '_' ? [] : rank.split('=').map((n) => n.trim())));
  return { kind: 'ranked', ranks };
}

/** { 'A > B': 3 } → three ballots ranking A then B. */
export function rankings(piles: Record<string, number>): RaceBallot[] {
  return Object.entries(piles).flatMap(([text, n]) => Array.from({ length: n }, () => ranking(text)));
}

export function approvals(piles: Record<string, number>): RaceBallot[] {
  return Object.entries(piles).flatMap(([text, n]) =>
    Array.from({ length: n }, (): RaceBallot => ({ kind: 'approval', choices: text === '' ? [] : text.split(',').map((c) => c.trim()) })),
  );
}

export function race(ballots: RaceBallot[], more: Partial<RaceInput> = {}): RaceInput {
  return { race: 'Mayor', kind: ballots[0]?.kind ?? 'single', seats: 1, ballots, ...more };
}

export const rules = (input: RulesInput = {}) => parseRules(input);
