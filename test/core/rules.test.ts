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

describe('a candidate cannot share a name with a blank vote', () => {
  it('refuses an abstain label listed among a race\'s candidates, naming both', () => {
    expect(() => parseRules({ races: { Mayor: { candidates: ['Ana Diaz', 'Abstain'] } } })).toThrow(
      'races.Mayor.candidates lists "Abstain", which is also an abstain label: a candidate and a blank vote cannot share a name',
    );
    // Compared as names are (nameKey): case and spacing do not hide it.
    expect(() => parseRules({ abstain: ['Pass'], races: { 'District Attorney': { candidates: [' PASS '] } } })).toThrow(
      'races.District Attorney.candidates lists "PASS", which is also an abstain label',
    );
  });

  it('accepts a declared "No endorsement" option, which is read as that option, not a candidate', () => {
    expect(() => parseRules({ races: { Mayor: { candidates: ['Ana Diaz', 'Bo Li', 'No endorsement'] } } })).not.toThrow();
    expect(() => parseRules({ races: { Mayor: { candidates: ['Ana Diaz', 'Abstainer'] } } })).not.toThrow();
  });
});

describe('the threshold and the quorum are read exactly when the rules are read', () => {
  it.each([
    [{ threshold: '200000000000000000001/300000000000000000000' }, 'has more digits than can be compared exactly; write it in lowest terms with smaller numbers'],
    [{ threshold: '100000000000000001/100000000000000000' }, 'threshold 100000000000000001/100000000000000000 is more than all of the votes'],
    [{ threshold: '66.6666666666666666666667%' }, 'threshold 66.6666666666666666666667% is too precise (at most 4 decimals)'],
    [{ minTurnout: '100000000000000001/100000000000000000' }, 'minTurnout 100000000000000001/100000000000000000 is more than every eligible member'],
    [{ minTurnout: '1/30000000000000000000' }, 'minTurnout 1/30000000000000000000 has more digits than can be compared exactly'],
  ])('refuses %j', (input, message) => {
    expect(() => parseRules(input)).toThrow(RulesError);
    expect(() => parseRules(input)).toThrow(message);
  });

  it.each(['2/3', '66.6667%', '999999/1000000', '12.5%', '1/1'])('still accepts %s', (threshold) => {
    expect(parseRules({ threshold }).threshold).toBe(threshold);
  });
});
