import { describe, expect, it } from 'vitest';
import { parseRules, RulesError } from '../../src/core/rules';

describe('rules no vote could be counted by are refused when they are read, not when the count reaches them', () => {
  it.each([
    [{ threshold: '0/3' }, 'threshold 0/3 would endorse anyone with a single vote; use plurality'],
    [{ threshold: '0%' }, 'threshold 0% would endorse anyone with a single vote; use plurality'],
    [{ threshold: '4/3' }, 'threshold 4/3 is more than all of the votes'],
    [{ threshold: '100.5%' }, 'threshold 100.5% is more than all of the votes'],
    [{ threshold: '2/0' }, 'threshold 2/0 divides by zero'],
    [{ threshold: '1/1', comparison: 'more-than' }, 'threshold "more than 1/1" can never be reached'],
    [{ threshold: '100%', comparison: 'more-than' }, 'threshold "more than 100%" can never be reached'],
    [{ minTurnout: '5/4' }, 'minTurnout 5/4 is more than every eligible member'],
    [{ minTurnout: '0/0' }, 'minTurnout 0/0 divides by zero'],
    [{ timeZone: 'Mars/Olympus_Mons' }, "timeZone: unknown time zone 'Mars/Olympus_Mons'"],
    [{ runoffWindow: { timeZone: 'Europe/Atlantis' } }, 'runoffWindow.timeZone: unknown time zone'],
    [{ eligibility: { asOf: '2026-02-29' } }, 'eligibility.asOf is not a real date, got "2026-02-29"'],
    [{ runoffWindow: { closes: '2026-06-31T21:00' } }, 'runoffWindow.closes is not a real date'],
    [{ ties: [] }, 'ties: an empty order settles no tie'],
    [{ ties: ['Bo Li', 'BO LI'] }, 'ties: the order names "BO LI" twice'],
    [{ ties: ['Bo Li'], races: { Mayor: { candidates: ['Ana Diaz', 'Bo Li'] } } }, 'ties: the order does not name "Ana Diaz", a candidate in races.Mayor'],
    [{ noEndorsement: 'Pass', abstain: ['Abstain', ' pass '] }, '"Pass" is both a noEndorsement and an abstain label'],
  ])('%j is refused: %s', (input, message) => {
    expect(() => parseRules(input, 'rules.json')).toThrow(RulesError);
    expect(() => parseRules(input, 'rules.json')).toThrow(`rules.json: ${message}`);
  });

  it('names every problem at once, so the group fixes its rules in one go', () => {
    expect(() => parseRules({ threshold: '4/3', minTurnout: '1/0', ties: [] })).toThrow(
      'rules: threshold 4/3 is more than all of the votes; minTurnout 1/0 divides by zero; ties: an empty order settles no tie',
    );
  });

  it.each([
    [{ threshold: '1/1' }],
    [{ threshold: '100%' }],
    [{ threshold: '1/2', comparison: 'more-than' }],
    [{ threshold: 'consensus', comparison: 'more-than' }],
    [{ threshold: 'plurality' }],
    [{ minTurnout: '1/1' }],
    [{ minTurnout: '0%' }],
    [{ ties: ['Bo Li', 'Ana Diaz'], races: { Mayor: { candidates: ['Ana Diaz', 'Bo Li', 'No endorsement'] } } }],
    [{ timeZone: 'America/Chicago', window: { timeZone: 'UTC', opens: '2024-02-29', closes: '2024-03-01T23:59:59' } }],
  ])('the boundaries that can be met are accepted: %j', (input) => {
    expect(() => parseRules(input)).not.toThrow();
  });
});
