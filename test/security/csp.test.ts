/**
 * The site under its own Content-Security-Policy, sent as a header with every
 * response (the parsing and import workers are under it too) besides the
 * `<meta>` in index.html: every view visited, the charts hovered, a source
 * opened, the language switched, a PNG exported, reports imported (text,
 * Word, PDF). Nothing
 * the policy forbids may happen.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META } from '../../src/csp';
import { docxOf } from '../importer/docx';
import { SAMPLE_DIR, tempDir } from '../helpers';
import { launchBrowser } from '../e2e/browser';
import { serveStatic, type StaticSite } from '../e2e/server';
import { workspaceSaved } from '../e2e/settled';
import { buildSite } from '../e2e/site';
import { padTo, restateSizes } from '../helpers';
import { clickChart, hoverChart } from './page-checks';

let browser: Browser;
let site: StaticSite;
let root = '';

/**
 * Every indicator file made large: the app parses them in its worker, which
 * must start and fetch under the policy too.
 */
function madeLarge(dataDir: string): void {
  const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')) as {
    indicators: { years: { file: string }[] }[];
  };
  for (const i of index.indicators) for (const f of i.years) padTo(join(dataDir, f.file), 200_000);
  restateSizes(dataDir);
}

beforeAll(async () => {
  root = await buildSite();
  madeLarge(join(root, 'data'));
  site = await serveStatic(root, '/csp/site/', { contentSecurityPolicy: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Watched {
  readonly page: Page;
  /** securitypolicyviolation events and the browser's CSP console errors. */
  readonly problems: string[];
}

async function watchedPage(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation(t: string): void }).reportViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const onConsole = (m: ConsoleMessage): void => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => w.on('console', onConsole));
  return { page, problems };
}

describe('the Content-Security-Policy', () => {
  it('is one policy: the built page carries it, less what only a header can say', () => {
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1]?.replace(/&#39;/g, "'")).toBe(CSP_META);
    // Before any script or stylesheet of the page.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(CSP_HEADER).toBe(`${CSP_META}; frame-ancestors 'self'`);
    expect(CSP_HEADER).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('allows everything the dashboard does, under the header', async () => {
    const { page, problems } = await watchedPage();
    const from = site.requests.length;
    await page.goto(`${site.url}#/?y=2023&c=mediation&i=mediation.cases`);
    const ranking = page.getByTestId('chart-ranking').locator('svg').first();
    await ranking.waitFor();
    // The chart drawn before React keeps its size (a blocked style attribute left it 0 high).
    expect((await ranking.boundingBox())?.height ?? 0).toBeGreaterThan(100);
    await hoverChart(page, 'chart-ranking');
    expect((await hoverChart(page, 'chart-trend')).length).toBeGreaterThan(0);
    expect((await hoverChart(page, 'chart-multiples')).length).toBeGreaterThan(0);
    // A bar opens its source.
    await clickChart(page, 'chart-ranking', page.getByTestId('source-highlight').first(), true);
    await page.getByTestId('source-panel').getByRole('button', { name: '关闭' }).click();
    // The language, then a PNG of the ranking.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('lang-switch').textContent()).toBe('中文');
    await page.getByTestId('chart-ranking').locator('svg').first().waitFor();
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('section.ranking').getByTestId('export-png').click(),
    ]);
    expect([...readFileSync(await png.path()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    for (const [view, ready] of [
      ['compare', '[data-testid="compare-matrix"]'],
      ['side', '[data-testid="chart-side"] svg'],
      ['town', '[data-testid="town-profile"]'],
      ['quality', '[data-testid="quality-page"] tbody tr'],
    ] as const) {
      await page.getByTestId(`nav-${view}`).click();
      await page.locator(ready).first().waitFor();
      if (view === 'side') expect((await hoverChart(page, 'chart-side')).length).toBeGreaterThan(0);
    }
    // The data files went through the parsing worker.
    expect(site.requests.slice(from).some((r) => /parse\.worker[^/]*\.js$/.test(r))).toBe(true);
    // A report imported: the import worker (and its parsers) under the policy too.
    await page.getByTestId('nav-import').click();
    // A .txt, and a Word file and a PDF: mammoth and pdf.js must do without eval.
    const dir = tempDir('rol-csp-');
    const txt = join(dir, '红格镇2023.txt');
    copyFileSync(join(SAMPLE_DIR, 'sichuan-yanbian-hongge-2023.txt'), txt);
    const docx = join(dir, '段园镇2024.docx');
    const report = readFileSync(join(SAMPLE_DIR, 'anhui-huaibei-duanyuan-2024.txt'), 'utf8');
    writeFileSync(docx, docxOf(report));
    const pdf = join(dir, '黄花店镇2024.pdf');
    const printer = await browser.newPage();
    await printer.setContent(
      readFileSync(join(SAMPLE_DIR, 'tianjin-huanghuadian-2024.txt'), 'utf8')
        .split('\n')
        .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join(''),
    );
    writeFileSync(pdf, await printer.pdf({ format: 'A4' }));
    await printer.close();
    await page.getByTestId('import-input').setInputFiles([txt, docx, pdf]);
    await page.getByTestId('review-panel').waitFor({ timeout: 30_000 });
    const list = page.locator('.import-list li');
    await expect.poll(() => list.count(), { timeout: 30_000 }).toBe(3);
    await workspaceSaved(page);
    expect(await page.getByTestId('import-problems').count()).toBe(0);
    expect([...new Set(problems.filter((p) => !p.startsWith('console')))]).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 90_000);
});
