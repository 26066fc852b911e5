/**
 * Side by side on the values' own scales: one small bar chart per indicator,
 * one bar per town, its axis named with the indicator's unit (rates 0–100 %,
 * counts in whole numbers). 100 % against 99.5 % is two near-equal bars, not a
 * full bar against a sliver as percentiles would draw them.
 */
import { AXIS_COLOR } from './palette';
import { tooltipHtml } from './tooltip';

export interface SidePanel {
  readonly title: string;
  /** The axis name: the unit as the reader's language writes it. */
  readonly unit: string;
  readonly kind: 'count' | 'percent' | 'change';
  /** One per town, in the towns' order; null = no figure (no bar, never zero). */
  readonly values: readonly (number | null)[];
  /** The value as written (≥190件), or why it is missing. */
  readonly texts: readonly string[];
}

export interface SideTown {
  readonly label: string;
  readonly colorIndex: number;
}

/** Height of one indicator's panel: its bars, its title above and its axis below. */
export function sidePanelHeight(towns: number): number {
  return towns * 26 + 64;
}

export function buildSideValuesOption(
  panels: readonly SidePanel[],
  towns: readonly SideTown[],
  palette: readonly string[],
): object {
  const height = sidePanelHeight(towns.length);
  const labels = towns.map((t) => t.label);
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesIndex: number; dataIndex: number }) => {
        const panel = panels[p.seriesIndex];
        return panel === undefined
          ? ''
          : tooltipHtml([labels[p.dataIndex] ?? '', panel.title, panel.texts[p.dataIndex] ?? '']);
      },
    },
    grid: panels.map((_, i) => ({
      left: 8,
      right: 72,
      top: i * height + 28,
      height: height - 64,
      containLabel: true,
    })),
    yAxis: panels.map((panel, i) => ({
      type: 'category',
      gridIndex: i,
      inverse: true,
      data: labels,
      name: panel.title,
      nameLocation: 'start',
      nameGap: 8,
      nameTextStyle: { align: 'left', color: '#1a1a1a', fontSize: 13, fontWeight: 'bold' },
      axisLabel: { color: AXIS_COLOR, fontSize: 12 },
      axisTick: { show: false },
    })),
    xAxis: panels.map((panel, i) => ({
      type: 'value',
      gridIndex: i,
      name: panel.unit,
      nameGap: 6,
      nameTextStyle: { color: AXIS_COLOR },
      min: panel.kind === 'change' ? undefined : 0,
      ...(panel.kind === 'percent' ? { max: 100 } : {}),
      ...(panel.kind === 'count' ? { minInterval: 1 } : {}),
      axisLabel: { color: AXIS_COLOR, fontSize: 11, hideOverlap: true },
      splitNumber: 4,
    })),
    series: panels.map((panel, i) => ({
      type: 'bar',
      xAxisIndex: i,
      yAxisIndex: i,
      barMaxWidth: 18,
      cursor: 'pointer',
      data: panel.values.map((v, j) => ({
        value: v,
        itemStyle: {
          color: palette[(towns[j]?.colorIndex ?? 0) % palette.length],
        },
      })),
      label: {
        show: true,
        position: 'right',
        color: '#1a1a1a',
        fontSize: 12,
        formatter: (p: { dataIndex: number }) => panel.texts[p.dataIndex] ?? '',
      },
    })),
  };
}
