import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answer, listOf, rangeOf } from '../../src/core/formulaArgs';
import { runoffRule, simpleFraction, thresholdText } from '../../src/core/formulaRules';
import { InputError } from '../../src/core/inputError';
import { RulesError } from '../../src/core/rules';

describe('arguments as Sheets passes them', () => {
  it('reads a single cell as a range of one cell, and a blank or omitted one as no rows', () => {
    expect(rangeOf('Ana')).toEqual([['Ana']]);
    expect(rangeOf(0.6)).toEqual([[0.6]]);
    expect(rangeOf(false)).toEqual([[false]]);
    expect(rangeOf('')).toEqual([]);
    expect(rangeOf(undefined)).toEqual([]);
  });

  it('drops the empty rows and columns after the data of an open range, and keeps the blanks inside it', () => {
    const range = [['Ana', '', ''], ['', '', ''], ['Bo', 2, ''], ['', '', ''], [' ', '', '']];
    expect(rangeOf(range)).toEqual([['Ana', ''], ['', ''], ['Bo', 2]]);
  });

  it('reads a list as one column', () => {
    expect(rangeOf(['a', 'b'])).toEqual([['a'], ['b']]);
  });

  it('takes one column or one row as a list, and refuses a block', () => {
    expect(listOf([['a'], ['b'], ['']], 'emails')).toEqual(['a', 'b']);
    expect(listOf([['a', 'b', 'c']], 'emails')).toEqual(['a', 'b', 'c']);
    expect(() => listOf([['a', 'b'], ['c', 'd']], 'roster_emails')).toThrow('roster_emails: must be one column, got 2 rows by 2 columns');
  });
});

describe('a formula answers in cells, never with an exception', () => {
  it('turns a refusal into one cell naming the formula, without "Error:" or a stack trace', () => {
    expect(answer('ENDORSE_X', () => { throw new RulesError(["threshold must be like 2/3 or 60%, got '2-3'"]); })).toEqual([
      ["ENDORSE_X: threshold must be like 2/3 or 60%, got '2-3'"],
    ]);
    expect(answer('ENDORSE_X', () => { throw new InputError({ source: 'as_of' }, 'is needed'); })).toEqual([['ENDORSE_X: as_of is needed']]);
    expect(answer('ENDORSE_X', () => { throw new InputError({ source: 'choices', row: 3, column: 'Bo' }, "'x' is not a rank"); })).toEqual([
      ['ENDORSE_X: choices, row 3, column "Bo": \'x\' is not a rank'],
    ]);
  });

  it('leaves no null or undefined in what Sheets receives, and makes every row as wide as the widest', () => {
    const ragged = [['a', null, 1], [undefined], [NaN, 'b']] as unknown as (string | number)[][];
    expect(answer('ENDORSE_X', () => ragged)).toEqual([['a', '', 1], ['', '', ''], ['', 'b', '']]);
    expect(answer('ENDORSE_X', () => [])).toEqual([['']]);
  });
});

describe('the threshold argument', () => {
  it('takes the texts the rules take', () => {
    expect(thresholdText('2/3')).toBe('2/3');
    expect(thresholdText(' 60% ')).toBe('60%');
    expect(thresholdText('Plurality')).toBe('Plurality');
    expect(thresholdText('')).toBe('2/3');
    expect(thresholdText(undefined)).toBe('2/3');
  });

  it('reads a number as the simple fraction it stands for: 60% arrives as 0.6, =2/3 as 0.666…', () => {
    expect(thresholdText(0.6)).toBe('60%');
    expect(thresholdText(2 / 3)).toBe('2/3');
    expect(thresholdText(0.125)).toBe('12.5%');
    expect(thresholdText(1)).toBe('100%');
    expect(thresholdText('0.75')).toBe('75%');
  });

  it('finds num/den again from its float, for every fraction with a denominator up to 100', () => {
    const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }).chain((den) => fc.tuple(fc.integer({ min: 1, max: den }), fc.constant(den))), ([num, den]) => {
        const d = gcd(num, den);
        expect(simpleFraction(num / den)).toEqual({ num: num / d, den: den / d });
      }),
    );
  });

  it('refuses a number that is not a share of 1, or no simple fraction', () => {
    expect(() => thresholdText(60)).toThrow(RulesError);
    expect(() => thresholdText(0)).toThrow(RulesError);
    expect(() => thresholdText(-0.5)).toThrow(RulesError);
    expect(() => thresholdText(0.6667)).toThrow('threshold 0.6667 is not a simple fraction');
    expect(() => thresholdText(1 / 101)).toThrow('is not a simple fraction');
    expect(() => thresholdText(true)).toThrow("threshold must be like 2/3 or 60%, got 'true'");
  });
});

describe('the runoff argument', () => {
  it('reads the rules\' words in any case, and a checkbox as top-two or none', () => {
    expect(runoffRule('')).toBe('top-two');
    expect(runoffRule('Top two')).toBe('top-two');
    expect(runoffRule('ELIMINATE_LOWEST')).toBe('eliminate-lowest');
    expect(runoffRule('none')).toBe('none');
    expect(runoffRule(true)).toBe('top-two');
    expect(runoffRule(false)).toBe('none');
    expect(() => runoffRule('constructor')).toThrow("runoff must be top-two, eliminate-lowest or none, got 'constructor'");
  });
});
