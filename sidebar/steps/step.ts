/**
 * The frame every step shares: a numbered, collapsible section whose header
 * always shows the step's state (not started, done with a one-line summary,
 * needs attention), and a place for a failure, shown where it happened.
 */
import type { StepState } from '../../src/shared/sidebarApi';
import { fill, h, setAttr } from '../dom';

export type StepKey = 'ballot' | 'rules' | 'sources' | 'eligibility' | 'count' | 'announce';

export interface Step {
  key: StepKey;
  section: HTMLElement;
  /** Where the step puts its content; the failure line sits below it. */
  body: HTMLElement;
  /** Shows the server's view of the step, unless a failure here is still unresolved. */
  show(state: StepState): void;
  /** Shows the server's message in place and marks the step as needing attention. */
  fail(message: string): void;
  /** Clears a failure shown by `fail`, when the step is tried again. */
  clearFailure(): void;
  open(): void;
  /** Folds the step, unless it shows a failure. */
  close(): void;
}

/**
 * The server's summary, its ISO dates kept on one line: at 300 px "as of
 * 2026-05-20" would otherwise break at a hyphen into "2026-05-" and "20".
 */
function withWholeDates(text: string): (string | HTMLElement)[] {
  return text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) => (i % 2 === 1 ? h('span', { class: 'date' }, part) : part));
}

const BADGE: Record<StepState['state'], string> = {
  'not-started': 'Not started',
  done: 'Done',
  'needs-attention': 'Needs attention',
};

export function createStep(key: StepKey, number: number, title: string): Step {
  const badge = h('span', { class: 'badge' });
  const summary = h('span', { class: 'step-summary' });
  // The badge sits inside the heading so a screen reader announces "Rules, Done" together.
  const heading = h('h2', {}, h('span', { class: 'step-number', attrs: { 'aria-hidden': 'true' } }, number), h('span', { class: 'step-title' }, title), badge);
  const details = h('details', {}, h('summary', {}, heading, summary));
  const body = h('div', { class: 'step-body' });
  const failure = h('p', { class: 'error failure', attrs: { role: 'alert' } });
  details.append(body, failure);
  const section = h('section', { id: `step-${key}`, class: 'step', attrs: { 'aria-label': `Step ${number}: ${title}` } }, details);
  let lastState: StepState = { state: 'not-started', summary: '' };
  let failed = false;

  const paint = (state: StepState['state'], text: string) => {
    setAttr(section, 'data-state', state);
    badge.className = `badge badge-${state}`;
    badge.textContent = BADGE[state];
    fill(summary, ...withWholeDates(text));
    summary.hidden = text === '';
  };

  return {
    key,
    section,
    body,
    show(state) {
      lastState = state;
      if (!failed) paint(state.state, state.summary);
    },
    fail(message) {
      failed = true;
      fill(failure, message);
      paint('needs-attention', lastState.summary);
      details.open = true;
    },
    clearFailure() {
      failed = false;
      fill(failure);
      paint(lastState.state, lastState.summary);
    },
    open() {
      details.open = true;
    },
    close() {
      // A failure stays in view until it is resolved.
      if (!failed) details.open = false;
    },
  };
}
