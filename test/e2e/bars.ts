/**
 * Where a town's bar of the ranking chart is on the page, through ECharts'
 * own geometry (the chart is drawn, not laid out in elements a test can find).
 */
import type { Page } from 'playwright-core';

/** The point `along` (0–1) of the way from the axis to the bar's end; null until it is drawn. */
export function barPoint(
  page: Page,
  town: string,
  along: number,
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([name, share]) => {
      const host = document.querySelector('[data-testid="chart-ranking"] .echarts-host') as
        | (HTMLElement & {
            chart?: {
              getOption(): { yAxis: { data: string[] }[]; series: { data: number[] }[] };
              convertToPixel(finder: object, value: number[]): number[];
            };
          })
        | null;
      const chart = host?.chart;
      if (host == null || chart === undefined) return null;
      const option = chart.getOption();
      const dataIndex = option.yAxis[0]?.data.indexOf(name) ?? -1;
      if (dataIndex < 0) return null;
      const value = option.series[0]?.data[dataIndex] ?? 0;
      const [x = 0, y = 0] = chart.convertToPixel({ seriesIndex: 0 }, [value * share, dataIndex]);
      const rect = host.getBoundingClientRect();
      return { x: rect.left + x, y: rect.top + y };
    },
    [town, along] as const,
  );
}
