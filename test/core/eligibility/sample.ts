/** A small group, its roster and ballots, written out by hand for the eligibility tests. */
import type { Response } from '../../../src/core/ballot';
import { parseRules, type Rules, type RulesInput } from '../../../src/core/rules';
import { readRoster, type Roster } from '../../../src/core/roster';
import { decideEligibility, type EligibleList } from '../../../src/core/eligibility';
import type { Attendance } from '../../../src/core/attendance';
import { admitBallots, type Admission } from '../../../src/core/ballotPool';
import type { ProxyDesignation } from '../../../src/core/proxy';

export const ZONE = 'America/Chicago';

export const ROSTER_VALUES: unknown[][] = [
  ['Name', 'Email', 'Other emails', 'Status'],
  ['Ana Ruiz', 'ana@example.org', 'ana.ruiz@gmail.com', 'Active'],
  ['Ben Okafor', 'ben@example.org', '', 'active'],
  ['Carl Diaz', 'carl@example.org', '', 'lapsed'],
  ['Dee Lee', 'dee@example.org', '', 'active'],
  ['Eve Stone', 'eve@example.org', '', 'active'],
];

export function rules(input: RulesInput = {}): Rules {
  return parseRules(input);
}

export function roster(r: Rules = rules(), values: unknown[][] = ROSTER_VALUES): Roster {
  return readRoster(values, 'roster.csv', r, ZONE);
}

export function eligibleList(r: Rules = rules(), attendance: Attendance[] | null = null, values = ROSTER_VALUES): EligibleList {
  return decideEligibility(roster(r, values), attendance, r, ZONE);
}

/** A single-race ballot; `at` is an ISO instant with its zone, or null for no timestamp. */
export function ballot(row: number, voter: string | null, at: string | null = '2026-05-27T15:00:00Z', choice = 'Ruth Okafor'): Response {
  return {
    source: 'responses.csv',
    row,
    submittedAt: at === null ? null : Date.parse(at),
    voter,
    races: { Mayor: { kind: 'single', choice } },
  };
}

export function admit(
  responses: Response[],
  options: { rules?: Rules; eligible?: EligibleList | null; proxies?: ProxyDesignation[]; hasIdentityColumn?: boolean } = {},
): Admission {
  const r = options.rules ?? rules();
  return admitBallots(responses, {
    eligible: options.eligible === undefined ? eligibleList(r) : options.eligible,
    proxies: options.proxies ?? [],
    rules: r,
    timeZone: ZONE,
    hasIdentityColumn: options.hasIdentityColumn ?? true,
  });
}

export const rowsOf = (admission: Admission) => admission.accepted.map((a) => a.response.row);
export const refusalsOf = (admission: Admission) => admission.refusals.map((r) => [r.row, r.reason] as const);
