/**
 * Step 4, the count: runs it on the server while polling its progress every
 * second, then shows each race's outcome and the refused ballots.
 */
import type { CountView, SidebarState } from '../../src/shared/sidebarApi';
import { messageOf, type App, type StepView } from '../app';
import type { Busy } from '../busy';
import { append, button, fill, h } from '../dom';
import { call } from '../server';
import { renderCount } from './countView';
import type { Step } from './step';

export const PROGRESS_EVERY_MS = 1000;

/** Asks the server how far the count is, every second, until stopped. */
function pollProgress(busy: Busy): () => void {
  let stopped = false;
  let asking = false;
  const timer = setInterval(() => {
    if (stopped || asking) return;
    asking = true;
    call('getProgress')
      .then((p) => {
        if (p && !stopped) busy.progress(p.step, p.done, p.total);
      })
      // Progress is a courtesy: a poll that fails must not fail the count it reports on.
      .catch(() => undefined)
      .then(() => {
        asking = false;
      });
  }, PROGRESS_EVERY_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

export function countStep(step: Step, app: App): StepView {
  const result = h('div', { class: 'result-area' });
  const run = button('Count the votes', () => void count(), 'action');
  append(
    step.body,
    h('p', {}, 'Counts the ballots of eligible members with the saved rules, and writes the Results, Ballots and Refused sheets.'),
    h('div', { class: 'buttons' }, run),
    result,
  );
  let shown: CountView | null = null;

  const show = (view: CountView, timeZone: string) => {
    shown = view;
    fill(result, renderCount(view, timeZone));
  };

  async function count(): Promise<void> {
    step.clearFailure();
    try {
      await app.busy.run('Counting the votes…', async () => {
        const stop = pollProgress(app.busy);
        let view: CountView;
        try {
          view = await call('runCount');
        } finally {
          stop();
        }
        show(view, app.state.timeZone);
        app.busy.progress('Counted. Updating the steps…');
        app.apply(await call('getSidebarState'));
        app.openNext('count');
      });
    } catch (e) {
      step.fail(messageOf(e));
    }
  }

  return {
    update(state: SidebarState) {
      // The last count saved on the server, when the sidebar opens; a count run here is kept.
      if (state.lastCount && shown === null) show(state.lastCount, state.timeZone);
    },
  };
}
