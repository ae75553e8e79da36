/**
 * Writes the sheets a count owns (Results, Refused, Ballots, Eligible voters,
 * Rules), all or nothing:
 * - a sheet is Endorse's only when it carries the `endorse-owned` developer
 *   mark; a sheet of the same name without it is the user's and is never touched;
 * - everything is computed before the first write, and each sheet is written
 *   in one setNumberFormats and one setValues, formats first so that text
 *   from respondents lands as text;
 * - before writing, the previous content of every owned sheet is kept; when a
 *   write fails midway, the sheets already rewritten are put back as they were
 *   and the sheets this run created are removed.
 */
import * as z from 'zod/mini';
import type { OutputSheet } from '../core/outputSheets';
import { columnsWithCharts, replaceCharts } from './charts';
import { isServiceError, UserError } from './errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** The developer-metadata key on every sheet Endorse owns; its value is the sheet's layout. */
export const OWNED_KEY = 'endorse-owned';

/** What a sheet shows besides its cells; kept in the owned mark so a sheet can be put back. */
const LayoutSchema = z.object({
  /** The size of the grid written, blank rows at its end included (a data range would leave them out). */
  rows: z.number(),
  columns: z.number(),
  boldRows: z.array(z.number()),
  frozenRows: z.number(),
  charts: z.array(z.object({ title: z.string(), firstRow: z.number(), rows: z.number() })),
});
type Layout = z.infer<typeof LayoutSchema>;

interface Content {
  name: string;
  values: unknown[][];
  formats: string[][];
  layout: Layout;
}

export interface Output {
  sheet: OutputSheet;
  /** Rewrite this sheet only when an owned one exists (to replace a stale one), never create it. */
  onlyIfPresent?: boolean;
}

interface Target {
  content: Content;
  /** The owned sheet of that name and its mark, or null when the run creates it. */
  existing: { sheet: Sheet; mark: Metadata; previous: Content } | null;
}

/** Progress of a run: called with each step as it starts. */
export type Report = (step: string) => void;

/** Writes every output, or none: see the top of this file. */
export function writeOutputs(spreadsheet: Spreadsheet, outputs: Output[], report: Report = () => undefined): void {
  const targets = claimAll(spreadsheet, outputs);
  const touched: { target: Target; sheet: Sheet }[] = [];
  let current = '';
  try {
    for (const target of targets) {
      current = target.content.name;
      report(`Writing the ${current} sheet`);
      const sheet = target.existing?.sheet ?? spreadsheet.insertSheet(current);
      touched.push({ target, sheet });
      fill(sheet, target.content, target.existing?.mark ?? null);
    }
  } catch (error) {
    const restored = putBack(spreadsheet, touched);
    if (!isServiceError(error)) throw error;
    throw new UserError(
      `Google Sheets failed while writing the "${current}" sheet (${error.message.trim()}). ` +
        (restored
          ? 'Nothing was changed: the sheets were put back as they were before this count. '
          : 'Some sheets of the previous count could not be put back: count again to rewrite them all. ') +
        'Try again in a minute.',
    );
  }
}

/** Every output's sheet, checked as Endorse's (or absent) before anything is written, with its previous content. */
function claimAll(spreadsheet: Spreadsheet, outputs: Output[]): Target[] {
  const found = outputs.map((output) => {
    const sheet = spreadsheet.getSheetByName(output.sheet.name);
    const mark = sheet?.getDeveloperMetadata().find((m) => m.getKey() === OWNED_KEY);
    if (sheet && !mark) {
      const name = output.sheet.name;
      throw new UserError(
        `This spreadsheet already has a sheet named "${name}" that Endorse did not make. ` +
          `Endorse writes its ${name} sheet at every count and never overwrites a sheet of yours: ` +
          'rename or delete that sheet, then try again.',
      );
    }
    return { output, owned: sheet && mark ? { sheet, mark } : null };
  });
  // Only once every sheet is known to be Endorse's (or absent) is any of them read.
  return found
    .filter(({ output, owned }) => owned || !output.onlyIfPresent)
    .map(({ output, owned }): Target => {
      const content = contentOf(output.sheet);
      if (!owned) return { content, existing: null };
      return { content, existing: { ...owned, previous: snapshot(owned.sheet, content.name, owned.mark) } };
    });
}

function contentOf(sheet: OutputSheet): Content {
  return {
    name: sheet.name,
    values: sheet.values,
    formats: sheet.formats,
    layout: {
      rows: sheet.values.length,
      columns: sheet.values[0]?.length ?? 1,
      boldRows: sheet.boldRows,
      frozenRows: sheet.frozenRows,
      charts: sheet.charts,
    },
  };
}

/** An owned sheet as it is now: its cells, their formats, and the layout its mark recorded. */
function snapshot(sheet: Sheet, name: string, mark: Metadata): Content {
  const parsed = z.safeParse(LayoutSchema, parseJson(mark.getValue()));
  if (parsed.success) {
    try {
      const range = sheet.getRange(1, 1, parsed.data.rows, parsed.data.columns);
      return { name, values: range.getValues(), formats: range.getNumberFormats(), layout: parsed.data };
    } catch (error) {
      // Rows deleted by hand since: the grid no longer has the recorded size.
      if (!isServiceError(error)) throw error;
    }
  }
  // A mark this version cannot read, or a sheet cut by hand: keep at least the cells.
  const range = sheet.getDataRange();
  const values = range.getValues();
  const layout: Layout = { rows: values.length, columns: values[0]?.length ?? 1, boldRows: [], frozenRows: 0, charts: [] };
  return { name, values, formats: range.getNumberFormats(), layout };
}

/** Makes `sheet` show exactly `content`: grid size, formats, values, bold rows, frozen rows, charts, mark. */
function fill(sheet: Sheet, content: Content, mark: Metadata | null): void {
  const rows = content.values.length;
  const width = content.values[0]?.length ?? 1;
  // One blank row below the data: Sheets refuses to delete every row that is not frozen.
  // Columns first: a sheet that gains many rows has fewer cells to add.
  fitColumns(sheet, columnsWithCharts(width, content.layout.charts));
  fitRows(sheet, rows + 1);
  sheet.clear();
  const range = sheet.getRange(1, 1, rows, width);
  range.setNumberFormats(content.formats);
  range.setValues(content.values);
  for (const row of content.layout.boldRows) sheet.getRange(row, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(content.layout.frozenRows);
  replaceCharts(sheet, content.layout.charts, width);
  const layout = JSON.stringify(content.layout);
  if (mark) mark.setValue(layout);
  else sheet.addDeveloperMetadata(OWNED_KEY, layout, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

/** Exactly `rows` rows: a recount of fewer ballots does not leave thousands of empty rows behind. */
function fitRows(sheet: Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (max < rows) sheet.insertRowsAfter(max, rows - max);
  else if (max > rows) sheet.deleteRows(rows + 1, max - rows);
}

/**
 * Exactly `columns` columns: a spreadsheet holds at most 10 million cells, and a
 * sheet of 100,000 ballots in a new sheet's 26 columns would take a quarter of them.
 */
function fitColumns(sheet: Sheet, columns: number): void {
  const max = sheet.getMaxColumns();
  if (max < columns) sheet.insertColumnsAfter(max, columns - max);
  else if (max > columns) sheet.deleteColumns(columns + 1, max - columns);
}

/** Undoes a failed run, last sheet first; true when every sheet is back as it was. */
function putBack(spreadsheet: Spreadsheet, touched: { target: Target; sheet: Sheet }[]): boolean {
  let restored = true;
  for (const { target, sheet } of touched.slice().reverse()) {
    try {
      if (target.existing) fill(sheet, target.existing.previous, target.existing.mark);
      else spreadsheet.deleteSheet(sheet);
    } catch {
      restored = false;
    }
  }
  return restored;
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}
