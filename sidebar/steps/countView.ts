/**
 * A count as the leader reads it in the sidebar: per race the outcome, the
 * summary sentence and every round as a small table; then the refused ballots
 * by reason. The full detail is in the sheets the count wrote.
 */
import type { CountView, Outcome, RaceView, RoundView } from '../../src/shared/sidebarApi';
import { h } from '../dom';
import { formatWhen } from '../when';
import { plural, quotedName } from '../words';

export const OUTCOME_LABEL: Record<Outcome, string> = {
  endorsed: 'Endorsed',
  'no-endorsement': 'No endorsement',
  'runoff-needed': 'Runoff needed',
  tie: 'Tie',
  'no-quorum': 'No quorum',
};

function roundTable(round: RoundView, highlight: string[]): HTMLElement {
  const needs = round.needed === null
    ? `${plural(round.votesCast, 'vote')} cast; ${round.thresholdWords} wins`
    : `needs ${round.needed} of ${plural(round.votesCast, 'vote')} cast (${round.thresholdWords})`;
  return h(
    'div',
    { class: 'round' },
    h(
      'table',
      {},
      h('caption', {}, h('span', { class: 'round-label' }, round.label), ` \u00b7 ${needs}`),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Option'), h('th', { class: 'num', attrs: { scope: 'col' } }, 'Votes'), h('th', { class: 'num', attrs: { scope: 'col' } }, 'Share')),
      ),
      h(
        'tbody',
        {},
        ...round.rows.map(([option, votes, share]) =>
          h(
            'tr',
            { class: highlight.includes(option) ? 'winner' : undefined },
            h('th', { attrs: { scope: 'row' } }, option),
            h('td', { class: 'num' }, votes),
            h('td', { class: 'num' }, share),
          ),
        ),
      ),
    ),
    round.decisions.length > 0 ? h('ul', { class: 'decisions' }, ...round.decisions.map((d) => h('li', {}, d))) : null,
  );
}

function raceCard(race: RaceView): HTMLElement {
  const last = race.rounds.length - 1;
  return h(
    'article',
    { class: `race outcome-${race.outcome}`, attrs: { 'aria-label': race.race } },
    h('h3', {}, h('span', { class: 'race-name' }, race.race), h('span', { class: `badge outcome outcome-${race.outcome}` }, OUTCOME_LABEL[race.outcome])),
    h('p', { class: 'race-summary' }, race.summary),
    ...race.warnings.map((w) => h('p', { class: 'attention' }, w)),
    ...race.rounds.map((round, i) => roundTable(round, i === last && race.outcome === 'endorsed' ? race.endorsed : [])),
  );
}

export function renderCount(view: CountView, timeZone: string): HTMLElement {
  const { received, accepted, refused } = view.ballots;
  const { voted, eligible } = view.turnout;
  // A percentage for the eye only; the quorum itself is compared exactly by the server.
  const turnout = eligible ? `Turnout: ${voted} of ${eligible} eligible members (${Math.round((100 * voted) / eligible)}%).` : `${plural(voted, 'member')} voted.`;
  return h(
    'div',
    { class: 'count' },
    h('p', { class: 'secondary' }, `Counted ${formatWhen(view.countedAt, timeZone)}.`),
    h('p', {}, `${plural(received, 'ballot')} received: ${accepted} accepted, ${refused} refused. ${turnout}`),
    ...view.notices.map((n) => h('p', { class: 'attention', attrs: { role: 'note' } }, n)),
    ...view.races.map(raceCard),
    h('h3', {}, refused === 0 ? 'No ballot refused' : `Refused ballots (${refused})`),
    view.refusals.length > 0
      ? h(
          'table',
          { class: 'refusals' },
          h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Reason'), h('th', { class: 'num', attrs: { scope: 'col' } }, 'Ballots'))),
          h('tbody', {}, ...view.refusals.map((r) => h('tr', { attrs: { 'data-reason': r.reason } }, h('th', { attrs: { scope: 'row' } }, r.title), h('td', { class: 'num' }, r.count)))),
        )
      : null,
    refused === 0 ? null : h('p', {}, `Each refused ballot is listed with its row and reason in the sheet ${quotedName(view.sheets.refused)}.`),
    h('p', { class: 'secondary' }, `Results: ${quotedName(view.sheets.results)}. Accepted ballots: ${quotedName(view.sheets.ballots)}.`),
  );
}
