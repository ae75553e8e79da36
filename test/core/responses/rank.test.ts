import { describe, expect, it } from 'vitest';
import { isBareNumber, rankInLabel, rankOf } from '../../../src/core/rank';

describe('a rank as a ranking question writes it', () => {
  it.each([
    [1, 1],
    ['1', 1],
    [' 2 ', 2],
    ['1st', 1],
    ['2nd', 2],
    ['3rd', 3],
    ['11th', 11],
    ['21st', 21],
    ['1st choice', 1],
    ['2nd Choice', 2],
    ['First choice', 1],
    ['first', 1],
    ['Third', 3],
    ['Top choice', 1],
    ['#3', 3],
    ['1 (most preferred)', 1],
    ['5th place', 5],
  ])('%j is rank %i', (cell, rank) => {
    expect(rankOf(cell)).toBe(rank);
  });

  it.each([[0], ['0'], [1.5], [-1], ['A'], ['first place winner'], [''], [true], [null], ['Excellent']])('%j is not a rank', (cell) => {
    expect(rankOf(cell)).toBeUndefined();
  });

  it('tells a bare number, which could be a score, from an ordinal, which can only be a rank', () => {
    expect([3, '3', ' 3 '].map(isBareNumber)).toEqual([true, true, true]);
    expect(['3rd', 'Third choice', '#3'].map(isBareNumber)).toEqual([false, false, false]);
  });

  it('finds the rank a row label or header stands for at its start or its end', () => {
    expect(['1st choice', 'First choice for mayor', 'Mayor: 2nd', 'Mayor - third choice'].map(rankInLabel)).toEqual([1, 1, 2, 3]);
    expect(['Ana Diaz', 'Mayor'].map(rankInLabel)).toEqual([undefined, undefined]);
  });
});
