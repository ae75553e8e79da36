/**
 * The Ballot step (optional): the races and candidates typed or pasted, how
 * members vote, then the ballot form built in Google Forms, the voter codes
 * emailed, the runoff form after a count that needs one, and the sheets of a
 * meeting held on paper. Names are checked as they are typed, with the same
 * reader the server uses (src/core/raceList.ts).
 */
import { raceListProblems, readRaceList } from '../../src/core/raceList';
import { DEFAULT_RULES, parseRules, type Rules } from '../../src/core/rules';
import type { BallotRequest, BallotView, CodesView, FormLinks, MeetingView, SidebarState, StepState } from '../../src/shared/sidebarApi';
import { messageOf, type App, type StepView } from '../app';
import { append, button, checkbox, field, fill, h, select } from '../dom';
import { call } from '../server';
import { plural, quotedName } from '../words';
import type { Step } from './step';

type Online = BallotRequest['online'];

const ONLINE_CHOICES: ReadonlyArray<readonly [Online, string]> = [
  ['signed-in', 'Online, signed in to Google'],
  ['codes', 'Online, secret ballot with voter codes'],
  ['none', 'On paper only, at a meeting'],
];

const ONLINE_HELP: Record<Online, string> = {
  'signed-in': 'The form records each member\u2019s Google account and takes one ballot each. Members need a Google account.',
  codes:
    'The form asks no name or email: each eligible member is emailed a code that counts once. ' +
    'Ballots never show who voted what, but whoever holds the hidden Voter codes sheet could match codes to members.',
  none: 'No form: tellers enter the paper ballots in a sheet, and the desk checks members in.',
};

const KIND_CHOICES: ReadonlyArray<readonly [string, string]> = [
  ['single', 'One choice per race'],
  ['ranked', 'Ranked (1st, 2nd, 3rd choice…)'],
];

const NOT_SHOWN: StepState = { state: 'not-started', summary: 'Optional: Endorse can build the ballot form for you' };

/** The step's header state, from the server's view of the ballot (absent from an older server). */
export function ballotStepState(state: SidebarState): StepState {
  return state.ballot?.step ?? NOT_SHOWN;
}

function link(text: string, url: string): HTMLElement {
  return h('a', { attrs: { href: url, target: '_blank', rel: 'noopener' } }, text);
}

function renderForm(label: string, form: FormLinks): HTMLElement {
  return h(
    'div',
    { class: 'preview' },
    h('p', {}, `${label}: ${quotedName(form.title)}`),
    h('p', {}, link('Link for members to vote', form.publishedUrl), ' \u00b7 ', link('Edit in Forms', form.editUrl)),
    h('p', { class: 'secondary' }, form.responseSheet ? `Responses arrive in the sheet ${quotedName(form.responseSheet)}.` : 'Its response sheet appears with the first ballot.'),
  );
}

function renderCodes(codes: CodesView): HTMLElement {
  return h(
    'div',
    { class: 'result', attrs: { 'aria-live': 'polite' } },
    h('p', {}, codes.summary),
    codes.problems.length ? h('ul', { class: 'error' }, ...codes.problems.map((p) => h('li', {}, p))) : null,
    h('p', { class: 'secondary' }, `The codes are in the hidden sheet ${quotedName(codes.sheet)}: delete it after the final count.`),
  );
}

function renderMeeting(view: MeetingView): HTMLElement {
  return h(
    'div',
    { class: 'result', attrs: { 'aria-live': 'polite' } },
    h('p', {}, view.summary),
    view.votedOnline.length ? h('h3', {}, 'Already voted online: no paper ballot') : null,
    view.votedOnline.length ? h('ul', {}, ...view.votedOnline.map((v) => h('li', {}, v.name === v.email ? v.email : `${v.name} (${v.email})`))) : null,
  );
}

function rulesOf(state: SidebarState): Rules {
  try {
    return parseRules(state.settings.rules);
  } catch {
    return DEFAULT_RULES;
  }
}

export function ballotStep(step: Step, app: App): StepView {
  const title = h('input', { id: 'ballot-title', attrs: { type: 'text', autocomplete: 'off' } });
  const races = h('textarea', { id: 'ballot-races', attrs: { rows: '8', spellcheck: 'false' } });
  const kind = select('ballot-kind', KIND_CHOICES, 'single');
  const online = select('ballot-online', ONLINE_CHOICES, 'signed-in');
  const paper = checkbox('ballot-paper', 'Paper ballots at a meeting too', false);
  const racesField = field(
    'Races and candidates',
    races,
    'A race on a line, then its candidates one a line; a blank line before the next race. Add (ranked) after a race for a ranking. "No endorsement" is added to every race.',
  );
  const onlineField = field('How members vote', online, ONLINE_HELP['signed-in']);
  const checked = h('div', { id: 'ballot-races-check', class: 'help', attrs: { 'aria-live': 'polite' } });
  const create = button('Create the ballot form', () => void createForm());
  const formArea = h('div', { class: 'result-area' });
  const extras = h('div', { class: 'result-area' });

  append(
    step.body,
    h('p', {}, 'Endorse can build the ballot in Google Forms from your races, linked to this spreadsheet, with the voting window and threshold of the Rules step.'),
    field('Form title', title).row,
    racesField.row,
    checked,
    field('Races not marked', kind).row,
    onlineField.row,
    paper.row,
    h('div', { class: 'buttons' }, create),
    formArea,
    extras,
  );

  let view: BallotView | null = null;
  let initialized = false;

  const check = () => {
    onlineField.help.textContent = ONLINE_HELP[online.value as Online];
    paper.input.disabled = online.value === 'none';
    create.textContent = online.value === 'none' ? 'Save the ballot' : view?.form ? 'Create a new ballot form' : 'Create the ballot form';
    try {
      const list = readRaceList(races.value, kind.value === 'ranked' ? 'ranked' : 'single');
      const problems = races.value.trim() === '' ? [] : raceListProblems(list, rulesOf(app.state));
      fill(checked);
      if (problems.length) append(checked, h('ul', { class: 'error' }, ...problems.map((p) => h('li', {}, p))));
      else if (list.length) append(checked, list.map((r) => `${r.name}: ${plural(r.candidates.length, 'candidate')}${r.kind === 'ranked' ? ', ranked' : ''}`).join('; '));
    } catch (e) {
      fill(checked, h('span', { class: 'error' }, messageOf(e)));
    }
  };
  for (const control of [races, kind, online]) control.addEventListener('input', check);
  online.addEventListener('change', check);
  kind.addEventListener('change', check);

  /** Runs a server call in the busy line, then shows the new ballot and refreshes every step. */
  async function act(what: string, work: () => Promise<BallotView | null>): Promise<void> {
    step.clearFailure();
    try {
      await app.busy.run(what, async () => {
        const next = await work();
        if (next) show(next);
        app.apply(await call('getSidebarState'));
      });
    } catch (e) {
      step.fail(messageOf(e));
    }
  }

  async function createForm(): Promise<void> {
    const request: BallotRequest = {
      title: title.value.trim() || app.state.spreadsheetName,
      races: races.value,
      kind: kind.value === 'ranked' ? 'ranked' : 'single',
      online: online.value as Online,
      paper: paper.input.checked || online.value === 'none',
    };
    await act('Building the ballot form\u2026', () => call('createBallotForm', request));
  }

  // The server remembers the mailing: the state fetched after it shows the result.
  const sendCodes = button('Send voter codes', () =>
    void act('Sending the voter codes\u2026', async () => {
      await call('sendVoterCodes');
      return null;
    }));
  const meetingResult = h('div', {});
  const prepare = button('Prepare the meeting sheets', () =>
    void act('Preparing the Paper ballots and Check-in sheets\u2026', async () => {
      fill(meetingResult, renderMeeting(await call('prepareMeeting')));
      return null;
    }));
  const readFromForm = checkbox('ballot-read-form', 'Read the ballots from the form itself, question by question', false);
  readFromForm.input.addEventListener('change', () =>
    void act('Saving where to read the ballots\u2026', () => call('setBallotSource', readFromForm.input.checked ? 'form' : 'sheet')).then(() => {
      // A refused change leaves the box as the server has it.
      if (view) readFromForm.input.checked = view.readFrom === 'form';
    }));

  function show(next: BallotView): void {
    view = next;
    const forms: HTMLElement[] = [];
    if (next.form) forms.push(renderForm('Ballot form', next.form));
    for (const r of next.runoffs) forms.push(renderForm(`Runoff form for ${r.race}`, r.form));
    fill(formArea, ...forms);

    const parts: HTMLElement[] = [];
    if (next.form) {
      readFromForm.input.checked = next.readFrom === 'form';
      parts.push(h('div', {}, readFromForm.row, h('p', { class: 'help' }, 'Slower than the linked sheet, but a question renamed or added in Forms does not change the count.')));
    }
    if (next.online === 'codes' && next.form) {
      parts.push(h('h3', {}, 'Voter codes'), h('p', { class: 'help' }, 'Each eligible member of the roster is emailed a code. Google limits how many emails go out a day; press again the next day to carry on.'), h('div', { class: 'buttons' }, sendCodes));
      if (next.codes) parts.push(renderCodes(next.codes));
    }
    for (const r of next.runoffNeeded) {
      const make = button(`Create the runoff form for ${r.race}`, () => void act('Building the runoff form\u2026', () => call('createRunoffForm', r.race)));
      parts.push(h('h3', {}, `Runoff: ${r.race}`), h('p', {}, `Nobody reached the threshold: the runoff is between ${r.finalists.join(' and ')}.`), h('div', { class: 'buttons' }, make));
    }
    if (next.paper) {
      parts.push(h('h3', {}, 'Paper ballots at the meeting'), h('p', { class: 'help' }, 'Makes the Paper ballots sheet for the tellers and the Check-in sheet for the desk, marking who already voted online.'), h('div', { class: 'buttons' }, prepare), meetingResult);
    }
    fill(extras, ...parts);
    check();
  }

  return {
    update(state: SidebarState) {
      if (!state.ballot) return;
      if (!initialized) {
        initialized = true;
        title.value = state.ballot.title || state.spreadsheetName;
        races.value = state.ballot.racesText;
        online.value = state.ballot.online;
        paper.input.checked = state.ballot.paper;
      }
      show(state.ballot);
    },
  };
}
