import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePassMark, scoreQuestionnaire } from '../../src/core/questionnaire';

/** A ten-question yes/no key, and answers that get exactly the listed questions wrong. */
const KEY = ['yes', 'yes', 'no', 'yes', 'no', 'yes', 'no', 'no', 'yes', 'yes'];
const flip = (a: string) => (a === 'yes' ? 'no' : 'yes');
const wrongOn = (...questions: number[]) => KEY.map((a, i) => (questions.indexOf(i + 1) >= 0 ? flip(a) : a));

describe('the national program rule: 80% with every dealbreaker right', () => {
  it('passes a candidate with exactly 8 of 10 right and every dealbreaker right', () => {
    const result = scoreQuestionnaire(wrongOn(2, 9), KEY, { dealbreakers: [1, 3] });
    expect(result).toMatchObject({ right: 8, asked: 10, score: { num: 8, den: 10 }, percent: 80, passed: true, dealbreakersMissed: [] });
    expect(result.verdict).toBe('Pass: 8 of 10 (80%), every dealbreaker right');
  });

  it('fails a candidate with 7 of 10 right, below the 80% pass mark', () => {
    const result = scoreQuestionnaire(wrongOn(2, 5, 9), KEY);
    expect(result).toMatchObject({ right: 7, passed: false });
    expect(result.verdict).toBe('Fail: 7 of 10 (70%), below the 80% pass mark');
  });

  it('fails a candidate who misses a dealbreaker, however high the score', () => {
    const result = scoreQuestionnaire(wrongOn(3), KEY, { dealbreakers: [3, 6] });
    expect(result).toMatchObject({ right: 9, passed: false, dealbreakersMissed: [3] });
    expect(result.verdict).toBe('Fail: 9 of 10 (90%), missed dealbreaker 3');
  });

  it('names every reason a candidate fails', () => {
    const result = scoreQuestionnaire(wrongOn(1, 2, 3), KEY, { dealbreakers: [1, 3, 4] });
    expect(result.verdict).toBe('Fail: 7 of 10 (70%), below the 80% pass mark; missed dealbreakers 1 and 3');
  });

  it('says so when the group set no dealbreaker', () => {
    expect(scoreQuestionnaire(wrongOn(4), KEY).verdict).toBe('Pass: 9 of 10 (90%), no dealbreakers set');
  });

  it('holds the pass mark exactly: 35 of 53 is over 66% but under two-thirds', () => {
    const key = Array(53).fill('yes');
    const answers = key.map((_, i) => (i < 35 ? 'yes' : 'no'));
    expect(scoreQuestionnaire(answers, key, { passMark: '66%' }).passed).toBe(true);
    expect(scoreQuestionnaire(answers, key, { passMark: '2/3' }).passed).toBe(false);
    expect(scoreQuestionnaire(answers, key, { passMark: 2 / 3 }).passed).toBe(false);
  });

  it('never displays a failing score as the pass mark: the percentage is rounded down', () => {
    const key = Array(1000).fill('yes');
    const answers = key.map((_, i) => (i < 799 ? 'yes' : 'no')); // 79.9%
    const result = scoreQuestionnaire(answers, key);
    expect(result.passed).toBe(false);
    expect(result.percent).toBe(79.9);
    const twoThirds = scoreQuestionnaire(['yes', 'yes', 'no'], ['yes', 'yes', 'yes'], { passMark: '2/3' });
    expect(twoThirds.percent).toBe(66.6);
    expect(twoThirds.verdict).toBe('Pass: 2 of 3 (66.6%), no dealbreakers set');
  });

  it('passes exactly when 5 × right ≥ 4 × asked and no dealbreaker is missed, whatever the answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.constantFrom('yes', 'no', 'A', 'b c'), right: fc.boolean(), dealbreaker: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        (questions) => {
          const key = questions.map((q) => q.key);
          const answers = questions.map((q) => (q.right ? q.key : q.key + ' not'));
          const dealbreakers = questions.map((q) => (q.dealbreaker ? 'x' : ''));
          const right = questions.filter((q) => q.right).length;
          const missed = questions.some((q) => q.dealbreaker && !q.right);
          const result = scoreQuestionnaire(answers, key, { dealbreakers });
          expect(result.right).toBe(right);
          expect(result.asked).toBe(questions.length);
          expect(result.passed).toBe(5 * right >= 4 * questions.length && !missed);
          if (5 * right < 4 * questions.length) expect(result.percent).toBeLessThan(80);
        },
      ),
    );
  });

  it('does not depend on the order of the questions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.constantFrom('yes', 'no'), answer: fc.constantFrom('yes', 'no', ''), dealbreaker: fc.boolean() }), { minLength: 1, maxLength: 20 }),
        fc.infiniteStream(fc.nat()),
        (questions, draws) => {
          const shuffled = questions.map((q, i) => ({ q, order: draws.next().value * 100 + i })).sort((a, b) => a.order - b.order).map((s) => s.q);
          const score = (qs: typeof questions) => {
            const r = scoreQuestionnaire(qs.map((q) => q.answer), qs.map((q) => q.key), { dealbreakers: qs.map((q) => q.dealbreaker) });
            return { right: r.right, asked: r.asked, passed: r.passed, missed: r.dealbreakersMissed.length };
          };
          expect(score(shuffled)).toEqual(score(questions));
        },
      ),
    );
  });
});

describe('comparing answers with the key', () => {
  it('ignores case and spaces', () => {
    const result = scoreQuestionnaire(['  Single Payer ', 'MEDICARE for all', 'b'], ['single payer', 'Medicare forall', 'B']);
    expect(result.right).toBe(3);
  });

  it.each([
    ['Y', 'yes'], ['n', 'No'], [true, 'yes'], [false, 'no'], ['TRUE', 'Yes'], ['false', 'N'], [1, 'yes'], [0, 'no'], ['1', true], ['yes', 1],
  ])('reads %j as the same answer as %j', (answer, key) => {
    expect(scoreQuestionnaire([answer], [key]).right).toBe(1);
  });

  it.each([
    ['no', 'yes'], [false, 'Y'], [0, 'yes'], ['Medicare', 'Medicare for all'], ['maybe', 'yes'],
  ])('reads %j as a different answer from %j', (answer, key) => {
    expect(scoreQuestionnaire([answer], [key]).right).toBe(0);
  });

  it('counts a blank answer as wrong, and a missed dealbreaker when it is one', () => {
    const answers = wrongOn();
    answers[4] = '';
    const result = scoreQuestionnaire(answers.slice(0, 9), KEY, { dealbreakers: [5] });
    expect(result).toMatchObject({ right: 8, asked: 10, dealbreakersMissed: [5], passed: false });
  });

  it('does not score a question left blank in the key, and says so', () => {
    const key = [...KEY];
    key[1] = '';
    key[6] = ' ';
    const result = scoreQuestionnaire(wrongOn(1), key);
    expect(result).toMatchObject({ right: 7, asked: 8, unscored: [2, 7], passed: true });
    expect(result.verdict).toBe('Pass: 7 of 8 (87.5%), no dealbreakers set; questions 2 and 7 not scored (blank in the answer key)');
  });
});

describe('the shapes Sheets passes', () => {
  it('reads a one-column range, a one-row range and a list alike, ignoring empty trailing rows', () => {
    const answers = wrongOn(2, 5);
    const flat = scoreQuestionnaire(answers, KEY);
    expect(scoreQuestionnaire(answers.map((a) => [a]), [...KEY, '', ''].map((k) => [k]))).toEqual(flat);
    expect(scoreQuestionnaire([answers], [KEY])).toEqual(flat);
    expect(flat.right).toBe(8);
  });

  it('takes a single cell as a one-question questionnaire', () => {
    expect(scoreQuestionnaire('Yes', 'y')).toMatchObject({ right: 1, asked: 1, passed: true });
  });

  it('refuses a block of several rows and columns', () => {
    expect(() => scoreQuestionnaire([['yes', 'no'], ['no', 'yes']], KEY)).toThrow('answers must be a single row or column, got 2 rows by 2 columns');
  });

  it('refuses more answers than the key has questions', () => {
    expect(() => scoreQuestionnaire([...KEY, 'yes'], KEY)).toThrow('answers has 11 answers but answer_key has 10 questions');
  });

  it('refuses a key with no answer at all', () => {
    expect(() => scoreQuestionnaire(['yes'], ['', ' '])).toThrow('answer_key has no answers: there is nothing to score');
  });
});

describe('dealbreakers', () => {
  const answers = wrongOn(3, 7);
  it.each([
    ['question numbers', [3, 6, 7]],
    ['question numbers in one cell', '3, 6; 7'],
    ['x marks beside the key', ['', '', 'x', '', '', 'X', ' x ']],
    ['TRUE/FALSE beside the key', [false, false, true, false, false, true, true, false, false, false]],
    ['a column range of marks', [[''], [''], ['x'], [''], [''], ['yes'], ['✓'], [''], [''], ['']]],
  ])('are read from %s', (_, dealbreakers) => {
    expect(scoreQuestionnaire(answers, KEY, { dealbreakers }).dealbreakersMissed).toEqual([3, 7]);
  });

  it('refuses a question the key does not have', () => {
    expect(() => scoreQuestionnaire(answers, KEY, { dealbreakers: [12] })).toThrow('dealbreakers names question 12, but answer_key has questions 1 to 10');
    expect(() => scoreQuestionnaire(answers, KEY, { dealbreakers: [0, 1] })).toThrow(/question 0.*use x or TRUE/);
    expect(() => scoreQuestionnaire(answers, KEY, { dealbreakers: [...Array(10).fill(''), 'x'] })).toThrow('question 11');
  });

  it('refuses a dealbreaker with no answer in the key', () => {
    const key = [...KEY];
    key[3] = '';
    expect(() => scoreQuestionnaire(answers, key, { dealbreakers: [4] })).toThrow('dealbreaker question 4 has no answer in answer_key');
  });

  it('refuses what is neither a mark nor a question number', () => {
    expect(() => scoreQuestionnaire(answers, KEY, { dealbreakers: ['x', 'maybe'] })).toThrow("dealbreakers entry 2 must be x, TRUE or blank, got 'maybe'");
    expect(() => scoreQuestionnaire(answers, KEY, { dealbreakers: ['health care'] })).toThrow(
      "dealbreakers must be question numbers like 3, 7 or x marks beside the key, got 'health care'",
    );
  });
});

describe('the pass mark', () => {
  it('is 80% unless the group states another', () => {
    expect(parsePassMark(undefined)).toEqual({ num: 4, den: 5 });
    expect(parsePassMark('')).toEqual({ num: 4, den: 5 });
  });

  it.each([['80%'], [' 80 % '], [0.8], ['0.8'], ['4/5'], ['8 / 10'], ['80.0%']])('reads %j as four fifths', (mark) => {
    expect(parsePassMark(mark)).toEqual({ num: 4, den: 5 });
  });

  it('keeps a pass mark exact', () => {
    expect(parsePassMark('82.5%')).toEqual({ num: 33, den: 40 });
    expect(parsePassMark(2 / 3)).toEqual({ num: 2, den: 3 });
    expect(parsePassMark('100%')).toEqual({ num: 1, den: 1 });
    expect(scoreQuestionnaire(wrongOn(4), KEY, { passMark: '2/3' }).verdict).toBe('Pass: 9 of 10 (90%), no dealbreakers set');
    expect(scoreQuestionnaire(wrongOn(1, 2, 3, 4), KEY, { passMark: '2/3' }).verdict).toBe('Fail: 6 of 10 (60%), below the 2/3 pass mark');
  });

  it.each([['eighty'], ['80'], [80], ['4-5'], ['4/0'], [-0.5], [Number.NaN]])('refuses %j, saying what it expects', (mark) => {
    expect(() => parsePassMark(mark)).toThrow(`pass_mark must be like 80% or 4/5, got '${String(mark).trim()}'`);
  });

  it('refuses a pass mark above 100%', () => {
    expect(() => parsePassMark('120%')).toThrow("pass_mark must be at most 100%, got '120%'");
    expect(() => scoreQuestionnaire(KEY, KEY, { passMark: '6/5' })).toThrow('at most 100%');
  });
});
