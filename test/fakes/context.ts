/**
 * What every fake shares, and the one place a fake is handed to the code under
 * test as the full Apps Script interface it partly implements.
 */
import type { CallLog } from './calls';
import type { UiRecord } from './ui';

export interface FakeContext {
  calls: CallLog;
  /** What the user was shown: menus, alerts, toasts, sidebars. */
  ui: UiRecord;
  /** A Date in the realm of the code under test (the vm sandbox has its own Date). */
  dateIn(ms: number): Date;
  /** An error in the realm of the code under test, named "Exception" as Apps Script's are. */
  exception(message: string): Error;
  /** The current instant, for inputs Sheets reads relative to today ("5/1" is this year's May 1). */
  now(): number;
}

/**
 * A fake as the full interface. Each fake class `implements Pick<Interface, …>`
 * of exactly the methods it provides, so the type checker already holds its
 * signatures to Apps Script's; calling a method it does not provide fails at
 * run time with "is not a function", which is what the test should see.
 */
export function exposed<T>(fake: Partial<T>): T {
  return fake as T;
}

/**
 * Apps Script's enums are objects that print as their name; we build them the
 * same way, so `ui.alert(...) === ui.Button.OK` holds and `String(member)` gives "OK".
 */
export function enumOf<E>(names: readonly string[]): E {
  const members: Record<string, object> = {};
  for (const name of names) members[name] = Object.freeze({ toString: () => name, toJSON: () => name });
  return Object.freeze(members) as unknown as E;
}

/**
 * A compile-time check that a fake's public members are exactly its Pick, plus
 * `model` (the state tests inspect): `const _: ExactSurface<FakeX, XMethod> = true`.
 */
export type ExactSurface<Fake, Methods extends PropertyKey> =
  [Exclude<keyof Fake, Methods | 'model'>] extends [never] ? true : { notInPick: Exclude<keyof Fake, Methods | 'model'> };

/** The fake behind a value the code under test passed back to us (a Range to a chart, a Sheet to deleteSheet). */
export function fakeOf<F>(value: unknown, kind: abstract new (...args: never[]) => F, what: string, ctx: FakeContext): F {
  if (value instanceof kind) return value;
  throw ctx.exception(`The parameters (${typeof value}) don't match the method signature for ${what}.`);
}
