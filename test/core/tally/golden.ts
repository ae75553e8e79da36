/**
 * Golden files: the whole round-by-round result, then the summary, compared
 * exactly. `UPDATE_GOLDEN=1` rewrites them; read every rewritten file before
 * keeping it, because from then on it is what the tally must say.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RaceResult } from '../../../src/core/result';

const dir = join(import.meta.dirname, '../../golden/tally');

export function goldenText(result: RaceResult): string {
  return `${JSON.stringify(result, null, 2)}\n\n${result.summary}\n`;
}

export function expectGolden(name: string, result: RaceResult): void {
  const file = join(dir, `${name}.txt`);
  const text = goldenText(result);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`no golden file ${file}: run with UPDATE_GOLDEN=1, then read it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
