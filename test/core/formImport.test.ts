import { describe, expect, it } from 'vitest';
import { formHeader, formTable, type FormQuestion } from '../../src/core/formImport';
import { readResponses } from '../../src/core/responses';
import { parseRules } from '../../src/core/rules';

const QUESTIONS: FormQuestion[] = [
  { id: 11, title: 'Voter code', kind: 'text' },
  { id: 22, title: 'Mayor', kind: 'choice' },
  { id: 33, title: 'District Attorney', kind: 'grid', rows: ['Dee Ray', 'Eve Po', 'No endorsement'] },
  { id: 44, title: 'School board', kind: 'checkbox' },
  { id: 55, title: 'Ranked by ticks', kind: 'checkbox-grid', rows: ['1st choice', '2nd choice'] },
];
const AT = new Date(Date.UTC(2026, 4, 21, 15));

describe('a form\'s responses laid out as its linked sheet would hold them', () => {
  it('Timestamp, Email Address when collected, a column per question, a grid as "Title [Row]" per row', () => {
    expect(formHeader(QUESTIONS, false)).toEqual([
      'Timestamp', 'Voter code', 'Mayor', 'District Attorney [Dee Ray]', 'District Attorney [Eve Po]', 'District Attorney [No endorsement]',
      'School board', 'Ranked by ticks [1st choice]', 'Ranked by ticks [2nd choice]',
    ]);
    expect(formHeader([QUESTIONS[1]!], true)).toEqual(['Timestamp', 'Email Address', 'Mayor']);
  });

  it('answers matched by item id, whatever their order; blank questions and blank grid rows as empty cells; ticks joined by ", "', () => {
    const answers = new Map<number, unknown>([
      [55, [['Fay', 'Gus'], null]],
      [33, ['2nd choice', null, '1st choice']],
      [22, 'Ana Diaz'],
      [11, 'ABCDE-FGHJK'],
      [99, 'a comments box added later, not asked for'],
    ]);
    const table = formTable('Form "Vote"', QUESTIONS, [{ submittedAt: AT, email: '', answers }, { submittedAt: AT, email: '', answers: new Map() }], false);
    expect(table.source).toBe('Form "Vote"');
    expect(table.values.slice(1)).toEqual([
      [AT, 'ABCDE-FGHJK', 'Ana Diaz', '2nd choice', '', '1st choice', '', 'Fay, Gus', ''],
      [AT, '', '', '', '', '', '', '', ''],
    ]);
  });

  it('reads back as the ballots the members cast', () => {
    const rules = parseRules({ races: { 'District Attorney': { kind: 'ranked' } } });
    const questions = QUESTIONS.slice(0, 3);
    const table = formTable('Form "Vote"', questions, [{ submittedAt: AT, email: '', answers: new Map<number, unknown>([[11, 'ABCDE-FGHJK'], [22, 'Bo Li'], [33, [null, '1st choice', '2nd choice']]]) }], false);
    const sheet = readResponses(table.values, { source: table.source, rules, timeZone: 'UTC' });
    expect(sheet.identityColumn).toEqual({ index: 1, header: 'Voter code' });
    expect(sheet.responses).toEqual([{
      source: 'Form "Vote"', row: 2, submittedAt: AT.getTime(), voter: 'ABCDE-FGHJK',
      races: { Mayor: { kind: 'single', choice: 'Bo Li' }, 'District Attorney': { kind: 'ranked', ranks: [['Eve Po'], ['No endorsement']] } },
    }]);
  });
});
