/**
 * Whole-vote facts a leader must read before trusting the numbers, one
 * sentence each: shown in every report, on the Results sheet and in the sidebar.
 */
import type { ResponseSheet } from './responses';
import type { Rules } from './rules';
import type { VoteInput } from './vote';

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const NUMBER = `(\\d+|${NUMBER_WORDS.join('|')})`;
/** "(3 winners)", "3 seats", "choose 2", "vote for up to three", "pick two". */
const SEATS_IN_TITLE = [
  new RegExp(`\\b${NUMBER}\\s+(?:winners|seats|places|positions|delegates)\\b`, 'i'),
  new RegExp(`\\b(?:choose|pick|select|vote for|elect)\\s+(?:up to\\s+|at most\\s+|your\\s+top\\s+)?${NUMBER}\\b`, 'i'),
];

export function voteNotices(input: Pick<VoteInput, 'rules' | 'timeZone' | 'codes' | 'roster' | 'meeting'>, sheets: ResponseSheet[], timeZone: string): string[] {
  const { rules } = input;
  const notices: string[] = [];
  if (!input.roster && !input.codes && rules.voting.online !== 'none') {
    for (const sheet of sheets) {
      if (sheet.identityColumn !== null || sheet.responses.length === 0) continue;
      notices.push(
        `${sheet.source} names no voter and no roster was given: anyone with the form's link could vote, ` +
          'repeated ballots from one person could not be found, and every ballot was counted.',
      );
    }
  }
  notices.push(...zoneNotices(rules, input.timeZone, timeZone));
  for (const sheet of sheets) notices.push(...seatNotices(sheet, rules));
  return notices;
}

/** When the zones the rules state disagree, or differ from the spreadsheet's, say which one the count used. */
function zoneNotices(rules: Rules, fallback: string, used: string): string[] {
  const window = rules.window?.timeZone;
  if (rules.timeZone && window && window !== rules.timeZone) {
    return [`The rules state two time zones: ${rules.timeZone} (timeZone), used for the responses, and ${window} (window.timeZone), used for the voting window.`];
  }
  if (!rules.timeZone && window && window !== fallback) {
    return [`Response times were read in ${used}, the voting window's zone, not in ${fallback}; set timeZone in the rules to choose another.`];
  }
  return [];
}

/** A question whose title states a number of winners the rules do not give it. */
function seatNotices(sheet: ResponseSheet, rules: Rules): string[] {
  const notices: string[] = [];
  for (const layout of sheet.races) {
    const stated = seatsIn(layout.title);
    const seats = rules.races[layout.race]?.seats ?? 1;
    if (stated === undefined || stated <= 1 || stated === seats) continue;
    notices.push(
      `The question "${layout.title}" speaks of ${stated} winners, but the rules give ${layout.race} ${seats} seat${seats === 1 ? '' : 's'}, ` +
        `and it was counted so; races["${layout.race}"].seats decides.`,
    );
  }
  return notices;
}

function seatsIn(title: string): number | undefined {
  for (const pattern of SEATS_IN_TITLE) {
    const match = pattern.exec(title);
    if (!match) continue;
    const word = match[1]!.toLowerCase();
    const n = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word) + 1;
    if (n >= 1) return n;
  }
  return undefined;
}
