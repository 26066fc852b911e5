/**
 * The first chart as the data folder's image (src/preview, app/first-chart-image.ts):
 * on the page a plain link opens it is on screen before any chart code or
 * React has loaded, the width that fits, the data's leader on top; on any
 * other page, or with a descriptor the page cannot trust, there is none and
 * the page goes on as without it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_CHART_DESCRIPTOR, firstChartImageOf } from '../../src/extract/data-index';
import { indicatorFileRows } from '../helpers';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { pageSettled } from './settled';
import { buildSite } from './site';

let browser: Browser;
let site: StaticSite;
let siteDir = '';

beforeAll(async () => {
  siteDir = await buildSite();
  site = await serveStatic(siteDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Scripts after the entry held back for good: only the entry and the image can draw. */
async function holdChartCode(page: Page): Promise<void> {
  for (const chunk of ['mount', 'early-chart', 'echarts-setup', 'load']) {
    await page.route(`**/assets/${chunk}-*.js`, () => undefined);
  }
}

/** Records whether an image of the first chart was ever put on the page. */
async function watchImages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { imageSeen: boolean };
    w.imageSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('img.first-chart-image') !== null) w.imageSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
}

describe('the first chart as the data folder’s image', () => {
  it.each([
    [1360, 1000],
    [390, 844],
  ])(
    'is on screen at %i px before any chart code, the width that fits, the leader on top',
    async (width, height) => {
      const page = await browser.newPage({ viewport: { width, height } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await holdChartCode(page);
      await page.goto(site.url);
      const image = page.locator('.panel.ranking img.first-chart-image');
      await image.waitFor();
      await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0);
      const shown = await image.evaluate((img: HTMLImageElement) => ({
        src: img.getAttribute('src') ?? '',
        natural: [img.naturalWidth, img.naturalHeight],
        hostWidth: img.parentElement?.getBoundingClientRect().width ?? 0,
        hostHeight: img.parentElement?.getBoundingClientRect().height ?? 0,
        pageWidth: document.documentElement.scrollWidth,
      }));
      // No chart code ran: no live chart anywhere.
      expect(await page.locator('.echarts-host svg').count()).toBe(0);
      const descriptor = JSON.parse(
        readFileSync(join(siteDir, 'data', FIRST_CHART_DESCRIPTOR), 'utf8'),
      ) as { widths: number[]; height: number; title: string; year: number };
      const fitting = descriptor.widths.filter((w) => w <= shown.hostWidth);
      const chosen = fitting[fitting.length - 1] ?? Math.min(...descriptor.widths);
      expect(shown.src).toMatch(new RegExp(`data/${firstChartImageOf(chosen)}\\?v=[0-9a-f]{8}$`));
      expect(shown.natural).toEqual([chosen, descriptor.height]);
      expect(shown.hostHeight).toBe(descriptor.height);
      expect(shown.pageWidth).toBeLessThanOrEqual(width);
      // The panel says what the image shows, as the live page does.
      expect(await page.locator('.panel.ranking h2').textContent()).toBe(descriptor.title);
      expect(await page.locator('.overview h2').first().textContent()).toContain(
        String(descriptor.year),
      );
      // The image's bars: the data file's towns, highest first.
      const svg = await (await page.request.get(new URL(shown.src, site.url).toString())).text();
      const rows = indicatorFileRows(join(siteDir, 'data'))
        .filter(
          (r) => r['indicator'] === 'mediation.cases' && r['year'] === String(descriptor.year),
        )
        .sort((a, b) => Number(b['value']) - Number(a['value']));
      const positions = rows.map((r) => svg.indexOf(`>${r['town']}<`));
      expect(positions.every((p) => p > 0)).toBe(true);
      const ys = rows.map((r) => {
        const m = new RegExp(`translate\\([\\d.]+ ([\\d.]+)\\)[^>]*>${r['town']}<`).exec(svg);
        return Number(m?.[1]);
      });
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it.each([
    ['in English', '#/?l=en'],
    ['another indicator', '#/?i=mediation.success_rate'],
    ['another year', '#/?y=2023'],
    ['another view', '#/?v=compare'],
    [
      'some towns',
      `#/?t=${encodeURIComponent('安徽省/淮北市/杜集区/段园镇~天津市/天津市/武清区/黄花店镇')}`,
    ],
  ])('is not shown for another page: %s', async (_, hash) => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await watchImages(page);
    const before = site.requests.length;
    await page.goto(`${site.url}${hash}`);
    await page.locator('main').first().waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
    await pageSettled(page);
    expect(await page.evaluate(() => (window as unknown as { imageSeen: boolean }).imageSeen)).toBe(
      false,
    );
    const asked = site.requests.slice(before).filter((p) => p.endsWith('.svg'));
    expect(asked).toEqual([]);
    await page.close();
  });

  it('is shown for a link that names the latest year itself', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await holdChartCode(page);
    await page.goto(`${site.url}#/?y=2024`);
    await page.locator('img.first-chart-image').waitFor();
    await page.close();
  });

  describe('a data folder whose images cannot be used', () => {
    /** A copy of the site whose data folder `change` edited; the page opened on it. */
    async function openChanged(change: (data: string) => void): Promise<{
      imageSeen: boolean;
      svgAsked: string[];
      errors: string[];
    }> {
      const dir = mkdtempSync(join(tmpdir(), 'rol-first-chart-'));
      cpSync(siteDir, dir, { recursive: true });
      change(join(dir, 'data'));
      const changed = await serveStatic(dir, '/changed/');
      const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await watchImages(page);
      try {
        await page.goto(changed.url);
        // The live chart comes as without the image.
        await page.locator('[data-testid="chart-ranking"] svg').first().waitFor();
        await pageSettled(page);
        return {
          imageSeen: await page.evaluate(
            () => (window as unknown as { imageSeen: boolean }).imageSeen,
          ),
          svgAsked: changed.requests.filter((p) => p.endsWith('.svg')),
          errors,
        };
      } finally {
        await page.close();
        await changed.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }

    const editDescriptor =
      (edit: (d: Record<string, unknown>) => void) =>
      (data: string): void => {
        const path = join(data, FIRST_CHART_DESCRIPTOR);
        const d = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
        edit(d);
        writeFileSync(path, JSON.stringify(d));
      };

    it.each([
      ['built with another catalog', editDescriptor((d) => (d['catalog'] = 'v0'))],
      ['naming a width never drawn', editDescriptor((d) => (d['widths'] = [561]))],
      ['naming a path', editDescriptor((d) => (d['widths'] = ['../index.html']))],
      ['of another indicator', editDescriptor((d) => (d['indicator'] = 'petition.cases'))],
      ['not JSON', (data: string) => writeFileSync(join(data, FIRST_CHART_DESCRIPTOR), '{"x')],
      ['missing', (data: string) => rmSync(join(data, FIRST_CHART_DESCRIPTOR))],
    ])('a descriptor %s: no image asked for', async (_, change) => {
      const seen = await openChanged(change);
      expect(seen).toEqual({ imageSeen: false, svgAsked: [], errors: [] });
    });

    it('an image with a script and an outside request in it: a picture, nothing runs or loads', async () => {
      const hostile =
        '<svg xmlns="http://www.w3.org/2000/svg" width="560" height="148">' +
        '<script>top.pwned = 1; fetch("http://example.invalid/x")</script>' +
        '<image href="http://example.invalid/y.png" width="10" height="10"/>' +
        '<rect width="560" height="148" fill="#c00" onload="top.pwned = 2"/></svg>';
      const dir = mkdtempSync(join(tmpdir(), 'rol-first-chart-'));
      cpSync(siteDir, dir, { recursive: true });
      const descriptor = JSON.parse(
        readFileSync(join(dir, 'data', FIRST_CHART_DESCRIPTOR), 'utf8'),
      ) as { widths: number[] };
      for (const w of descriptor.widths) {
        writeFileSync(
          join(dir, 'data', firstChartImageOf(w)),
          hostile.replaceAll('560', String(w)),
        );
      }
      const changed = await serveStatic(dir, '/hostile/');
      const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
      const outside: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(changed.url)) outside.push(r.url());
      });
      try {
        await holdChartCode(page);
        await page.goto(changed.url);
        await page.locator('img.first-chart-image').waitFor();
        await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0);
        expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBe(
          undefined,
        );
        expect(outside).toEqual([]);
      } finally {
        await page.close();
        await changed.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('an image that is missing: the page goes on without it', async () => {
      const seen = await openChanged((data) => {
        rmSync(join(data, 'first-chart'), { recursive: true });
        // The descriptor alone, as a half copy would leave it.
        mkdirSync(join(data, 'first-chart'));
        cpSync(join(siteDir, 'data', FIRST_CHART_DESCRIPTOR), join(data, FIRST_CHART_DESCRIPTOR));
      });
      expect(seen.errors).toEqual([]);
      expect(seen.svgAsked.length).toBe(1);
    });
  });
});

describe('the live chart’s code', () => {
  /**
   * When the page had the first chart's image, asked for ECharts' largest
   * chunk, and had the module that imports it (early-chart), in ms.
   */
  async function requestTimes(
    url: string,
  ): Promise<{ image: number | null; charts: number; importer: number }> {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    try {
      await page.goto(url);
      await page.locator('.panel.ranking .echarts-host svg').first().waitFor({ timeout: 30_000 });
      return await page.evaluate(() => {
        const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const find = (shape: RegExp) => entries.find((e) => shape.test(e.name));
        return {
          image: find(/\/first-chart\/\d+\.svg/)?.responseEnd ?? null,
          charts: find(/\/assets\/extension-[\w-]+\.js$/)?.startTime ?? -1,
          importer: find(/\/assets\/early-chart-[\w-]+\.js$/)?.responseEnd ?? -1,
        };
      });
    } finally {
      await page.close();
    }
  }

  it('is fetched once the image is on screen, on the page the image is of', async () => {
    const { image, charts } = await requestTimes(site.url);
    expect(image).not.toBeNull();
    expect(charts).toBeGreaterThanOrEqual(image ?? Infinity);
  });

  it('is fetched at once, all of it in parallel, on a page no image is drawn for', async () => {
    const { image, charts, importer } = await requestTimes(`${site.url}#/?l=en`);
    expect(image).toBeNull();
    // Preloaded from the page's list: not only once the module importing it has come.
    expect(charts).toBeGreaterThanOrEqual(0);
    expect(importer).toBeGreaterThan(0);
    expect(charts).toBeLessThan(importer);
    const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
    expect(html).toMatch(/<meta name="lazy-chunks" content="[^"]*\/assets\/extension-/);
  });
});
