import { describe, expect, it } from 'vitest';
import { endorseQuestionnaire, endorseTimeline } from '../../src/core/formula';

const KEY = [['yes'], ['yes'], ['no'], ['yes'], ['no'], ['yes'], ['no'], ['no'], ['yes'], ['yes']];
const flip = (a: string) => (a === 'yes' ? 'no' : 'yes');
const wrongOn = (...questions: number[]) => KEY.map(([a], i) => [questions.indexOf(i + 1) >= 0 ? flip(a!) : a!]);

describe('ENDORSE_QUESTIONNAIRE: one row beside the candidate', () => {
  it('passes 9 of 10 with every dealbreaker right, under the national program rule', () => {
    expect(endorseQuestionnaire(wrongOn(2), KEY, '1, 3')).toEqual([['Pass', '9 of 10 (90%)', 'every dealbreaker right']]);
  });

  it('fails a candidate who misses a dealbreaker marked beside the key', () => {
    const marks = [[''], [''], ['x'], [''], [''], [''], [''], [''], [''], ['']];
    expect(endorseQuestionnaire(wrongOn(3), KEY, marks)).toEqual([['Fail', '9 of 10 (90%)', 'missed dealbreaker 3']]);
  });

  it('takes a pass mark from a cell formatted as a percentage (Sheets passes 0.7)', () => {
    expect(endorseQuestionnaire(wrongOn(1, 2, 3), KEY, '', 0.7)[0]![0]).toBe('Pass');
    expect(endorseQuestionnaire(wrongOn(1, 2, 3), KEY)[0]![0]).toBe('Fail');
  });

  it('reads Sheets checkboxes as yes and no', () => {
    expect(endorseQuestionnaire([[true], [false]], [['yes'], ['no']])[0]).toEqual(['Pass', '2 of 2 (100%)', 'no dealbreakers set']);
  });

  it('answers a refusal in the cell', () => {
    expect(endorseQuestionnaire(KEY, KEY, '', 80)).toEqual([["ENDORSE_QUESTIONNAIRE: pass_mark must be like 80% or 4/5, got '80'"]]);
  });
});

describe('ENDORSE_TIMELINE: dates and steps', () => {
  const ymd = (d: unknown) => {
    const date = d as Date;
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  };

  it('lays out the November 3, 2026 general election with a header row, each date a Date at local midnight', () => {
    const table = endorseTimeline(new Date(2026, 10, 3));
    expect(table[0]).toEqual(['Date', 'Step']);
    // docs/around-the-vote.md's example: the vote on Tuesday June 9, the first Tuesday on or after June 3.
    expect(table.slice(1).map(([d, step]) => [ymd(d), String(step).split(/[:,]/)[0]])).toEqual([
      ['2026-04-12', 'Choose the races to endorse in'],
      ['2026-04-19', 'Research begins'],
      ['2026-04-26', 'Questionnaires go out'],
      ['2026-05-12', 'Candidate Q&As'],
      ['2026-05-19', 'Member review of the answers and the Q&As'],
      ['2026-06-02', 'Eligible member list sent'],
      ['2026-06-09', 'The vote'],
      ['2026-06-10', 'Tell the members'],
      ['2026-06-11', 'Tell the campaigns'],
      ['2026-06-16', 'Press release'],
      ['2026-06-23', 'Campaign work begins'],
    ]);
    for (const [d] of table.slice(1)) expect((d as Date).getHours()).toBe(0);
  });

  it.each(['America/Los_Angeles', 'Asia/Tokyo'])("given the spreadsheet's zone (%s), writes each date as midnight there", (zone) => {
    const inZone = (d: unknown) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).format(d as Date);
    const table = endorseTimeline('2026-11-03', 'general', zone);
    expect(inZone(table.find((row) => row[1] === 'The vote')![0])).toBe('2026-06-09, 00');
    expect(inZone(table[1]![0])).toBe('2026-04-12, 00');
  });

  it('holds a primary vote three months before, on a Tuesday', () => {
    // August 4, 2026 less three months is May 4, a Monday: the vote is Tuesday May 5.
    const vote = endorseTimeline('2026-08-04', 'Primary').find((row) => row[1] === 'The vote')!;
    expect(ymd(vote[0])).toBe('2026-05-05');
  });

  it('answers a date it cannot read in the cell', () => {
    expect(endorseTimeline('next fall')).toEqual([["ENDORSE_TIMELINE: election_date must be a date like 2026-11-03, got 'next fall'"]]);
    expect(endorseTimeline('2026-11-03', 'runoff')).toEqual([["ENDORSE_TIMELINE: kind must be general or primary, got 'runoff'"]]);
  });
});
