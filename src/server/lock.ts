/**
 * One count at a time per spreadsheet: two leaders pressing "Count the votes"
 * together would interleave their writes. A document lock serializes them, and
 * the second gets a message instead of a wait that ends in a timeout.
 */
import { UserError } from './errors';

/** Long enough for a click that lands as another count finishes; far shorter than a count. */
export const LOCK_WAIT_MS = 5000;

export const BUSY_MESSAGE =
  'A count is already running in this spreadsheet (from another window or another leader). ' +
  'Wait for it to finish, then try again.';

/** Runs `work` holding the spreadsheet's document lock; throws UserError when another execution holds it. */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new UserError('Endorse can only count from inside a spreadsheet: open it from the spreadsheet\'s Extensions menu.');
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError(BUSY_MESSAGE);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
