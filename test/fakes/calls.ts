/**
 * The shared log of every call a fake service receives, so a test can prove
 * that I/O is batched (the same number of calls for 100 and 100,000 responses)
 * and can make the n-th call of a method fail, as a Sheets outage would.
 */
export interface Call {
  /** "Service.method", e.g. "Range.setValues", "Properties.getProperty". */
  method: string;
  /** What was touched: "Results!A1:D9" for a range, a sheet's name, "document" for a property store. */
  target?: string;
}

interface Fault {
  pattern: RegExp;
  remaining: number;
  message: string;
}

/** The message Apps Script gives for a transient service failure. */
export const SERVER_ERROR = "We're sorry, a server error occurred. Please wait a bit and try again.";

export class CallLog {
  private calls: Call[] = [];
  private faults: Fault[] = [];

  /** `raise` builds the thrown error, in the realm of the code under test. */
  constructor(private readonly raise: (message: string) => Error) {}

  /** Logs one call; throws when an armed fault says this is the call to fail. */
  record(method: string, target?: string): void {
    this.calls.push(target === undefined ? { method } : { method, target });
    let due: Fault | undefined;
    for (const f of this.faults) {
      if (f.pattern.test(method) && --f.remaining === 0) due ??= f;
    }
    if (due) {
      this.faults = this.faults.filter((f) => f.remaining > 0);
      throw this.raise(due.message);
    }
  }

  /**
   * Calls of `method` ("Range.setValues"; a `*` matches anything, so "Range.set*"
   * or "*"), optionally only those on `target` or, for a sheet name, its ranges.
   */
  count(method = '*', target?: string): number {
    const pattern = glob(method);
    return this.calls.filter((c) => pattern.test(c.method) && onTarget(c, target)).length;
  }

  total(): number {
    return this.calls.length;
  }

  /** Forgets the calls so far; armed faults stay armed. */
  reset(): void {
    this.calls = [];
  }

  /** Every call since the last reset, oldest first. */
  list(): readonly Call[] {
    return this.calls;
  }

  /** Calls per method, for a failing assertion's message or a bench line. */
  summary(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) out[c.method] = (out[c.method] ?? 0) + 1;
    return out;
  }

  /**
   * The n-th call of `method` from now on (1 = the next one) throws `message`
   * instead of doing anything; later calls behave normally again.
   */
  failOn(method: string, n = 1, message = SERVER_ERROR): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`failOn: n must be a positive integer, got ${n}`);
    this.faults.push({ pattern: glob(method), remaining: n, message });
  }

  /** Faults armed but not yet triggered. */
  pendingFaults(): number {
    return this.faults.length;
  }
}

function glob(method: string): RegExp {
  const escaped = method.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

function onTarget(call: Call, target: string | undefined): boolean {
  if (target === undefined) return true;
  return call.target === target || (call.target?.startsWith(`${target}!`) ?? false);
}
