/**
 * Step 5, the announcement: members first, then candidates, then the press
 * (docs/announcements.md). Wired by the announcement issue; until then the
 * step shows where it will be, disabled.
 */
import type { SidebarState } from '../../src/shared/sidebarApi';
import type { StepView } from '../app';
import { append, h } from '../dom';
import type { Step } from './step';

export function announceStep(step: Step): StepView {
  const note = h('p', { id: 'announce-note', class: 'secondary' }, 'Available after a count');
  const create = h('button', { class: 'action', attrs: { type: 'button', disabled: true, 'aria-describedby': note.id } }, 'Create announcement');
  append(
    step.body,
    h('p', {}, 'Drafts the statement to members, the letters to candidates and the press release from the results.'),
    h('div', { class: 'buttons' }, create),
    note,
  );
  return {
    update(_state: SidebarState) {
      // Nothing to show until the announcement feature is wired.
    },
  };
}
