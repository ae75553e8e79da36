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
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({ source: path }, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`);
  }
  return { source, values: parseCsv(decodeCsv(bytes, source), source) };
}

/**
 * The file's text: UTF-8 (Sheets and Forms export nothing else), or UTF-16 when
 * it starts with that byte-order mark (Excel's "Unicode text"). Bytes that are
 * not UTF-8 would turn names into "D\uFFFDaz" without a word: they are refused,
 * with the row they are on.
 */
export function decodeCsv(bytes: Uint8Array, source: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const row = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new InputError({ source, row }, 'is not UTF-8 text (saved as Latin-1 or Windows-1252?): export it again as "CSV UTF-8"');
  }
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
