/**
 * The custom functions ENDORSE_* (docs/formulas.md), as pure functions from
 * their arguments to the cells Sheets spills. A custom function runs without
 * authorization: nothing here may reach past its arguments. The one thing they
 * need from outside, the spreadsheet's time zone (a date cell is midnight there),
 * is read by src/main.ts and handed in as plain text. Each refusal comes back as
 * one cell of text.
 */
import { answer, type Cell } from './formulaArgs';
import { eligibleTable, type EligibleArguments } from './formulaEligible';
import { countChoices, tallyTable, winnerText } from './formulaTally';
import { scoreQuestionnaire } from './questionnaire';
import { endorsementTimeline, parseElectionKind, parsePlainDate, type PlainDate } from './timeline';
import { instantOf } from './zonedTime';

export type { Cell };

export function endorseTally(choices: unknown, threshold?: unknown, runoff?: unknown, noEndorsementLabel?: unknown): Cell[][] {
  return answer('ENDORSE_TALLY', () => tallyTable(countChoices(choices, threshold, runoff, noEndorsementLabel)));
}

export function endorseWinner(choices: unknown, threshold?: unknown, runoff?: unknown, noEndorsementLabel?: unknown): Cell[][] {
  return answer('ENDORSE_WINNER', () => [[winnerText(countChoices(choices, threshold, runoff, noEndorsementLabel))]]);
}

export function endorseEligible(args: EligibleArguments): Cell[][] {
  return answer('ENDORSE_ELIGIBLE', () => eligibleTable(args));
}

/** One row, to sit beside the candidate's name: Pass or Fail, the score ("9 of 10 (90%)"), and why ("every dealbreaker right"). */
export function endorseQuestionnaire(answers: unknown, answerKey: unknown, dealbreakers?: unknown, passMark?: unknown): Cell[][] {
  return answer('ENDORSE_QUESTIONNAIRE', () => {
    const score = scoreQuestionnaire(answers, answerKey, { dealbreakers, passMark: passMark as string | number | undefined });
    const result = score.passed ? 'Pass' : 'Fail';
    const scored = `${score.right} of ${score.asked} (${score.percent}%)`;
    const opening = `${result}: ${scored}, `;
    const why = score.verdict.indexOf(opening) === 0 ? score.verdict.slice(opening.length) : score.verdict;
    return [[result, scored, why]];
  });
}

export const TIMELINE_HEADER: Cell[] = ['Date', 'Step'];

/**
 * The calendar, one step a row, each date a Date so Sheets shows and sorts it as
 * one. `timeZone` is the spreadsheet's: election day is read there and every
 * date is written there.
 */
export function endorseTimeline(electionDate: unknown, kind?: unknown, timeZone?: string): Cell[][] {
  return answer('ENDORSE_TIMELINE', () => {
    const steps = endorsementTimeline(parsePlainDate(electionDate, 'election_date', timeZone), parseElectionKind(kind));
    return [TIMELINE_HEADER, ...steps.map((s): Cell[] => [cellDate(s.date, timeZone), s.step])];
  });
}

/**
 * Midnight of that day in the spreadsheet's zone: the Date Sheets itself would
 * pass for a date cell, and shows as that day (parsePlainDate reads one back the
 * same way). Midnight in the script's zone would show the day before west of it.
 * Without a zone, the local midnight.
 */
function cellDate({ year, month, day }: PlainDate, timeZone: string | undefined): Date {
  if (timeZone !== undefined) return new Date(instantOf({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone));
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month - 1, day);
  return date;
}
