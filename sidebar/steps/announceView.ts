/**
 * What the Announce step shows: the Docs just created, as links in the order
 * they are sent (members hear first, then each candidate, the endorsed first,
 * then the press; DOMAIN.md "After the vote"), and the reference list of
 * placeholders a template may use. Names come from the leader's Drive and
 * sheets, so they go in as text, and only web addresses become links.
 */
import type { AnnouncementDoc, AnnouncementView, Outcome, PlaceholderView, RaceView } from '../../src/shared/sidebarApi';
import { h } from '../dom';
import { plural, quotedName } from '../words';

export type Audience = AnnouncementDoc['audience'];

export const AUDIENCES: ReadonlyArray<readonly [Audience, string]> = [
  ['members', "Members: the statement"],
  ['candidates', 'Candidates: a letter to each, the endorsed first'],
  ['press', 'Press: the release'],
];

const TEMPLATE_OF: Record<Audience, string> = { members: "members' statement", candidates: 'letters to candidates', press: 'press release' };

/** Outcomes that are final, so the group can tell the world (docs/announcements.md). */
const FINAL: ReadonlyArray<Outcome> = ['endorsed', 'no-endorsement', 'no-quorum'];

export function announceable(race: RaceView): boolean {
  return FINAL.indexOf(race.outcome) >= 0;
}

/** Why a race is not offered yet, in a sentence. */
export function whyItWaits(race: RaceView): string {
  if (race.outcome === 'runoff-needed') {
    const between = race.finalists.length ? ` between ${race.finalists.join(' and ')}` : '';
    return `${race.race} waits for its runoff vote${between}: announce it once the runoff is counted.`;
  }
  return `${race.race} is tied, and the rules leave the tie to the group: settle it and count again before announcing.`;
}

/** A link that opens in a new tab, for web addresses only; anything else (a `javascript:` URL) stays text. */
export function link(url: string, text: string): HTMLElement {
  if (!/^https?:\/\//i.test(url.trim())) return h('span', { class: 'unlinked' }, text);
  return h('a', { attrs: { href: url.trim(), target: '_blank', rel: 'noopener' } }, text);
}

function documentItem(d: AnnouncementDoc): HTMLElement {
  const left = [...d.unfilled, ...d.split];
  return h(
    'li',
    { class: left.length ? 'attention' : undefined, attrs: { 'data-audience': d.audience } },
    link(d.url, d.name),
    left.length ? h('span', { class: 'left-as-written' }, ` (left as written: ${left.map((n) => `{{${n}}}`).join(', ')})`) : null,
  );
}

export function renderAnnouncement(view: AnnouncementView): HTMLElement {
  return h(
    'div',
    { class: 'announcement' },
    h('h3', {}, `${view.race}: ${plural(view.documents.length, 'Doc')}, in the order to send them`),
    h('ol', { class: 'documents' }, ...view.documents.map(documentItem)),
    h('p', { class: 'folder' }, 'In the folder ', link(view.folder.url, view.folder.name), '.'),
    view.warnings.length
      ? h(
          'div',
          { class: 'warnings', attrs: { role: 'alert' } },
          h('h4', {}, 'Needs attention'),
          h('ul', {}, ...view.warnings.map((w) => h('li', {}, w))),
        )
      : null,
    h('h4', {}, 'Templates used'),
    h(
      'ul',
      { class: 'templates' },
      ...view.templates.map((t) =>
        h(
          'li',
          { attrs: { 'data-audience': t.audience } },
          `For the ${TEMPLATE_OF[t.audience]}: `,
          link(t.url, t.name),
          t.created ? h('span', { class: 'created' }, ' (created just now in your My Drive; edit it as you like)') : null,
        ),
      ),
    ),
  );
}

/** How a template writes a placeholder of each kind. */
function written(p: PlaceholderView): string {
  if (p.kind === 'yes/no') return `{{#if ${p.name}}}`;
  if (p.kind === 'list') return p.name;
  return `{{${p.name}}}`;
}

export function renderPlaceholders(list: PlaceholderView[]): HTMLElement {
  return h(
    'dl',
    { class: 'placeholders' },
    ...list.flatMap((p) => [
      h('dt', {}, h('code', {}, written(p)), p.kind === 'text' ? null : h('span', { class: 'kind' }, ` ${p.kind}`)),
      h('dd', {}, p.description, p.example ? h('span', { class: 'example' }, ` Example: ${quotedName(p.example)}`) : null),
    ]),
  );
}
