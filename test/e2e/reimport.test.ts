/**
 * A published report imported again (the bundled sichuan-yanbian-hongge-2023.txt,
 * one value edited, one rejected): one report per town and year, so no view
 * and no total counts it twice, it lands on the published town (攀枝花市),
 * the review says before review that it replaces the published report, and
 * the publish package keeps the manifest's fields.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { readRows } from '../../src/importer/publish';
import { tableRows } from '../helpers';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { buildSite } from './site';
import { pageSettled, scrolledTo } from './settled';
import { editFigure } from './import-page';

const FILE = join(
  import.meta.dirname,
  '..',
  '..',
  'data',
  'reports',
  'sichuan-yanbian-hongge-2023.txt',
);
const HONGGE = '四川省/攀枝花市/盐边县/红格镇';
let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(await buildSite(), '/reimport/site/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** How many times a text holds a name. */
const times = (text: string | null, name: string): number => (text ?? '').split(name).length - 1;

async function view(page: Page, hash: string): Promise<void> {
  await page.goto(`${site.url}${hash}`);
}

describe('importing a published report again', () => {
  it('replaces it in every view and total, never counts it twice, and keeps its place', async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // As published: 红格镇 2023 states 208 cases and a 99.5% success rate.
    await view(page, '#/?y=2023&i=mediation.cases');
    const card = page.getByTestId('card-mediation');
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('682件');

    await view(page, '#/?v=import');
    await page.getByTestId('import-view').waitFor();
    await page.getByTestId('import-input').setInputFiles([FILE]);
    const panel = page.getByTestId('review-panel');
    await panel.waitFor({ timeout: 30_000 });
    // Before any value is reviewed: placed as published, and said to replace it.
    expect(await panel.getByTestId('review-city').inputValue()).toBe('攀枝花市');
    expect(await panel.getByTestId('review-province').inputValue()).toBe('四川省');
    const notice = panel.getByTestId('review-twin');
    expect(await notice.textContent()).toContain('红格镇 2023 年度报告已发布');
    expect(await notice.textContent()).toContain('导入后，本报告将替换已发布的版本');
    await expect.poll(() => notice.textContent()).toContain('sichuan-yanbian-hongge-2023');
    expect(await page.locator('.import-list li').textContent()).toContain('替换已发布');
    expect(await panel.locator('.decision-status').allTextContents()).not.toContain('已确认');

    const cases = panel.locator('tr[data-indicator="mediation.cases"]').first();
    await editFigure(cases, '210');
    await expect.poll(() => cases.locator('.decision-status').textContent()).toBe('已修改为 210件');
    const rate = panel.locator('tr[data-indicator="mediation.success_rate"]').first();
    await rate.getByRole('button', { name: '驳回' }).click();
    await expect.poll(() => rate.locator('.decision-status').textContent()).toBe('已驳回');

    // Ranking: 红格镇 once, with the edited value; the total counts it once (474 + 210).
    await view(page, '#/?y=2023&i=mediation.cases');
    const ranking = page.getByTestId('chart-ranking');
    await expect.poll(() => ranking.textContent(), { timeout: 15_000 }).toContain('210件 ⌂');
    expect(times(await ranking.textContent(), '红格镇')).toBe(1);
    expect(await ranking.textContent()).not.toContain('208件');
    await expect.poll(() => card.textContent()).toContain('684件');
    expect(await card.textContent()).toContain('2/2');
    // A figure the import does not state is not mentioned, not the published 99.5%.
    await view(page, '#/?y=2023&i=mediation.success_rate');
    await expect
      .poll(() => page.getByTestId('missing-notMentioned').textContent(), { timeout: 15_000 })
      .toContain('红格镇');
    expect(await page.getByTestId('chart-ranking').textContent()).not.toContain('99.5%');

    // Trends (on the overview): one line and one legend entry for 红格镇.
    await view(page, '#/?y=2023&i=mediation.cases');
    await expect
      .poll(() => page.getByTestId('chart-ranking').textContent(), { timeout: 15_000 })
      .toContain('210件 ⌂');
    // The trend's placeholder (same test id) gives way to its chart once the
    // line charts' code is in: scrolled to only then, not while it is swapped.
    await pageSettled(page);
    const trend = page.getByTestId('chart-trend');
    await scrolledTo(trend);
    // Drawn on a canvas: its series and legend as ECharts holds them.
    const drawn = () =>
      trend.evaluate((el) => {
        type Option = { series: { name: string }[]; legend: { data?: unknown[] }[] };
        const host = el.querySelector('.echarts-host') as
          (HTMLElement & { chart?: { getOption(): Option } }) | null;
        const option = host?.chart?.getOption();
        if (option === undefined) return null;
        return {
          series: option.series.map((x) => x.name),
          legend: (option.legend[0]?.data ?? []).map((d) =>
            typeof d === 'string' ? d : (d as { name: string }).name,
          ),
        };
      });
    await expect.poll(() => drawn(), { timeout: 15_000 }).not.toBeNull();
    const lines = await drawn();
    expect(lines?.series.filter((n) => n.includes('红格镇'))).toHaveLength(1);
    // Every line its own name: the legend tells them apart.
    expect(new Set(lines?.series).size).toBe(lines?.series.length);
    expect(lines?.legend.filter((n) => n.includes('红格镇')).length).toBeLessThanOrEqual(1);
    const table = page.locator('section').filter({ has: trend }).locator('details.data-table');
    await table.first().locator('summary').click();
    const rows = table.first().locator('tbody tr', { hasText: '红格镇' });
    expect(await rows.count()).toBe(1);
    expect(await rows.textContent()).toContain('210件 ⌂');
    expect(await rows.textContent()).not.toContain('208件');

    // Compare matrix: one row, the import's values.
    await view(page, '#/?v=compare&y=2023&c=mediation&ym=year');
    const matrix = page.getByTestId('compare-matrix');
    await expect.poll(() => matrix.textContent(), { timeout: 15_000 }).toContain('210件 ⌂');
    const matrixRows = matrix.locator('tbody tr', { hasText: '红格镇' });
    expect(await matrixRows.count()).toBe(1);
    expect(await matrixRows.textContent()).not.toContain('99.5%');
    expect(await matrixRows.textContent()).toContain('报告未提及');

    // Side by side: one 红格镇 to choose, one column.
    await view(page, '#/?v=side&y=2023&c=mediation');
    const side = page.getByTestId('side-by-side');
    await side.waitFor({ timeout: 15_000 });
    expect(await side.getByLabel('红格镇').count()).toBe(1);
    await expect
      .poll(() => side.locator('table.matrix thead').textContent(), { timeout: 15_000 })
      .toContain('红格镇');
    expect(times(await side.locator('table.matrix thead').textContent(), '红格镇')).toBe(1);
    expect(await side.locator('table.matrix').textContent()).toContain('210件 ⌂');
    expect(await side.locator('table.matrix').textContent()).not.toContain('208件');

    // Town profile: one 2023, the import's; one report listed; one town to choose.
    await view(page, `#/?v=town&p=${HONGGE}`);
    const profile = page.getByTestId('town-profile');
    await expect.poll(() => profile.textContent(), { timeout: 15_000 }).toContain('210件 ⌂');
    expect(await profile.textContent()).not.toContain('208件');
    expect(times(await profile.locator('thead').textContent(), '2023')).toBe(2); // the year and its rank column
    expect(await profile.locator('.report-list li').count()).toBe(1);
    expect(await profile.locator('.report-list li').textContent()).toContain('本地导入');
    expect(await profile.locator('h2').textContent()).toContain('攀枝花市');
    const options = await page
      .getByTestId('town-select')
      .locator('option')
      .evaluateAll((o) => o.map((x) => x.textContent));
    expect(options.filter((o) => o === '红格镇')).toHaveLength(1);

    // The publish package: the import is the published report's new version,
    // its manifest fields kept (攀枝花市), one report for 红格镇 2023.
    await view(page, '#/?v=import');
    await page.getByTestId('review-panel').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('publish-export').click(),
    ]);
    const zip = join(mkdtempSync(join(tmpdir(), 'rol-reimport-')), 'publish.zip');
    await download.saveAs(zip);
    const entries = unzipSync(new Uint8Array(readFileSync(zip)));
    const csv = (name: string): Record<string, string>[] =>
      readRows(strFromU8(entries[name] ?? new Uint8Array()));
    expect(
      csv('data/reports/reports.csv').filter((r) => r['town'] === '红格镇' || r['city'] !== ''),
    ).toContainEqual(
      expect.objectContaining({
        report_id: 'sichuan-yanbian-hongge-2023',
        town: '红格镇',
        county: '盐边县',
        city: '攀枝花市',
        province: '四川省',
        year: '2023',
      }),
    );
    const reports = csv('public/data/reports.csv').filter((r) => r['town'] === '红格镇');
    expect(reports.map((r) => [r['report_id'], r['city'], r['year']])).toEqual([
      ['sichuan-yanbian-hongge-2023', '攀枝花市', '2023'],
    ]);
    const values = tableRows(
      (path) => strFromU8(entries[`public/data/${path}`] ?? new Uint8Array()),
      'values',
    ).filter((r) => r['town'] === '红格镇');
    expect(
      values.filter((v) => v['indicator'] === 'mediation.cases').map((v) => v['value']),
    ).toEqual(['210']);
    // Rejected: deleted, as the review decided.
    expect(
      values
        .filter((v) => v['indicator'] === 'mediation.success_rate')
        .map((v) => [v['value'], v['correction']]),
    ).toEqual([['', 'delete']]);
    expect(Object.keys(entries).filter((n) => n.includes('hongge-2023-2'))).toEqual([]);

    await page.getByRole('button', { name: '丢弃全部本地导入' }).click();
    await expect.poll(() => page.locator('.import-list li').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
