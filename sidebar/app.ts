/**
 * What the steps share: the one busy line, the latest state from the server,
 * and the facts one step learns that another explains with.
 */
import type { Busy } from './busy';
import type { EligibilityView, SidebarState } from '../src/shared/sidebarApi';
import type { StepKey } from './steps/step';

export interface App {
  busy: Busy;
  /** The latest state the server sent. */
  readonly state: SidebarState;
  /** Takes a fresh state from the server and shows it in every step. */
  apply(state: SidebarState): void;
  /** Once `key` is done: opens the next step, the leader's next move, and folds the steps before `key`. */
  openNext(key: StepKey): void;
  /** The eligibility check run in this session, if any: the quorum's explanation uses its count. */
  eligibility: EligibilityView | null;
}

/** The part of a step the app drives: shown again whenever the state changes. */
export interface StepView {
  update(state: SidebarState): void;
}

/** The message of a failed call, as the server wrote it (see server.ts). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
