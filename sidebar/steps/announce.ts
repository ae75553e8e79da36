/**
 * Step 5, the announcement (docs/announcements.md): after a count, the Google
 * Docs of one race, written from templates the group can edit, in the order a
 * group sends them: its members, then each candidate, then the press.
 */
import type { AnnouncementRequest, CountView, PlaceholderView, SidebarState } from '../../src/shared/sidebarApi';
import { messageOf, type App, type StepView } from '../app';
import { append, button, checkbox, field, fill, h, setOptions } from '../dom';
import { call } from '../server';
import { announceable, AUDIENCES, renderAnnouncement, renderPlaceholders, whyItWaits, type Audience } from './announceView';
import type { Step } from './step';

function input(id: string, type: 'text' | 'date' | 'datetime-local', placeholder = ''): HTMLInputElement {
  return h('input', { id, attrs: { type, autocomplete: 'off', spellcheck: 'false', placeholder: placeholder || undefined } });
}

const TEMPLATE_LABELS: Record<Audience, string> = {
  members: "Members' statement",
  candidates: 'Letter to candidates',
  press: 'Press release',
};

export function announceStep(step: Step, app: App): StepView {
  const note = h('p', { id: 'announce-note', class: 'secondary' }, 'Available after a count.');
  const race = h('select', { id: 'announce-race' });
  const waiting = h('ul', { class: 'waiting secondary' });
  const audiences = AUDIENCES.map(([key, label]) => ({ key, ...checkbox(`announce-${key}`, label, true) }));
  const folder = input('announce-folder', 'text', 'link or id');
  const voteDate = input('announce-vote-date', 'date');
  const announcementDate = input('announce-date', 'date');
  const embargo = input('announce-embargo', 'datetime-local');
  const embargoField = field('Embargo (optional)', embargo);
  const templates = AUDIENCES.map(([key]) => ({ key, input: input(`announce-template-${key}`, 'text', 'link or id') }));
  const create = button('Create the announcement', () => void createAnnouncement(), 'action');
  const result = h('div', { class: 'result-area', attrs: { 'aria-live': 'polite' } });

  const form = h(
    'div',
    { class: 'announce-form' },
    field('Race', race, 'Races whose outcome is final: endorsed, no endorsement, or no quorum.').row,
    waiting,
    h('fieldset', {}, h('legend', {}, 'Write for'), ...audiences.map((a) => a.row)),
    field('Folder', folder, 'A Google Drive folder\u2019s link or id. Empty: the folder that holds this spreadsheet.').row,
    field('Date of the vote', voteDate, 'Empty: the day the voting window closed.').row,
    field('Date of the announcement', announcementDate, 'The date the texts carry. Empty: today.').row,
    embargoField.row,
    h(
      'details',
      { class: 'second-box' },
      h('summary', {}, 'Templates (optional)'),
      h('p', { class: 'help' }, 'A Google Doc\u2019s link or id for any text. Empty: our template, created in your My Drive the first time and then yours to edit.'),
      ...templates.map((t) => field(TEMPLATE_LABELS[t.key], t.input).row),
    ),
    h('div', { class: 'buttons' }, create),
  );

  const placeholders = h('div', { class: 'placeholder-list' });
  const reference = h(
    'details',
    { class: 'second-box reference' },
    h('summary', {}, 'Placeholders'),
    h('p', { class: 'help' }, 'What a template may hold, written as shown; Endorse fills each with the race\u2019s result.'),
    placeholders,
  );
  let loaded: PlaceholderView[] | null = null;
  reference.addEventListener('toggle', () => {
    if (reference.open && loaded === null) void loadPlaceholders();
  });

  append(
    step.body,
    h('p', {}, 'Writes Google Docs from the results: the statement to members, a letter to each candidate, and the press release. Members hear first, then the candidates, then the press.'),
    note,
    form,
    result,
    reference,
  );
  let shownRaces = '';

  /** The race picker: races with a final outcome; the others listed with why they wait. */
  function showRaces(count: CountView | null): void {
    note.hidden = count !== null;
    form.hidden = count === null;
    const races = count?.races ?? [];
    const key = JSON.stringify(races.map((r) => [r.race, r.outcome]));
    if (key === shownRaces) return;
    shownRaces = key;
    const ready = races.filter(announceable).map((r) => r.race);
    const chosen = ready.indexOf(race.value) >= 0 ? race.value : ready[0] ?? '';
    setOptions(race, ready.map((r) => [r, r] as const), chosen);
    race.disabled = ready.length === 0;
    fill(waiting, ...races.filter((r) => !announceable(r)).map((r) => h('li', {}, whyItWaits(r))));
    waiting.hidden = waiting.childElementCount === 0;
    create.disabled = ready.length === 0;
  }

  function request(): AnnouncementRequest {
    const text = (i: HTMLInputElement) => i.value.trim();
    const given: AnnouncementRequest = { race: race.value, audiences: audiences.filter((a) => a.input.checked).map((a) => a.key) };
    const chosenTemplates = templates.filter((t) => text(t.input) !== '');
    if (chosenTemplates.length) given.templates = Object.fromEntries(chosenTemplates.map((t) => [t.key, text(t.input)]));
    if (text(folder)) given.folder = text(folder);
    if (text(voteDate)) given.voteDate = text(voteDate);
    if (text(announcementDate)) given.announcementDate = text(announcementDate);
    if (text(embargo)) given.embargo = text(embargo);
    return given;
  }

  async function createAnnouncement(): Promise<void> {
    // The button may come back while another step's call ends; that call finishes first.
    if (app.busy.running) return;
    step.clearFailure();
    const asked = request();
    if (!asked.audiences?.length) {
      step.fail('Choose at least one text to write: for the members, the candidates or the press.');
      return;
    }
    try {
      await app.busy.run(`Creating the announcement for ${asked.race}…`, async () => {
        const view = await call('createAnnouncements', asked);
        fill(result, renderAnnouncement(view));
        app.busy.progress('Created. Updating the steps…');
        app.apply(await call('getSidebarState'));
      });
    } catch (e) {
      step.fail(messageOf(e));
    }
  }

  async function loadPlaceholders(): Promise<void> {
    fill(placeholders, h('p', { class: 'secondary' }, 'Loading the placeholders\u2026'));
    try {
      loaded = await call('announcementPlaceholders');
      fill(placeholders, renderPlaceholders(loaded));
    } catch (e) {
      fill(placeholders, h('p', { class: 'error', attrs: { role: 'alert' } }, messageOf(e), ' ', button('Try again', () => void loadPlaceholders())));
    }
  }

  return {
    update(state: SidebarState) {
      showRaces(state.lastCount);
      fill(
        embargoField.help,
        'The press release then opens with \u201cEMBARGOED UNTIL\u201d this date and time: journalists may not publish before it, so your members hear first. ',
        `In the spreadsheet\u2019s time zone (${state.timeZone}). Empty: no embargo.`,
      );
    },
  };
}
