/**
 * The ballot form to build, as plain data: the server turns it into FormApp
 * calls, the tests read it without a fake. One question per race (a single
 * choice, or a ranking grid whose rows are the candidates and whose columns are
 * the ranks, one response per column), the rules' "No endorsement" on every
 * ballot, the voting window and the threshold in the description, and the
 * settings that go with the way members vote:
 * - signed in: Forms records the Google account of each respondent (verified,
 *   not typed) and takes one response per account;
 * - voter codes: no email is collected and no sign-in is asked; the first
 *   question asks for the member's code, which the count checks (voterCode.ts).
 * The names on the form are also written into the rules (`rules.races`), so the
 * count refuses any other name and reads each grid as the ranking it is.
 */
import { cleanName } from './name';
import type { BallotRace } from './raceList';
import type { Rules, RulesInput } from './rules';
import { parseThreshold } from './threshold';
import { VOTER_CODE_ALPHABET, VOTER_CODE_LENGTH } from './voterCode';

export type OnlineVoting = 'signed-in' | 'codes';

/** The code question's title: header.ts recognizes it as the voter's identity. */
export const CODE_QUESTION = 'Voter code';

export type FormItemPlan =
  | { kind: 'choice'; race: string; title: string; helpText: string; choices: string[] }
  | { kind: 'ranking'; race: string; title: string; helpText: string; rows: string[]; columns: string[] }
  | { kind: 'code'; title: string; helpText: string };

export interface FormPlan {
  title: string;
  description: string;
  /** Forms records the respondent's Google account (a verified address, not one typed in). */
  collectEmail: boolean;
  /** One response per Google account; Forms then requires signing in. */
  limitOneResponsePerUser: boolean;
  /** A member may correct a ballot until the vote closes: the same response (row) changes. */
  allowResponseEdits: boolean;
  items: FormItemPlan[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/** "2026-05-27" → "May 27, 2026"; "2026-05-27T21:00" → "May 27, 2026 at 21:00"; as written otherwise. */
export function dateWords(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso.trim();
  const day = `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}, ${m[1]}`;
  return m[4] === undefined ? day : `${day} at ${m[4]}:${m[5]}`;
}

/** The voting window in a sentence, or '' when the rules state none. Dates alone close at the end of the day (votingWindow.ts). */
export function windowWords(window: Rules['window'], timeZone: string): string {
  if (!window || (window.opens === undefined && window.closes === undefined)) return '';
  const zone = window.timeZone ?? timeZone;
  const closes = window.closes === undefined ? '' : ISO.exec(window.closes)?.[4] === undefined ? `the end of ${dateWords(window.closes)}` : dateWords(window.closes);
  if (window.opens !== undefined && window.closes !== undefined) return `Voting opens ${dateWords(window.opens)} and closes at ${closes} (${zone} time).`;
  if (window.opens !== undefined) return `Voting opens ${dateWords(window.opens)} (${zone} time).`;
  return `Voting closes at ${closes} (${zone} time).`;
}

/** "1st choice", "2nd choice", …: the rank words rank.ts reads back. */
export function rankLabel(rank: number): string {
  const tens = rank % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
  return `${rank}${suffix} choice`;
}

function thresholdSentence(rules: Rules): string {
  const t = parseThreshold(rules.threshold, rules.comparison);
  const label = rules.noEndorsement[0];
  const counts = label === undefined ? '' : ` "${label}" is a vote and counts toward the votes cast.`;
  if (t.kind === 'plurality') return `The candidate with the most votes is endorsed.${counts}`;
  return `A candidate needs ${t.words} of the votes cast to be endorsed.${counts}`;
}

const MODE_SENTENCE: Record<OnlineVoting, string> = {
  'signed-in':
    'Sign in with the Google account whose address the group has for you: the form records it, and takes one ballot per member. You can edit your ballot until voting closes.',
  codes:
    'This is a secret ballot. Type the voter code you received by email: it shows you may vote, and counts once. ' +
    'The form does not record your email address. You can edit your ballot from the link shown after you submit it.',
};

const CODE_HELP = `The ${VOTER_CODE_LENGTH} letters and digits in your email, such as ${VOTER_CODE_ALPHABET.slice(0, 5)}-${VOTER_CODE_ALPHABET.slice(-5)}; dashes, spaces and case do not matter.`;

function options(candidates: string[], rules: Rules): string[] {
  return [...candidates.map(cleanName), ...rules.noEndorsement];
}

function raceItem(race: BallotRace, rules: Rules): FormItemPlan {
  const choices = options(race.candidates, rules);
  if (race.kind === 'single') {
    return { kind: 'choice', race: race.name, title: race.name, helpText: 'Choose one, or leave it blank to sit this race out.', choices };
  }
  return {
    kind: 'ranking',
    race: race.name,
    title: race.name,
    helpText: 'Give your 1st choice to the option you prefer most, then the 2nd, and so on: each rank once. Leave a row blank not to rank it.',
    rows: choices,
    columns: choices.map((_, i) => rankLabel(i + 1)),
  };
}

function settings(online: OnlineVoting): Pick<FormPlan, 'collectEmail' | 'limitOneResponsePerUser' | 'allowResponseEdits'> {
  const signedIn = online === 'signed-in';
  return { collectEmail: signedIn, limitOneResponsePerUser: signedIn, allowResponseEdits: true };
}

function codeItems(online: OnlineVoting): FormItemPlan[] {
  return online === 'codes' ? [{ kind: 'code', title: CODE_QUESTION, helpText: CODE_HELP }] : [];
}

/** The ballot form of a vote. */
export function ballotFormPlan(title: string, races: BallotRace[], rules: Rules, online: OnlineVoting, timeZone: string): FormPlan {
  const group = rules.group ? `${rules.group}: endorsement vote.` : 'Endorsement vote.';
  const description = [group, windowWords(rules.window, rules.timeZone ?? timeZone), thresholdSentence(rules), MODE_SENTENCE[online]]
    .filter((s) => s !== '')
    .join('\n\n');
  return { title, description, ...settings(online), items: [...codeItems(online), ...races.map((r) => raceItem(r, rules))] };
}

/**
 * The runoff's form, when a single-choice race needs a second vote: the
 * finalists and "No endorsement" only, under the same race title (vote.ts finds
 * the second vote of a race by its title), with the runoff's window.
 */
export function runoffFormPlan(title: string, race: string, finalists: string[], rules: Rules, online: OnlineVoting, timeZone: string): FormPlan {
  const window = rules.runoffWindow ?? rules.window;
  const intro = `Runoff for ${race}: nobody reached the threshold in the first vote, so this vote is between ${finalists.join(' and ')}.`;
  const description = [intro, windowWords(window, rules.timeZone ?? timeZone), thresholdSentence(rules), MODE_SENTENCE[online]]
    .filter((s) => s !== '')
    .join('\n\n');
  const item: FormItemPlan = { kind: 'choice', race, title: race, helpText: 'Choose one.', choices: options(finalists, rules) };
  return { title, description, ...settings(online), items: [...codeItems(online), item] };
}

/**
 * The rules with the ballot written in: each race's kind and candidates (so the
 * count refuses other names and reads the grid as a ranking), and how members
 * vote online. Everything else is kept as the group wrote it.
 */
export function rulesWithBallot(rules: RulesInput, races: BallotRace[], online: OnlineVoting): RulesInput {
  const written = { ...(rules.races ?? {}) };
  for (const race of races) written[race.name] = { ...(written[race.name] ?? {}), kind: race.kind, candidates: race.candidates.map(cleanName) };
  return { ...rules, races: written, voting: { ...(rules.voting ?? {}), online } };
}
