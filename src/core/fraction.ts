/**
 * A share as the rules write it, "2/3" or "66.5%", read exactly from its digits:
 * the one reader behind the threshold, the quorum (minTurnout), the formulas'
 * threshold argument and the sidebar. A share that cannot be compared exactly is
 * refused, never rounded: 200000000000000000001/300000000000000000000 is not 2/3.
 */

export interface Fraction {
  num: number;
  den: number;
}

/** The share in lowest terms, or why it cannot be used, in words for the group. */
export type ShareReading = { ok: true; fraction: Fraction } | { ok: false; problem: string };

const FRACTION = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;
const PERCENT = /^\s*(\d+)(?:\.(\d+))?\s*%\s*$/;
/** The rules reference's stated limit: "66.6667%" at most. */
const MAX_DECIMALS = 4;
/** Keeps den × votes exact in doubles for any electorate below a billion. */
const MAX_DENOMINATOR = 1_000_000;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Whether the text is written as a share ("N/D" or "N%"), right or wrong; plurality and consensus are not. */
export function isShareText(text: string): boolean {
  return FRACTION.test(text) || PERCENT.test(text);
}

/**
 * Reads "2/3" → 2/3, "60%" → 3/5, "66.5%" → 133/200, between 0 and 1 inclusive.
 * `whole` names what a share above 1 would be more than ("all of the votes").
 *
 * The written numbers are compared with the whole as big integers, so
 * 100000000000000001/100000000000000000 is more than all of the votes. What
 * cannot be held exactly as safe integers is refused as written, before
 * reducing: 2000000000000000000/3000000000000000000 too, since a number that
 * long is a typo or a computed value, and the group can write 2/3.
 */
export function readShare(text: string, setting: string, whole = 'all of the votes'): ShareReading {
  const written = text.trim();
  const refuse = (problem: string): ShareReading => ({ ok: false, problem });
  let num: bigint;
  let den: bigint;
  const fraction = FRACTION.exec(text);
  const percent = PERCENT.exec(text);
  if (fraction) {
    num = BigInt(fraction[1]!);
    den = BigInt(fraction[2]!);
  } else if (percent) {
    const decimals = percent[2] ?? '';
    if (decimals.length > MAX_DECIMALS) return refuse(`${setting} ${written} is too precise (at most ${MAX_DECIMALS} decimals)`);
    num = BigInt(percent[1]! + decimals);
    den = BigInt(100 * 10 ** decimals.length);
  } else {
    return refuse(`${setting} must be like 2/3 or 60%, got ${JSON.stringify(text)}`);
  }
  if (den === BigInt(0)) return refuse(`${setting} ${written} divides by zero`);
  if (num > den) return refuse(`${setting} ${written} is more than ${whole}`);
  if (den > MAX_SAFE) {
    return refuse(`${setting} ${written} has more digits than can be compared exactly; write it in lowest terms with smaller numbers`);
  }
  // Both are safe integers now (num ≤ den), so the remainders below are exact.
  let a = Number(num);
  let b = Number(den);
  const d = gcd(a, b) || 1;
  a /= d;
  b /= d;
  if (b > MAX_DENOMINATOR) {
    return refuse(`${setting} ${written} is too precise: in lowest terms its denominator must be at most ${MAX_DENOMINATOR}`);
  }
  return { ok: true, fraction: { num: a, den: b } };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
