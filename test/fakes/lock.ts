/**
 * LockService: document, script and user locks. The fakes run in one thread,
 * so "another execution" is simulated: a test marks a lock as held by someone
 * else, for good or for a number of attempts, and every attempt is recorded.
 */
import { exposed, type ExactSurface, type FakeContext } from './context';

type GasLock = GoogleAppsScript.Lock.Lock;

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export type LockScope = 'document' | 'script' | 'user';

export class LockState {
  /** Held by the code under test. */
  held = false;
  /** Attempts the other holder will still outlast (Infinity: it never lets go). */
  private otherHolds = 0;
  /** Every tryLock/waitLock: its timeout and whether the lock was taken. */
  readonly attempts: { method: 'tryLock' | 'waitLock'; timeoutMs: number; acquired: boolean }[] = [];

  /** Another execution holds the lock; it lets go after `attempts` failed attempts (never, by default). */
  holdByAnother(attempts = Infinity): void {
    this.otherHolds = attempts;
  }

  releaseByAnother(): void {
    this.otherHolds = 0;
  }

  get heldByAnother(): boolean {
    return this.otherHolds > 0;
  }

  /** One attempt to take the lock; true when taken (or already held by us). */
  attempt(method: 'tryLock' | 'waitLock', timeoutMs: number): boolean {
    const acquired = this.held || this.otherHolds === 0;
    if (acquired) this.held = true;
    else this.otherHolds -= 1;
    this.attempts.push({ method, timeoutMs, acquired });
    return acquired;
  }
}

export type LockMethod = 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock';

export class FakeLock implements Pick<GasLock, LockMethod> {
  constructor(readonly model: LockState, private readonly scope: LockScope, private readonly ctx: FakeContext) {}

  tryLock(timeoutInMillis: number): boolean {
    this.ctx.calls.record('Lock.tryLock', this.scope);
    return this.model.attempt('tryLock', timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.ctx.calls.record('Lock.waitLock', this.scope);
    if (!this.model.attempt('waitLock', timeoutInMillis)) throw this.ctx.exception(LOCK_TIMEOUT);
  }

  hasLock(): boolean {
    this.ctx.calls.record('Lock.hasLock', this.scope);
    return this.model.held;
  }

  releaseLock(): void {
    this.ctx.calls.record('Lock.releaseLock', this.scope);
    this.model.held = false;
  }
}

export const lockSurface: ExactSurface<FakeLock, LockMethod> = true;

export type LockServiceMethod = 'getDocumentLock' | 'getScriptLock' | 'getUserLock';

export class FakeLockService implements Pick<GoogleAppsScript.Lock.LockService, LockServiceMethod> {
  constructor(readonly model: Record<LockScope, LockState>, private readonly ctx: FakeContext) {}

  getDocumentLock(): GasLock {
    return this.lock('getDocumentLock', 'document');
  }

  getScriptLock(): GasLock {
    return this.lock('getScriptLock', 'script');
  }

  getUserLock(): GasLock {
    return this.lock('getUserLock', 'user');
  }

  private lock(method: LockServiceMethod, scope: LockScope): GasLock {
    this.ctx.calls.record(`LockService.${method}`);
    return exposed<GasLock>(new FakeLock(this.model[scope], scope, this.ctx));
  }
}

export const lockServiceSurface: ExactSurface<FakeLockService, LockServiceMethod> = true;
