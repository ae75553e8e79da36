import { describe, expect, it } from 'vitest';
import { readProxies, type ProxyDesignation } from '../../../src/core/proxy';
import { admit, ballot, eligibleList, refusalsOf, rules } from './sample';

let nextRow = 2;
const designate = (member: string, holder: string, row = nextRow++): ProxyDesignation => ({ member, holder, row, source: 'proxies.csv' });
const usedFor = (admission: ReturnType<typeof admit>) => admission.proxies.map((p) => [p.designation.member, p.used] as const);

describe('reading proxy designations', () => {
  it('reads Member and Proxy holder, whatever the header case and spacing', () => {
    expect(readProxies([['member', ' Proxy  Holder'], ['dee@example.org', 'ana@example.org'], ['', ''], ['Eve Stone', 'Ben Okafor']], 'proxies.csv')).toEqual([
      { member: 'dee@example.org', holder: 'ana@example.org', row: 2, source: 'proxies.csv' },
      { member: 'Eve Stone', holder: 'Ben Okafor', row: 4, source: 'proxies.csv' },
    ]);
  });

  it('refuses a row naming a member but no holder', () => {
    expect(() => readProxies([['Member', 'Proxy holder'], ['dee@example.org', '']], 'proxies.csv')).toThrow('proxies.csv, row 2, column "Proxy holder": no proxy holder for dee@example.org');
  });

  it('refuses a list without a Proxy holder column', () => {
    expect(() => readProxies([['Member', 'Email']], 'proxies.csv')).toThrow(/no "Proxy holder" column/);
  });
});

describe('proxies', () => {
  it("the holder's ballot counts for the member who designated them", () => {
    const admission = admit([ballot(2, 'ana@example.org')], { proxies: [designate('dee@example.org', 'ana@example.org', 2)] });
    expect(admission.accepted[0]!.countsFor.map((m) => m!.email)).toEqual(['ana@example.org', 'dee@example.org']);
    expect(admission.proxies[0]).toMatchObject({ used: true, row: 2, reason: 'counted with Ana Ruiz (ana@example.org)\'s ballot (row 2)' });
    expect(admission.turnout.voted).toBe(2);
  });

  it('a designation may name members by their roster name when only one member has it', () => {
    const admission = admit([ballot(2, 'ana.ruiz@gmail.com')], { proxies: [designate('dee lee', 'Ana Ruiz')] });
    expect(admission.proxies[0]!.used).toBe(true);
  });

  it("a member's own ballot always beats their proxy, whichever came first", () => {
    const admission = admit([ballot(3, 'dee@example.org', '2026-05-27T12:00:00Z'), ballot(2, 'ana@example.org', '2026-05-27T18:00:00Z')], {
      proxies: [designate('dee@example.org', 'ana@example.org', 4)],
    });
    expect(admission.accepted.map((a) => a.countsFor.length)).toEqual([1, 1]);
    expect(admission.refusals).toEqual([
      {
        source: 'proxies.csv', row: 4, voter: 'ana@example.org', reason: 'proxy-refused',
        detail: "The proxy from dee@example.org to ana@example.org was not used: Dee Lee (dee@example.org) voted themselves (row 3); a member's own ballot beats their proxy",
      },
    ]);
    expect(admission.turnout.voted).toBe(2);
  });

  it('the holder must have voted', () => {
    const admission = admit([ballot(2, 'ben@example.org')], { proxies: [designate('dee@example.org', 'ana@example.org')] });
    expect(admission.proxies[0]).toMatchObject({ used: false, reason: 'the holder Ana Ruiz (ana@example.org) has no accepted ballot' });
    expect(refusalsOf(admission)).toEqual([[admission.proxies[0]!.row, 'proxy-refused']]);
  });

  it("a holder whose own ballot was refused carries no proxy", () => {
    const r = rules({ window: { closes: '2026-05-26' } });
    const admission = admit([ballot(2, 'ana@example.org')], { rules: r, eligible: eligibleList(r), proxies: [designate('dee@example.org', 'ana@example.org')] });
    expect(admission.proxies[0]!.used).toBe(false);
    expect(admission.turnout.voted).toBe(0);
  });

  it('the member must be eligible, and so must the holder', () => {
    const r = rules({ eligibility: { statuses: ['active'] } });
    const admission = admit([ballot(2, 'ana@example.org'), ballot(3, 'carl@example.org')], {
      rules: r,
      eligible: eligibleList(r),
      proxies: [designate('carl@example.org', 'ana@example.org', 2), designate('dee@example.org', 'carl@example.org', 3)],
    });
    expect(admission.proxies.map((p) => p.reason)).toEqual([
      "Carl Diaz (carl@example.org) is not eligible: status 'lapsed' (eligible statuses: active)",
      "the holder Carl Diaz (carl@example.org) is not eligible: status 'lapsed' (eligible statuses: active)",
    ]);
    expect(admission.accepted[0]!.countsFor).toHaveLength(1);
  });

  it('a holder carries at most proxies.maxPerHolder proxies, the earliest designations first', () => {
    const proxies = [designate('eve@example.org', 'ana@example.org', 3), designate('dee@example.org', 'ana@example.org', 2)];
    const one = admit([ballot(2, 'ana@example.org')], { proxies });
    expect(usedFor(one)).toEqual([['dee@example.org', true], ['eve@example.org', false]]);
    expect(one.proxies[1]!.reason).toBe('the holder Ana Ruiz (ana@example.org) already carries 1 proxy, the most the rules allow');
    const r = rules({ proxies: { maxPerHolder: 2 } });
    const two = admit([ballot(2, 'ana@example.org')], { rules: r, eligible: eligibleList(r), proxies });
    expect(two.accepted[0]!.countsFor).toHaveLength(3);
    expect(two.turnout.voted).toBe(3);
  });

  it('a member who designates twice keeps the later designation', () => {
    const admission = admit([ballot(2, 'ana@example.org'), ballot(3, 'ben@example.org')], {
      proxies: [designate('dee@example.org', 'ana@example.org', 2), designate('dee@example.org', 'ben@example.org', 3)],
    });
    expect(admission.proxies.map((p) => [p.holder.email, p.used])).toEqual([['ana@example.org', false], ['ben@example.org', true]]);
    expect(admission.proxies[0]!.reason).toContain('later (row 3)');
  });

  it('proxies do not chain: a holder who did not vote cannot pass theirs on', () => {
    const admission = admit([ballot(2, 'ana@example.org')], {
      proxies: [designate('eve@example.org', 'dee@example.org', 2), designate('dee@example.org', 'ana@example.org', 3)],
    });
    expect(usedFor(admission)).toEqual([['eve@example.org', false], ['dee@example.org', true]]);
    expect(admission.accepted[0]!.countsFor).toHaveLength(2);
  });

  it('a designation naming someone on no roster is refused, kept as written', () => {
    const admission = admit([ballot(2, 'ana@example.org')], { proxies: [designate('Zed Nobody', 'ana@example.org')] });
    expect(admission.proxies[0]).toMatchObject({ used: false, reason: 'Zed Nobody is not on the roster', member: { name: 'Zed Nobody', row: 0 } });
  });

  it('a name two members share is refused: the designation must give an email', () => {
    const values = [['Name', 'Email'], ['Ana Ruiz', 'ana@example.org'], ['Ana Ruiz', 'ana2@example.org'], ['Ben', 'ben@example.org']];
    const r = rules();
    const admission = admit([ballot(2, 'ben@example.org')], { eligible: eligibleList(r, null, values), proxies: [designate('Ana Ruiz', 'ben@example.org')] });
    expect(admission.proxies[0]!.reason).toBe('2 members are named Ana Ruiz (roster rows 2, 3); write an email instead');
  });

  it('nobody holds their own proxy', () => {
    const admission = admit([], { proxies: [designate('dee@example.org', 'Dee Lee')] });
    expect(admission.proxies[0]!.reason).toBe('Dee Lee (dee@example.org) named themselves as their own proxy holder');
  });

  it('without a roster no proxy can be checked, so none is used', () => {
    const admission = admit([ballot(2, 'ana@example.org')], { eligible: null, proxies: [designate('dee@example.org', 'ana@example.org')] });
    expect(admission.proxies[0]!.used).toBe(false);
    expect(admission.refusals.map((r) => r.reason)).toEqual(['proxy-refused']);
  });

  it('when the rules do not allow proxies, every designation is refused', () => {
    const r = rules({ proxies: { allowed: false } });
    const admission = admit([ballot(2, 'ana@example.org')], { rules: r, eligible: eligibleList(r), proxies: [designate('dee@example.org', 'ana@example.org')] });
    expect(admission.proxies[0]).toMatchObject({ used: false, reason: 'the rules do not allow proxies' });
  });

  it('anonymous ballots cannot carry proxies', () => {
    const admission = admit([ballot(2, null)], { hasIdentityColumn: false, proxies: [designate('dee@example.org', 'ana@example.org')] });
    expect(admission.proxies[0]!.used).toBe(false);
    expect(admission.turnout.voted).toBe(1);
  });
});
