import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, parseRules, RulesError } from '../../src/core/rules';

describe('how members vote, in the rules', () => {
  it('online and signed in, without paper ballots, unless the group says otherwise', () => {
    expect(DEFAULT_RULES.voting).toEqual({ online: 'signed-in', paper: false });
    expect(DEFAULT_RULES.secret).toBe(false);
  });

  it('a vote by voter codes is a secret ballot', () => {
    expect(parseRules({ voting: { online: 'codes' } }).secret).toBe(true);
    expect(parseRules({ voting: { online: 'signed-in' }, secret: true }).secret).toBe(true);
  });

  it('with no online ballot, the ballots must be on paper', () => {
    expect(parseRules({ voting: { online: 'none', paper: true } }).voting).toEqual({ online: 'none', paper: true });
    expect(() => parseRules({ voting: { online: 'none' } })).toThrow(RulesError);
    expect(() => parseRules({ voting: { online: 'none' } })).toThrow('voting: with no online ballot (online "none"), paper must be true, or nobody can vote');
  });

  it('names an unknown way of voting', () => {
    expect(() => parseRules({ voting: { online: 'carrier pigeon' } })).toThrow('voting.online must be one of "signed-in", "codes", "none", got "carrier pigeon"');
  });
});
