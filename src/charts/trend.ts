import { AXIS_COLOR, PALETTE } from './palette';
import { tooltipHtml } from './tooltip';

export interface TrendPoint {
  readonly value: number;
  readonly text: string;
}

export interface TrendLine {
  readonly label: string;
  /** The town's colour slot, the same in every chart so a town keeps its colour. */
  readonly colorIndex: number;
  /** One per year; null is a gap, never a zero. */
  readonly points: readonly (TrendPoint | null)[];
}

export interface TrendChoices {
  readonly years: readonly number[];
  readonly unitLabel: string;
}

function colorOf(line: TrendLine): string {
  return PALETTE[line.colorIndex % PALETTE.length] ?? '#000';
}

function lineSeries(line: TrendLine, color: string, extra: object = {}): object {
  return {
    type: 'line',
    name: line.label,
    data: line.points.map((p) => (p === null ? null : p.value)),
    connectNulls: false,
    showSymbol: true,
    symbolSize: 9,
    lineStyle: { width: 2, color },
    itemStyle: { color },
    cursor: 'pointer',
    emphasis: { focus: 'series' },
    ...extra,
  };
}

/** A line per town over the years; missing years stay gaps. */
export function buildTrendOption(lines: readonly TrendLine[], choices: TrendChoices): object {
  return {
    animationDuration: 200,
    color: [...PALETTE],
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { type: 'scroll', top: 0, textStyle: { color: AXIS_COLOR } },
    tooltip: {
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
      axisLabel: { color: AXIS_COLOR },
    },
    yAxis: {
      type: 'value',
      name: choices.unitLabel,
      nameTextStyle: { color: AXIS_COLOR },
      axisLabel: { color: AXIS_COLOR },
    },
    series: lines.map((line) => lineSeries(line, colorOf(line))),
  };
}

export interface Panel {
  readonly title: string;
  readonly unitLabel: string;
  readonly lines: readonly TrendLine[];
}

/**
 * Small multiples: one small line chart per indicator of a category, sharing
 * the years and the town colours. Series are laid out panel by panel, line by
 * line, so `seriesIndex` maps back with `multiplesIndexOf`.
 */
export function buildMultiplesOption(panels: readonly Panel[], years: readonly number[]): object {
  const columns = Math.min(3, Math.max(1, panels.length));
  const rows = Math.ceil(panels.length / columns);
  const width = 100 / columns;
  const height = 100 / Math.max(1, rows);
  const grids = panels.map((_, i) => {
    const c = i % columns;
    const r = Math.floor(i / columns);
    return {
      left: `${c * width + 4}%`,
      width: `${width - 8}%`,
      top: `${r * height + 13}%`,
      height: `${height - 22}%`,
      containLabel: true,
    };
  });
  const series = panels.flatMap((panel, i) =>
    panel.lines.map((line) =>
      lineSeries(line, colorOf(line), {
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
      left: grids[i]?.left,
      top: `${Math.floor(i / columns) * height + 1}%`,
      textStyle: { fontSize: 13, fontWeight: 'normal', color: '#1a1a1a' },
    })),
    tooltip: {
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
      axisLabel: { color: AXIS_COLOR, fontSize: 11 },
    })),
    yAxis: panels.map((_, i) => ({
      type: 'value',
      gridIndex: i,
      axisLabel: { color: AXIS_COLOR, fontSize: 11 },
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
