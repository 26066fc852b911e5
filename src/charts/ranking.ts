/**
 * Pure ECharts option builders. Input is plain data prepared by a feature;
 * output is an option object. No DOM, no store.
 *
 * May import: nothing outside src/charts.
 */
import { AXIS_COLOR, BAR_COLOR } from './palette';

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
  readonly title: string;
}

/** Horizontal bars, highest on top; only towns that report the value appear. */
export function buildRankingOption(data: readonly RankingDatum[], choices: RankingChoices): object {
  // ECharts draws the first category at the bottom: reverse so the highest is on top.
  const rows = [...data].reverse();
  return {
    animation: false,
    aria: { enabled: true, label: { description: choices.title } },
    grid: { left: 8, right: 72, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const row = rows[p.dataIndex];
        return row === undefined ? '' : `${row.label}<br/>${row.text}${row.flag}`;
      },
    },
    xAxis: {
      type: 'value',
      name: choices.unitLabel,
      nameTextStyle: { color: AXIS_COLOR },
      axisLabel: { color: AXIS_COLOR },
    },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { color: AXIS_COLOR, fontSize: 13 },
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

/** Which datum (in the caller's order) a click on bar `dataIndex` means. */
export function rankingIndexOf(dataIndex: number, count: number): number {
  return count - 1 - dataIndex;
}
