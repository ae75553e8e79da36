import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readShare } from '../../src/core/fraction';
import { parseRules, RulesError } from '../../src/core/rules';
import { meets, parseThreshold } from '../../src/core/threshold';

const HUGE = '200000000000000000001/300000000000000000000';

describe('a share is read exactly from its digits, never rounded', () => {
  it('refuses a threshold whose numbers are too long to compare exactly, rather than read it as 2/3', () => {
    expect(readShare(HUGE, 'threshold')).toEqual({
      ok: false,
      problem: `threshold ${HUGE} has more digits than can be compared exactly; write it in lowest terms with smaller numbers`,
    });
    expect(() => parseRules({ threshold: HUGE })).toThrow(`threshold ${HUGE} has more digits than can be compared exactly`);
  });

  it('so 24 of 36, exactly two-thirds, is never endorsed under a threshold stated above two-thirds', () => {
    expect(meets(24, 36, parseThreshold('2/3', 'at-least'))).toBe(true);
    expect(() => parseThreshold(HUGE, 'at-least')).toThrow(RulesError);
  });

  it('refuses what is too long before reducing: 2000000000000000000/3000000000000000000 is refused, 2/3 is not', () => {
    expect(readShare('2000000000000000000/3000000000000000000', 'threshold').ok).toBe(false);
    expect(readShare('2/3', 'threshold')).toEqual({ ok: true, fraction: { num: 2, den: 3 } });
  });

  it('refuses a share just above the whole, however many digits it has', () => {
    expect(readShare('100000000000000001/100000000000000000', 'threshold')).toEqual({
      ok: false, problem: 'threshold 100000000000000001/100000000000000000 is more than all of the votes',
    });
    expect(readShare('9007199254740991/9007199254740990', 'minTurnout', 'every eligible member')).toEqual({
      ok: false, problem: 'minTurnout 9007199254740991/9007199254740990 is more than every eligible member',
    });
    expect(() => parseRules({ threshold: '100000000000000001/100000000000000000' })).toThrow('is more than all of the votes');
  });

  it('refuses a percentage with more than four decimals, the stated limit', () => {
    expect(readShare('66.6666666666666666666667%', 'threshold')).toEqual({
      ok: false, problem: 'threshold 66.6666666666666666666667% is too precise (at most 4 decimals)',
    });
    expect(() => parseRules({ threshold: '66.6666666666666666666667%' })).toThrow('too precise (at most 4 decimals)');
    expect(() => parseRules({ minTurnout: '25.00001%' })).toThrow('minTurnout 25.00001% is too precise');
    expect(readShare('66.6667%', 'threshold')).toEqual({ ok: true, fraction: { num: 666667, den: 1_000_000 } });
  });

  it('refuses a fraction whose lowest terms have a denominator above a million', () => {
    expect(readShare('1/1000001', 'threshold')).toMatchObject({ ok: false, problem: expect.stringContaining('denominator must be at most 1000000') });
    expect(readShare('2/2000000', 'threshold')).toEqual({ ok: true, fraction: { num: 1, den: 1_000_000 } });
  });

  it('reads what it read before: fractions and percentages in lowest terms', () => {
    expect(readShare(' 3 / 5 ', 'threshold')).toEqual({ ok: true, fraction: { num: 3, den: 5 } });
    expect(readShare('60%', 'threshold')).toEqual({ ok: true, fraction: { num: 3, den: 5 } });
    expect(readShare('66.5%', 'threshold')).toEqual({ ok: true, fraction: { num: 133, den: 200 } });
    expect(readShare('0/0', 'minTurnout')).toEqual({ ok: false, problem: 'minTurnout 0/0 divides by zero' });
    expect(readShare('two thirds', 'threshold')).toEqual({ ok: false, problem: 'threshold must be like 2/3 or 60%, got "two thirds"' });
  });

  it('any a/b with a ≤ b below a million reads as a fraction equal to a/b', () => {
    const share = fc.integer({ min: 1, max: 999_999 }).chain((b) => fc.tuple(fc.integer({ min: 0, max: b }), fc.constant(b)));
    fc.assert(
      fc.property(share, ([a, b]) => {
        const reading = readShare(`${a}/${b}`, 'threshold');
        if (!reading.ok) throw new Error(reading.problem);
        const { num, den } = reading.fraction;
        expect(BigInt(num) * BigInt(b)).toBe(BigInt(a) * BigInt(den));
        expect(den).toBeLessThanOrEqual(b);
      }),
    );
  });

  it('any percentage with at most four decimals reads as that share of 100', () => {
    const percent = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9999 }))
      .map(([whole, places, digits]) => (whole === 100 || places === 0 ? `${whole}%` : `${whole}.${String(digits % 10 ** places).padStart(places, '0')}%`));
    fc.assert(
      fc.property(percent, (text) => {
        const reading = readShare(text, 'threshold');
        if (!reading.ok) throw new Error(reading.problem);
        const [whole, decimals = ''] = text.slice(0, -1).split('.');
        // num/den = whole.decimals / 100, cross-multiplied in integers.
        expect(BigInt(reading.fraction.num) * BigInt(100 * 10 ** decimals.length)).toBe(BigInt(whole! + decimals) * BigInt(reading.fraction.den));
      }),
    );
  });
});
