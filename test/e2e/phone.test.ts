/**
 * On a 390×844 phone every view is as wide as the screen: the page never
 * scrolls sideways, each view's name and the header's buttons stay on one
 * line (the views are tabs that scroll on their own, the one shown brought
 * into sight), and the filter bar's selects fit inside it. The overview
 * shows its ranking chart on the first screen, then the cards as a strip to
 * swipe, then the trends.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWS } from '../../src/store/views';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { pageSettled } from './settled';
import { buildSite } from './site';

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
});
