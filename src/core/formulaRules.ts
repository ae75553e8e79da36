/**
 * The rules ENDORSE_TALLY and ENDORSE_WINNER count by, from their optional
 * arguments: the threshold, the runoff, and the ballot's "no endorsement" label.
 * Everything else is the default rules (docs/rules-counting.md).
 */
import { isBlank } from './cell';
import { isShareText } from './fraction';
import { DEFAULT_RULES, type Rules, RulesError } from './rules';
import { parseFraction } from './threshold';

const THRESHOLD_WORD = /^\s*(plurality|consensus)\s*$/i;
const DECIMAL_TEXT = /^\s*\d*\.\d+\s*$/;
/** A number is a share only if it is a fraction a group would state: 3/5, 2/3, 33/50. */
const MAX_DENOMINATOR = 100;

export function formulaRules(threshold: unknown, runoff: unknown, noEndorsementLabel: unknown): Rules {
  const label = isBlank(noEndorsementLabel) ? '' : String(noEndorsementLabel).trim();
  return {
    ...DEFAULT_RULES,
    threshold: thresholdText(threshold),
    runoff: runoffRule(runoff),
    noEndorsement: label === '' ? DEFAULT_RULES.noEndorsement : [label],
  };
}

/**
 * The threshold as the rules write it. Sheets passes a cell formatted as 60% as
 * the number 0.6, and =2/3 as 0.666…: read exactly as 3/5 and 2/3. A number that
 * is no fraction with a denominator up to 100 is refused rather than rounded;
 * text is read exactly, so 200000000000000000001/300000000000000000000 is refused, not 2/3.
 */
export function thresholdText(value: unknown): string {
  if (isBlank(value)) return DEFAULT_RULES.threshold;
  if (typeof value === 'string' && THRESHOLD_WORD.test(value)) return value.trim();
  if (typeof value === 'string' && isShareText(value)) {
    // Read exactly by the rules' own reader (fraction.ts), so the cell says what rules.json would.
    parseFraction(value, 'threshold');
    return value.trim();
  }
  const number = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL_TEXT.test(value) ? Number(value) : NaN;
  if (Number.isNaN(number) || number <= 0 || number > 1) {
    const hint = typeof value === 'number' ? ' (a number is a share of 1: 0.6 is 60%)' : '';
    throw new RulesError([`threshold must be like 2/3 or 60%, got '${String(value).trim()}'${hint}`]);
  }
  const fraction = simpleFraction(number);
  if (!fraction) {
    throw new RulesError([`threshold ${number} is not a simple fraction: write it as text, like 2/3 or 66.5%`]);
  }
  const { num, den } = fraction;
  // As a percentage when it is one with at most two decimals (0.6 → 60%, 0.125 → 12.5%), else as a fraction.
  return (num * 10_000) % den === 0 ? `${(100 * num) / den}%` : `${num}/${den}`;
}

/** The fraction num/den (den ≤ 100, lowest terms) a float stands for, or null. */
export function simpleFraction(x: number): { num: number; den: number } | null {
  for (let den = 1; den <= MAX_DENOMINATOR; den++) {
    const num = Math.round(x * den);
    if (Math.abs(x * den - num) <= 1e-9 * den) return { num, den };
  }
  return null;
}

const RUNOFFS = new Map<string, Rules['runoff']>([
  ['top-two', 'top-two'],
  ['eliminate-lowest', 'eliminate-lowest'],
  ['none', 'none'],
  ['no', 'none'],
]);

/** top-two (also when blank or TRUE), eliminate-lowest, or none (also FALSE), in any case, with spaces or hyphens. */
export function runoffRule(value: unknown): Rules['runoff'] {
  if (isBlank(value) || value === true) return DEFAULT_RULES.runoff;
  if (value === false) return 'none';
  const rule = RUNOFFS.get(String(value).trim().toLowerCase().replace(/[\s_]+/g, '-'));
  if (!rule) throw new RulesError([`runoff must be top-two, eliminate-lowest or none, got '${String(value).trim()}'`]);
  return rule;
}
