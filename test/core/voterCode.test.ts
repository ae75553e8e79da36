import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Response } from '../../src/core/ballot';
import { InputError } from '../../src/core/inputError';
import { mulberry32 } from '../../src/core/lot';
import {
  VOTER_CODE_ALPHABET, VOTER_CODE_LENGTH, checkCodes, codeRandomFromUuids, formatCode, generateCodes, normalizeCode, readCode, uuidBits,
} from '../../src/core/voterCode';

/** Version-4 UUIDs from a seeded generator, so a statistical test gives the same answer on every run. */
function seededUuids(seed: number): () => string {
  const random = mulberry32(seed);
  const hex = (digits: number) => {
    let out = '';
    for (let i = 0; i < digits; i++) out += Math.floor(random() * 16).toString(16);
    return out;
  };
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
}

/** A source that returns the given draws in order, for codes chosen by the test. */
function scripted(...codes: string[]): (n: number) => number {
  const draws = codes.join('').split('').map((c) => VOTER_CODE_ALPHABET.indexOf(c));
  let at = 0;
  return () => {
    if (at === draws.length) throw new Error('the scripted source ran out');
    return draws[at++]!;
  };
}

/** Pearson's statistic of observed counts against equal expected counts. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

function letterCounts(codes: string[]): number[] {
  const counts = new Array<number>(VOTER_CODE_ALPHABET.length).fill(0);
  for (const code of codes) for (const c of code) counts[VOTER_CODE_ALPHABET.indexOf(c)]! += 1;
  return counts;
}

// 30 degrees of freedom: the statistic averages 30; 80 is exceeded by chance about once in 200,000 runs.
const UNIFORM_BOUND = 80;

describe('the voter code alphabet', () => {
  it('has 31 distinct characters, none of 0, O, 1, I or L, which people misread for one another', () => {
    expect(VOTER_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(VOTER_CODE_ALPHABET).size).toBe(31);
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(VOTER_CODE_ALPHABET).not.toContain(ambiguous);
    expect(VOTER_CODE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
  });

  it('makes codes of 10 characters, about 8e14 possible codes', () => {
    expect(VOTER_CODE_LENGTH).toBe(10);
    expect(VOTER_CODE_ALPHABET.length ** VOTER_CODE_LENGTH).toBeGreaterThan(8e14);
  });
});

describe('generating codes', () => {
  it('gives no two alike in 100,000, each of 10 characters from the alphabet', () => {
    const codes = generateCodes(100_000, codeRandomFromUuids(() => randomUUID()));
    expect(codes).toHaveLength(100_000);
    expect(new Set(codes).size).toBe(100_000);
    const wellFormed = new RegExp(`^[${VOTER_CODE_ALPHABET}]{10}$`);
    expect(codes.filter((c) => !wellFormed.test(c))).toEqual([]);
  });

  it('uses every character of the alphabet equally often (chi-square, fixed seed)', () => {
    const codes = generateCodes(20_000, codeRandomFromUuids(seededUuids(2026)));
    expect(chiSquare(letterCounts(codes))).toBeLessThan(UNIFORM_BOUND);
  });

  it('the uniformity check would catch a source that takes a remainder of random bytes', () => {
    const random = mulberry32(2026);
    const byteModulo = (n: number) => Math.floor(random() * 256) % n; // 256 = 8 × 31 + 8: the first 8 characters come up more
    expect(chiSquare(letterCounts(generateCodes(20_000, byteModulo)))).toBeGreaterThan(UNIFORM_BOUND);
  });

  it('never issues a code already sent to a member', () => {
    const codes = generateCodes(1, scripted('ABCDEFGHJK', 'ZYXWVUTSRQ'), ['abcde-fghjk']);
    expect(codes).toEqual(['ZYXWVUTSRQ']);
  });

  it('never issues a code that Sheets would read as a number (23456789E2 would become 2345678900)', () => {
    expect(generateCodes(1, scripted('23456789E2', '2345678923', 'ABCDEFGHJK'))).toEqual(['ABCDEFGHJK']);
  });

  it('refuses a source that keeps giving the same code, since its codes could be guessed', () => {
    expect(() => generateCodes(2, () => 9)).toThrow(/repeating itself/);
  });

  it('refuses a source that returns something other than a whole number below n', () => {
    expect(() => generateCodes(1, () => 31)).toThrow(/randomInt\(31\) returned 31/);
    expect(() => generateCodes(1, () => 0.5)).toThrow(RangeError);
  });

  it('gives nothing for no members', () => {
    expect(generateCodes(0, () => 0)).toEqual([]);
  });
});

describe('random integers from UUIDs', () => {
  it('draws again rather than folding a too-large value: bits 11111 then 00011 give 3, not 31 mod 31 = 0', () => {
    // f8c… = 1111 1000 1100 …: the first five bits are 31 (refused), the next five are 3.
    const randomInt = codeRandomFromUuids(() => 'f8c00000-0000-4000-8000-000000000000');
    expect(randomInt(31)).toBe(3);
  });

  it('uses the 122 random bits of a UUID and none of its fixed version and variant bits', () => {
    // Every random bit is 1; the version digit 4 (0100) and the variant's leading 10 would bring zeros.
    const bits = uuidBits('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(bits).toHaveLength(122);
    expect(bits.every((b) => b === 1)).toBe(true);
  });

  it('takes a new UUID only when the 122 bits of the last one are spent', () => {
    const uuids = seededUuids(7);
    let taken = 0;
    const randomInt = codeRandomFromUuids(() => {
      taken += 1;
      return uuids();
    });
    for (let i = 0; i < 122; i++) randomInt(2);
    expect(taken).toBe(1);
    randomInt(2);
    expect(taken).toBe(2);
  });

  it('reads the bits in order, most significant first', () => {
    const randomInt = codeRandomFromUuids(() => '12345678-9abc-4def-8123-456789abcdef');
    // 16 is a power of two, so each draw is one hex digit; the version digit 4 is skipped.
    expect([randomInt(16), randomInt(16), randomInt(16)]).toEqual([1, 2, 3]);
  });

  it('refuses anything but a version-4 UUID, and the same UUID twice', () => {
    expect(() => codeRandomFromUuids(() => 'not-a-uuid')(31)).toThrow(/not a random \(version 4\) UUID/);
    expect(() => codeRandomFromUuids(() => 'c232ab00-9414-11ec-b3c8-9f6bdeced846')(31)).toThrow(/version 4/);
    const same = codeRandomFromUuids(() => '00000000-0000-4000-8000-000000000001');
    expect(() => { for (let i = 0; i < 200; i++) same(2); }).toThrow(/same UUID came twice/);
  });

  it('gives each value below n about equally often', () => {
    const randomInt = codeRandomFromUuids(seededUuids(11));
    const counts = new Array<number>(5).fill(0);
    for (let i = 0; i < 50_000; i++) counts[randomInt(5)]! += 1;
    // 4 degrees of freedom: 25 is exceeded by chance about once in 20,000 runs.
    expect(chiSquare(counts)).toBeLessThan(25);
  });
});

describe('reading a code a member typed', () => {
  it.each([
    ['abcde-fghjk'],
    ['ABCDE-FGHJK'],
    ['  abcde fghjk '],
    ['ABCDEFGHJK'],
    ['abcde – fghjk'],
    ['ab-cd-ef-gh-jk'],
  ])('accepts %j as ABCDEFGHJK', (typed) => {
    expect(normalizeCode(typed)).toBe('ABCDEFGHJK');
  });

  it.each([
    ['ABCD0-FGHJK', '"0"'],
    ['ABCDO-FGHJK', '"O"'],
    ['abcde-fghj1', '"1"'],
    ['abcde-fghjl', '"l"'],
    ['ABCDE-FGHJI', '"I"'],
    ['ABCDE_FGHJK', '"_"'],
  ])('refuses %j rather than guess which character was meant', (typed, named) => {
    expect(normalizeCode(typed)).toBeNull();
    const reading = readCode(typed);
    expect('problem' in reading && reading.problem).toContain(named);
  });

  it('refuses a code of the wrong length, saying how long a code is', () => {
    expect(readCode('ABCDE-FGHJ')).toEqual({ problem: '"ABCDE-FGHJ" has 9 characters; a voter code has 10' });
    expect(normalizeCode('ABCDE-FGHJK-M')).toBeNull();
    expect(normalizeCode('')).toBeNull();
  });

  it('prints a code in two groups of five', () => {
    expect(formatCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
    expect(formatCode('abcde fghjk')).toBe('ABCDE-FGHJK');
  });

  it('reads back every code it prints', () => {
    for (const code of generateCodes(200, codeRandomFromUuids(seededUuids(3)))) {
      expect(normalizeCode(formatCode(code))).toBe(code);
      expect(normalizeCode(formatCode(code).toLowerCase())).toBe(code);
    }
  });
});

const SOURCE = 'Form Responses 1';

function ballot(row: number, voter: string | null, at: number | null = Date.UTC(2026, 4, 20, 12, row)): Response {
  return { source: SOURCE, row, submittedAt: at, voter, races: { Mayor: { kind: 'single', choice: 'Ana Diaz' } } };
}

const ISSUED = new Map([
  ['ABCDEFGHJK', 'ana@example.org'],
  ['ZYXWVUTSRQ', 'bo@example.org'],
  ['23456789AB', 'cy@example.org'],
]);

describe('checking the codes on ballots', () => {
  it('accepts a ballot with an issued code, typed in any case and spacing, as its member', () => {
    const { accepted, refusals } = checkCodes([ballot(2, 'abcde fghjk'), ballot(3, 'ZYXWV-UTSRQ')], ISSUED);
    expect(refusals).toEqual([]);
    expect(accepted.map((a) => [a.response.row, a.code, a.member])).toEqual([
      [2, 'ABCDEFGHJK', 'ana@example.org'],
      [3, 'ZYXWVUTSRQ', 'bo@example.org'],
    ]);
  });

  it('counts a code once, the first time it was used, and refuses it after', () => {
    const first = Date.UTC(2026, 4, 20, 9);
    const later = Date.UTC(2026, 4, 21, 9);
    // Row 5 was cast first (rows can be out of time order after a sort or an import of several sheets).
    const { accepted, refusals } = checkCodes([ballot(2, 'ABCDE-FGHJK', later), ballot(5, 'abcdefghjk', first)], ISSUED);
    expect(accepted.map((a) => a.response.row)).toEqual([5]);
    expect(refusals).toEqual([
      { source: SOURCE, row: 2, voter: 'ABCDE-FGHJK', reason: 'reused-code', detail: 'ABCDE-FGHJK was already used at row 5; a code counts once, the first time' },
    ]);
  });

  it('refuses a code that was never issued, and one that cannot be a code', () => {
    const { accepted, refusals } = checkCodes([ballot(2, 'QQQQQ-QQQQQ'), ballot(3, 'ABCD0-FGHJK')], ISSUED);
    expect(accepted).toEqual([]);
    expect(refusals.map((r) => [r.row, r.reason])).toEqual([[2, 'unknown-code'], [3, 'unknown-code']]);
    expect(refusals[0]!.detail).toBe('QQQQQ-QQQQQ (row 2) is not a code that was issued');
    expect(refusals[1]!.detail).toContain('"0"');
  });

  it('refuses a ballot without a code as having no voter identity', () => {
    const { refusals } = checkCodes([ballot(2, null), ballot(3, '   ')], ISSUED);
    expect(refusals.map((r) => [r.row, r.reason])).toEqual([[2, 'no-voter-identity'], [3, 'no-voter-identity']]);
  });

  it('never names the member behind a code in a refusal, since the ballot is secret', () => {
    const { refusals } = checkCodes([ballot(2, 'ABCDEFGHJK'), ballot(3, 'ABCDEFGHJK'), ballot(4, 'QQQQQQQQQQ')], ISSUED);
    expect(refusals).toHaveLength(2);
    for (const r of refusals) for (const member of ISSUED.values()) expect(r.detail).not.toContain(member);
  });

  it('refuses an issued list that gives one code to two members', () => {
    const broken = new Map([['ABCDEFGHJK', 'ana@example.org'], ['abcde-fghjk', 'bo@example.org']]);
    expect(() => checkCodes([], broken)).toThrow(InputError);
    expect(() => checkCodes([], broken)).toThrow('voter codes: ABCDE-FGHJK was issued to both ana@example.org and bo@example.org');
  });

  it('gives the same verdicts whatever the order of the ballots', () => {
    const codes = ['ABCDEFGHJK', 'ZYXWVUTSRQ', '23456789AB', 'QQQQQQQQQQ', 'ABCD0FGHJK'];
    const responses = fc.array(fc.record({ code: fc.constantFrom(...codes), minute: fc.integer({ min: 0, max: 50 }) }), { maxLength: 30 })
      .map((xs) => xs.map((x, i) => ballot(i + 2, x.code, Date.UTC(2026, 4, 20, 12, x.minute))));
    const listAndShuffle = responses.chain((list) =>
      fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));
    fc.assert(fc.property(listAndShuffle, ([list, shuffled]) => {
      expect(checkCodes(shuffled, ISSUED)).toEqual(checkCodes(list, ISSUED));
    }));
  });
});
