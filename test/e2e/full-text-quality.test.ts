/**
 * A report's full text read in the app, and the data quality page, under a
 * server that sends text files with no charset (text/plain, text/csv: what
 * Python's http.server and many intranet servers send), where a raw .txt
 * opened in a tab shows mojibake.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { accessibilityProblems } from './axe';
import { buildSite } from './site';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(await buildSite(), '/sub/path/', { charset: false });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(hash: string, ready: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${site.url}${hash}`);
  await page.locator(ready).first().waitFor();
  return page;
}

const PENGPU = '#/?v=town&p=上海市/上海市/静安区/彭浦镇';
/** A sentence of the Shanghai report, as the report writes it. */
const SENTENCE = '调解化解矛盾纠纷474件,口头调解协议211件';

describe('the server of these tests', () => {
  it.each([
    ['data/texts/shanghai-jingan-pengpu-2023.txt', 'text/plain'],
    ['data/reports.csv', 'text/csv'],
  ])('sends %s as %s, with no charset', async (path, type) => {
    const response = await fetch(`${site.url}${path}`);
    expect(response.headers.get('content-type')).toBe(type);
  });
});

describe('the full text of a report', () => {
  it('opens in the app from a town profile, readable, and a link reopens it', async () => {
    const page = await open(PENGPU, '[data-testid="town-profile"]');
    const pages = page.context().pages().length;
    await page.getByTestId('town-profile').getByRole('button', { name: '查看全文' }).click();
    const full = page.getByTestId('full-text');
    await expect.poll(() => full.textContent()).toContain(SENTENCE);
    // No tab, no download: the app's own reader, with the report's place and year on top.
    expect(page.context().pages().length).toBe(pages);
    expect(await full.locator('.source-meta').textContent()).toBe('彭浦镇 · 静安区 · 2023');
    expect(await full.textContent()).toContain('一、2023年法治政府建设的主要举措和成效');
    // Nothing is marked: no value was asked for.
    expect(await full.locator('mark').count()).toBe(0);
    // The whole report: its last lines are in the reader too.
    expect(await full.textContent()).toContain('相关文档');
    expect(page.url()).toContain('ft=shanghai-jingan-pengpu-2023');
    expect(await accessibilityProblems(page)).toEqual([]);

    // A shared link opens the same view.
    const again = await open(page.url().slice(site.url.length), '[data-testid="full-text"]');
    await expect.poll(() => again.getByTestId('full-text').textContent()).toContain(SENTENCE);
    await again.close();

    // Escape (or ×) closes it: the profile is there again.
    await page.keyboard.press('Escape');
    await expect.poll(() => full.count()).toBe(0);
    expect(page.url()).not.toContain('ft=');
    await page.getByTestId('town-profile').waitFor();
    await page.close();
  });

  it('opens from a value’s source panel with the value still marked, and goes back to it', async () => {
    const page = await open(PENGPU, '[data-testid="town-profile"]');
    await page.getByTestId('town-profile').getByRole('button', { name: /474件/ }).first().click();
    const panel = page.getByTestId('source-panel');
    await expect.poll(() => panel.getByTestId('source-highlight').count()).toBeGreaterThan(0);
    await panel.getByRole('button', { name: '查看全文' }).click();
    const full = page.getByTestId('full-text');
    await expect
      .poll(() => full.getByTestId('source-highlight').first().textContent())
      .toContain('474件');
    expect(await full.textContent()).toContain(SENTENCE);
    await full.getByRole('button', { name: '关闭全文' }).click();
    // Back on the value, its panel as it was.
    await expect.poll(() => panel.getByTestId('source-highlight').count()).toBeGreaterThan(0);
    expect(await full.count()).toBe(0);
    await page.close();
  });

  it('reads well on a phone', async () => {
    const page = await open(
      `${PENGPU}&ft=shanghai-jingan-pengpu-2023`,
      '[data-testid="full-text"]',
      390,
    );
    const full = page.getByTestId('full-text');
    await expect.poll(() => full.textContent()).toContain(SENTENCE);
    const box = await full.boundingBox();
    expect(box?.width).toBe(390);
    // No sideways scrolling: the text wraps within the screen.
    const overflow = await full
      .locator('.source-text')
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
