/**
 * Reading the ballots straight from the form (FormApp, by item) gives the same
 * count as reading its linked sheet, and keeps counting right when the form is
 * changed after the vote opened.
 */
import { describe, expect, it } from 'vitest';
import type { Answer, ItemKey } from '../fakes/formsWorld';
import type { BallotView, CountView } from '../../src/shared/sidebarApi';
import { at, formsSandbox } from './formsSandbox';

const RACES = ['Mayor: Ana Diaz; Bo Li; Cy Wu', '', 'District Attorney (ranked)', 'Dee Ray', 'Eve Po', 'Flo Ng'].join('\n');

/** Ballots as members fill them in: a choice for Mayor, a rank (or a blank row) per District Attorney candidate. */
const BALLOTS: [string, string | null, (string | null)[] | null][] = [
  ['ana@example.org', 'Ana Diaz', ['1st choice', '2nd choice', null, null]],
  ['bo@example.org', 'Ana Diaz', ['2nd choice', '1st choice', '3rd choice', null]],
  ['cy@example.org', 'Bo Li', [null, null, null, '1st choice']],
  ['dee@example.org', null, ['1st choice', null, '2nd choice', null]],
  ['eve@example.org', 'No endorsement', null],
  ['flo@example.org', 'Ana Diaz', ['3rd choice', '1st choice', '2nd choice', '4th choice']],
  ['gus@example.org', 'Cy Wu', ['1st choice', '2nd choice', '3rd choice', '4th choice']],
  ['hal@example.org', 'Ana Diaz', ['1st choice', null, null, null]],
];

function votedBox() {
  const box = formsSandbox({ sheets: { Notes: [['Note']] } });
  box.run('saveSettings', { rules: { group: 'Riverside Indivisible' }, sources: { secondVotes: [] } });
  box.run('createBallotForm', { title: 'Endorsement vote 2026', races: RACES, online: 'signed-in' });
  BALLOTS.forEach(([email, mayor, da], i) => {
    const answers = new Map<ItemKey, Answer>();
    if (mayor !== null) answers.set('Mayor', mayor);
    if (da !== null) answers.set('District Attorney', da);
    box.forms.submit({ email, at: at(i), answers });
  });
  return box;
}

/** What a member sees of the sheets a count writes, the source column of Ballots and Refused aside. */
function outputs(box: ReturnType<typeof votedBox>) {
  const withoutSource = (name: string) => box.sheets.sheet(name).displayValues().map((row) => row.slice(1));
  return { results: box.sheets.sheet('Results').displayValues(), ballots: withoutSource('Ballots'), refused: withoutSource('Refused') };
}

describe('importing the ballots straight from the form', () => {
  it('counts exactly as the linked sheet does, on the same responses', () => {
    const box = votedBox();
    const bySheet = box.run<CountView>('runCount');
    const sheetOutputs = outputs(box);
    const view = box.run<BallotView>('setBallotSource', 'form');
    expect(view.readFrom).toBe('form');
    box.sheets.calls.reset();
    const byForm = box.run<CountView>('runCount');

    expect(box.sheets.calls.count('FormResponse.getItemResponses')).toBe(BALLOTS.length);
    expect(byForm).toEqual(bySheet);
    expect(outputs(box)).toEqual(sheetOutputs);
    expect(box.sheets.sheet('Ballots').displayValues()[1]![0]).toBe('Form "Endorsement vote 2026"');
    // The ranking was read as one: the ballots of the eight members, in the race as built.
    expect(byForm.ballots).toEqual({ received: 8, accepted: 8, refused: 0 });
    expect(byForm.races.map((r) => r.race)).toEqual(['Mayor', 'District Attorney']);
  });

  it('maps answers by item: a question renamed and one added after the vote opened change nothing', () => {
    const box = votedBox();
    box.run('setBallotSource', 'form');
    const before = box.run<CountView>('runCount');

    const form = box.forms.form();
    form.item('Mayor').title = 'Mayor of Riverside';
    const comments = form.addItem('TEXT');
    comments.title = 'Anything to tell the steering committee?';
    box.forms.submit({ email: 'ivy@example.org', at: at(30), answers: new Map<ItemKey, Answer>([['Mayor of Riverside', 'Bo Li'], [comments.id, 'Thanks!']]) });
    const after = box.run<CountView>('runCount');

    expect(after.races.map((r) => r.race)).toEqual(['Mayor', 'District Attorney']);
    const votes = (view: CountView) => Object.fromEntries(view.races[0]!.rounds[0]!.rows.map(([option, n]) => [option, n]));
    expect(votes(after)).toEqual({ ...votes(before), 'Bo Li': (votes(before)['Bo Li'] ?? 0) + 1 });
    // The linked sheet now carries the new title and an extra column; the form's items are what the import went by.
    expect(box.linkedSheet(form.id).displayValues()[0]).toContain('Mayor of Riverside');
    expect(box.linkedSheet(form.id).displayValues()[0]).toContain('Anything to tell the steering committee?');
  });
});
