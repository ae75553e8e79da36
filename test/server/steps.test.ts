import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, parseRules } from '../../src/core/rules';
import { announcedChanges, readLastRun, settingsFingerprint, type Announced } from '../../src/server/lastRun';
import { RULES_KEY } from '../../src/server/settings';
import { stepStates, type StepFacts } from '../../src/server/steps';
import type { CountView, SourcesPreview } from '../../src/shared/sidebarApi';

const preview: SourcesPreview = {
  responsesSheet: 'Form Responses 1', responses: 41, identityColumn: 'Email Address',
  races: [{ race: 'Mayor', kind: 'single', candidates: ['Ana Diaz', 'Bo Li'] }], ignoredColumns: [], rosterMembers: 42, problems: [],
};

const count = (outcome: CountView['races'][number]['outcome'], endorsed: string[], finalists: string[] = []): CountView => ({
  countedAt: '2026-05-28T02:00:00.000Z',
  notices: [],
  ballots: { received: 41, accepted: 40, refused: 1 },
  turnout: { voted: 40, eligible: 42 },
  races: [{ race: 'Mayor', outcome, endorsed, finalists, summary: '', warnings: [], rounds: [] }],
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
  });
});

describe('the Announce step', () => {
  const twoRaces = (): CountView => {
    const view = count('endorsed', ['Ana Diaz']);
    const da = { race: 'District Attorney', outcome: 'runoff-needed' as const, endorsed: [], finalists: ['Dana Reyes', 'Eli Stone'], summary: '', warnings: [], rounds: [] };
    return { ...view, races: [...view.races, da] };
  };
  const counted = (view = count('endorsed', ['Ana Diaz'])) => ({ view, settings: 'abc' });
  const announced = (view: Announced[], settings = 'abc') => ({ view, settings });

  it('waits for a count', () => {
    expect(stepStates(facts()).announce).toEqual({ state: 'not-started', summary: 'Available after a count' });
  });

  it('after a count it is ready for each race with a final outcome, and says why a race waiting for its runoff is not', () => {
    expect(stepStates(facts({ count: counted(twoRaces()) })).announce).toEqual({
      state: 'not-started',
      summary: 'Ready to announce Mayor; District Attorney waits (runoff needed between Dana Reyes and Eli Stone)',
    });
  });

  it('no endorsement and no quorum are final outcomes, announced like an endorsement', () => {
    for (const outcome of ['no-endorsement', 'no-quorum'] as const) {
      expect(stepStates(facts({ count: counted(count(outcome, [])) })).announce.summary).toBe('Ready to announce Mayor');
    }
  });

  it('a tie the rules leave to the group is not announced', () => {
    expect(stepStates(facts({ count: counted(count('tie', [])) })).announce).toEqual({
      state: 'not-started', summary: 'Nothing to announce yet: Mayor waits (a tie the rules leave to the group)',
    });
  });

  it('is done once the Docs of a race are created, saying how many', () => {
    const state = stepStates(facts({ count: counted(), announced: announced([{ race: 'Mayor', documents: 3, warnings: 0 }]) })).announce;
    expect(state).toEqual({ state: 'done', summary: '3 documents created for Mayor' });
  });

  it('names every race announced', () => {
    const made = announced([{ race: 'Mayor', documents: 6, warnings: 0 }, { race: 'District Attorney', documents: 5, warnings: 0 }]);
    expect(stepStates(facts({ count: counted(twoRaces()), announced: made })).announce.summary).toBe('6 documents created for Mayor; 5 for District Attorney');
  });

  it('needs attention while a Doc holds a placeholder left as written', () => {
    const state = stepStates(facts({ count: counted(), announced: announced([{ race: 'Mayor', documents: 6, warnings: 1 }]) })).announce;
    expect(state).toEqual({ state: 'needs-attention', summary: '6 documents created for Mayor; 1 warning: placeholders left as written' });
  });

  it('asks for a new count once the settings change, and forgets Docs written from an older count', () => {
    const made = announced([{ race: 'Mayor', documents: 6, warnings: 0 }]);
    expect(stepStates(facts({ count: counted(), announced: made, settings: 'def' })).announce).toEqual({
      state: 'not-started', summary: 'Count again first: the rules or the sheets changed since the last count',
    });
    const recounted = { view: count('endorsed', ['Ana Diaz']), settings: 'def' };
    expect(stepStates(facts({ count: recounted, announced: made, settings: 'def' })).announce.summary).toBe('Ready to announce Mayor');
  });
});

describe('remembering the announcements', () => {
  const properties = (threshold: string) => ({ [RULES_KEY]: JSON.stringify({ threshold }) });
  const after = (props: Record<string, string>, done: Announced[]) => ({ ...props, ...announcedChanges(done, props).set });

  it('keeps the latest creation per race, and the other races announced before', () => {
    const mayor = { race: 'Mayor', documents: 6, warnings: 1 };
    const da = { race: 'District Attorney', documents: 5, warnings: 0 };
    const fixed = { race: 'Mayor', documents: 6, warnings: 0 };
    const props = after(after(after(properties('2/3'), [mayor]), [da]), [fixed]);
    expect(readLastRun(props).announced).toEqual({ view: [da, fixed], settings: settingsFingerprint(props) });
  });

  it('starts afresh under other settings', () => {
    const old = after(properties('2/3'), [{ race: 'Mayor', documents: 6, warnings: 0 }]);
    const changed = { ...old, ...properties('3/5') };
    const da = { race: 'District Attorney', documents: 5, warnings: 0 };
    expect(readLastRun(after(changed, [da])).announced!.view).toEqual([da]);
  });

  it('a record cut short is forgotten, not an error', () => {
    expect(readLastRun({ 'endorse.lastAnnouncements': '{"view": [{"race"' }).announced).toBeNull();
    expect(readLastRun({ 'endorse.lastAnnouncements': '{"view": "Mayor", "settings": "abc"}' }).announced).toBeNull();
  });
});
