/**
 * Which responses count. Each is judged alone (an identity, on the roster,
 * eligible, inside the voting window), then one ballot per member is kept
 * (`duplicates: 'latest'`, a response edited in Forms, or `'first'`), then the
 * proxies ride on their holders' ballots. Every response not counted becomes a
 * refusal with its row and a sentence saying why. The order of the responses
 * never matters: ballots of one member are ordered by submission time, then row.
 */
import type { Refusal, RefusalReason, Response } from './ballot';
import type { Rules } from './rules';
import { emailKey } from './email';
import type { Member } from './roster';
import type { EligibilityEntry, EligibleList } from './eligibility';
import { assignProxies, memberLabel, type ProxyDesignation, type ProxyUse } from './proxy';
import { outsideWindow, votingWindow } from './votingWindow';

export type { ProxyUse } from './proxy';

export interface AcceptedBallot {
  response: Response;
  /** The member who cast it; null without a roster. */
  member: Member | null;
  /** The members this ballot counts for: the voter, then each member whose proxy it carries. */
  countsFor: (Member | null)[];
}

export interface Admission {
  /** In source and row order. */
  accepted: AcceptedBallot[];
  /** Refused responses in row order, then refused proxy designations. */
  refusals: Refusal[];
  /** Every designation, used or not, in the designation list's order. */
  proxies: ProxyUse[];
  /** voted: members (or, without a roster, identities) whose vote counted, proxies included. */
  turnout: { voted: number; eligible: number | null };
}

export interface AdmissionContext {
  eligible: EligibleList | null;
  proxies: ProxyDesignation[];
  rules: Rules;
  timeZone: string;
  /** Whether the sheet has an identity column; without one, ballots are anonymous and all count. */
  hasIdentityColumn: boolean;
}

const byRow = (a: { source: string; row: number }, b: { source: string; row: number }) =>
  a.source < b.source ? -1 : a.source > b.source ? 1 : a.row - b.row;

/** Ballots of one member in the order they were cast: by timestamp (none: last), then row. */
const bySubmission = (a: Response, b: Response) =>
  (a.submittedAt ?? Infinity) - (b.submittedAt ?? Infinity) || byRow(a, b);

export function admitBallots(responses: Response[], context: AdmissionContext): Admission {
  const { eligible, rules, hasIdentityColumn } = context;
  const gmail = rules.eligibility.gmailAliases;
  const window = votingWindow(rules, context.timeZone);
  const entryOf = eligible ? entryIndex(eligible.entries, gmail) : null;
  // Work in row order, so that the output is in row order without sorting it.
  const ordered = inRowOrder(responses) ? responses : responses.slice().sort(byRow);
  const verdicts: (Refusal | AcceptedBallot)[] = new Array(ordered.length);
  const refuse = (i: number, reason: RefusalReason, detail: string) => {
    const r = ordered[i]!;
    verdicts[i] = { source: r.source, row: r.row, voter: r.voter, reason, detail };
  };

  // The valid ballots (positions in `ordered`) of each member, or of each address without a roster.
  // Most members vote once, so only a repeat voter gets a list: a million voters make no million arrays.
  const firstAt = new Map<Member | string, number>();
  const repeats = new Map<Member | string, number[]>();
  for (let i = 0; i < ordered.length; i++) {
    const r = ordered[i]!;
    const voter = r.voter === null ? '' : r.voter.trim();
    if (voter === '' && hasIdentityColumn) {
      refuse(i, 'no-voter-identity', `row ${r.row} has no voter identity, so it cannot be matched to a member`);
      continue;
    }
    let entry: EligibilityEntry | undefined;
    if (voter !== '' && entryOf) {
      entry = entryOf.get(emailKey(voter, gmail));
      if (!entry) {
        refuse(i, 'not-on-roster', `${voter} is not on the roster`);
        continue;
      }
      if (!entry.eligible) {
        refuse(i, 'not-eligible', `${memberLabel(entry.member)} is not eligible: ${entry.reason}`);
        continue;
      }
    }
    const late = window ? outsideWindow(r.submittedAt, window) : null;
    if (late) {
      refuse(i, 'outside-voting-window', `${voter || `row ${r.row}`}'s ballot ${late}`);
      continue;
    }
    if (voter === '') {
      verdicts[i] = { response: r, member: null, countsFor: [null] };
      continue;
    }
    const key = entry ? entry.member : emailKey(voter, gmail);
    const seen = firstAt.get(key);
    if (seen === undefined) firstAt.set(key, i);
    else {
      const positions = repeats.get(key);
      if (positions) positions.push(i);
      else repeats.set(key, [seen, i]);
    }
  }

  const voted = new Map<Member, AcceptedBallot>();
  for (const [key, at] of firstAt) {
    const positions = repeats.get(key);
    const kept = positions ? keepOne(positions, ordered, rules.duplicates, refuse) : at;
    const member = typeof key === 'string' ? null : key;
    const ballot: AcceptedBallot = { response: ordered[kept]!, member, countsFor: [member] };
    verdicts[kept] = ballot;
    if (member) voted.set(member, ballot);
  }

  const proxies = assignProxies(context.proxies, { entries: eligible ? eligible.entries : null, voted, rules, hasIdentityColumn });
  const proxyRefusals: Refusal[] = [];
  for (const use of proxies) {
    const d = use.designation;
    if (use.used) voted.get(use.holder)!.countsFor.push(use.member);
    else proxyRefusals.push({ source: d.source, row: d.row, voter: d.holder, reason: 'proxy-refused', detail: `The proxy from ${d.member} to ${d.holder} was not used: ${use.reason}` });
  }

  const accepted: AcceptedBallot[] = [];
  const refusals: Refusal[] = [];
  let voters = 0;
  for (const v of verdicts) {
    if ('response' in v) {
      accepted.push(v);
      voters += v.countsFor.length;
    } else refusals.push(v);
  }
  return {
    accepted,
    refusals: refusals.concat(proxyRefusals),
    proxies,
    turnout: { voted: voters, eligible: eligible ? eligible.eligibleCount : null },
  };
}

function inRowOrder(responses: Response[]): boolean {
  for (let i = 1; i < responses.length; i++) if (byRow(responses[i - 1]!, responses[i]!) > 0) return false;
  return true;
}

/** Every address of every rostered member to their entry. */
function entryIndex(entries: EligibilityEntry[], gmailAliases: boolean): Map<string, EligibilityEntry> {
  const index = new Map<string, EligibilityEntry>();
  for (const entry of entries) {
    index.set(emailKey(entry.member.email, gmailAliases), entry);
    for (const other of entry.member.otherEmails) index.set(emailKey(other, gmailAliases), entry);
  }
  return index;
}

/** The position of the ballot that counts among one member's valid ballots; the others are refused as superseded. */
function keepOne(
  positions: number[],
  ordered: Response[],
  duplicates: Rules['duplicates'],
  refuse: (i: number, reason: RefusalReason, detail: string) => void,
): number {
  if (positions.length === 1) return positions[0]!;
  const cast = positions.slice().sort((a, b) => bySubmission(ordered[a]!, ordered[b]!));
  const keptAt = duplicates === 'first' ? cast[0]! : cast[cast.length - 1]!;
  const kept = ordered[keptAt]!;
  for (const i of cast) {
    if (i === keptAt) continue;
    const r = ordered[i]!;
    const where = `row ${kept.row}${kept.source === r.source ? '' : ` of ${kept.source}`}`;
    const as = kept.voter !== null && kept.voter.trim().toLowerCase() !== (r.voter ?? '').trim().toLowerCase() ? ` as ${kept.voter.trim()}` : '';
    refuse(
      i,
      'superseded',
      duplicates === 'first'
        ? `${r.voter} had already voted at ${where}${as}; the first ballot counts`
        : `${r.voter} voted again at ${where}${as}; the latest ballot counts`,
    );
  }
  return keptAt;
}
