/**
 * A chart drawn before React (app/early-chart.ts) waits here for the React
 * component that draws the same chart: that one takes its element and ECharts
 * instance over instead of drawing it again (use-echart.ts), so the first
 * chart neither flickers nor waits for React.
 */
import type { EChartsType } from 'echarts/core';

/**
 * The class of the element ECharts draws in (ChartFrame.tsx), before React
 * and in React. It carries the chart's ECharts instance as its `chart`
 * property (for the browser tests).
 */
export const ECHARTS_HOST = 'echarts-host';

export interface DrawnChart {
  /** Which chart it is (see rankingKey). */
  readonly key: string;
  /** The element ECharts draws in; it moves into the component's element. */
  readonly dom: HTMLElement;
  readonly instance: EChartsType;
}

let waiting: DrawnChart | null = null;

export function leaveChart(chart: DrawnChart): void {
  waiting = chart;
}

/** The chart drawn before React under this key, once; null for any other key. */
export function takeChart(key: string | undefined): DrawnChart | null {
  if (waiting === null || key === undefined || waiting.key !== key) return null;
  const chart = waiting;
  waiting = null;
  return chart;
}

/** React drew something else (the filters changed meanwhile): the early chart goes. */
export function discardChart(): void {
  if (waiting === null) return;
  waiting.instance.dispose();
  waiting.dom.remove();
  waiting = null;
}
