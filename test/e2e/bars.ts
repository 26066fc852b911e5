/**
 * Where a town's bar of the ranking chart is on the page, through ECharts'
 * own geometry (the chart is drawn, not laid out in elements a test can find).
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { scrolledTo } from './settled';

/**
 * The point `along` (0–1) of the way from the axis to the bar's end; null
 * until it is drawn, and while the chart is the previous choice's (the panel
 * busy with a new indicator's or year's file).
 */
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
      if (host == null || chart === undefined || host.closest('[aria-busy="true"]') !== null) {
        return null;
      }
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

/**
 * Hovers `town`'s bar until its tooltip (a div of the ranking chart whose
 * text starts with the town's name) shows, and returns that tooltip. Each try
 * reads the bar's place afresh and comes from outside the chart: the page may
 * still move the chart (cards arriving above it, the tooltip's code loading
 * after the first chart), and a pointer already resting on a bar sends no
 * new hover.
 */
export async function showBarTooltip(page: Page, town: string): Promise<Locator> {
  const tooltip = page
    .getByTestId('chart-ranking')
    .locator('div')
    .filter({ hasText: new RegExp(`^${town}`) })
    .last();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const point = await barPoint(page, town, 0.5);
    if (point !== null) {
      await page.mouse.move(1, 1);
      await page.mouse.move(point.x, point.y, { steps: 3 });
      const shown = await tooltip.waitFor({ timeout: 1_000 }).then(
        () => true,
        () => false,
      );
      if (shown) return tooltip;
    }
    if (Date.now() > deadline) throw new Error(`no tooltip for ${town}'s bar showed`);
    await page.waitForTimeout(200);
  }
}

/**
 * Clicks the point `where` gives, read afresh for each try, until `shown`
 * shows (at most `withinMs`, then throws naming `what`). On a busy machine a
 * chart may still be redrawn after the page looked settled (seen: a render
 * just before the press, and a click where the bar had been opened nothing;
 * the next click, at the bar, did), as a reader would click it where it is now.
 */
export async function clickUntilShown(
  page: Page,
  where: () => Promise<{ x: number; y: number }>,
  shown: Locator,
  what: string,
  withinMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const point = await where();
    await page.mouse.click(point.x, point.y);
    const opened = await shown.waitFor({ timeout: 2_000 }).then(
      () => true,
      () => false,
    );
    if (opened) return;
    if (Date.now() > deadline) throw new Error(`clicking ${what} opened nothing`);
  }
}

/** Clicks the bar of `town` in the ranking chart, through ECharts' own geometry, until its source panel opens. */
export function clickBar(page: Page, town: string, withinMs = 15_000): Promise<void> {
  // Near the start of the bar (the ranking draws without an entry animation).
  const locate = () => barPoint(page, town, 0.2);
  return clickUntilShown(
    page,
    async () => {
      await expect.poll(locate, { timeout: withinMs }).not.toBeNull();
      // A click lands only inside the viewport: a chart below the fold is scrolled to.
      await scrolledTo(page.locator('[data-testid="chart-ranking"]'));
      const point = await locate();
      if (point === null) throw new Error(`no bar for ${town}`);
      return point;
    },
    page.getByTestId('source-panel'),
    `${town}'s bar`,
    withinMs,
  );
}
