/**
 * The scripted server's announcement (test/browser/scripted.ts): the Docs the
 * real server would create for a race of the canned count, with its links,
 * names and warnings worded as src/server/announce.ts words them.
 */
import { placeholderList } from '../../src/core/announcement';
import type { AnnouncementDoc, AnnouncementRequest, AnnouncementView, CountView, PlaceholderView } from '../../src/shared/sidebarApi';

type Audience = AnnouncementDoc['audience'];

export interface AnnouncementScript {
  /** Placeholders the members' statement leaves as written, as a template with a typo would. */
  unfilled?: string[];
  /** The name Drive gives a template Doc the leader names by link. */
  givenTemplateName?: string;
}

const ORDER: Audience[] = ['members', 'candidates', 'press'];
const DEFAULT_NAMES: Record<Audience, string> = {
  members: "Endorse template: Members' statement",
  candidates: 'Endorse template: Letter to candidates',
  press: 'Endorse template: Press release',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-06-08" as "June 8, 2026"; the canned "today" otherwise. */
function day(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}` : 'May 29, 2026';
}

const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

export function cannedPlaceholders(): PlaceholderView[] {
  return placeholderList();
}

/**
 * What createAnnouncements answers for `request`. `created` holds the
 * audiences whose default template exists already: the first use creates it.
 */
export function cannedAnnouncement(count: CountView, request: AnnouncementRequest, script: AnnouncementScript, created: Set<Audience>): AnnouncementView {
  const race = count.races.find((r) => r.race === request.race);
  if (!race) throw new Error(`There is no race named "${request.race}" in the last count.`);
  const date = day(request.announcementDate);
  const onBallot = (race.rounds[0]?.rows ?? []).map(([option]) => option).filter((option) => option !== 'No endorsement');
  // The endorsed first, then the others in the order of the ballot.
  const candidates = [...race.endorsed, ...onBallot.filter((c) => race.endorsed.indexOf(c) < 0)];
  const asked = request.audiences?.length ? ORDER.filter((a) => request.audiences!.indexOf(a) >= 0) : ORDER;
  const slug = race.race.toLowerCase().replace(/[^a-z0-9]+/g, '-');

  const documents: AnnouncementDoc[] = [];
  const doc = (audience: Audience, title: string, unfilled: string[] = []) =>
    documents.push({ audience, name: `${title}: ${race.race}, ${date}`, url: docUrl(`${slug}-${documents.length + 1}`), unfilled, split: [] });
  for (const audience of asked) {
    if (audience === 'members') doc('members', "Members' statement", script.unfilled ?? []);
    if (audience === 'candidates') for (const c of candidates) doc('candidates', `Letter to ${c}`);
    if (audience === 'press') doc('press', 'Press release');
  }

  const templates = asked.map((audience) => {
    const given = request.templates?.[audience];
    if (given) return { audience, name: script.givenTemplateName ?? 'Our own statement', url: /^https:/.test(given) ? given : docUrl(given), created: false };
    const isNew = !created.has(audience);
    created.add(audience);
    return { audience, name: DEFAULT_NAMES[audience], url: docUrl(`template-${audience}`), created: isNew };
  });

  const folder = request.folder
    ? { name: 'Endorsements 2026', url: `https://drive.google.com/drive/folders/${request.folder.replace(/^.*\/folders\//, '')}` }
    : { name: 'Riverside Indivisible', url: 'https://drive.google.com/drive/folders/riverside' };
  const warnings = documents
    .filter((d) => d.unfilled.length)
    .map((d) => `${d.name}: ${d.unfilled.map((n) => `{{${n}}}`).join(', ')} ${d.unfilled.length === 1 ? 'has no value and is' : 'have no value and are'} left as written (a misspelled name? see the list of placeholders).`);
  return { race: race.race, folder, templates, documents, warnings };
}
