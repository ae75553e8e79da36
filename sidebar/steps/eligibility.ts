/**
 * Step 3, eligibility: the list of members who may vote, written to its own
 * sheet so the steering committee can send it a week before the vote.
 */
import type { EligibilityView, SidebarState } from '../../src/shared/sidebarApi';
import { messageOf, type App, type StepView } from '../app';
import { append, button, fill, h } from '../dom';
import { call } from '../server';
import { formatWhen } from '../when';
import { plural, quotedName } from '../words';
import type { Step } from './step';

export function renderEligibility(view: EligibilityView, timeZone: string): HTMLElement {
  return h(
    'div',
    { class: 'result' },
    h('p', { class: 'figure' }, `${view.eligible} of ${plural(view.members, 'member')} may vote.`),
    h('p', {}, view.asOf === null ? 'No as-of date: attendance was not checked.' : `Eligible as of ${formatWhen(view.asOf, timeZone)}.`),
    h('p', {}, `The list is in the sheet ${quotedName(view.sheet)}.`),
  );
}

export function eligibilityStep(step: Step, app: App): StepView {
  const result = h('div', { class: 'result-area', attrs: { 'aria-live': 'polite' } });
  const check = button('Check eligibility', () => void run(), 'action');
  append(
    step.body,
    h('p', {}, 'Applies the rules to the roster and writes the members who may vote to a sheet, to send a week before the vote.'),
    h('div', { class: 'buttons' }, check),
    result,
  );

  async function run(): Promise<void> {
    step.clearFailure();
    try {
      await app.busy.run('Checking who may vote…', async () => {
        const view = await call('runEligibilityCheck');
        app.eligibility = view;
        fill(result, renderEligibility(view, app.state.timeZone));
        // The server's summary of every step changes with a check: show it.
        app.apply(await call('getSidebarState'));
        app.openNext('eligibility');
      });
    } catch (e) {
      step.fail(messageOf(e));
    }
  }

  return {
    update(_state: SidebarState) {
      // The step's summary line (from the server) says what the last check found.
    },
  };
}
