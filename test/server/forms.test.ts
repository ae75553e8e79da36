/**
 * The ballot form and the runoff form, built by dist/Code.js in the sandbox
 * on the Sheets and Forms fakes, then voted on and counted.
 */
import { describe, expect, it } from 'vitest';
import type { BallotView, CountView } from '../../src/shared/sidebarApi';
import { at, formsSandbox, type FormsSandbox } from './formsSandbox';

const SPREADSHEET_ID = '1EndorseFakeSpreadsheetId0000000000000000000';

const RACES = ['Mayor', 'Ana Diaz', 'Bo Li', 'Cy Wu', '', 'District Attorney (ranked)', 'Dee Ray', 'Eve Po'].join('\n');

const RULES = {
  group: 'Riverside Indivisible',
  window: { opens: '2026-05-20', closes: '2026-05-27T21:00', timeZone: 'America/Chicago' },
};

function withRules(rules: object = RULES): FormsSandbox {
  const box = formsSandbox({ sheets: { Members: [['Name']] } });
  box.run('saveSettings', { rules, sources: { secondVotes: [] } });
  return box;
}

describe('building the ballot form', () => {
  it('asks one question per race: a single choice, or a ranking grid with one response per column; "No endorsement" on each', () => {
    const box = withRules();
    const view = box.run<BallotView>('createBallotForm', { title: 'Endorsement vote 2026', races: RACES, online: 'signed-in' });
    const form = box.forms.form();

    expect(form.title).toBe('Endorsement vote 2026');
    const items = form.liveItems().map((i) => ({ kind: i.kind, title: i.title, choices: i.choices, rows: i.rows, columns: i.columns, onePerColumn: i.validation?.onePerColumn ?? false }));
    expect(items).toEqual([
      { kind: 'MULTIPLE_CHOICE', title: 'Mayor', choices: ['Ana Diaz', 'Bo Li', 'Cy Wu', 'No endorsement'], rows: [], columns: [], onePerColumn: false },
      {
        kind: 'GRID', title: 'District Attorney', choices: [],
        rows: ['Dee Ray', 'Eve Po', 'No endorsement'], columns: ['1st choice', '2nd choice', '3rd choice'], onePerColumn: true,
      },
    ]);
    expect(view.form).toEqual({ title: 'Endorsement vote 2026', editUrl: form.editUrl, publishedUrl: form.publishedUrl, responseSheet: 'Form Responses 1' });
    expect(view.races.map((r) => [r.name, r.kind])).toEqual([['Mayor', 'single'], ['District Attorney', 'ranked']]);
  });

  it('states the voting window and the threshold in its description', () => {
    const box = withRules();
    box.run('createBallotForm', { title: 'Endorsement vote 2026', races: RACES, online: 'signed-in' });
    const { description } = box.forms.form();
    expect(description).toContain('Riverside Indivisible');
    expect(description).toContain('Voting opens May 20, 2026 and closes at May 27, 2026 at 21:00 (America/Chicago time).');
    expect(description).toContain('at least two-thirds of the votes cast');
  });

  it('is linked to this spreadsheet, and its response sheet becomes the vote\'s responses', () => {
    const box = withRules();
    box.run('createBallotForm', { title: 'Endorsement vote 2026', races: RACES, online: 'signed-in' });
    const form = box.forms.form();
    expect(form.destination).toEqual({ type: 'SPREADSHEET', id: SPREADSHEET_ID });
    const state = box.run<{ settings: { sources: { responses?: string }; rules: { races: Record<string, unknown>; voting: unknown } } }>('getSidebarState');
    expect(state.settings.sources.responses).toBe('Form Responses 1');
    expect(state.settings.rules.races).toEqual({
      Mayor: { kind: 'single', candidates: ['Ana Diaz', 'Bo Li', 'Cy Wu'] },
      'District Attorney': { kind: 'ranked', candidates: ['Dee Ray', 'Eve Po'] },
    });
    expect(state.settings.rules.voting).toEqual({ online: 'signed-in', paper: false });
    // The form's id is remembered in the document properties.
    expect(box.sheets.properties.document.values.get('endorse.ballot')).toContain(form.id);
  });

  it('signed in: collects the verified Google account and takes one response per person', () => {
    const box = withRules();
    box.run('createBallotForm', { title: 'Vote', races: RACES, online: 'signed-in' });
    const form = box.forms.form();
    expect([form.collectEmail, form.limitOneResponsePerUser]).toEqual([true, true]);
    box.forms.submit({ email: 'ana@example.org', at: at(1), answers: new Map([['Mayor', 'Bo Li']]) });
    expect(() => box.forms.submit({ email: 'ana@example.org', at: at(2), answers: new Map([['Mayor', 'Cy Wu']]) })).toThrow(/limited to one response/);
  });

  it('voter codes: no email collected, no sign-in, and a required code question first', () => {
    const box = withRules();
    box.run('createBallotForm', { title: 'Vote', races: RACES, online: 'codes' });
    const form = box.forms.form();
    expect([form.collectEmail, form.limitOneResponsePerUser, form.requireLogin]).toEqual([false, false, false]);
    const [code] = form.liveItems();
    expect([code!.kind, code!.title, code!.required]).toEqual(['TEXT', 'Voter code', true]);
    expect(form.description).toContain('This is a secret ballot');
    // The rules now say so: a vote by codes is secret.
    const state = box.run<{ settings: { rules: { voting: unknown } } }>('getSidebarState');
    expect(state.settings.rules.voting).toEqual({ online: 'codes', paper: false });
  });

  it('refuses a list it could not put on a form, naming what to fix, and builds nothing', () => {
    const box = withRules();
    expect(() => box.run('createBallotForm', { title: 'Vote', races: 'Mayor\nAna Diaz\nana diaz\nNo endorsement', online: 'signed-in' })).toThrow(
      'The ballot cannot be built: "Mayor" lists "ana diaz" twice. "Mayor" lists "No endorsement", which the rules already put on every ballot: leave it out.',
    );
    expect(box.forms.forms.forms).toHaveLength(0);
  });

  it('never replaces a form that already holds ballots', () => {
    const box = withRules();
    box.run('createBallotForm', { title: 'Vote', races: RACES, online: 'signed-in' });
    box.forms.submit({ email: 'ana@example.org', at: at(1), answers: new Map([['Mayor', 'Bo Li']]) });
    expect(() => box.run('createBallotForm', { title: 'Vote', races: RACES, online: 'codes' })).toThrow(/already holds 1 ballot: change it in Forms/);
    expect(box.forms.forms.forms).toHaveLength(1);
  });
});

describe('the runoff form', () => {
  const mayorVotes: [string, string][] = [
    ['a1@example.org', 'Ana Diaz'], ['a2@example.org', 'Ana Diaz'], ['a3@example.org', 'Ana Diaz'], ['a4@example.org', 'Ana Diaz'], ['a5@example.org', 'Ana Diaz'],
    ['b1@example.org', 'Bo Li'], ['b2@example.org', 'Bo Li'], ['b3@example.org', 'Bo Li'],
    ['c1@example.org', 'Cy Wu'], ['c2@example.org', 'Cy Wu'],
  ];

  function afterFirstCount() {
    const box = withRules({ group: 'Riverside Indivisible', runoffWindow: { opens: '2026-05-28', closes: '2026-06-03' } });
    box.run('createBallotForm', { title: 'Endorsement vote 2026', races: 'Mayor: Ana Diaz, Bo Li, Cy Wu', online: 'signed-in' });
    mayorVotes.forEach(([email, choice], i) => box.forms.submit({ email, at: at(i), answers: new Map([['Mayor', choice]]) }));
    const count = box.run<CountView>('runCount');
    return { box, count };
  }

  it('is offered after a count ends with "runoff needed", for that race', () => {
    const { box, count } = afterFirstCount();
    // 5 of 10 is under two-thirds: Ana Diaz and Bo Li go to a runoff.
    expect(count.races.map((r) => [r.race, r.outcome, r.finalists])).toEqual([['Mayor', 'runoff-needed', ['Ana Diaz', 'Bo Li']]]);
    const view = box.run<BallotView>('getBallot');
    expect(view.runoffNeeded).toEqual([{ race: 'Mayor', finalists: ['Ana Diaz', 'Bo Li'] }]);
    expect(view.step.state).toBe('needs-attention');
  });

  it('holds the finalists and "No endorsement" only, with the ballot\'s settings, linked as the race\'s second vote', () => {
    const { box } = afterFirstCount();
    const view = box.run<BallotView>('createRunoffForm', 'Mayor');
    const runoff = box.forms.form();
    expect(runoff.title).toBe('Endorsement vote 2026: Mayor runoff');
    expect(runoff.liveItems().map((i) => [i.kind, i.title, i.choices])).toEqual([['MULTIPLE_CHOICE', 'Mayor', ['Ana Diaz', 'Bo Li', 'No endorsement']]]);
    expect([runoff.collectEmail, runoff.limitOneResponsePerUser]).toEqual([true, true]);
    expect(runoff.destination).toEqual({ type: 'SPREADSHEET', id: SPREADSHEET_ID });
    expect(runoff.description).toContain('between Ana Diaz and Bo Li');
    expect(runoff.description).toContain('Voting opens May 28, 2026 and closes at the end of June 3, 2026');
    expect(view.runoffs).toEqual([{ race: 'Mayor', form: { title: runoff.title, editUrl: runoff.editUrl, publishedUrl: runoff.publishedUrl, responseSheet: 'Form Responses 2' } }]);
    expect(view.runoffNeeded).toEqual([]);
    const state = box.run<{ settings: { sources: { responses?: string; secondVotes: string[] } } }>('getSidebarState');
    expect(state.settings.sources).toEqual({ responses: 'Form Responses 1', secondVotes: ['Form Responses 2'] });
  });

  it('its responses are counted as round 2 of the race', () => {
    const { box } = afterFirstCount();
    box.run('createRunoffForm', 'Mayor');
    const second = mayorVotes.map(([email], i): [string, string] => [email, i < 8 ? 'Ana Diaz' : 'Bo Li']);
    second.forEach(([email, choice], i) => box.forms.submit({ email, at: new Date(Date.UTC(2026, 4, 29, 12, i)), answers: new Map([['Mayor', choice]]) }));
    const count = box.run<CountView>('runCount');
    const mayor = count.races[0]!;
    expect([mayor.outcome, mayor.endorsed]).toEqual(['endorsed', ['Ana Diaz']]);
    expect(mayor.rounds.map((r) => r.rows.map(([option, votes]) => [option, votes]))).toEqual([
      [['Ana Diaz', 5], ['Bo Li', 3], ['Cy Wu', 2]],
      [['Ana Diaz', 8], ['Bo Li', 2]],
    ]);
  });

  it('stays the race\'s second vote when the Sources step is later saved without it', () => {
    const { box } = afterFirstCount();
    box.run('createRunoffForm', 'Mayor');
    mayorVotes.forEach(([email], i) => box.forms.submit({ email, at: new Date(Date.UTC(2026, 4, 29, 12, i)), answers: new Map([['Mayor', 'Ana Diaz']]) }));
    box.run('saveSettings', { rules: box.run<{ settings: { rules: object } }>('getSidebarState').settings.rules, sources: { secondVotes: [] } });
    const mayor = box.run<CountView>('runCount').races[0]!;
    expect([mayor.outcome, mayor.rounds.length]).toEqual(['endorsed', 2]);
  });

  it('is refused for a race that did not end in "runoff needed"', () => {
    const { box } = afterFirstCount();
    expect(() => box.run('createRunoffForm', 'Dog catcher')).toThrow(/did not: count the votes first/);
  });
});
