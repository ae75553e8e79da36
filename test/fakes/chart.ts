/**
 * Embedded charts: enough of the builder to record what a bar chart shows
 * (its type, data ranges, options and position), and the Charts enums it uses.
 */
import { enumOf, exposed, fakeOf, type ExactSurface, type FakeContext } from './context';
import { FakeRange, type RangeModel } from './range';
import type { ChartRecord } from './workbook';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type BarBuilder = GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export const ChartType = enumOf<typeof GoogleAppsScript.Charts.ChartType>([
  'TIMELINE', 'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM',
  'RADAR', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TREEMAP', 'WATERFALL',
]);
export const Position = enumOf<typeof GoogleAppsScript.Charts.Position>(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);

export type ChartsMember = 'ChartType' | 'Position';

/** The Charts service, for its enums. */
export class FakeCharts implements Pick<GoogleAppsScript.Charts.Charts, ChartsMember> {
  readonly ChartType = ChartType;
  readonly Position = Position;
}

export const chartsSurface: ExactSurface<FakeCharts, ChartsMember> = true;

/** A chart as built: its record, and the ranges it reads (its id is set when inserted). */
export interface ChartModel {
  record: ChartRecord;
  ranges: RangeModel[];
}

export type BuilderMethod =
  | 'addRange' | 'clearRanges' | 'getRanges' | 'setChartType' | 'getChartType' | 'asBarChart' | 'setOption'
  | 'setPosition' | 'setNumHeaders' | 'build';
export type BarBuilderMethod =
  | BuilderMethod | 'setTitle' | 'setXAxisTitle' | 'setYAxisTitle' | 'setLegendPosition' | 'setStacked' | 'setColors';

/**
 * One object serves as the generic builder and, after asBarChart(), the bar
 * chart builder, as in Apps Script where both chain on the same draft.
 */
export class FakeChartBuilder implements Pick<Builder, BuilderMethod>, Pick<BarBuilder, BarBuilderMethod> {
  readonly model: ChartModel = { record: { id: 0, type: 'BAR', ranges: [], options: {} }, ranges: [] };

  constructor(private readonly ctx: FakeContext) {}

  addRange(range: GasRange): Builder {
    this.log('addRange');
    this.model.ranges.push(fakeOf(range, FakeRange, 'EmbeddedChartBuilder.addRange', this.ctx).model);
    return exposed<Builder>(this);
  }

  clearRanges(): Builder {
    this.log('clearRanges');
    this.model.ranges = [];
    return exposed<Builder>(this);
  }

  getRanges(): GasRange[] {
    this.log('getRanges');
    return this.model.ranges.map((r) => exposed<GasRange>(new FakeRange(r, this.ctx)));
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): Builder {
    this.log('setChartType');
    this.model.record.type = String(type);
    return exposed<Builder>(this);
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    this.log('getChartType');
    return ChartType[this.model.record.type as keyof typeof ChartType];
  }

  asBarChart(): BarBuilder {
    this.log('asBarChart');
    this.model.record.type = 'BAR';
    return exposed<BarBuilder>(this);
  }

  setOption(option: string, value: any): Builder {
    this.log('setOption');
    this.model.record.options[option] = value;
    return exposed<Builder>(this);
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): Builder {
    this.log('setPosition');
    this.model.record.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return exposed<Builder>(this);
  }

  setNumHeaders(headers: number): Builder {
    this.option('setNumHeaders', 'numHeaders', headers);
    return exposed<Builder>(this);
  }

  setTitle(chartTitle: string): BarBuilder {
    this.option('setTitle', 'title', chartTitle);
    return exposed<BarBuilder>(this);
  }

  setXAxisTitle(title: string): BarBuilder {
    this.option('setXAxisTitle', 'hAxis.title', title);
    return exposed<BarBuilder>(this);
  }

  setYAxisTitle(title: string): BarBuilder {
    this.option('setYAxisTitle', 'vAxis.title', title);
    return exposed<BarBuilder>(this);
  }

  setLegendPosition(position: GoogleAppsScript.Charts.Position): BarBuilder {
    this.option('setLegendPosition', 'legend.position', String(position));
    return exposed<BarBuilder>(this);
  }

  setStacked(): BarBuilder {
    this.option('setStacked', 'isStacked', true);
    return exposed<BarBuilder>(this);
  }

  setColors(cssValues: string[]): BarBuilder {
    this.option('setColors', 'colors', [...cssValues]);
    return exposed<BarBuilder>(this);
  }

  build(): GasChart {
    this.log('build');
    const { record, ranges } = this.model;
    const built: ChartModel = {
      record: { ...record, options: { ...record.options }, ranges: ranges.map((r) => `${r.sheet.name}!${r.sheet.a1(r)}`) },
      ranges: [...ranges],
    };
    return exposed<GasChart>(new FakeChart(built, this.ctx));
  }

  private option(method: BarBuilderMethod, option: string, value: unknown): void {
    this.log(method);
    this.model.record.options[option] = value;
  }

  private log(method: BarBuilderMethod): void {
    this.ctx.calls.record(`EmbeddedChartBuilder.${method}`);
  }
}

export const builderSurface: ExactSurface<FakeChartBuilder, BarBuilderMethod> = true;

export type ChartMethod = 'getChartId' | 'getRanges';

export class FakeChart implements Pick<GasChart, ChartMethod> {
  constructor(readonly model: ChartModel, private readonly ctx: FakeContext) {}

  getChartId(): number | null {
    this.ctx.calls.record('EmbeddedChart.getChartId');
    return this.model.record.id === 0 ? null : this.model.record.id;
  }

  getRanges(): GasRange[] {
    this.ctx.calls.record('EmbeddedChart.getRanges');
    return this.model.ranges.map((r) => exposed<GasRange>(new FakeRange(r, this.ctx)));
  }
}

export const chartSurface: ExactSurface<FakeChart, ChartMethod> = true;
