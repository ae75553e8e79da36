import { afterEach, describe, expect, it } from 'vitest';
import * as main from '../../src/main';
import { RULES_KEY } from '../../src/server/settings';
import { findResponseSheet, sourceProblems } from '../../src/server/sources';
import type { SheetFixture } from '../fakes/index';
import { exampleCsv, exampleRules, FORM_URL, installWorld, type NodeWorld } from './world';

let env: NodeWorld | undefined;
afterEach(() => {
  env?.restore();
  env = undefined;
});

const header = [['Timestamp', 'Email Address', 'Mayor']];
const RUNOFF_FORM = 'https://docs.google.com/forms/d/e/1FAIpQLSrunoff/viewform';

function found(sheets: Record<string, unknown[][] | SheetFixture>, formUrl?: string, sources = { secondVotes: [] as string[] }): string | null {
  env = installWorld({ sheets, ...(formUrl ? { formUrl } : {}) });
  return findResponseSheet(SpreadsheetApp.getActiveSpreadsheet(), sources)?.getName() ?? null;
}

describe('the response sheet is found without being chosen', () => {
  it('by the link of the spreadsheet\'s form, whatever the sheet is called', () => {
    expect(found({ Notes: header, 'Ballots May': { values: header, formUrl: FORM_URL } }, FORM_URL)).toBe('Ballots May');
  });

  it('by that link rather than another form\'s, when two forms send responses here', () => {
    const sheets = { 'Runoff': { values: header, formUrl: RUNOFF_FORM }, 'First vote': { values: header, formUrl: FORM_URL } };
    expect(found(sheets, FORM_URL)).toBe('First vote');
  });

  it('skipping a linked sheet already chosen as a second vote', () => {
    const sheets = { 'Runoff': { values: header, formUrl: RUNOFF_FORM }, 'First vote': { values: header, formUrl: RUNOFF_FORM } };
    expect(found(sheets, RUNOFF_FORM, { secondVotes: ['Runoff'] })).toBe('First vote');
  });

  it('by a "Form Responses" name when no form is linked (a copy of the responses)', () => {
    expect(found({ Roster: header, 'Form responses 2': header })).toBe('Form responses 2');
  });

  it('not at all when nothing looks like one: the sidebar says how to link the form', () => {
    expect(found({ Roster: header })).toBeNull();
    const state = main.getSidebarState();
    expect(state.preview?.problems).toEqual([expect.stringMatching(/^No response sheet found: link the form to this spreadsheet/)]);
    expect(state.steps.sources.state).toBe('needs-attention');
  });
});

describe('a choice of sheets', () => {
  it('is checked against the spreadsheet: missing sheets, sheets Endorse writes, one sheet in two roles', () => {
    const problems = sourceProblems(
      { responses: 'Form Responses 1', roster: 'form responses 1', attendance: 'Ballots', proxies: 'Proxys', secondVotes: [] },
      ['Form Responses 1', 'Proxies'],
    );
    expect(problems).toEqual([
      '"form responses 1" is chosen both as the response sheet and as the roster',
      '"Ballots" is a sheet Endorse writes at every count; it cannot be the attendance log',
      'There is no sheet named "Proxys" (chosen as the proxy list)',
    ]);
  });

  it('is previewed with the saved rules: races, candidates, identity column, ignored columns, roster size', () => {
    env = installWorld({
      sheets: { 'Form Responses 1': exampleCsv('responses.csv'), Members: exampleCsv('roster.csv') },
      properties: { document: { [RULES_KEY]: JSON.stringify(exampleRules()) } },
    });
    const preview = main.previewSources({ roster: 'Members', secondVotes: [] });
    expect(preview).toMatchObject({
      responsesSheet: 'Form Responses 1',
      responses: exampleCsv('responses.csv').length - 1,
      identityColumn: 'Email Address',
      ignoredColumns: ['Your name', 'Anything else?'],
      rosterMembers: exampleCsv('roster.csv').length - 1,
      problems: [],
    });
    expect(preview.races.map((r) => [r.race, r.kind])).toEqual([['Mayor', 'single'], ['District Attorney', 'ranked']]);
    expect(preview.races[1]!.candidates).toEqual(['Ruth Okafor', 'Sam Greene', 'Tia Moreno']);
    // Nothing is saved by a preview.
    expect([...env.world.properties.document.values.keys()]).toEqual([RULES_KEY]);
  });

  it('is previewed with every problem, each naming its sheet and column', () => {
    env = installWorld({ sheets: { 'Form Responses 1': exampleCsv('responses.csv'), Members: [['Name', 'Phone'], ['Alma', '555']] } });
    const preview = main.previewSources({ roster: 'Members', secondVotes: [] });
    expect(preview.problems).toEqual([expect.stringMatching(/^Members.*Email/)]);
    expect(preview.rosterMembers).toBeNull();
    expect(preview.responses).toBeGreaterThan(0);
  });
});
