/**
 * The sidebar's rules form and the plain-language lines under it, without a
 * browser: the figures a leader reads must be the ones the count will use.
 */
import { describe, expect, it } from 'vitest';
import { parseRules, type RulesInput } from '../../src/core/rules';
import { serverMessage } from '../../sidebar/server';
import {
  explainComparison, explainEligibility, explainNoEndorsement, explainProxies, explainQuorum, explainThreshold, explainTies,
  explainWindow, type ExplainContext,
} from '../../sidebar/steps/rulesExplanation';
import { formFromRules, rulesFromForm, type RulesForm } from '../../sidebar/steps/rulesForm';
import { formatWhen } from '../../sidebar/when';

const context = (over: Partial<ExplainContext> = {}): ExplainContext => ({ ballots: null, eligible: null, timeZone: 'America/Chicago', ...over });
const form = (over: Partial<RulesForm> = {}): RulesForm => ({ ...formFromRules({}), ...over });

describe('the rules form', () => {
  it('shows the defaults of a group that stated no rules: two-thirds, at least, a top-two runoff', () => {
    expect(formFromRules({})).toEqual({
      threshold: '2/3', customThreshold: '', comparison: 'at-least', runoff: 'top-two', ties: 'all-advance', seed: '', tieOrder: '',
      noEndorsement: 'No endorsement', asOf: '', weeks: '6', minAttendance: '1', opens: '', closes: '',
      proxiesAllowed: true, maxPerHolder: '1', minTurnout: '',
    });
  });

  it('keeps every setting the form does not show when it saves', () => {
    const saved: RulesInput = {
      threshold: '60%', secret: true, races: { Mayor: { seats: 1, candidates: ['Ana', 'Ben'] } },
      ranked: { overvote: 'skip' }, eligibility: { statuses: ['Member'], asOf: '2026-05-01' },
      window: { timeZone: 'America/Denver', opens: '2026-05-20' }, responses: { dateOrder: 'day-first' },
    };
    const { rules, problems } = rulesFromForm(form({ threshold: '2/3', asOf: '2026-05-20', opens: '' }), saved);
    expect(problems).toEqual([]);
    expect(rules).toMatchObject({
      threshold: '2/3', secret: true, races: saved.races, ranked: saved.ranked, responses: saved.responses,
      eligibility: { statuses: ['Member'], asOf: '2026-05-20' }, window: { timeZone: 'America/Denver' },
    });
    expect(rules.window).not.toHaveProperty('opens');
    expect(() => parseRules(rules)).not.toThrow();
  });

  it('gives back the rules it was filled from, for every kind of tie rule', () => {
    const cases: RulesInput[] = [
      { threshold: '66%', comparison: 'more-than', ties: ['Ben', 'Ana'], noEndorsement: ['No endorsement', 'None of them'] },
      { threshold: 'plurality', runoff: 'none', ties: 'lot', seed: 'meeting 27', minTurnout: '1/4' },
      { threshold: '3/5', runoff: 'eliminate-lowest', ties: 'ask', proxies: { allowed: false, maxPerHolder: 2 }, window: { opens: '2026-05-20 19:00', closes: '2026-05-27' } },
    ];
    for (const rules of cases) {
      const { rules: back } = rulesFromForm(formFromRules(rules), {});
      expect(parseRules(back)).toEqual(parseRules(rules));
    }
  });

  it('reads a threshold it has no preset for as a custom one, as written', () => {
    expect(formFromRules({ threshold: ' 66.67% ' })).toMatchObject({ threshold: 'custom', customThreshold: '66.67%' });
    expect(formFromRules({ threshold: '2 / 3' })).toMatchObject({ threshold: '2/3', customThreshold: '' });
  });

  it('names what it cannot save: an empty custom threshold, a published order with no names', () => {
    const { problems } = rulesFromForm(form({ threshold: 'custom', customThreshold: ' ', ties: 'order', tieOrder: '\n' }), {});
    expect(problems).toEqual([
      'threshold: write a fraction like 3/4 or a percentage like 60%',
      'ties: list the candidates in the published order, one per line',
    ]);
  });
});

describe('the explanation under each rule', () => {
  it('says how many votes two-thirds takes with the ballots received: 28 of 41', () => {
    expect(explainThreshold(form(), context({ ballots: 41 })).text).toBe(
      'With 41 ballots, a candidate needs at least 28 votes (at least two-thirds). Blank ballots are not votes cast.',
    );
  });

  it('tells "at least" from "more than" where they differ: 36 of 53 for two-thirds, 35 of 53 for over 66%', () => {
    // The guide's boundary: 35 of 53 is 66.04%, over 66% but under two-thirds.
    expect(explainThreshold(form(), context({ ballots: 53 })).text).toContain('needs at least 36 votes (at least two-thirds)');
    expect(explainThreshold(form({ threshold: 'custom', customThreshold: '66%', comparison: 'more-than' }), context({ ballots: 53 })).text)
      .toContain('needs at least 35 votes (more than 66%)');
    // 20 of 30 is exactly two-thirds: enough "at least", not enough "more than".
    expect(explainThreshold(form({ comparison: 'more-than' }), context({ ballots: 30 })).text).toContain('needs at least 21 votes');
    expect(explainComparison(form({ comparison: 'more-than' })).text).toBe('Exactly two-thirds is not enough: a candidate must pass it ("over two-thirds").');
  });

  it('works an example of 30 ballots until the responses are known', () => {
    expect(explainThreshold(form({ threshold: '1/2', comparison: 'more-than' }), context()).text).toBe(
      'For example, with 30 ballots, a candidate needs at least 16 votes (more than half). Blank ballots are not votes cast.',
    );
  });

  it('flags a threshold that cannot be used, and explains plurality and consensus without figures to reach', () => {
    expect(explainThreshold(form({ threshold: 'custom', customThreshold: '3/2' }), context())).toEqual({
      text: 'threshold 3/2 is more than all of the votes.', problem: true,
    });
    expect(explainThreshold(form({ threshold: 'plurality' }), context({ ballots: 41 })).text).toMatch(/^The candidate with the most votes is endorsed/);
    expect(explainThreshold(form({ threshold: 'consensus' }), context({ ballots: 12 })).text).toBe('With 12 ballots, a candidate needs all 12 votes: everyone must agree.');
  });

  it('says how many members a quorum takes: a quarter of 52 is 13, a third of 10 is 4', () => {
    expect(explainQuorum(form({ minTurnout: '25%' }), context({ eligible: 52 })).text).toBe(
      'With 52 eligible members, at least 13 must vote (25%), or the vote decides nothing.',
    );
    expect(explainQuorum(form({ minTurnout: '1/3' }), context({ eligible: 10 })).text).toContain('at least 4 must vote');
    expect(explainQuorum(form(), context()).text).toBe('No quorum: the vote decides however few members vote.');
    expect(explainQuorum(form({ minTurnout: 'a quarter' }), context()).problem).toBe(true);
  });

  it('reads a closing date alone as the end of that day, in the spreadsheet\'s zone', () => {
    expect(explainWindow(form({ opens: '2026-05-20 19:00', closes: '2026-05-27' }), context()).text).toBe(
      'Ballots count from 2026-05-20 19:00 to the end of 2026-05-27 (America/Chicago time); the others are refused.',
    );
    expect(explainWindow(form({ opens: '2026-05-28', closes: '2026-05-27' }), context()).problem).toBe(true);
    expect(explainWindow(form({ closes: 'May 27' }), context()).problem).toBe(true);
  });

  it('asks for the seed of a draw by lot before the vote', () => {
    expect(explainTies(form({ ties: 'lot' })).problem).toBe(true);
    expect(explainTies(form({ ties: 'lot', seed: 'meeting 27' })).text).toContain('\u201cmeeting 27\u201d');
    expect(explainTies(form({ ties: 'order', tieOrder: 'Ben\nAna' })).text).toBe('A tie goes to whoever comes first in this order: Ben, Ana.');
  });

  it('reminds that "no endorsement" is a real vote, and explains eligibility and proxies', () => {
    expect(explainNoEndorsement(form()).text).toBe('Votes for \u201cNo endorsement\u201d are real votes: they count in the total, so they make the threshold harder to reach.');
    expect(explainEligibility(form({ asOf: '2026-05-20' })).text).toBe('Members who attended a meeting or action in the 6 weeks up to 2026-05-20 may vote.');
    expect(explainEligibility(form({ minAttendance: '0' })).text).toBe('Attendance is not checked: every member on the roster may vote.');
    expect(explainProxies(form({ maxPerHolder: '2' })).text).toContain('at most 2 other members');
    expect(explainProxies(form({ proxiesAllowed: false })).text).toBe('Proxy ballots are refused: every member votes for themselves.');
  });
});

describe('what the sidebar shows from the server', () => {
  it('shows a failure as the server\'s message, without the class Apps Script puts in front', () => {
    expect(serverMessage(new Error('InputError: Roster, row 14: "jane@" is not an email address'))).toBe('Roster, row 14: "jane@" is not an email address');
    expect(serverMessage({ message: 'Exception: A count is already running.' })).toBe('A count is already running.');
    expect(serverMessage(new Error('Error: Service Spreadsheets timed out'))).toBe('Service Spreadsheets timed out');
    expect(serverMessage(new Error(''))).toMatch(/^The server failed without saying why/);
  });

  it('shows an instant in the spreadsheet\'s zone, and a date alone as that calendar day', () => {
    expect(formatWhen('2026-05-28T02:30:00.000Z', 'America/Chicago')).toBe('May 27, 2026, 9:30 PM');
    expect(formatWhen('2026-05-20', 'Pacific/Auckland')).toBe('May 20, 2026');
    expect(formatWhen('not a date', 'America/Chicago')).toBe('not a date');
  });
});
