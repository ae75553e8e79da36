/**
 * Paper ballots at a meeting, counted with the online ones. Two sheets the
 * tellers fill in, never rewritten by Endorse once made:
 * - `Paper ballots`: one row per ballot, choices only (one column per race, a
 *   ranked race as "Race [1st choice]", "Race [2nd choice]"…), so it cannot say
 *   who voted what;
 * - `Check-in`: the eligible members, with "Voted online" filled by Endorse so
 *   the desk turns away who already voted, and "Checked in" ticked by the desk
 *   for each member handed a paper ballot.
 * At the count, a member checked in whose online ballot also arrived has it set
 * aside (the paper ballot cannot be told apart, so it is the one that counts),
 * and there may not be more paper ballots than members checked in.
 */
import type { Refusal } from './ballot';
import type { AcceptedBallot, Admission } from './ballotPool';
import { rankLabel } from './ballotForm';
import { emailKey } from './email';
import { InputError } from './inputError';
import type { BallotRace } from './raceList';
import { readResponses } from './responses';
import { cellText, isBlankRow, readHeader, type ColumnSpec } from './roster';
import type { Rules } from './rules';
import type { Table } from './vote';

export const PAPER_SHEET = 'Paper ballots';
export const CHECK_IN_SHEET = 'Check-in';
export const VOTED_ONLINE = 'VOTED ONLINE: no paper ballot';

const CHECK_IN_COLUMNS: ColumnSpec[] = [
  { name: 'Name' },
  { name: 'Email', required: true },
  { name: 'Voted online', required: true },
  { name: 'Checked in', required: true },
];

/** The sheets of a meeting, as the count reads them. */
export interface MeetingInput {
  /** The Paper ballots sheet; absent when the paper ballots are the vote's responses (no online ballot). */
  ballots?: Table;
  checkIn: Table;
}

/** The Paper ballots sheet's header: the options are those of the ballot form, so the same names count. */
export function paperBallotsHeader(races: BallotRace[], rules: Pick<Rules, 'noEndorsement'>): string[] {
  const header: string[] = [];
  for (const race of races) {
    if (race.kind === 'single') header.push(race.name);
    else for (let rank = 1; rank <= race.candidates.length + rules.noEndorsement.length; rank++) header.push(`${race.name} [${rankLabel(rank)}]`);
  }
  return header;
}

/** A tick as the desk writes it: a checkbox, x, yes, ✓; blank, "no" or FALSE is no tick. */
export function isTicked(cell: unknown): boolean {
  if (typeof cell === 'boolean') return cell;
  const text = cellText(cell).toLowerCase();
  return text !== '' && ['no', 'n', 'false', '0', '-'].indexOf(text) < 0;
}

/** Emails (as keys) of the members ticked as checked in. */
export function checkedIn(table: Table, gmailAliases: boolean): Set<string> {
  const { index } = readHeader(table.values, table.source, CHECK_IN_COLUMNS);
  const keys = new Set<string>();
  for (let r = 1; r < table.values.length; r++) {
    const cells = table.values[r]!;
    if (isBlankRow(cells) || !isTicked(cells[index['Checked in']!])) continue;
    const email = cellText(cells[index['Email']!]);
    if (email === '') throw new InputError({ source: table.source, row: r + 1, column: 'Email' }, 'a member is checked in without an email, so they cannot be told apart from online voters');
    keys.add(emailKey(email, gmailAliases));
  }
  return keys;
}

/** Everyone a ballot counted for (the voter, then the proxies it carried), by email. */
export function votersOf(accepted: AcceptedBallot[]): { name: string; email: string }[] {
  const out: { name: string; email: string }[] = [];
  for (const a of accepted) {
    a.countsFor.forEach((m, i) => {
      if (m) out.push({ name: m.name, email: m.email });
      else if (i === 0 && a.response.voter) out.push({ name: a.response.voter, email: a.response.voter });
    });
  }
  return out;
}

export interface CheckInUpdate {
  /** The whole sheet, when there is none yet. */
  create: string[][] | null;
  /** The "Voted online" cells of the rows already there (rows 2…), top to bottom, and their column (0-based). */
  votedOnline: string[][];
  votedOnlineColumn: number;
  /** Eligible members not on the sheet yet, to add below it (the desk's ticks are never rewritten). */
  appended: string[][];
}

/** What to write to the Check-in sheet so the desk sees who already voted online. */
export function checkInUpdate(
  existing: Table | null,
  eligible: { name: string; email: string }[],
  online: { email: string }[],
  gmailAliases: boolean,
): CheckInUpdate {
  const voted = new Set(online.map((v) => emailKey(v.email, gmailAliases)));
  const mark = (email: string) => (voted.has(emailKey(email, gmailAliases)) ? VOTED_ONLINE : '');
  if (existing === null || existing.values.every(isBlankRow)) {
    const rows = eligible.map((m) => [m.name, m.email, mark(m.email), '']);
    return { create: [['Name', 'Email', 'Voted online', 'Checked in'], ...rows], votedOnline: [], votedOnlineColumn: 2, appended: [] };
  }
  const { index } = readHeader(existing.values, existing.source, CHECK_IN_COLUMNS);
  const emailAt = index['Email']!;
  const listed = new Set<string>();
  const votedOnline: string[][] = [];
  for (let r = 1; r < existing.values.length; r++) {
    const email = cellText(existing.values[r]![emailAt]);
    listed.add(emailKey(email, gmailAliases));
    votedOnline.push([email === '' ? '' : mark(email)]);
  }
  const width = Math.max(...existing.values.map((row) => row.length), 4);
  const appended = eligible
    .filter((m) => !listed.has(emailKey(m.email, gmailAliases)))
    .map((m) => {
      const row = new Array<string>(width).fill('');
      if (index['Name'] !== undefined) row[index['Name']] = m.name;
      row[emailAt] = m.email;
      row[index['Voted online']!] = mark(m.email);
      return row;
    });
  return { create: null, votedOnline, votedOnlineColumn: index['Voted online']!, appended };
}

export interface PaperContext {
  rules: Rules;
  timeZone: string;
}

/**
 * The online admission with the meeting added: online ballots (and proxies) of
 * members checked in set aside, paper ballots counted anonymously, turnout
 * raised by the members checked in. `paperBallots` is how many ballots were
 * added to those received.
 */
export function withPaperBallots(online: Admission, meeting: MeetingInput, context: PaperContext): Admission & { paperBallots: number } {
  const { rules, timeZone } = context;
  const gmail = rules.eligibility.gmailAliases;
  const present = checkedIn(meeting.checkIn, gmail);
  const isPresent = (email: string | null | undefined) => email !== null && email !== undefined && present.has(emailKey(email, gmail));
  const refusals: Refusal[] = [...online.refusals];
  const accepted: AcceptedBallot[] = [];
  let onlineVoters = 0;
  for (const a of online.accepted) {
    const voter = a.member ? a.member.email : a.response.voter;
    if (voter !== null && (isPresent(voter) || (a.member?.otherEmails ?? []).some(isPresent))) {
      const who = rules.secret ? `the member behind this ${rules.voting.online === 'codes' ? 'code' : 'ballot'}` : voter;
      refusals.push({
        source: a.response.source, row: a.response.row, voter: a.response.voter, reason: 'superseded',
        detail: `${who} was checked in at the meeting and handed a paper ballot, which counts; this online ballot is set aside`,
      });
      continue;
    }
    const countsFor = a.countsFor.filter((m, i) => {
      if (i === 0 || !m || !isPresent(m.email)) return true;
      const designation = online.proxies.find((p) => p.used && p.member === m)?.designation;
      refusals.push({
        source: designation?.source ?? meeting.checkIn.source, row: designation?.row ?? 0, voter: designation?.holder ?? null, reason: 'proxy-refused',
        detail: `The proxy from ${m.email} was not used: they were checked in at the meeting, and a member's own ballot beats their proxy`,
      });
      return false;
    });
    accepted.push(countsFor.length === a.countsFor.length ? a : { ...a, countsFor });
    onlineVoters += countsFor.length;
  }

  const paper = meeting.ballots ? readResponses(meeting.ballots.values, { source: meeting.ballots.source, rules, timeZone }).responses : [];
  const cast = meeting.ballots ? paper.length : accepted.length;
  if (cast > present.size) {
    throw new InputError(
      { source: meeting.ballots?.source ?? 'the paper ballots' },
      `${cast} paper ballots, but only ${present.size === 1 ? '1 member is' : `${present.size} members are`} ticked "Checked in" in the ${meeting.checkIn.source} sheet: ` +
        'a member is handed one ballot; the tellers must reconcile the two before the count',
    );
  }
  for (const response of paper) accepted.push({ response, member: null, countsFor: [null] });
  return {
    accepted,
    refusals,
    proxies: online.proxies,
    turnout: { voted: (meeting.ballots ? onlineVoters : 0) + present.size, eligible: online.turnout.eligible },
    paperBallots: paper.length,
  };
}
