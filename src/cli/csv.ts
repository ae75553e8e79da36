import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError } from '../core/inputError';
import type { Table } from '../core/vote';

/**
 * Reads a CSV export (a Sheets download or Forms' "Download responses") into the
 * same 2-D array of strings a sheet's getValues() would give. A BOM, CRLF line
 * ends and rows of uneven length are taken as Sheets takes them.
 */
export function readCsvTable(path: string): Table {
  const source = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({ source: path }, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`);
  }
  return { source, values: parseCsv(text, source) };
}

export function parseCsv(text: string, source: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    const problem = e.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted field is never closed (is the file cut short?)'
      : (e.message ?? String(error)).replace(/^[A-Z_]+:\s*/, '');
    throw new InputError({ source, row: e.lines }, problem);
  }
}
