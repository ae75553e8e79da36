/**
 * The Endorse sidebar: the whole vote in one 300 px panel, step by step. It
 * loads the state from the server, then each step calls the server through
 * server.ts and shows what came back, as text.
 */
import type { SidebarState } from '../src/shared/sidebarApi';
import { messageOf, type App, type StepView } from './app';
import { createBusy } from './busy';
import { append, button, fill, h } from './dom';
import { call } from './server';
import { announceStep } from './steps/announce';
import { ballotStep, ballotStepState } from './steps/ballot';
import { countStep } from './steps/count';
import { eligibilityStep } from './steps/eligibility';
import { rulesStep } from './steps/rules';
import { sourcesStep } from './steps/sources';
import { createStep, type Step, type StepKey } from './steps/step';

const STEPS: ReadonlyArray<readonly [StepKey, string]> = [
  // Optional, and first: the ballot form is built before the vote (steps/ballot.ts).
  ['ballot', 'Ballot'],
  ['rules', 'Rules'],
  ['sources', 'Sources'],
  ['eligibility', 'Eligibility'],
  ['count', 'Count'],
  ['announce', 'Announce'],
];

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`sidebar/index.html has no #${id}`);
  return element;
}

function start(): void {
  const root = byId('app');
  const spreadsheet = byId('spreadsheet');
  const loadError = byId('load-error');
  const stepsBox = byId('steps');
  const busy = createBusy(byId('busy'), root);

  const steps = STEPS.map(([key, title], i) => createStep(key, i + 1, title));
  const step = (key: StepKey): Step => steps.find((s) => s.key === key)!;
  let current: SidebarState | null = null;
  const views: StepView[] = [];
  let opened = false;

  const app: App = {
    busy,
    get state(): SidebarState {
      if (!current) throw new Error('the sidebar state is not loaded yet');
      return current;
    },
    eligibility: null,
    openNext(key) {
      // Steps before this one are settled (their headers sum them up): fold them, so the panel stays short.
      const at = steps.findIndex((s) => s.key === key);
      steps.slice(0, at).forEach((s) => s.close());
      steps[at + 1]?.open();
    },
    apply(state) {
      current = state;
      spreadsheet.textContent = state.spreadsheetName;
      for (const s of steps) s.show(s.key === 'ballot' ? ballotStepState(state) : state.steps[s.key]);
      for (const v of views) v.update(state);
      if (!opened) {
        // Open where the leader left off: the first step not done yet, else the count.
        opened = true;
        const next = steps.find((s) => s.key !== 'announce' && s.key !== 'ballot' && state.steps[s.key].state !== 'done');
        (next ?? step('count')).open();
      }
    },
  };

  views.push(
    ballotStep(step('ballot'), app),
    rulesStep(step('rules'), app),
    sourcesStep(step('sources'), app),
    eligibilityStep(step('eligibility'), app),
    countStep(step('count'), app),
    announceStep(step('announce'), app),
  );

  async function load(): Promise<void> {
    fill(loadError);
    try {
      const state = await busy.run('Loading…', () => call('getSidebarState'));
      if (stepsBox.childElementCount === 0) append(stepsBox, ...steps.map((s) => s.section));
      app.apply(state);
    } catch (e) {
      fill(loadError, `Endorse could not load: ${messageOf(e)} `, button('Try again', () => void load()));
    }
  }
  void load();
}

start();
