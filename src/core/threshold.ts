/**
 * The threshold a candidate must reach, compared exactly: "2/3" at least means
 * 3 × votes ≥ 2 × votes cast, never a rounded percentage (35 of 53 is 66.04%:
 * over 66%, under two-thirds).
 */
import { type Fraction, readShare } from './fraction';
import type { ThresholdInfo } from './result';
import { RulesError } from './rules';

export type Comparison = ThresholdInfo['comparison'];

export type { Fraction } from './fraction';

/** "2/3" → 2/3, "60%" → 3/5, "66.5%" → 133/200: in lowest terms, between 0 and 1, read exactly (fraction.ts). */
export function parseFraction(text: string, setting: string): Fraction {
  const reading = readShare(text, setting);
  if (!reading.ok) throw new RulesError([reading.problem]);
  return reading.fraction;
}

/** The threshold stated by the rules, ready to compare with. */
export function parseThreshold(text: string, comparison: Comparison): ThresholdInfo {
  const word = text.trim().toLowerCase();
  if (word === 'plurality') {
    return { text: 'plurality', kind: 'plurality', num: 0, den: 1, comparison, words: 'the most votes' };
  }
  if (word === 'consensus') {
    // Everyone agrees: "more than every vote" could never be met, so the comparison is moot.
    return { text: 'consensus', kind: 'consensus', num: 1, den: 1, comparison: 'at-least', words: 'every vote cast' };
  }
  const { num, den } = parseFraction(text, 'threshold');
  if (num === 0) throw new RulesError([`threshold ${text} would endorse anyone with a single vote; use plurality`]);
  if (num === den && comparison === 'more-than') {
    throw new RulesError([`threshold "more than ${text.trim()}" can never be reached`]);
  }
  const info: ThresholdInfo = { text: text.trim().replace(/\s+/g, ''), kind: 'fraction', num, den, comparison, words: '' };
  info.words = `${comparison === 'at-least' ? 'at least' : 'more than'} ${thresholdName(info)}`;
  return info;
}

const NUMERALS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const PARTS = ['', '', 'half', 'third', 'quarter', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** The threshold as a leader says it, without the comparison: "two-thirds", "60%", "half". */
export function thresholdName(t: ThresholdInfo): string {
  if (t.kind === 'plurality') return 'the most votes';
  if (t.kind === 'consensus' || t.num === t.den) return 'every vote cast';
  if (t.text.endsWith('%')) return t.text;
  if (t.num === 1 && t.den === 2) return 'half';
  if (t.den <= 10) return `${NUMERALS[t.num]}-${PARTS[t.den]}${t.num > 1 ? 's' : ''}`;
  return `${t.num}/${t.den}`;
}

/**
 * Whether `votes` out of `cast` meets the threshold. Nobody meets one with no
 * votes. Plurality has no bar of its own (the most votes decides), so any vote meets it.
 */
export function meets(votes: number, cast: number, t: ThresholdInfo): boolean {
  if (votes <= 0) return false;
  if (t.kind === 'plurality') return true;
  if (t.kind === 'consensus') return votes >= cast;
  return t.comparison === 'at-least' ? t.den * votes >= t.num * cast : t.den * votes > t.num * cast;
}

/** The least number of votes out of `cast` that meets the threshold; null for plurality. */
export function needed(cast: number, t: ThresholdInfo): number | null {
  if (t.kind === 'plurality') return null;
  if (t.kind === 'consensus') return Math.max(cast, 1);
  const product = t.num * cast;
  const atLeast = Math.ceil(product / t.den);
  // Correct any rounding of the float division, so the answer is exact.
  let v = t.comparison === 'at-least' ? atLeast : Math.floor(product / t.den) + 1;
  while (v > 1 && meets(v - 1, cast, t)) v--;
  while (!meets(v, cast, t)) v++;
  return v;
}

/** Whether a vote that meets this threshold beats every other option: true above one-half. */
export function isMajorityOrMore(t: ThresholdInfo): boolean {
  return t.kind === 'consensus' || (t.kind === 'fraction' && 2 * t.num >= t.den);
}
