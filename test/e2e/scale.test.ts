/**
 * The dashboard on a synthetic province-like dataset (more towns than one
 * chart, one table or one picker list shows at once), in a real browser.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genProvince, run } from '../helpers';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { chartSettled, pageSettled } from './settled';
import { buildSite, withLargeFiles } from './site';

let browser: Browser;
let site: StaticSite;
/** The province built, for copies a test changes. */
let siteDir = '';

beforeAll(async () => {
  siteDir = await buildSite();
  rmSync(join(siteDir, 'data'), { recursive: true });
  // 260 towns in 13 counties over 2 years: past the 40-bar window and the 200-row tables.
  const corpus = genProvince(260, 13, 2);
  const { result } = await run({ inDir: corpus, outDir: join(siteDir, 'data'), quiet: true });
  if (result.exitCode !== 0) throw new Error('extraction failed');
  site = await serveStatic(siteDir, '/province/');
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Host = HTMLElement & {
  chart?: { getOption(): { dataZoom?: unknown[]; yAxis: { data: string[] }[] } };
};
type TrendHost = HTMLElement & { chart?: { getOption(): { series: unknown[] } } };

const pageErrors = new WeakMap<Page, string[]>();

async function open(hash = '', ready = '[data-testid="chart-ranking"] svg'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}${hash}`);
  await page.locator(ready).first().waitFor();
  return page;
}

/** Closes the page after checking that no script error happened in it. */
async function close(page: Page): Promise<void> {
  expect(pageErrors.get(page)).toEqual([]);
  await page.close();
}

describe('a province-like dataset', () => {
  it('draws the top 40 at once, then the whole ranking behind a data-zoom slider', async () => {
    const page = await open();
    const ranking = page.locator('section.ranking');
    await expect.poll(() => ranking.textContent()).toMatch(/共 \d+ 个乡镇，图中一次显示 40 个/);
    const bars = () =>
      page.evaluate(() => {
        const chart = (document.querySelector('[data-testid="chart-ranking"] > div') as Host).chart;
        const option = chart?.getOption();
        return { bars: option?.yAxis[0]?.data.length ?? 0, zoom: option?.dataZoom?.length ?? 0 };
      });
    const total = Number(/共 (\d+) 个乡镇/.exec((await ranking.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(40);
    // Once the page's other files are in, the full chart replaces the first 40, and stays.
    await expect.poll(bars, { timeout: 20_000 }).toEqual({ bars: total, zoom: 2 });
    // The trend's lines, all towns' once the button is pressed.
    const trend = '[data-testid="chart-trend"] .echarts-host';
    const lines = () =>
      page.evaluate(
        (s) =>
          (document.querySelector(s) as TrendHost | null)?.chart?.getOption().series.length ?? 0,
        trend,
      );
    const before = await lines();
    await page.getByRole('button', { name: '显示全部' }).click();
    // The trend redrawn with every town: the ranking, drawn in the same render, kept its bars.
    await expect.poll(lines).toBeGreaterThan(before);
    await chartSettled(page, trend);
    expect(await bars()).toEqual({ bars: total, zoom: 2 });
    await close(page);
  });

  it("keeps the reader's place in a long ranking in the link, without a history step", async () => {
    const page = await open();
    type Zoomed = HTMLElement & {
      chart?: { getOption(): { dataZoom?: { endValue?: number }[]; yAxis: { data: string[] }[] } };
    };
    // The town at the top of the chart's window, once the full chart (with its zoom) is up.
    const windowTop = (on: Page) =>
      on.evaluate(() => {
        const chart = (document.querySelector('[data-testid="chart-ranking"] > div') as Zoomed)
          .chart;
        const option = chart?.getOption();
        const end = option?.dataZoom?.[0]?.endValue;
        return end === undefined ? null : (option?.yAxis[0]?.data[end] ?? null);
      });
    await expect.poll(() => windowTop(page), { timeout: 20_000 }).not.toBeNull();
    const top = await windowTop(page);
    const steps = await page.evaluate(() => history.length);
    // The mouse wheel over the chart moves its window down the ranking.
    await page.getByTestId('chart-ranking').evaluate((e) => e.scrollIntoView());
    const box = await page.getByTestId('chart-ranking').boundingBox();
    if (box === null) throw new Error('no ranking chart');
    await page.mouse.move(box.x + box.width / 2, box.y + 300);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 600);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[?&]r=[1-9]\d*/);
    const moved = await windowTop(page);
    expect(moved).not.toBe(top);
    expect(await page.evaluate(() => history.length)).toBe(steps);
    // The link opens the ranking at the same place.
    const hash = await page.evaluate(() => location.hash);
    const copy = await open(hash);
    await expect.poll(() => windowTop(copy), { timeout: 20_000 }).toBe(moved);
    // Another indicator is a new ranking: from its top.
    await copy.getByTestId('filter-indicator').selectOption({ index: 1 });
    await expect.poll(() => copy.evaluate(() => location.hash)).not.toMatch(/[?&]r=/);
    await close(copy);
    await close(page);
  });

  it('opens the source of the top bar from the ranking table, sorted highest first', async () => {
    const page = await open();
    const ranking = page.locator('section.ranking');
    await ranking.getByText('数据表').click();
    const first = ranking.locator('table tbody tr').first();
    const value = ((await first.locator('button').first().textContent()) ?? '').trim();
    await first.locator('button').first().click();
    await expect.poll(() => page.getByTestId('source-panel').textContent()).toContain(value);
    await close(page);
  });

  it('renders only the rows in view of a compare matrix of every town', async () => {
    const page = await open('#/?v=compare', '[data-testid="compare-matrix"] table');
    const matrix = page.getByTestId('compare-matrix');
    const rendered = await matrix.locator('tbody tr:not([aria-hidden])').count();
    const total = Number(await matrix.locator('table').getAttribute('aria-rowcount')) - 1;
    expect(total).toBeGreaterThan(200);
    expect(rendered).toBeLessThan(60);
    // Scrolling brings later towns in.
    const before = await matrix.locator('tbody th').first().textContent();
    await matrix.locator('.virtual-scroll').evaluate((e) => {
      e.scrollTop = 5000;
    });
    await expect.poll(() => matrix.locator('tbody th').first().textContent()).not.toBe(before);
    await close(page);
  });

  it('picks a county in the town picker by searching for it', async () => {
    const page = await open();
    await page.getByTestId('filter-towns').locator('summary').click();
    const body = page.locator('.town-picker-body');
    // Thirteen counties: folded, each with its count.
    expect(await body.locator('.town-option').count()).toBe(0);
    const legend = ((await body.locator('legend').first().textContent()) ?? '').trim();
    // "合成省 · 丁市 · 上河区 20/20 ▸": the county's name and its number of towns.
    const [, county = '', towns = '0'] = /· ([^·]+?)\s*\d+\/(\d+)/.exec(legend) ?? [];
    expect(Number(towns), legend).toBeGreaterThan(5);
    await page.getByTestId('town-search').fill(county);
    await expect.poll(() => body.locator('.town-option').count()).toBe(Number(towns));
    await page.getByRole('button', { name: '只选这些' }).click();
    await expect
      .poll(() => page.getByTestId('filter-towns').locator('summary').textContent())
      .toContain(`已选 ${towns} 个乡镇`);
    await close(page);
  });
});

describe("a province's every town in the trend: the small multiples' large files", () => {
  const largeMediation = (): Promise<StaticSite> =>
    serveStatic(
      withLargeFiles(siteDir, (id) => id.startsWith('mediation.')),
      '/lazy/',
    );
  const resolved = '/lazy/data/indicators/mediation.resolved/';
  // Every town's line (more than a few towns: the indicators' files, not the counties').
  const everyTown = '#/?ta=1';

  it('loads them when the reader scrolls to the small multiples below the fold', async () => {
    const lazySite = await largeMediation();
    const page = await browser.newPage({ viewport: { width: 1360, height: 300 } });
    await page.goto(`${lazySite.url}${everyTown}`);
    await page.getByTestId('chart-trend').locator('canvas').first().waitFor();
    // All that the page loads by itself is loaded, the small multiples' place below the fold.
    await page.locator('.multiples').waitFor({ state: 'attached' });
    await pageSettled(page);
    expect(lazySite.requests.some((r) => r.startsWith(resolved))).toBe(false);
    await page.locator('.multiples').scrollIntoViewIfNeeded();
    await page.getByTestId('chart-multiples').locator('canvas').first().waitFor();
    expect(lazySite.requests.some((r) => r.startsWith(resolved))).toBe(true);
    await page.close();
    await lazySite.close();
  });

  it('loads them before it prints', async () => {
    const lazySite = await largeMediation();
    const page = await browser.newPage({ viewport: { width: 1360, height: 300 } });
    await page.addInitScript(() => {
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
    });
    await page.goto(`${lazySite.url}${everyTown}`);
    await page.getByTestId('chart-trend').locator('canvas').first().waitFor();
    expect(lazySite.requests.some((r) => r.startsWith(resolved))).toBe(false);
    await page.getByRole('button', { name: '打印' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed?: boolean }).printed))
      .toBe(true);
    expect(lazySite.requests.some((r) => r.startsWith(resolved))).toBe(true);
    expect(await page.getByTestId('chart-multiples').locator('canvas').count()).toBeGreaterThan(0);
    await page.close();
    await lazySite.close();
  });
});
