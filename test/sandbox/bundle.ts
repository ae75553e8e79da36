import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const CODE_PATH = join(import.meta.dirname, '../../dist/Code.js');

/** Globals that exist in Node but not in Apps Script; none may leak into the sandbox. */
export const NODE_ONLY_GLOBALS = [
  'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'fetch', 'URL', 'URLSearchParams',
  'TextEncoder', 'TextDecoder', 'structuredClone', 'Buffer', 'process', 'require', 'module',
  'WebAssembly', 'globalThis.crypto', 'atob', 'btoa',
] as const;

export type Bundle = vm.Context & Record<string, unknown>;

export function readBundle(): string {
  if (!existsSync(CODE_PATH)) throw new Error('dist/Code.js is missing: run `npm run build` first (npm test does).');
  return readFileSync(CODE_PATH, 'utf8');
}

/**
 * Loads dist/Code.js the way Apps Script does: one script in a global scope that
 * holds ECMAScript's built-ins and the services a test passes in, nothing else.
 */
export function loadBundle(services: Record<string, unknown> = {}): Bundle {
  const context = vm.createContext({ ...services }, { codeGeneration: { strings: true, wasm: false } });
  vm.runInContext('delete globalThis.WebAssembly;', context);
  new vm.Script(readBundle(), { filename: 'Code.js' }).runInContext(context);
  return context as Bundle;
}

/** Calls a top-level function of the bundle, as a trigger, menu or google.script.run would. */
export function callEntry<T = unknown>(bundle: Bundle, name: string, ...args: unknown[]): T {
  const fn = bundle[name];
  if (typeof fn !== 'function') throw new Error(`dist/Code.js has no top-level function ${name}`);
  return (fn as (...a: unknown[]) => T)(...args);
}

/** A value built inside the sandbox's realm, as Sheets' own Dates are (instanceof Date fails across realms). */
export function sandboxValue<T>(bundle: Bundle, expression: string): T {
  return vm.runInContext(expression, bundle) as T;
}
