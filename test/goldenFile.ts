/**
 * Golden files: a whole report compared exactly with the file under
 * test/golden/. `UPDATE_GOLDEN=1` rewrites them; read every rewritten file
 * before keeping it, because from then on it is what Endorse must say.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

const root = join(import.meta.dirname, 'golden');

export function expectGoldenFile(relativePath: string, text: string): void {
  const file = join(root, relativePath);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`no golden file ${file}: run with UPDATE_GOLDEN=1, then read it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
