/**
 * States a browser test waits for before it checks that something is NOT
 * there (no request, no redraw, no problem, no script run): a fixed sleep
 * passes whether or not the page got that far.
 */
import type { Locator, Page } from 'playwright-core';

/**
 * Nothing on the page is loading: every part shown in its place (the
 * pending placeholders, marked aria-busy, are gone). Call it once the view's
 * own element is there: before the app starts nothing is busy either.
 * `timeout` (ms): how long to wait, else Playwright's default.
 */
export async function pageSettled(page: Page, timeout?: number): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[aria-busy="true"]') === null,
    undefined,
    timeout === undefined ? {} : { timeout },
  );
}

/**
 * The chart in `host` (the element ECharts draws into) has drawn its
 * option and finished every animation: ECharts' `finished` event, after a
 * redraw asked for here so that the event comes even when all was done.
 */
export async function chartSettled(page: Page, host: string): Promise<void> {
  type Host = HTMLElement & {
    chart?: {
      on(event: 'finished', f: () => void): void;
      off(event: 'finished', f: () => void): void;
      getZr(): { refresh(): void };
    };
  };
  await page.waitForFunction((s) => (document.querySelector(s) as Host | null)?.chart, host);
  await page.evaluate(
    (s) =>
      new Promise<void>((resolve) => {
        const chart = (document.querySelector(s) as Host).chart;
        if (chart === undefined) return resolve();
        const done = (): void => {
          chart.off('finished', done);
          resolve();
        };
        chart.on('finished', done);
        chart.getZr().refresh();
      }),
    host,
  );
}

/** The import view has read the saved workspace and written every change (WorkspaceState.tsx). */
export async function workspaceSaved(page: Page): Promise<void> {
  await page
    .locator('[data-testid="workspace-state"][data-workspace="saved"]')
    .waitFor({ state: 'attached' });
}

/**
 * The element scrolled into view. A chart's placeholder gives way to the
 * chart under the same test id (LazyChart), and a preview to the full chart:
 * the element found may leave the page while Playwright waits for it to be
 * still, which ends that wait with "not attached". Found again then, as a
 * reader's eye would find the chart that replaced it; any other failure, or
 * one past `withinMs`, is thrown.
 */
export async function scrolledTo(locator: Locator, withinMs = 15_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      await locator.scrollIntoViewIfNeeded({ timeout: Math.max(1, deadline - Date.now()) });
      return;
    } catch (error) {
      if (!/not attached/i.test(String(error)) || Date.now() > deadline) throw error;
    }
  }
}
