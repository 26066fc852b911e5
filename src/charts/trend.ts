/**
 * Line charts over the years: one indicator's trend, and small multiples of
 * a category's indicators laid out in a grid that wraps at a minimum panel
 * size (the chart grows taller instead of squeezing its panels).
 *
 * May import: nothing outside src/charts.
 */
import { AXIS_COLOR, lineLook, PALETTE } from './palette';
import { TOOLTIP_BOX, tooltipHtml } from './tooltip';

export interface TrendPoint {
  readonly value: number;
  readonly text: string;
}

export interface TrendLine {
  readonly label: string;
  /** The town's look (lineLook): by its place among the trend's lines, kept in its small multiples. */
  readonly colorIndex: number;
  /** One per year; null is a gap, never a zero. */
  readonly points: readonly (TrendPoint | null)[];
}

/** What the value axis holds: whole things, a rate, or anything else. */
export interface AxisScale {
  /** Counts of people, cases …: ticks at whole numbers only (never 0.5 人). */
  readonly integer?: boolean;
  /** A rate (share of a whole): drawn on 0–100. */
  readonly percent?: boolean;
}

export interface TrendChoices extends AxisScale {
  readonly years: readonly number[];
  readonly unitLabel: string;
  /**
   * The width the chart is laid out in (its panel's, padding included: see
   * LEGEND.margin), to label as many years as fit and lay the legend out
   * (default: a phone's).
   */
  readonly width?: number;
}

/** The value axis options for a scale. */
function valueScale(scale: AxisScale): object {
  return {
    ...(scale.integer === true ? { minInterval: 1 } : {}),
    // Fixed ticks: ECharts' own for 0–100 in a small panel (0, 30, 60, 90) crowd 90 and 100.
    ...(scale.percent === true ? { min: 0, max: 100, interval: 25 } : {}),
  };
}

/** The width a chart not yet measured is laid out for: a phone's. */
const UNMEASURED_WIDTH = 340;

/** Roughly how wide a year label is, with room around it. */
const YEAR_LABEL_WIDTH = 44;

/**
 * Which year labels to show on an axis `width` pixels wide: every one that
 * fits, counted back from the last, so the latest year is always labelled.
 */
export function yearLabelShown(count: number, width: number): (index: number) => boolean {
  const fit = Math.max(1, Math.floor(width / YEAR_LABEL_WIDTH));
  const step = Math.max(1, Math.ceil(count / fit));
  return (index) => (count - 1 - index) % step === 0;
}

function lineSeries(line: TrendLine, extra: object = {}): object {
  const { color, type, symbol } = lineLook(line.colorIndex);
  return {
    type: 'line',
    name: line.label,
    data: line.points.map((p) => (p === null ? null : p.value)),
    connectNulls: false,
    showSymbol: true,
    symbol,
    symbolSize: 9,
    lineStyle: { width: 2, color, type },
    itemStyle: { color },
    cursor: 'pointer',
    emphasis: { focus: 'series' },
    ...extra,
  };
}

/** The trend chart's height with one row of legend. */
const TREND_PLOT_HEIGHT = 320;

/**
 * The trend's legend: every town named, on as many rows as their names take
 * (a legend that scrolls hides towns on paper and on a phone), up to
 * `plainUpTo` lines; past that (every town of a larger place shown) one row
 * that scrolls. Its rows are reckoned from its items' sizes here, which the
 * option sets, and each name's width (nameWidth): never fewer than ECharts
 * lays out (one too many leaves a gap, one too few would cover the plot).
 */
export const LEGEND = {
  plainUpTo: 24,
  /** Its symbol's box, the gap between items (and rows), its text's size: set in the option. */
  itemWidth: 25,
  itemHeight: 14,
  itemGap: 10,
  fontSize: 12,
  /** ECharts' own gap between a symbol and its name. */
  textGap: 5,
  /** What the panel keeps clear on the chart's sides (its padding, the legend's own). */
  margin: 48,
} as const;

const legendScrolls = (lines: number): boolean => lines > LEGEND.plainUpTo;

/**
 * A name's width at LEGEND.fontSize, every character taken as a square: a
 * Chinese one is; a Latin letter is narrower (a row too many at worst).
 */
const nameWidth = (name: string): number => [...name].length * LEGEND.fontSize;

const LEGEND_ROW = LEGEND.itemHeight + LEGEND.itemGap;

/** How many rows the legend of `labels` takes in a chart `width` px wide (unmeasured: a phone's). */
export function legendRows(labels: readonly string[], width = 0): number {
  if (labels.length === 0 || legendScrolls(labels.length)) return 1;
  const room = Math.max(120, (width || UNMEASURED_WIDTH) - LEGEND.margin);
  let rows = 1;
  let used = 0;
  for (const label of labels) {
    const item = LEGEND.itemWidth + LEGEND.textGap + nameWidth(label) + LEGEND.itemGap;
    if (used > 0 && used + item > room) {
      rows++;
      used = 0;
    }
    used += item;
  }
  return rows;
}

/** What the legend's rows past the first take from the top of the chart. */
function legendExtra(lines: readonly TrendLine[], width?: number): number {
  const labels = lines.map((l) => l.label);
  return (legendRows(labels, width) - 1) * LEGEND_ROW;
}

/** The trend chart's height: its plot's, and the legend's rows above it. */
export function trendHeight(lines: readonly TrendLine[], width = 0): number {
  return TREND_PLOT_HEIGHT + legendExtra(lines, width);
}

/**
 * Each town's look (lineLook) in the small multiples below a trend, by id:
 * the trend's towns first, in its order, so that a town keeps its look from
 * the trend to them; then the other towns shown.
 */
export function lookSlots(
  trend: readonly string[],
  towns: readonly string[],
): ReadonlyMap<string, number> {
  const slots = new Map(trend.map((id, i) => [id, i]));
  for (const id of towns) if (!slots.has(id)) slots.set(id, slots.size);
  return slots;
}

/** A line per town over the years; missing years stay gaps. */
export function buildTrendOption(lines: readonly TrendLine[], choices: TrendChoices): object {
  return {
    animationDuration: 200,
    color: [...PALETTE],
    grid: {
      left: 8,
      right: 24,
      top: 48 + legendExtra(lines, choices.width),
      bottom: 8,
      containLabel: true,
    },
    legend: {
      type: legendScrolls(lines.length) ? 'scroll' : 'plain',
      top: 0,
      itemWidth: LEGEND.itemWidth,
      itemHeight: LEGEND.itemHeight,
      itemGap: LEGEND.itemGap,
      textStyle: { color: AXIS_COLOR, fontSize: LEGEND.fontSize },
    },
    tooltip: {
      ...TOOLTIP_BOX,
      trigger: 'item',
      formatter: (p: { seriesIndex: number; dataIndex: number }) => {
        const line = lines[p.seriesIndex];
        const point = line?.points[p.dataIndex];
        return line === undefined || point == null
          ? ''
          : tooltipHtml([`${line.label} ${choices.years[p.dataIndex] ?? ''}`, point.text]);
      },
    },
    xAxis: {
      type: 'category',
      data: choices.years.map(String),
      boundaryGap: true,
      // A narrow chart (a phone) still fits every other year, and the last.
      axisLabel: {
        color: AXIS_COLOR,
        // Unmeasured (0 or absent): as on a phone.
        interval: yearLabelShown(choices.years.length, (choices.width || UNMEASURED_WIDTH) - 60),
      },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      name: choices.unitLabel,
      nameTextStyle: { color: AXIS_COLOR },
      axisLabel: { color: AXIS_COLOR },
      ...valueScale(choices),
    },
    series: lines.map((line) => lineSeries(line)),
  };
}

export interface Panel extends AxisScale {
  readonly title: string;
  readonly unitLabel: string;
  readonly lines: readonly TrendLine[];
}

/**
 * The small multiples' grid, in pixels: panels at least this wide and this
 * tall (their plot, without title and axis labels) and as many columns as
 * fit, so nine indicators make three rows of three on a wide screen and nine
 * rows of one on a phone.
 */
export const MULTIPLES = {
  minWidth: 260,
  plotHeight: 140,
  maxColumns: 4,
  /** Two lines of a 13 px title. */
  titleHeight: 46,
  /** The year labels under the plot. */
  axisHeight: 26,
  columnGap: 24,
  rowGap: 20,
} as const;

export interface MultiplesLayout {
  readonly columns: number;
  readonly rows: number;
  /** The whole chart's height. */
  readonly height: number;
  /** Each panel's box: its title at the top, the plot and its axes below. */
  readonly cells: readonly { left: number; top: number; width: number; height: number }[];
}

/** Where `count` panels go in a chart `width` pixels wide. */
export function multiplesLayout(count: number, width: number): MultiplesLayout {
  const m = MULTIPLES;
  const fit = Math.floor((width + m.columnGap) / (m.minWidth + m.columnGap));
  let columns = Math.max(1, Math.min(m.maxColumns, fit, count));
  const rows = Math.max(1, Math.ceil(count / columns));
  // As few columns as keep the rows: 9 panels in 3 × 3, not 4 + 4 + 1.
  columns = Math.max(1, Math.ceil(count / rows));
  const cellWidth = Math.floor((width - (columns - 1) * m.columnGap) / columns);
  const cellHeight = m.titleHeight + m.plotHeight + m.axisHeight;
  const cells = Array.from({ length: count }, (_, i) => ({
    left: (i % columns) * (cellWidth + m.columnGap),
    top: Math.floor(i / columns) * (cellHeight + m.rowGap),
    width: cellWidth,
    height: cellHeight,
  }));
  return { columns, rows, height: rows * cellHeight + (rows - 1) * m.rowGap, cells };
}

/**
 * Small multiples: one small line chart per indicator of a category, sharing
 * the years and the town colours, laid out by multiplesLayout for a chart
 * `width` pixels wide. Series are laid out panel by panel, line by line, so
 * `seriesIndex` maps back with `multiplesIndexOf`.
 */
export function buildMultiplesOption(
  panels: readonly Panel[],
  years: readonly number[],
  width: number,
): object {
  const layout = multiplesLayout(panels.length, width);
  const cell = (i: number): MultiplesLayout['cells'][number] =>
    layout.cells[i] ?? { left: 0, top: 0, width, height: 0 };
  const grids = panels.map((_, i) => ({
    left: cell(i).left,
    top: cell(i).top + MULTIPLES.titleHeight,
    width: cell(i).width,
    height: MULTIPLES.plotHeight + MULTIPLES.axisHeight,
    // The axis labels inside the box: the plot shrinks, the box never overlaps the next.
    containLabel: true,
  }));
  const series = panels.flatMap((panel, i) =>
    panel.lines.map((line) =>
      lineSeries(line, {
        xAxisIndex: i,
        yAxisIndex: i,
        symbolSize: 7,
      }),
    ),
  );
  return {
    animationDuration: 200,
    color: [...PALETTE],
    title: panels.map((panel, i) => ({
      text: panel.unitLabel === '' ? panel.title : `${panel.title} (${panel.unitLabel})`,
      left: cell(i).left,
      top: cell(i).top,
      padding: 0,
      // A long name wraps onto a second line; past that it ends in … (the
      // full name is in every point's tooltip and the data table).
      textStyle: {
        fontSize: 13,
        lineHeight: 17,
        fontWeight: 'normal',
        color: '#1a1a1a',
        width: cell(i).width - 4,
        height: 34,
        overflow: 'break',
        lineOverflow: 'truncate',
      },
    })),
    tooltip: {
      ...TOOLTIP_BOX,
      trigger: 'item',
      formatter: (p: { seriesIndex: number; dataIndex: number }) => {
        const at = multiplesIndexOf(panels, p.seriesIndex);
        const panel = at === null ? undefined : panels[at.panel];
        const line = at === null ? undefined : panel?.lines[at.line];
        const point = line?.points[p.dataIndex];
        return panel === undefined || line === undefined || point == null
          ? ''
          : tooltipHtml([panel.title, `${line.label} ${years[p.dataIndex] ?? ''}`, point.text]);
      },
    },
    grid: grids,
    xAxis: panels.map((_, i) => ({
      type: 'category',
      gridIndex: i,
      data: years.map(String),
      // The y labels take some of the width: count on 48 px of them.
      axisLabel: {
        color: AXIS_COLOR,
        fontSize: 11,
        interval: yearLabelShown(years.length, cell(i).width - 48),
      },
      axisTick: { alignWithLabel: true },
    })),
    yAxis: panels.map((panel, i) => ({
      type: 'value',
      gridIndex: i,
      splitNumber: 3,
      axisLabel: { color: AXIS_COLOR, fontSize: 11, hideOverlap: true },
      ...valueScale(panel),
    })),
    series,
  };
}

export function multiplesIndexOf(
  panels: readonly Panel[],
  seriesIndex: number,
): { panel: number; line: number } | null {
  let offset = 0;
  for (let i = 0; i < panels.length; i++) {
    const count = panels[i]?.lines.length ?? 0;
    if (seriesIndex < offset + count) return { panel: i, line: seriesIndex - offset };
    offset += count;
  }
  return null;
}
