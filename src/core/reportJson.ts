/**
 * The JSON form of a vote report: stable, documented in the README, what
 * `endorse tally --format json` prints. Instants are ISO strings.
 */
import { sheetReading } from './sheetReading';
import type { VoteReport } from './vote';

export const REPORT_JSON_VERSION = 1;

export function reportJson(report: VoteReport) {
  const { rules, turnout } = report;
  return {
    version: REPORT_JSON_VERSION,
    group: rules.group ?? null,
    timeZone: report.timeZone,
    rules,
    ballots: report.ballots,
    turnout: {
      voted: turnout.voted,
      eligible: turnout.eligible,
      fraction: turnout.eligible ? `${turnout.voted}/${turnout.eligible}` : null,
    },
    eligibility: report.eligibility && {
      asOf: rules.eligibility.asOf ?? null,
      eligible: report.eligibility.eligibleCount,
      members: report.eligibility.entries.map((e) => ({
        name: e.member.name,
        email: e.member.email,
        eligible: e.eligible,
        reason: e.reason,
      })),
    },
    refused: report.refused.map((r) => ({
      source: r.source, row: r.row, voter: r.voter, reason: r.reason, race: r.race ?? null, detail: r.detail,
    })),
    proxies: report.proxies.map((p) => ({
      member: p.member.email, holder: p.holder.email, used: p.used, reason: p.reason,
    })),
    races: report.races.map((race) => ({ ...race })),
    /** Names in a race that a reader could take for one another: for a person to review. */
    warnings: report.warnings.map((w) => ({ race: w.race, names: w.names, why: w.why })),
    notices: report.notices,
    /** How each column of the first vote's sheet was read: timestamp, voter, a race, or set aside and why. */
    columns: sheetReading(report.layout),
  };
}
