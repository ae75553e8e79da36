/**
 * Step 2, the sources: which sheets hold the responses, the roster, the
 * attendance and the proxies, and what Endorse recognized in them.
 */
import type { Sources, SourcesPreview, SidebarState } from '../../src/shared/sidebarApi';
import { messageOf, type App, type StepView } from '../app';
import { append, button, checkbox, field, fill, h, select, setOptions } from '../dom';
import { call } from '../server';
import { plural, quotedName, sentence } from '../words';
import type { Step } from './step';

type SheetRole = 'responses' | 'roster' | 'attendance' | 'proxies';

const ROLES: ReadonlyArray<readonly [SheetRole, string, string]> = [
  ['responses', 'Responses (the form\'s ballots)', 'The sheet is only read, never written to.'],
  ['roster', 'Roster (members)', 'Who may vote: names, emails, status.'],
  ['attendance', 'Attendance', 'Meetings and actions attended, for the eligibility rule.'],
  ['proxies', 'Proxies', 'Who votes for whom, when the rules allow proxies.'],
];

const KINDS: Record<SourcesPreview['races'][number]['kind'], string> = {
  single: 'one choice',
  ranked: 'ranked',
  approval: 'choose several',
};

/** The sheet names offered for one role: none, every sheet, and a saved name whose sheet is gone. */
function optionsFor(sheets: string[], current: string): [string, string][] {
  const options: [string, string][] = [['', '(none)'], ...sheets.map((s): [string, string] => [s, s])];
  if (current !== '' && !sheets.includes(current)) options.push([current, `${current} (missing)`]);
  return options;
}

/** What the add-on recognized in the chosen sheets, in a few lines. */
export function renderPreview(p: SourcesPreview): HTMLElement {
  const box = h('div', { class: 'preview', attrs: { 'aria-label': 'What Endorse recognized' } });
  append(
    box,
    h(
      'p',
      {},
      p.responsesSheet === null
        ? h('span', { class: 'error' }, 'No response sheet found.')
        : `${quotedName(p.responsesSheet)}: ${plural(p.responses, 'response')}.`,
      ' ',
      p.identityColumn === null
        ? h('span', { class: 'error' }, 'No identity column found.')
        : `Voters identified by ${quotedName(p.identityColumn)}.`,
    ),
  );
  if (p.rosterMembers !== null) append(box, h('p', {}, `Roster: ${plural(p.rosterMembers, 'member')}.`));
  append(box, h('h3', {}, p.races.length === 0 ? 'No race recognized' : `${plural(p.races.length, 'race')} recognized`));
  if (p.races.length > 0) {
    append(
      box,
      h(
        'ul',
        { class: 'races' },
        ...p.races.map((r) =>
          h(
            'li',
            {},
            h('span', { class: 'race-name' }, r.race),
            ' ',
            h('span', { class: 'secondary' }, `(${KINDS[r.kind]})`),
            h('ul', { class: 'candidates' }, ...r.candidates.map((name) => h('li', {}, name))),
          ),
        ),
      ),
    );
  }
  if (p.ignoredColumns.length > 0) {
    append(box, h('p', { class: 'secondary' }, sentence(`Not races, so ignored: ${p.ignoredColumns.join(', ')}`)));
  }
  if (p.problems.length > 0) {
    append(box, h('h3', { class: 'error' }, 'To fix'), h('ul', { class: 'problems error' }, ...p.problems.map((m) => h('li', {}, m))));
  }
  return box;
}

export function sourcesStep(step: Step, app: App): StepView {
  const selects = new Map<SheetRole, HTMLSelectElement>();
  const rows: HTMLElement[] = [];
  for (const [role, label, help] of ROLES) {
    const s = select(`sources-${role}`, [['', '(none)']], '');
    selects.set(role, s);
    rows.push(field(label, s, help).row);
  }
  const secondVotes = h('div', { class: 'second-votes' });
  // Most votes have no second vote: the list stays folded unless one is chosen.
  const secondBox = h(
    'details',
    { class: 'second-box' },
    h('summary', {}, 'Second votes (runoff ballots)'),
    h('fieldset', {}, h('legend', { class: 'help' }, 'Sheets of a runoff held as a new single-choice vote'), secondVotes),
  );
  let secondChecks: HTMLInputElement[] = [];
  const preview = h('div', { class: 'preview-area' });
  const save = button('Save and check the sheets', () => void saveSources(), 'action');
  append(step.body, ...rows, secondBox, h('div', { class: 'buttons' }, save), preview);

  /** The saved sources as last shown: when the server changes them (a ballot form built), they win over unsaved choices. */
  let lastSaved: string | null = null;

  const read = (): Sources => {
    const sources: Sources = { secondVotes: secondChecks.filter((c) => c.checked).map((c) => c.value) };
    for (const [role, s] of selects) if (s.value !== '') sources[role] = s.value;
    return sources;
  };

  /** Offers the spreadsheet's current sheets, keeping what is chosen (or, the first time, what was saved). */
  const offer = (sheets: string[], chosen: Sources) => {
    for (const [role, s] of selects) {
      const current = chosen[role] ?? '';
      setOptions(s, optionsFor(sheets, current), current);
    }
    const names = Array.from(new Set([...sheets, ...chosen.secondVotes]));
    secondChecks = [];
    if (chosen.secondVotes.length > 0) secondBox.open = true;
    fill(
      secondVotes,
      ...names.map((name, i) => {
        const check = checkbox(`sources-second-${i}`, sheets.includes(name) ? name : `${name} (missing)`, chosen.secondVotes.includes(name));
        check.input.value = name;
        secondChecks.push(check.input);
        return check.row;
      }),
    );
  };

  async function saveSources(): Promise<void> {
    step.clearFailure();
    const sources = read();
    try {
      await app.busy.run('Checking the sheets…', async () => {
        app.apply(await call('saveSettings', { sources, rules: app.state.settings.rules }));
        const recognized = await call('previewSources', sources);
        app.apply({ ...app.state, preview: recognized });
        app.openNext('sources');
      });
    } catch (e) {
      step.fail(messageOf(e));
    }
  }

  return {
    update(state: SidebarState) {
      const saved = JSON.stringify(state.settings.sources);
      offer(state.sheetNames, saved !== lastSaved ? state.settings.sources : read());
      lastSaved = saved;
      fill(preview, state.preview ? renderPreview(state.preview) : null);
    },
  };
}
