/**
 * Proxy designations: a member who cannot vote names another member to vote for
 * them. Columns `Member` and `Proxy holder`, each an email (or a name, matched
 * against the roster when it is unique there). Whether a designation is used is
 * decided with the ballots (src/core/ballotPool.ts), not here.
 */
import { InputError, columnLetter } from './inputError';
import { cellText, isBlankRow, memberIndex, readHeader, type ColumnSpec, type Member } from './roster';
import { emailKey } from './email';
import { nameKey } from './name';
import type { EligibilityEntry } from './eligibility';
import type { Rules } from './rules';

export interface ProxyDesignation {
  /** The member who designates, as written. */
  member: string;
  /** The member who votes for them, as written. */
  holder: string;
  row: number;
  source: string;
}

export const PROXY_COLUMNS: ColumnSpec[] = [
  { name: 'Member', aliases: ['Member email', 'Designated by'], required: true },
  { name: 'Proxy holder', aliases: ['Proxy', 'Holder', 'Proxy holder email'], required: true },
];

export function readProxies(values: unknown[][], source: string): ProxyDesignation[] {
  const { cells: headers, index } = readHeader(values, source, PROXY_COLUMNS);
  const heading = (name: string) => headers[index[name]!] || columnLetter(index[name]!);
  const designations: ProxyDesignation[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r]!;
    if (isBlankRow(cells)) continue;
    const row = r + 1;
    const member = cellText(cells[index['Member']!]);
    const holder = cellText(cells[index['Proxy holder']!]);
    if (member === '') throw new InputError({ source, row, column: heading('Member') }, `no member: who gave ${holder} their proxy?`);
    if (holder === '') throw new InputError({ source, row, column: heading('Proxy holder') }, `no proxy holder for ${member}`);
    designations.push({ member, holder, row, source });
  }
  return designations;
}

/** What became of one designation. */
export interface ProxyUse {
  /**
   * The rostered member; a name found on no roster (or with no roster at all)
   * stands in as written, with row 0.
   */
  member: Member;
  holder: Member;
  used: boolean;
  /** "counted with Carl Diaz's ballot (row 12)" or why it was refused. */
  reason: string;
  /** The designation's row. */
  row: number;
  designation: ProxyDesignation;
}

/** What the ballots tell the proxies: who is eligible, and which members' own ballots were accepted. */
export interface ProxyContext {
  /** Every rostered member, eligible or not; null without a roster. */
  entries: EligibilityEntry[] | null;
  /** The accepted ballot of each member who voted themselves. */
  voted: Map<Member, { response: { source: string; row: number } }>;
  rules: Rules;
  hasIdentityColumn: boolean;
}

export function memberLabel(m: Member): string {
  return m.name === m.email ? m.email : `${m.name} (${m.email})`;
}

/** Someone a designation names who is on no roster: kept as written, row 0. */
function standIn(written: string): Member {
  return { name: written, email: written, otherEmails: [], row: 0 };
}

type Found = { member: Member } | { problem: string };

/** Finds the member a designation names: by address, or by a name only one member has. */
function memberFinder(entries: EligibilityEntry[], gmailAliases: boolean): (written: string) => Found {
  const byEmail = memberIndex(entries.map((e) => e.member), gmailAliases);
  const byName = new Map<string, Member[]>();
  for (const { member } of entries) {
    const key = nameKey(member.name);
    byName.set(key, [...(byName.get(key) ?? []), member]);
  }
  return (written) => {
    const member = byEmail.get(emailKey(written, gmailAliases));
    if (member) return { member };
    const named = byName.get(nameKey(written)) ?? [];
    if (named.length === 1) return { member: named[0]! };
    if (named.length > 1) return { problem: `${named.length} members are named ${written} (roster rows ${named.map((m) => m.row).join(', ')}); write an email instead` };
    return { problem: `${written} is not on the roster` };
  };
}

/**
 * Decides every designation, in the order of the designation list. A holder's
 * ballot counts for a member who designated them, is eligible, and did not vote
 * themselves, up to `proxies.maxPerHolder`; the holder must be an eligible
 * member whose own ballot was accepted. Proxies do not chain: a holder cannot
 * pass on a proxy they hold. A member with several designations keeps the last.
 */
export function assignProxies(designations: ProxyDesignation[], context: ProxyContext): ProxyUse[] {
  const { entries, voted, rules } = context;
  const ordered = designations.slice().sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.row - b.row));
  const refuse = (d: ProxyDesignation, member: Member | null, holder: Member | null, reason: string): ProxyUse =>
    ({ member: member ?? standIn(d.member), holder: holder ?? standIn(d.holder), used: false, reason, row: d.row, designation: d });

  if (!rules.proxies.allowed) return ordered.map((d) => refuse(d, null, null, 'the rules do not allow proxies'));
  if (!entries) return ordered.map((d) => refuse(d, null, null, 'there is no roster to show that both are members'));
  if (ordered.length === 0) return [];

  const find = memberFinder(entries, rules.eligibility.gmailAliases);
  const entryOf = new Map(entries.map((e) => [e.member, e]));
  const resolved = ordered.map((d) => ({ d, member: find(d.member), holder: find(d.holder) }));
  const lastOf = new Map<Member, ProxyDesignation>();
  for (const r of resolved) if ('member' in r.member) lastOf.set(r.member.member, r.d);
  const held = new Map<Member, number>();

  return resolved.map(({ d, member: m, holder: h }): ProxyUse => {
    if (!('member' in m)) return refuse(d, null, 'member' in h ? h.member : null, m.problem);
    const member = m.member;
    if (!('member' in h)) return refuse(d, member, null, `the holder: ${h.problem}`);
    const holder = h.member;
    const later = lastOf.get(member)!;
    if (member === holder) return refuse(d, member, holder, `${memberLabel(member)} named themselves as their own proxy holder`);
    if (later !== d) return refuse(d, member, holder, `${memberLabel(member)} designated another holder later (row ${later.row}); the last designation stands`);
    const memberEntry = entryOf.get(member)!;
    if (!memberEntry.eligible) return refuse(d, member, holder, `${memberLabel(member)} is not eligible: ${memberEntry.reason}`);
    const own = voted.get(member);
    if (own) return refuse(d, member, holder, `${memberLabel(member)} voted themselves (row ${own.response.row}); a member's own ballot beats their proxy`);
    const holderEntry = entryOf.get(holder)!;
    if (!holderEntry.eligible) return refuse(d, member, holder, `the holder ${memberLabel(holder)} is not eligible: ${holderEntry.reason}`);
    if (!context.hasIdentityColumn) return refuse(d, member, holder, `the ballots carry no voter identity, so none can be tied to the holder ${memberLabel(holder)}`);
    const ballot = voted.get(holder);
    if (!ballot) return refuse(d, member, holder, `the holder ${memberLabel(holder)} has no accepted ballot`);
    const count = held.get(holder) ?? 0;
    const max = rules.proxies.maxPerHolder;
    if (count >= max) return refuse(d, member, holder, `the holder ${memberLabel(holder)} already carries ${count} prox${count === 1 ? 'y' : 'ies'}, the most the rules allow`);
    held.set(holder, count + 1);
    return { member, holder, used: true, reason: `counted with ${memberLabel(holder)}'s ballot (row ${ballot.response.row})`, row: d.row, designation: d };
  });
}
