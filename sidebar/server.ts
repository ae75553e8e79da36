/**
 * The typed promise wrapper around google.script.run: the sidebar reads as
 * ordinary awaits, and each call is checked against the contract in
 * src/shared/sidebarApi.ts, the one the server implements.
 */
import type { SidebarApi } from '../src/shared/sidebarApi';

type Runner = {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
} & { [K in keyof SidebarApi]: (...args: Parameters<SidebarApi[K]>) => void };

declare const google: { script: { run: Runner } } | undefined;

/** Calls the server function `name` of dist/Code.js and resolves with what it returns. */
export function call<K extends keyof SidebarApi>(name: K, ...args: Parameters<SidebarApi[K]>): Promise<ReturnType<SidebarApi[K]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script || !google.script.run) {
      reject(new Error('This page runs inside Google Sheets: open it from Extensions → Endorse.'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarApi[K]>))
      .withFailureHandler((error) => reject(new Error(serverMessage(error))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

/**
 * The server's message as the user should read it. Apps Script prefixes an
 * uncaught error with its class ("Exception: ", "InputError: "); the message
 * itself already says what to fix, so the prefix is dropped.
 */
export function serverMessage(error: unknown): string {
  const text = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? String((error as { message: unknown }).message)
    : String(error);
  const message = text.replace(/^(?:Uncaught )?(?:[A-Z][A-Za-z]*)?(?:Error|Exception): /, '').trim();
  return message || 'The server failed without saying why. Try again; if it fails again, reload the sidebar.';
}
