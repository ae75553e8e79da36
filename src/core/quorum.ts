/**
 * The quorum (`minTurnout`): the share of eligible members who must vote for the
 * vote to decide anything, compared exactly like a threshold (voted × 4 ≥
 * eligible for "1/4").
 */
import { InputError } from './inputError';
import type { Turnout } from './result';
import type { Rules } from './rules';
import { parseFraction } from './threshold';

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** The turnout held to the quorum, or undefined when the rules set none. */
export function checkQuorum(turnout: { voted: number; eligible: number } | undefined, rules: Pick<Rules, 'minTurnout'>, race: string): Turnout | undefined {
  if (rules.minTurnout === undefined) return undefined;
  if (!turnout) {
    throw new InputError({ source: race }, `the rules set a quorum (minTurnout ${rules.minTurnout}) but the turnout is not known: count it against the roster`);
  }
  const { voted, eligible } = turnout;
  if (!isCount(voted) || !isCount(eligible) || eligible === 0 || voted > eligible) {
    throw new InputError({ source: race }, `turnout ${voted} of ${eligible} eligible members is not possible`);
  }
  const { num, den } = parseFraction(rules.minTurnout, 'minTurnout');
  const met = (v: number) => den * v >= num * eligible;
  let needed = Math.ceil((num * eligible) / den);
  while (needed > 0 && met(needed - 1)) needed--;
  while (!met(needed)) needed++;
  return { voted, eligible, required: rules.minTurnout.trim(), needed, met: met(voted) };
}
