import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, parseRules } from '../../src/core/rules';
import { stepStates, type StepFacts } from '../../src/server/steps';
import type { CountView, SourcesPreview } from '../../src/shared/sidebarApi';

const preview: SourcesPreview = {
  responsesSheet: 'Form Responses 1', responses: 41, identityColumn: 'Email Address',
  races: [{ race: 'Mayor', kind: 'single', candidates: ['Ana Diaz', 'Bo Li'] }], ignoredColumns: [], rosterMembers: 42, problems: [],
};

const count = (outcome: CountView['races'][number]['outcome'], endorsed: string[], finalists: string[] = []): CountView => ({
  countedAt: '2026-05-28T02:00:00.000Z',
  ballots: { received: 41, accepted: 40, refused: 1 },
  turnout: { voted: 40, eligible: 42 },
  races: [{ race: 'Mayor', outcome, endorsed, finalists, summary: '', rounds: [] }],
  refusals: [],
  sheets: { results: 'Results', refused: 'Refused', ballots: 'Ballots' },
});

const facts = (more: Partial<StepFacts> = {}): StepFacts => ({
  rules: DEFAULT_RULES, rulesSaved: true, settingsProblem: null, preview, rosterChosen: true,
  eligibility: null, count: null, settings: 'abc', ...more,
});

describe('the steps of the sidebar', () => {
  it('rules not yet saved are the defaults, said in words', () => {
    expect(stepStates(facts({ rulesSaved: false })).rules).toEqual({
      state: 'not-started',
      summary: 'Not saved yet; the defaults apply: At least two-thirds of the votes cast, a runoff between the top two when nobody reaches it',
    });
  });

  it('saved rules are summed up by their threshold and runoff', () => {
    const rules = parseRules({ threshold: '60%', comparison: 'more-than', runoff: 'none' });
    expect(stepStates(facts({ rules })).rules).toEqual({ state: 'done', summary: 'More than 60% of the votes cast, no runoff' });
  });

  it('the sources step names the response sheet, its responses and races, and the roster', () => {
    expect(stepStates(facts()).sources).toEqual({ state: 'done', summary: '"Form Responses 1": 41 responses, 1 race; roster of 42 members' });
  });

  it('the sources step needs attention while there is a problem, and says which', () => {
    const problems = ['Roster, column "Email": missing', 'There is no sheet named "Proxies" (chosen as the proxy list)'];
    expect(stepStates(facts({ preview: { ...preview, problems } })).sources).toEqual({
      state: 'needs-attention', summary: 'Roster, column "Email": missing (and 1 more)',
    });
  });

  it('without a roster there is no eligibility to check: every identified ballot counts', () => {
    expect(stepStates(facts({ rosterChosen: false })).eligibility.summary).toMatch(/^No roster chosen/);
  });

  it('a count is summed up race by race, and flagged once the settings change', () => {
    const remembered = { view: count('runoff-needed', [], ['Ana Diaz', 'Bo Li']), settings: 'abc' };
    expect(stepStates(facts({ count: remembered })).count).toEqual({ state: 'done', summary: 'Mayor: runoff needed between Ana Diaz and Bo Li' });
    expect(stepStates(facts({ count: remembered, settings: 'def' })).count.state).toBe('needs-attention');
    expect(stepStates(facts({ count: remembered })).announce.summary).toMatch(/not available/);
    expect(stepStates(facts()).announce).toEqual({ state: 'not-started', summary: 'Available after a count' });
  });
});
