/**
 * What the sidebar is shown after an eligibility check or a count: plain,
 * JSON-safe shapes (src/shared/sidebarApi.ts) made from the core's report,
 * with the same words as the sheets. Instants cross as ISO strings; a date
 * alone stays a date, read as that calendar day.
 */
import type { EligibleList } from '../core/eligibility';
import { SHEET_NAMES } from '../core/outputSheets';
import { nameWarning, refusalsByReason, refusalTitle, roundRows } from '../core/report';
import type { RaceResult } from '../core/result';
import type { Rules } from '../core/rules';
import type { NameWarning, VoteReport } from '../core/vote';
import type { CountView, EligibilityView, RaceView, RoundView } from '../shared/sidebarApi';

export function countView(report: VoteReport, countedAt: number): CountView {
  return {
    countedAt: new Date(countedAt).toISOString(),
    ballots: { ...report.ballots },
    turnout: { voted: report.turnout.voted, eligible: report.turnout.eligible ?? null },
    notices: [...report.notices],
    races: report.races.map((race) => raceView(race, report.warnings.filter((w) => w.race === race.race))),
    refusals: Array.from(refusalsByReason(report.refused), ([reason, list]) => ({ reason, title: refusalTitle(reason), count: list.length })),
    sheets: { results: SHEET_NAMES.results, refused: SHEET_NAMES.refused, ballots: SHEET_NAMES.ballots },
  };
}

function raceView(race: RaceResult, warnings: NameWarning[]): RaceView {
  return {
    race: race.race,
    outcome: race.outcome,
    endorsed: [...race.endorsed],
    finalists: [...(race.finalists ?? [])],
    summary: race.summary,
    warnings: warnings.map(nameWarning),
    rounds: race.rounds.map((round): RoundView => ({
      label: round.label,
      // The options' rows only; the totals below them are votesCast and the round's decisions.
      rows: roundRows(round).slice(0, round.counts.length).map(([option, votes, share]) => [option!, Number(votes), share!]),
      votesCast: round.votesCast,
      needed: round.needed,
      thresholdWords: round.threshold.words,
      decisions: round.decisions.map((d) => d.reason),
    })),
  };
}

export function eligibilityView(list: EligibleList, rules: Rules): EligibilityView {
  const asOfText = rules.eligibility.asOf?.trim();
  let asOf: string | null = null;
  if (asOfText !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(asOfText)) asOf = asOfText;
  else if (list.asOf !== undefined) asOf = new Date(list.asOf).toISOString();
  return { asOf, eligible: list.eligibleCount, members: list.entries.length, sheet: SHEET_NAMES.eligible };
}
