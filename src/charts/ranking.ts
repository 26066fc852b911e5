/**
 * Pure ECharts option builders. Input is plain data prepared by a feature;
 * output is an option object. No DOM, no store.
 *
 * May import: nothing outside src/charts.
 */
import { AXIS_COLOR, BAR_COLOR } from './palette';
import { TOOLTIP_BOX, tooltipHtml } from './tooltip';

export interface RankingDatum {
  /** Town name shown on the axis. */
  readonly label: string;
  readonly value: number;
  /** Already formatted with qualifier and unit: "≥190件". */
  readonly text: string;
  /** A marker shown after the label (derived, corrected …), '' for none. */
  readonly flag: string;
}

export interface RankingChoices {
  /** Axis name: the unit. */
  readonly unitLabel: string;
  /**
   * Bars shown at once; with more data, a data-zoom slider (and the mouse
   * wheel) scrolls through the rest, starting at the top of the ranking.
   */
  readonly window?: number;
  /**
   * With more data than the window: the window's bars alone, without the
   * data-zoom component, the margins unchanged — drawn first, while the zoom
   * code loads, and cheaper to draw. Its bar i is bar i + previewOffset of
   * the full chart.
   */
  readonly preview?: boolean;
  /**
   * With more data than the window: how many ranks above the window's top
   * (0 = the window starts at the highest). Clamped to the data.
   */
  readonly windowStart?: number;
  /**
   * The lines of a bar's tooltip, for the datum at `index` (in the caller's
   * order), asked for when the reader points at it: plain text, escaped here.
   */
  readonly tooltip?: (index: number) => readonly string[];
}

/** Width in pixels of the widest label: CJK characters are square, others about half. */
export function labelWidth(labels: readonly string[], fontSize: number): number {
  let widest = 0;
  for (const label of labels) {
    let width = 0;
    for (const ch of label) width += (ch.codePointAt(0) ?? 0) > 0x2e80 ? fontSize : fontSize * 0.6;
    widest = Math.max(widest, width);
  }
  return Math.ceil(widest);
}

/**
 * The parts of a ranking option that change shape from one ranking to the
 * next (the data zoom comes and goes with the count): replaced whole on a
 * redraw. The rest — every key always there — is merged into the chart
 * drawn; the one bar series too, so ECharts updates the bars it has drawn
 * rather than making them again.
 */
export const RANKING_REPLACED = ['dataZoom'] as const;

/** Horizontal bars, highest on top; only towns that report the value appear. */
export function buildRankingOption(data: readonly RankingDatum[], choices: RankingChoices): object {
  // ECharts draws the first category at the bottom: reverse so the highest is on top.
  const all = [...data].reverse();
  const window = choices.window ?? all.length;
  const zoomed = all.length > window;
  const preview = zoomed && choices.preview === true;
  const offset = previewOffset(all.length, window, choices.windowStart);
  const rows = preview ? all.slice(offset, offset + window) : all;
  const zoom =
    zoomed && !preview
      ? {
          dataZoom: [
            {
              type: 'slider',
              yAxisIndex: 0,
              startValue: offset,
              endValue: offset + window - 1,
              right: 4,
              width: 14,
              showDetail: false,
              brushSelect: false,
              // A ranking's silhouette (every bar, sorted) says nothing the window does
              // not, and drawing it cost each redraw about a tenth of its time.
              showDataShadow: false,
            },
            { type: 'inside', yAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true },
          ],
        }
      : {};
  // Bar i of the chart is datum count - 1 - (offset + i) of the caller's.
  const shift = preview ? offset : 0;
  const lines = choices.tooltip;
  const tooltip =
    lines === undefined
      ? {}
      : {
          tooltip: {
            ...TOOLTIP_BOX,
            trigger: 'item',
            formatter: (p: { dataIndex: number }) =>
              tooltipHtml(lines(all.length - 1 - (shift + p.dataIndex))),
          },
        };
  return {
    ...zoom,
    ...tooltip,
    animation: false,
    // Margins from the label lengths: measuring labels (containLabel, outer
    // bounds) costs the first chart a layout pass on a slow PC.
    grid: {
      left:
        labelWidth(
          all.map((r) => r.label),
          13,
        ) + 12,
      right:
        labelWidth(
          all.map((r) => `${r.text}${r.flag}`),
          12,
        ) + (zoomed ? 36 : 16),
      top: 28,
      bottom: 28,
      containLabel: false,
      outerBoundsMode: 'none',
    },
    // Every bar carries its value as written: a value axis would repeat it
    // less exactly (and lay out its own labels on the first chart's path).
    xAxis: {
      type: 'value',
      name: choices.unitLabel,
      nameTextStyle: { color: AXIS_COLOR },
      axisLabel: { show: false },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      // One label per bar, each row tall enough: no auto-interval measuring.
      axisLabel: { color: AXIS_COLOR, fontSize: 13, interval: 0 },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.value),
        barMaxWidth: 28,
        itemStyle: { color: BAR_COLOR },
        cursor: 'pointer',
        label: {
          show: true,
          position: 'right',
          color: '#1a1a1a',
          formatter: (p: { dataIndex: number }) => {
            const row = rows[p.dataIndex];
            return row === undefined ? '' : `${row.text}${row.flag}`;
          },
        },
      },
    ],
  };
}

/**
 * Bar i of a ranking's preview is bar i + this of the full chart: the
 * window's lowest bar (bars run from the lowest value up), `windowStart`
 * ranks below the top.
 */
export function previewOffset(count: number, window: number, windowStart = 0): number {
  const top = Math.max(0, count - window);
  return Math.max(0, top - Math.min(Math.max(0, Math.round(windowStart)), top));
}

/**
 * The window's start (ranks above it) after the reader moved a ranking's
 * data zoom to show bars `startValue`…`endValue` of `count`.
 */
export function windowStartOf(endValue: number, count: number): number {
  return Math.max(0, count - 1 - Math.round(endValue));
}

/** Which datum (in the caller's order) a click on bar `dataIndex` means. */
export function rankingIndexOf(dataIndex: number, count: number): number {
  return count - 1 - dataIndex;
}

export interface SideSeries {
  readonly label: string;
  readonly colorIndex: number;
  /** Percentile per indicator; null = not reported (no bar, never zero). */
  readonly percentiles: readonly (number | null)[];
  readonly texts: readonly string[];
}

/** Grouped bars of percentiles: one group per indicator, one bar per town. */
export function buildSideBySideOption(
  indicators: readonly string[],
  series: readonly SideSeries[],
  palette: readonly string[],
): object {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 40, bottom: 90 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesIndex: number; dataIndex: number }) => {
        const s = series[p.seriesIndex];
        return s === undefined
          ? ''
          : tooltipHtml([
              s.label,
              indicators[p.dataIndex] ?? '',
              `${s.texts[p.dataIndex] ?? ''} · P${s.percentiles[p.dataIndex] ?? ''}`,
            ]);
      },
    },
    xAxis: {
      type: 'category',
      data: [...indicators],
      axisLabel: { interval: 0, rotate: 30, color: AXIS_COLOR, fontSize: 12 },
    },
    yAxis: { type: 'value', min: 0, max: 100, name: 'P', axisLabel: { color: AXIS_COLOR } },
    series: series.map((s) => ({
      type: 'bar',
      name: s.label,
      // The lowest reporting town still gets a sliver: P0 is a value, not a gap.
      data: s.percentiles.map((p) => (p === null ? null : Math.max(p, 2))),
      itemStyle: { color: palette[s.colorIndex % palette.length] },
      cursor: 'pointer',
    })),
  };
}
