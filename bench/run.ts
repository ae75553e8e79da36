/**
 * npm run bench: every bench/*.bench.ts exports `default: () => Promise<Figure[]>`;
 * this runs them in turn and prints one table. Figures, never pass/fail timing tests.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Figure } from './figure.js';

const only = process.argv[2];
const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
const rows: Figure[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<Figure[]> };
  const figures = await mod.default();
  for (const f of figures) {
    rows.push(f);
    console.error(`  ${file}: ${f.name} = ${f.value} ${f.unit}`);
  }
}

const header = ['figure', 'value', 'unit', 'target'];
const table = [header, ...rows.map((r) => [r.name, String(r.value), r.unit, r.target ?? ''])];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
