import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulesError } from '../../../src/core/rules';
import { meets, needed, parseThreshold, thresholdName } from '../../../src/core/threshold';

const twoThirds = parseThreshold('2/3', 'at-least');
const overTwoThirds = parseThreshold('2/3', 'more-than');

describe('a two-thirds vote, compared exactly', () => {
  // [votes, against]: the expectations are the arithmetic done by hand.
  it.each([
    // votes, cast, at least two-thirds, more than two-thirds
    [2, 3, true, false],
    [20, 30, true, false],
    [35, 53, false, false], // 66.04%: over 66%, yet under two-thirds
    [22, 34, false, false], // 22–12
    [23, 34, true, true], // 23–11
    [24, 36, true, false], // 24–12: exactly two-thirds
  ])('%i of %i votes cast: at least two-thirds %s, more than two-thirds %s', (votes, cast, atLeast, moreThan) => {
    expect(meets(votes, cast, twoThirds)).toBe(atLeast);
    expect(meets(votes, cast, overTwoThirds)).toBe(moreThan);
  });

  it('the guide\'s "greater than 66%" passes 35 of 53, which two-thirds does not', () => {
    expect(meets(35, 53, parseThreshold('66%', 'more-than'))).toBe(true);
    expect(meets(35, 53, twoThirds)).toBe(false);
  });

  it('the national program\'s 60%: 3 of 5 is at least 60% but not more than 60%', () => {
    expect(meets(3, 5, parseThreshold('60%', 'at-least'))).toBe(true);
    expect(meets(3, 5, parseThreshold('60%', 'more-than'))).toBe(false);
    expect(meets(31, 52, parseThreshold('60%', 'at-least'))).toBe(false); // 59.6%
  });

  it('says how many votes were needed: 28 of 41, 27 of 40, 24 or 25 of 36', () => {
    expect(needed(41, twoThirds)).toBe(28);
    expect(needed(40, twoThirds)).toBe(27);
    expect(needed(36, twoThirds)).toBe(24);
    expect(needed(36, overTwoThirds)).toBe(25);
    expect(needed(53, overTwoThirds)).toBe(36);
    expect(needed(41, parseThreshold('plurality', 'at-least'))).toBeNull();
    expect(needed(41, parseThreshold('consensus', 'at-least'))).toBe(41);
  });

  it('nobody reaches a threshold with no votes, even when no votes were cast', () => {
    expect(meets(0, 0, twoThirds)).toBe(false);
    expect(needed(0, twoThirds)).toBe(1);
  });

  it('the number needed is always the least number that meets the threshold', () => {
    const threshold = fc.record({ den: fc.integer({ min: 1, max: 1000 }), num: fc.integer({ min: 1, max: 1000 }), more: fc.boolean() })
      .filter(({ num, den, more }) => num < den || (num === den && !more));
    fc.assert(
      fc.property(threshold, fc.integer({ min: 0, max: 10_000_000 }), ({ num, den, more }, cast) => {
        const t = parseThreshold(`${num}/${den}`, more ? 'more-than' : 'at-least');
        const n = needed(cast, t)!;
        // Checked against the definition, with exact big integers.
        const ok = (v: number) => v > 0 && (more ? BigInt(den) * BigInt(v) > BigInt(num) * BigInt(cast) : BigInt(den) * BigInt(v) >= BigInt(num) * BigInt(cast));
        expect(ok(n)).toBe(true);
        expect(n === 1 || !ok(n - 1)).toBe(true);
        expect(meets(n, cast, t)).toBe(true);
      }),
    );
  });
});

describe('the threshold as the rules state it', () => {
  it('reads fractions, percentages, plurality and consensus', () => {
    expect(parseThreshold('3/5', 'at-least')).toMatchObject({ kind: 'fraction', num: 3, den: 5, words: 'at least three-fifths' });
    expect(parseThreshold('60%', 'more-than')).toMatchObject({ kind: 'fraction', num: 3, den: 5, words: 'more than 60%' });
    expect(parseThreshold(' 66.5 % ', 'at-least')).toMatchObject({ num: 133, den: 200, text: '66.5%' });
    expect(parseThreshold('1/2', 'more-than').words).toBe('more than half');
    expect(parseThreshold('3/4', 'at-least').words).toBe('at least three-quarters');
    expect(parseThreshold('5/12', 'at-least').words).toBe('at least 5/12');
    expect(parseThreshold('Plurality', 'at-least')).toMatchObject({ kind: 'plurality', words: 'the most votes' });
    expect(parseThreshold('consensus', 'more-than')).toMatchObject({ kind: 'consensus', comparison: 'at-least', words: 'every vote cast' });
    expect(thresholdName(twoThirds)).toBe('two-thirds');
  });

  it.each([
    ['0/3', 'at-least', 'use plurality'],
    ['4/3', 'at-least', 'more than all of the votes'],
    ['1/0', 'at-least', 'divides by zero'],
    ['1/1', 'more-than', 'can never be reached'],
    ['66.66666%', 'at-least', 'too precise'],
  ] as const)('refuses %s (%s): %s', (text, comparison, message) => {
    expect(() => parseThreshold(text, comparison)).toThrow(RulesError);
    expect(() => parseThreshold(text, comparison)).toThrow(message);
  });
});
