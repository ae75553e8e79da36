/**
 * How far a long count has got, for the sidebar to poll (getProgress) while
 * runCount works. Kept in the document's cache, where an entry left by a
 * count Apps Script killed expires by itself. Progress is a courtesy: a cache
 * that fails must never fail a count, so every failure here is swallowed.
 */
import type { Progress } from '../shared/sidebarApi';

export const PROGRESS_KEY = 'endorse.progress';
/** A count cannot run longer than Apps Script's six minutes; ten is a safe expiry. */
const EXPIRY_SECONDS = 600;

function cache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch {
    return null;
  }
}

/** A reporter for one run of `total` steps; each call names the step starting now. */
export function progressReporter(total: number): (step: string) => void {
  const store = cache();
  let done = 0;
  return (step) => {
    const progress: Progress = { step, done, total };
    done = Math.min(done + 1, total);
    try {
      store?.put(PROGRESS_KEY, JSON.stringify(progress), EXPIRY_SECONDS);
    } catch {
      // Progress is advisory (see above).
    }
  };
}

export function clearProgress(): void {
  try {
    cache()?.remove(PROGRESS_KEY);
  } catch {
    // Advisory; it expires anyway.
  }
}

/** The progress of the count running now, or null when none is. */
export function readProgress(): Progress | null {
  try {
    const text = cache()?.get(PROGRESS_KEY);
    return text ? (JSON.parse(text) as Progress) : null;
  } catch {
    return null;
  }
}
