/**
 * A data folder with markup in every name the app shows (towns, counties,
 * cities, provinces, report ids and titles, the report texts): every
 * view is opened, every chart hovered (its tooltip shown), the source panel
 * opened, the charts exported. No payload may run or become an element; the
 * names show as the text they are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../e2e/browser';
import { serveStatic, type StaticSite } from '../e2e/server';
import { pageSettled } from '../e2e/settled';
import { buildSite } from '../e2e/site';
import { FLAG, makeHostile, REPORT_IDS, TEXT_HEAD, TITLE, TOWNS } from './hostile-data';
import { hoverChart, injectedMarkup } from './page-checks';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  const root = await buildSite();
  makeHostile(join(root, 'data'));
  site = await serveStatic(root, '/xss/site/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Guarded {
  readonly page: Page;
  readonly dialogs: string[];
  readonly errors: string[];
}

async function open(hash: string, ready: string): Promise<Guarded> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}${hash}`);
  await page.locator(ready).first().waitFor();
  return { page, dialogs, errors };
}

/** Nothing ran, nothing was injected. */
async function expectNothingRan({ page, dialogs, errors }: Guarded): Promise<void> {
  await pageSettled(page);
  expect(await page.evaluate((f) => (window as unknown as Record<string, unknown>)[f], FLAG)).toBe(
    undefined,
  );
  expect(dialogs).toEqual([]);
  expect(await injectedMarkup(page, FLAG)).toEqual([]);
  expect(errors).toEqual([]);
}

async function expectHarmless(guarded: Guarded): Promise<void> {
  await expectNothingRan(guarded);
  await guarded.page.close();
}

/** The file a download button saves, as text (latin1 keeps a PNG's bytes). */
async function exported(page: Page, button: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = readFileSync(await file.path());
  return bytes.subarray(0, 4).toString('latin1') === '\x89PNG'
    ? bytes.toString('latin1')
    : bytes.toString('utf8');
}

/**
 * What is wrong with an exported SVG opened on its own (as a browser would
 * open the file): anything but SVG elements, event handlers, or a town's
 * name missing from its text.
 */
async function svgProblems(page: Page, source: string, named = true): Promise<string[]> {
  const found = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const elements = [...doc.querySelectorAll('*')];
    return [
      ...(doc.querySelector('parsererror') === null ? [] : ['not well-formed']),
      ...elements
        .filter((e) => e.namespaceURI !== 'http://www.w3.org/2000/svg')
        .map((e) => `<${e.tagName}>`),
      ...elements.flatMap((e) => e.getAttributeNames().filter((a) => /^on/i.test(a))),
      doc.documentElement.textContent ?? '',
    ];
  }, source);
  const text = found.pop() ?? '';
  const names = Object.values(TOWNS).some((name) => text.includes(name));
  return names || !named ? found : [...found, 'no town named in its text'];
}

const hash = (params: Record<string, string>): string => `#/?${new URLSearchParams(params)}`;

describe('hostile names in the data folder', () => {
  it('overview: ranking, trends and small multiples hovered, every chart exported', async () => {
    const guarded = await open(
      hash({ y: '2023', c: 'mediation', i: 'mediation.cases' }),
      '[data-testid="chart-ranking"] svg',
    );
    const { page } = guarded;
    await hoverChart(page, 'chart-ranking');
    const trend = await hoverChart(page, 'chart-trend');
    const multiples = await hoverChart(page, 'chart-multiples');
    await expectNothingRan(guarded);
    // The tooltip shows the town's name as written (the unit is the catalog's: no file holds one).
    expect(trend.some((t) => t.includes(TOWNS['彭浦镇'] ?? '?'))).toBe(true);
    expect(multiples.some((t) => t.includes(TOWNS['红格镇'] ?? '?'))).toBe(true);
    // Names in the page's own text: the ranking's list and the trend's table.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(TOWNS['紫兴街道']);
    // The exports of every chart: PNGs, and SVGs holding the names as text.
    for (const scope of ['section.ranking', 'section.trends'] as const) {
      const buttons = page.locator(scope).getByTestId('export-svg');
      for (let i = 0; i < (await buttons.count()); i++) {
        const png = await exported(page, page.locator(scope).getByTestId('export-png').nth(i));
        expect(png.startsWith('\x89PNG')).toBe(true);
        // The small multiples (the second chart of the trends) name indicators only.
        const svg = await exported(page, buttons.nth(i));
        expect(await svgProblems(page, svg, i === 0)).toEqual([]);
      }
    }
    await expectHarmless(guarded);
  }, 60_000);

  it.each([
    ['tianjin-huanghuadian-2024', '2024', '黄花店镇'],
    [REPORT_IDS['anhui-huaibei-duanyuan-2024'] ?? '', '2024', '段园镇'],
    [REPORT_IDS['sichuan-yanbian-hongge-2023'] ?? '', '2023', '红格镇'],
  ])('the source panel of report %s shows its text as text', async (id, year, town) => {
    const guarded = await open(
      hash({ y: year, i: 'mediation.cases', s: `${id}~mediation.cases` }),
      '[data-testid="source-highlight"]',
    );
    const panel = guarded.page.getByTestId('source-panel');
    await expect.poll(() => panel.textContent()).toContain(TEXT_HEAD.trim());
    expect(await panel.textContent()).toContain(TOWNS[town]);
    await expectHarmless(guarded);
  });

  it('compare matrix', async () => {
    const guarded = await open(hash({ v: 'compare', y: '2023' }), '[data-testid="compare-matrix"]');
    const text = (await guarded.page.getByTestId('compare-matrix').textContent()) ?? '';
    expect(text).toContain(TOWNS['彭浦镇']);
    expect(text).toContain(TOWNS['红格镇']);
    await expectHarmless(guarded);
  });

  it('brief: hostile town names and report ids as text, every figure opened', async () => {
    const guarded = await open(hash({ v: 'brief', y: '2024' }), '[data-testid="brief"]');
    const brief = guarded.page.getByTestId('brief');
    const text = (await brief.textContent()) ?? '';
    // 红格镇 and 彭浦镇 have no 2024 report: named in that list, as written.
    expect(text).toContain(TOWNS['红格镇']);
    expect(text).toContain(TOWNS['彭浦镇']);
    const figures = brief.getByTestId('brief-figure');
    expect(await figures.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await figures.count()); i++) {
      await figures.nth(i).click();
      const panel = guarded.page.getByTestId('source-panel');
      await panel.getByTestId('source-highlight').first().waitFor();
      await panel.getByRole('button', { name: '关闭' }).click();
      await panel.waitFor({ state: 'hidden' });
    }
    await expectHarmless(guarded);
  });

  it('side by side, every bar hovered', async () => {
    const guarded = await open(
      hash({ v: 'side', y: '2023', c: 'mediation' }),
      '[data-testid="chart-side"] svg',
    );
    const tips = await hoverChart(guarded.page, 'chart-side');
    await expectNothingRan(guarded);
    expect(tips.some((t) => t.includes(TOWNS['彭浦镇'] ?? '?'))).toBe(true);
    const side = guarded.page.getByTestId('side-by-side');
    const svg = await exported(guarded.page, side.getByTestId('export-svg'));
    expect(await svgProblems(guarded.page, svg)).toEqual([]);
    await expectHarmless(guarded);
  });

  it.each(Object.keys(TOWNS))('town profile of %s, its reports read safely', async (name) => {
    const town = TOWNS[name] ?? name;
    const guarded = await open(hash({ v: 'town' }), '[data-testid="town-select"]');
    await guarded.page.getByTestId('town-select').selectOption({ label: town });
    const profile = guarded.page.getByTestId('town-profile');
    await expect.poll(() => profile.textContent()).toContain(town);
    expect(await profile.textContent()).toContain(TITLE);
    // No link to a file: the full text opens in the app, its title as text.
    expect(await profile.locator('a').count()).toBe(0);
    await profile.getByTestId('open-full-text').first().click();
    const fullText = guarded.page.getByTestId('full-text');
    await expect.poll(() => fullText.locator('.source-title').textContent()).toContain(TITLE);
    await expectHarmless(guarded);
  });

  it('data quality lists report ids and titles as text', async () => {
    const guarded = await open(hash({ v: 'quality' }), '[data-testid="quality-page"] tbody tr');
    const text = (await guarded.page.getByTestId('quality-page').textContent()) ?? '';
    expect(text).toContain("javascript:window.__pwned='report-id'");
    await expectHarmless(guarded);
  });

  it('import view', async () => {
    const guarded = await open(hash({ v: 'import' }), '[data-testid="import-view"]');
    await expectHarmless(guarded);
  });
});
