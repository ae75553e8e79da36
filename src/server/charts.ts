/**
 * A bar chart per round on the Results sheet, beside that round's table. The
 * charts are drawn from the specs the core computed; the sheet's old charts are
 * removed first, so a recount replaces them instead of piling up copies.
 */
import type { ChartSpec } from '../core/outputSheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const ROW_PX = 21;
/** Sheets' default column width. */
const COLUMN_PX = 100;
const CHART_WIDTH_PX = 420;
/** Columns left free between a table and its chart. */
const GAP_COLUMNS = 1;

/** The columns a sheet needs so that the charts of a `width`-column grid fit beside it. */
export function columnsWithCharts(width: number, charts: ChartSpec[]): number {
  return charts.length ? width + GAP_COLUMNS + Math.ceil(CHART_WIDTH_PX / COLUMN_PX) : width;
}

export function replaceCharts(sheet: Sheet, charts: ChartSpec[], width: number): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  for (const spec of charts) sheet.insertChart(barChart(sheet, spec, width));
}

function barChart(sheet: Sheet, spec: ChartSpec, width: number): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  // The table's header row (Option, Votes) names the series; the rows below it are the options.
  const data = sheet.getRange(spec.firstRow - 1, 1, spec.rows + 1, 2);
  // Anchored at the round's heading, as tall as its table, so charts of successive rounds do not overlap.
  const anchorRow = Math.max(1, spec.firstRow - 2);
  return sheet.newChart()
    .addRange(data)
    .setNumHeaders(1)
    .setPosition(anchorRow, width + GAP_COLUMNS + 1, 0, 0)
    .setOption('width', CHART_WIDTH_PX)
    .setOption('height', Math.max(6, spec.rows + 3) * ROW_PX)
    .asBarChart()
    .setTitle(spec.title)
    .setLegendPosition(Charts.Position.NONE)
    .build();
}
