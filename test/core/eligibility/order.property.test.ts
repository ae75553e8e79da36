import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Response } from '../../../src/core/ballot';
import type { ProxyDesignation } from '../../../src/core/proxy';
import { admit, ballot, rules, eligibleList } from './sample';

const voters = ['ana@example.org', 'ana.ruiz@gmail.com', 'ben@example.org', 'carl@example.org', 'dee@example.org', 'eve@example.org', 'stranger@example.net', null];
const base = Date.parse('2026-05-27T00:00:00Z');

/** Ballots on distinct rows, from a few voters, at a few times (often equal, so the row decides). */
const responses = fc
  .array(fc.record({ voter: fc.constantFrom(...voters), hour: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }) }), { maxLength: 30 })
  .map((specs): Response[] =>
    specs.map((s, i) => ballot(i + 2, s.voter, s.hour === null ? null : new Date(base + s.hour * 3_600_000).toISOString())),
  );

const proxies: ProxyDesignation[] = [
  { member: 'dee@example.org', holder: 'ana@example.org', row: 2, source: 'proxies.csv' },
  { member: 'eve@example.org', holder: 'ana@example.org', row: 3, source: 'proxies.csv' },
];

describe('the order of the responses never matters', () => {
  for (const duplicates of ['latest', 'first'] as const) {
    it(`shuffling responses never changes which rows are accepted or why others are refused (duplicates: ${duplicates})`, () => {
      const r = rules({ duplicates, eligibility: { statuses: ['active'] }, window: { opens: '2026-05-26T20:00' }, proxies: { maxPerHolder: 2 } });
      const eligible = eligibleList(r);
      const run = (list: Response[]) => admit(list, { rules: r, eligible, proxies });
      fc.assert(
        fc.property(responses.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))), ([list, shuffled]) => {
          const a = run(list);
          const b = run(shuffled);
          expect(b.accepted.map((x) => [x.response.row, x.countsFor.length])).toEqual(a.accepted.map((x) => [x.response.row, x.countsFor.length]));
          expect(b.refusals).toEqual(a.refusals);
          expect(b.turnout).toEqual(a.turnout);
        }),
      );
    });
  }

  it('every response is either accepted or refused, exactly once', () => {
    fc.assert(
      fc.property(responses, (list) => {
        const admission = admit(list, { proxies });
        const rows = [...admission.accepted.map((a) => a.response.row), ...admission.refusals.filter((x) => x.source === 'responses.csv').map((x) => x.row)];
        expect(rows.sort((x, y) => x - y)).toEqual(list.map((b) => b.row));
      }),
    );
  });

  it('no member is counted twice', () => {
    fc.assert(
      fc.property(responses, (list) => {
        const counted = admit(list, { proxies }).accepted.flatMap((a) => a.countsFor.filter((m) => m !== null).map((m) => m!.row));
        expect(new Set(counted).size).toBe(counted.length);
      }),
    );
  });
});
