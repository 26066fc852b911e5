import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { accessibilityProblems } from './axe';
import { buildSite } from './site';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(await buildSite(), '/sub/path/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(hash: string, ready: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  await page.goto(`${site.url}${hash}`);
  await page.locator(ready).first().waitFor();
  return page;
}

describe('benchmarking views', () => {
  it('navigates between the views, each reflected in the URL', async () => {
    const page = await open('', '[data-testid="chart-ranking"] svg');
    await page.getByTestId('nav-compare').click();
    await page.getByTestId('compare-matrix').waitFor();
    expect(page.url()).toContain('v=compare');
    await page.getByTestId('nav-town').click();
    await page.getByTestId('town-profile').waitFor();
    expect(page.url()).toContain('v=town');
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('chart-ranking').waitFor();
    await page.goBack();
    await page.getByTestId('town-profile').waitFor();
    await page.close();
  });

  it('shows the compare matrix with ranks, not-reported cells, sorting and drill-down', async () => {
    const page = await open('#/?v=compare&y=2023&c=mediation', '[data-testid="compare-matrix"]');
    const matrix = page.getByTestId('compare-matrix');
    const text = (await matrix.textContent()) ?? '';
    expect(text).toContain('208件');
    expect(text).toContain('第1名/2');
    expect(text).toContain('未报告');
    await page.getByRole('button', { name: /^调解成功率/ }).click();
    expect(page.url()).toContain('sb=mediation.success_rate');
    const firstRow = await matrix.locator('tbody tr').first().locator('th').textContent();
    expect(firstRow).toContain('彭浦镇');
    await matrix.getByRole('button', { name: /99\.5%/ }).click();
    await expect
      .poll(() => page.getByTestId('source-highlight').textContent())
      .toBe('调解成功率99.5%');
    await page.close();
  });

  it('exports the matrix as CSV that Excel reads as UTF-8', async () => {
    const page = await open('#/?v=compare&y=2024&c=petition', '[data-testid="compare-matrix"]');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(file.suggestedFilename()).toBe('compare-petition-2024.csv');
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.startsWith('\uFEFF乡镇,县区,年度,')).toBe(true);
    expect(csv).toContain('段园镇,杜集区,2024,73件,1,100');
    // A negative change stays a number, not a neutralised string.
    expect(csv).toContain(',-17.2%,');
    await page.close();
  });

  it('exports a chart as PNG and SVG, and the ranking behind it as CSV', async () => {
    const page = await open('#/?y=2024&i=mediation.cases', '[data-testid="chart-ranking"] svg');
    const ranking = page.locator('section.ranking');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      ranking.getByTestId('export-png').click(),
    ]);
    expect(png.suggestedFilename()).toBe('ranking-mediation.cases-2024.png');
    const bytes = readFileSync(await png.path());
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      ranking.getByTestId('export-svg').click(),
    ]);
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('段园镇');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      ranking.getByTestId('export-csv').click(),
    ]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text).toContain('1,段园镇,杜集区,608件,100');
    expect(text).toContain(',紫兴街道,开阳县,未报告,');
    await page.close();
  });

  it('puts 2–4 towns side by side with percentiles and raw values', async () => {
    const page = await open('#/?v=side&y=2023&c=mediation', '[data-testid="side-by-side"]');
    const side = page.getByTestId('side-by-side');
    await side.getByLabel('段园镇').check();
    await page.getByTestId('chart-side').locator('svg').first().waitFor();
    expect(page.url()).toContain('v=side');
    expect(page.url()).toContain('st=');
    const text = (await side.textContent()) ?? '';
    expect(text).toContain('474件');
    expect(text).toContain('P100');
    expect(text).toContain('未报告');
    await side.getByRole('button', { name: /208件/ }).click();
    await expect
      .poll(() => page.getByTestId('source-highlight').textContent())
      .toBe('调解矛盾纠纷208件');
    await page.close();
  });

  it('profiles a town: values by year, rank, reports with their text, what is never stated', async () => {
    const from = site.requests.length;
    const page = await open(
      '#/?v=town&p=上海市/上海市/静安区/彭浦镇',
      '[data-testid="town-profile"]',
    );
    const profile = page.getByTestId('town-profile');
    const text = (await profile.textContent()) ?? '';
    expect(text).toContain('彭浦镇');
    expect(text).toContain('474件');
    expect(text).toContain('报告中从未提及的指标');
    expect(text).toContain('信访件数');
    const link = profile.getByRole('link', { name: '查看全文' });
    expect(await link.getAttribute('href')).toBe('data/texts/shanghai-jingan-pengpu-2023.txt');
    // Ranks among the selected towns, in the town's latest year.
    await expect.poll(() => profile.locator('tbody tr').first().textContent()).toMatch(/\d+\/\d+$/);
    // Its values and reports from its county's files; other towns' values
    // only for the latest year's ranks; never the complete report list.
    const made = site.requests.slice(from).map((r) => r.replace('/sub/path/data/', ''));
    expect(made).toContain('counties/0/values.csv');
    expect(made).toContain('counties/0/reports.csv');
    expect(made).not.toContain('reports.csv');
    const indicatorFiles = made.filter((r) => r.startsWith('indicators/'));
    expect(indicatorFiles.length).toBeGreaterThan(0);
    expect(indicatorFiles.every((r) => r.endsWith('/2023.csv'))).toBe(true);
    // A value opens its sentence from the county's mentions, not the indicator's.
    await profile.getByRole('button', { name: /474件/ }).first().click();
    await page.getByTestId('source-highlight').first().waitFor();
    const opened = site.requests.slice(from).map((r) => r.replace('/sub/path/data/', ''));
    expect(opened).toContain('counties/0/mentions.csv');
    expect(opened.some((r) => r.startsWith('mentions/'))).toBe(false);
    expect(await page.getByTestId('source-panel').textContent()).toContain('彭浦镇');
    await page.getByTestId('source-panel').getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('town-select').selectOption({ label: '红格镇' });
    await expect.poll(() => profile.textContent()).toContain('99.5%');
    await page.close();
  });

  it('lists every report with its status and audit counts', async () => {
    const page = await open('#/?v=quality', '[data-testid="quality-page"]');
    const rows = page.getByTestId('quality-page').locator('tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await rows.first().textContent()).toContain('anhui-huaibei-duanyuan-2024');
    // Where each town lies; a municipality named once.
    expect(await rows.nth(2).textContent()).toContain('静安区 · 上海市');
    await page.close();
  });

  it.each([
    ['overview', '', '[data-testid="chart-ranking"] svg'],
    ['compare', '#/?v=compare&y=2023', '[data-testid="compare-matrix"]'],
    ['town profile', '#/?v=town', '[data-testid="town-profile"]'],
    ['data quality', '#/?v=quality', '[data-testid="quality-page"]'],
    ['side by side', '#/?v=side&y=2023', '[data-testid="side-by-side"]'],
    ['import', '#/?v=import', '[data-testid="import-view"]'],
    [
      'source panel',
      '#/?y=2023&i=mediation.cases&s=sichuan-yanbian-hongge-2023~mediation.cases',
      '[data-testid="source-highlight"]',
    ],
  ])('has no serious accessibility problem: %s', async (_, hash, ready) => {
    const page = await open(hash, ready);
    await page.waitForTimeout(300);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });
});
