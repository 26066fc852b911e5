import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { accessibilityProblems } from './axe';
import { pageSettled } from './settled';
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

/** A downloaded CSV as records, as a spreadsheet reads it. */
function csvRows(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

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

  it('opens the compare matrix on each town’s latest report when the year would leave rows empty', async () => {
    const page = await open('#/?v=compare&y=2023&c=mediation', '[data-testid="compare-matrix"]');
    const matrix = page.getByTestId('compare-matrix');
    // Three of five towns have no 2023 report: the matrix says so and compares latest reports.
    expect(await page.getByTestId('auto-latest').textContent()).toContain(
      '部分乡镇没有 2023 年度报告',
    );
    expect(await matrix.locator('[data-missing="noReport"]').count()).toBe(0);
    const text = (await matrix.textContent()) ?? '';
    expect(text).toContain('第1名/4');
    expect(text).toContain('报告未提及');
    // The year alone, on request: no-report rows, and two towns are too few to rank.
    await matrix.getByRole('checkbox', { name: '按各乡镇最近一次报告' }).uncheck();
    await expect.poll(() => page.url()).toContain('ym=year');
    expect(await page.getByTestId('auto-latest').count()).toBe(0);
    await expect.poll(() => matrix.locator('[data-missing="noReport"]').count()).toBe(3 * 6);
    const columnOfTwo = (await matrix.textContent()) ?? '';
    expect(columnOfTwo).toContain('208件');
    expect(columnOfTwo).not.toContain('第1名/2');
    await matrix.getByRole('checkbox', { name: '按各乡镇最近一次报告' }).check();
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

  it('exports the matrix as data: numbers, why a figure is missing, and its sentence', async () => {
    const page = await open(
      '#/?v=compare&y=2024&c=petition&ym=year',
      '[data-testid="compare-matrix"]',
    );
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(file.suggestedFilename()).toBe('compare-petition-2024.csv');
    const raw = readFileSync(await file.path(), 'utf8');
    expect(raw.startsWith('\uFEFFtown,county,year,indicator,indicator_zh,value,unit,')).toBe(true);
    const rows = csvRows(raw);
    const cases = rows.find((r) => r['town'] === '段园镇' && r['indicator'] === 'petition.cases');
    expect(cases).toMatchObject({ value: '73', unit: '件', status: 'reported', year: '2024' });
    expect(cases?.['quote']).toContain('73');
    expect(cases?.['report_id']).toMatch(/duanyuan/);
    // A negative change is a number Excel sums, not text.
    expect(rows.some((r) => r['value'] === '-17.2')).toBe(true);
    expect(rows.filter((r) => r['town'] === '紫兴街道').map((r) => r['status'])).toContain(
      'no_report',
    );
    for (const r of rows)
      if (r['value'] !== '') expect(Number.isFinite(Number(r['value']))).toBe(true);
    await page.close();
  });

  it('exports a chart as PNG and SVG, and the ranking behind it as CSV', async () => {
    const page = await open('#/?y=2024&i=mediation.cases', '[data-testid="chart-ranking"] svg');
    const ranking = page.locator('section.ranking');
    // The page's policy (style-src 'self') is never broken on the way: no console error.
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
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
    // The image names itself: indicator, year, unit, the towns' count, the source.
    expect(svgText).toContain('排名 · 调解矛盾纠纷数 · 2024（单位：件）');
    expect(svgText).toContain('2 个乡镇报告此数值 · 0 个报告未提及 · 3 个无本年度报告');
    expect(svgText).toContain('来源：各乡镇法治政府建设情况报告');
    expect(errors).toEqual([]);
    // The chart's own SVG nested in the frame, under the title, the file well formed.
    const shape = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        broken: doc.querySelector('parsererror') !== null,
        nested: doc.querySelectorAll(':root > g[transform] > svg').length,
        title: doc.querySelector(':root > text')?.textContent ?? '',
      };
    }, svgText);
    expect(shape).toEqual({
      broken: false,
      nested: 1,
      title: '排名 · 调解矛盾纠纷数 · 2024（单位：件）',
    });
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      ranking.getByTestId('export-csv').click(),
    ]);
    const rows = csvRows(readFileSync(await csv.path(), 'utf8'));
    // Two towns: values, no ranks.
    expect(rows[0]).toMatchObject({ town: '段园镇', value: '608', rank: '', status: 'reported' });
    expect(rows.find((r) => r['town'] === '紫兴街道')).toMatchObject({
      value: '',
      status: 'no_report',
    });
    // Chinese headers and words, on request.
    await ranking.getByTestId('export-chinese').check();
    const [zh] = await Promise.all([
      page.waitForEvent('download'),
      ranking.getByTestId('export-csv').click(),
    ]);
    const zhRows = csvRows(readFileSync(await zh.path(), 'utf8'));
    expect(zhRows.find((r) => r['乡镇'] === '紫兴街道')?.['状态']).toBe('无本年度报告');
    expect(zhRows[0]?.['原文句子']).toContain('608');
    // Printed, the chart carries the same count and source line.
    await page.emulateMedia({ media: 'print' });
    expect(await ranking.locator('.chart-caption').isVisible()).toBe(true);
    expect(await ranking.locator('.chart-caption').textContent()).toContain('来源：');
    await page.close();
  });

  it('puts 2–4 towns side by side on the values’ own scales, percentiles on request', async () => {
    const page = await open('#/?v=side&y=2023&c=mediation', '[data-testid="side-by-side"]');
    const side = page.getByTestId('side-by-side');
    // It opens on two towns with reports, never on empty columns.
    expect(await side.getByLabel('彭浦镇').isChecked()).toBe(true);
    expect(await side.getByLabel('红格镇').isChecked()).toBe(true);
    // Two towns are the least: neither can be unticked.
    expect(await side.getByLabel('彭浦镇').isDisabled()).toBe(true);
    await side.getByLabel('段园镇').check();
    await page.getByTestId('chart-side').locator('svg').first().waitFor();
    expect(page.url()).toContain('v=side');
    expect(page.url()).toContain('st=');
    const text = (await side.textContent()) ?? '';
    expect(text).toContain('474件');
    expect(text).toContain('P100');
    expect(text).toContain('报告未提及');
    // Rates on a 0–100 axis named with the unit: 100% against 99.5% are near-equal bars.
    const axes = await page.evaluate(() => {
      const host = document.querySelector('[data-testid="chart-side"] .echarts-host') as
        (Element & { chart?: { getOption(): { xAxis: { name: string; max?: number }[] } } }) | null;
      return host?.chart?.getOption().xAxis.map((a) => [a.name, a.max ?? null]);
    });
    expect(axes).toContainEqual(['%', 100]);
    expect(axes).toContainEqual(['件', null]);
    await side.getByTestId('side-percentiles').check();
    await expect.poll(() => side.textContent()).toContain('柱高为各乡镇在所选乡镇中的百分位');
    await side.getByRole('button', { name: /208件/ }).click();
    await expect
      .poll(() => page.getByTestId('source-highlight').textContent())
      .toBe('调解矛盾纠纷208件');
    // Not every town has a 2023 report: each town's latest is compared, and the
    // note's "untick" has its box here too, as on the matrix.
    // The source panel closed first: it lies over the panel's actions.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('source-highlight').count()).toBe(0);
    expect(await side.getByTestId('auto-latest').textContent()).toContain('取消勾选只看 2023 年');
    await side.getByRole('checkbox', { name: '按各乡镇最近一次报告' }).uncheck();
    await expect.poll(() => page.url()).toContain('ym=year');
    expect(await side.getByTestId('auto-latest').count()).toBe(0);
    expect(await side.locator('h2').textContent()).toContain('2023');
    await page.close();
  });

  it('says in the trends table which years a town had no report', async () => {
    const page = await open('#/?y=2024&i=mediation.cases', '[data-testid="chart-ranking"] svg');
    const table = page.locator('section.trends details.data-table').first();
    await table.locator('summary').click();
    const row = table.locator('tr', { hasText: '彭浦镇' });
    // 彭浦镇 reported for 2023 only: its other years are 无本年度报告, not gaps without a word.
    expect(await row.locator('[data-missing="noReport"]').count()).toBe(3);
    expect(await row.textContent()).toContain('474件');
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
    expect(await profile.getByRole('button', { name: '查看全文' }).count()).toBe(1);
    // Ranks among the selected towns, in the town's latest year: two towns
    // report for 2023, too few to rank (a dash once the ranks are loaded).
    await expect.poll(() => profile.locator('tbody tr').first().textContent()).toMatch(/件—$/);
    // Its values and reports from its county's files; other towns' values
    // only for the latest year's ranks; never the complete report list.
    const made = site.requests.slice(from).map((r) => r.replace('/sub/path/data/', ''));
    expect(made).toContain('counties/0/values.csv');
    expect(made).toContain('counties/0/reports.csv');
    expect(made).not.toContain('reports.csv');
    const indicatorFiles = made.filter((r) => r.startsWith('indicators/'));
    expect(indicatorFiles.length).toBeGreaterThan(0);
    expect(indicatorFiles.every((r) => r.endsWith('/2023.csv'))).toBe(true);
    // A value opens its sentence from the report's text; its other mentions are read off it.
    await profile.getByRole('button', { name: /474件/ }).first().click();
    await page.getByTestId('source-highlight').first().waitFor();
    const opened = site.requests.slice(from).map((r) => r.replace('/sub/path/data/', ''));
    // The text's bytes alone, asked of its pack (this server honours ranges).
    expect(opened).toContain('texts/0.txt');
    expect(site.ranged.some((r) => /data\/texts\/0\.txt bytes=\d+-\d+$/.test(r))).toBe(true);
    expect(opened.some((r) => /^(counties\/\d+\/)?(mentions|unused)\b/.test(r))).toBe(false);
    expect(await page.getByTestId('source-panel').textContent()).toContain('彭浦镇');
    await page.getByTestId('source-panel').getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('town-select').selectOption({ label: '红格镇' });
    await expect.poll(() => profile.textContent()).toContain('99.5%');
    await page.close();
  });

  it("opens a link that does not name the town from the indicator's values, then its county's files", async () => {
    const from = site.requests.length;
    const page = await open(
      '#/?y=2024&i=mediation.screened&s=anhui-huaibei-duanyuan-2024~mediation.screened',
      '[data-testid="source-highlight"]',
    );
    // The value's own words, and the report's other mentions of it to step through.
    await expect
      .poll(() => page.getByTestId('source-highlight').textContent())
      .toBe('排查出矛盾纠纷138件');
    await expect.poll(() => page.locator('mark.mention-other').count()).toBe(2);
    // Read off the text by the extractor in a worker, not on the page's thread.
    expect(page.workers().map((w) => w.url())).toContainEqual(
      expect.stringMatching(/\/assets\/findings\.worker-[\w-]+\.js$/),
    );
    expect(await page.getByTestId('source-panel').textContent()).toContain('段园镇');
    const made = site.requests.slice(from).map((r) => r.replace('/sub/path/data/', ''));
    expect(made.some((r) => r.startsWith('indicators/mediation.screened/'))).toBe(true);
    expect(made.some((r) => /^counties\/\d+\/values\.csv$/.test(r))).toBe(true);
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
    await pageSettled(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });
});
