/**
 * One server call at a time, and the user always sees that it runs: every
 * button is disabled and the busy line says what is happening until it ends.
 */
import { fill, h } from './dom';

export interface Busy {
  /** Runs `work` with every button disabled and `what` on the busy line. */
  run<T>(what: string, work: () => Promise<T>): Promise<T>;
  /** Updates the busy line while work runs: "Counting Mayor", 2 of 5. */
  progress(step: string, done?: number, total?: number): void;
  readonly running: boolean;
}

export function createBusy(line: HTMLElement, root: HTMLElement): Busy {
  const text = h('span', { class: 'busy-text' });
  const bar = h('progress', { attrs: { 'aria-hidden': 'true' } });
  fill(line, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), text, bar);
  line.hidden = true;
  let running = false;

  const busy: Busy = {
    get running() {
      return running;
    },
    async run(what, work) {
      if (running) throw new Error('Another step is still running; wait for it to finish.');
      running = true;
      // Only the buttons this call disabled are enabled again: some stay disabled on purpose.
      const disabled = Array.from(root.querySelectorAll('button')).filter((b) => !b.disabled);
      for (const b of disabled) b.disabled = true;
      root.setAttribute('aria-busy', 'true');
      busy.progress(what);
      line.hidden = false;
      try {
        return await work();
      } finally {
        running = false;
        line.hidden = true;
        root.removeAttribute('aria-busy');
        for (const b of disabled) b.disabled = false;
      }
    },
    progress(step, done, total) {
      text.textContent = done !== undefined && total ? `${step} (${done} of ${total})` : step;
      if (done !== undefined && total) {
        bar.max = total;
        bar.value = Math.min(done, total);
        bar.hidden = false;
      } else {
        bar.removeAttribute('value');
        bar.hidden = true;
      }
    },
  };
  return busy;
}
