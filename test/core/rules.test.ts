import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, parseRules, RulesError } from '../../src/core/rules';

describe('the rules a group states before the vote', () => {
  it('default to two-thirds, at least, top-two runoff, every tied candidate advancing', () => {
    expect(DEFAULT_RULES).toMatchObject({
      threshold: '2/3', comparison: 'at-least', runoff: 'top-two', ties: 'all-advance',
      noEndorsement: ['No endorsement'], abstain: ['Abstain'], duplicates: 'latest', secret: false,
      eligibility: { attendedWithinWeeks: 6, minAttendance: 1, gmailAliases: false },
      proxies: { allowed: true, maxPerHolder: 1 },
      responses: { dateOrder: 'month-first' },
    });
  });

  it('take a single label where a list is expected', () => {
    expect(parseRules({ noEndorsement: 'None of the above' }).noEndorsement).toEqual(['None of the above']);
  });

  it.each([
    [{ threshold: '2-3' }, "threshold must be like 2/3 or 60%, or plurality, or consensus, got \"2-3\""],
    [{ thresold: '2/3' }, "unknown setting 'thresold'"],
    [{ runoff: 'instant' }, 'runoff must be one of "top-two", "eliminate-lowest", "none", got "instant"'],
    [{ races: { Mayor: { seats: 0 } } }, 'races.Mayor.seats must be 1 or more, got 0'],
    [{ window: { opens: '2026-06-01', closes: '2026-05-01' } }, 'window.opens (2026-06-01) is after window.closes (2026-05-01)'],
    [{ ties: 'lot' }, "ties is 'lot' but no seed is given"],
    [{ eligibility: { asOf: 'next tuesday' } }, 'eligibility.asOf must be a date like 2026-05-27'],
  ])('refuse %j with a message naming the setting', (input, message) => {
    expect(() => parseRules(input)).toThrow(RulesError);
    expect(() => parseRules(input)).toThrow(message);
  });
});
