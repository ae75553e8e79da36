import { performance } from 'node:perf_hooks';

/** One line of the bench table. */
export interface Figure {
  name: string;
  value: number | string;
  unit: string;
  /** The goal, in words, e.g. "< 500 ms". Shown beside the figure, never asserted. */
  target?: string;
}

/** The best of a few runs, in milliseconds, rounded to 0.1 ms. */
export function bestOf<T>(runs: number, work: () => T): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = work();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: Math.round(best * 10) / 10, result };
}

/** Heap growth while `work` runs, in MiB, after a forced collection when --expose-gc allows it. */
export function heapGrowthMiB<T>(work: () => T): { mib: number; result: T } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const result = work();
  const after = process.memoryUsage().heapUsed;
  return { mib: Math.round(((after - before) / 2 ** 20) * 10) / 10, result };
}
