/**
 * On a 390×844 phone every view is as wide as the screen: the page never
 * scrolls sideways, each view's name and the header's buttons stay on one
 * line (the views are tabs that scroll on their own, the one shown brought
 * into sight), and the filter bar's selects fit inside it. The overview
 * shows its ranking chart on the first screen, then the cards as a strip to
 * swipe, then the trends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWS } from '../../src/store/views';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { pageSettled } from './settled';
import { buildSite } from './site';
import { ROOT } from '../helpers';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(await buildSite(), '/phone/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** What sticks out of the screen's width and is not inside something that scrolls or clips it. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      let held = false;
      for (let a = element.parentElement; a !== null && !held; a = a.parentElement) {
        const x = getComputedStyle(a).overflowX;
        held =
          (x === 'auto' || x === 'scroll' || x === 'hidden') &&
          a.getBoundingClientRect().right <= width + 1;
      }
      if (!held) out.push(`${element.tagName} ${element.className} → ${Math.round(box.right)} px`);
    }
    return out;
  });
}

describe('a phone (390×844)', () => {
  it.each(VIEWS)(
    'shows the %s view without sideways scrolling, its tabs and buttons on one line',
    async (view) => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${site.url}#/?v=${view}`);
      await page.getByTestId(`nav-${view}`).waitFor();
      await pageSettled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
      expect(await overflowing(page)).toEqual([]);
      // One line each: a tab or a header button no taller than the tab row's single line.
      const heights = await page
        .locator('.nav button, .header-actions button')
        .evaluateAll((buttons) =>
          buttons.map((b) => [b.textContent, b.getBoundingClientRect().height]),
        );
      for (const [name, height] of heights) expect(height, String(name)).toBeLessThan(40);
      // The view shown is in sight in its row of tabs.
      const tab = await page.getByTestId(`nav-${view}`).boundingBox();
      expect(tab?.x).toBeGreaterThanOrEqual(0);
      expect((tab?.x ?? 0) + (tab?.width ?? 0)).toBeLessThanOrEqual(390);
      await page.close();
    },
  );

  it.each(['zh', 'en'])(
    'reviews imported reports without sideways scrolling, long file names and words wrapped (%s)',
    async (lang) => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${site.url}#/?v=import&l=${lang}`);
      const sample = readFileSync(join(ROOT, 'data', 'reports', 'anhui-huaibei-duanyuan-2024.txt'));
      await page.getByTestId('import-input').setInputFiles({
        name: 'anhui-huaibei-duanyuan-2024-the-copy-sent-by-the-town-office-for-review.txt',
        mimeType: 'text/plain',
        buffer: sample,
      });
      await page.getByTestId('review-panel').waitFor({ timeout: 30_000 });
      await pageSettled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
      expect(await overflowing(page)).toEqual([]);
      await page
        .getByRole('button', {
          name: lang === 'zh' ? '丢弃全部本地导入' : 'Discard all local imports',
        })
        .click();
      await expect.poll(() => page.locator('.import-list li').count()).toBe(0);
      await page.close();
    },
  );

  it.each(['zh', 'en'])(
    'puts the overview’s ranking chart on the first screen (%s)',
    async (lang) => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${site.url}#/?v=overview&l=${lang}`);
      const chart = page.getByTestId('chart-ranking');
      await chart.waitFor();
      await pageSettled(page);
      const box = await chart.boundingBox();
      expect(box?.y).toBeLessThan(844);
      // The cards are still all there, in a strip that scrolls on its own.
      const strip = await page.locator('.cards').evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(strip[0]).toBeGreaterThan(strip[1] ?? 0);
      expect(await page.locator('.cards .card').count()).toBe(9);
      await page.close();
    },
  );

  it('puts the brief on the first screen, and opens a figure’s sentence as a full-screen sheet', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}#/?v=brief`);
    const brief = page.getByTestId('brief');
    await brief.waitFor();
    await pageSettled(page);
    expect((await brief.boundingBox())?.y).toBeLessThan(844 / 2);
    await brief.getByTestId('brief-figure').first().click();
    const panel = page.getByTestId('source-panel');
    await panel.getByTestId('source-highlight').first().waitFor();
    const box = await panel.boundingBox();
    expect([box?.x, box?.width]).toEqual([0, 390]);
    // Its close button in reach: on the screen, and it closes.
    const close = panel.getByRole('button', { name: '关闭' });
    const button = await close.boundingBox();
    expect(button?.y).toBeGreaterThanOrEqual(0);
    expect((button?.x ?? 0) + (button?.width ?? 0)).toBeLessThanOrEqual(390);
    await close.click();
    await panel.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('folds the filters into one line that opens them as a sheet', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}#/?v=overview&y=2024`);
    const opener = page.getByTestId('filter-sheet-open');
    await opener.waitFor();
    await pageSettled(page);
    // One line, saying what is chosen; the selects are not on the page until asked for.
    expect((await page.locator('.filter-bar').boundingBox())?.height).toBeLessThan(60);
    expect(await opener.textContent()).toContain('2024');
    expect(await opener.textContent()).toContain('全部乡镇');
    expect(await page.getByTestId('filter-year').isVisible()).toBe(false);
    await opener.click();
    const sheet = page.getByTestId('filter-sheet');
    expect(await sheet.getAttribute('role')).toBe('dialog');
    expect(await sheet.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    // The first choice has the focus; a choice applies, Done closes the sheet.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'filter-year',
    );
    // The page behind is covered: the focus does not leave the sheet.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab');
    expect(
      await page.evaluate(() =>
        document.querySelector('[data-testid="filter-sheet"]')?.contains(document.activeElement),
      ),
    ).toBe(true);
    await page.getByTestId('filter-year').selectOption('2023');
    await page.getByTestId('filter-sheet-close').click();
    expect(await page.getByTestId('filter-year').isVisible()).toBe(false);
    await expect.poll(() => opener.textContent()).toContain('2023');
    // 彭浦镇's report is 2023's.
    await expect.poll(() => page.getByTestId('chart-ranking').textContent()).toContain('彭浦镇');
    // Escape closes it too, the focus back on the line that opened it.
    await opener.click();
    await page.keyboard.press('Escape');
    expect(await sheet.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'filter-sheet-open',
    );
    await page.close();
  });
});
