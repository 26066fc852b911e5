/**
 * Importing reports in the browser: a .txt and a .docx built from the sample
 * reports, reviewed value by value, kept across a reload.
 */
import {
  closeSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { docxOf } from '../importer/docx';
import { encryptedDocx } from '../importer/office';
import { unusedCount, unusedFigureAt } from '../../src/importer/unused';
import { importFiles } from '../../src/importer/workspace';
import { publishedText, run, tableRows } from '../helpers';
import { accessibilityProblems } from './axe';
import { launchBrowser } from './browser';
import { editFigure, openImportView } from './import-page';
import { serveStatic, type StaticSite } from './server';
import { buildSite } from './site';
import { workspaceSaved } from './settled';
import { storedEntry, storedReview, storeEntry } from './stored-review';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'reports');
let browser: Browser;
let site: StaticSite;
let siteRoot: string;
const files: string[] = [];

beforeAll(async () => {
  siteRoot = await buildSite();
  site = await serveStatic(siteRoot, '/import/site/');
  browser = await launchBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'rol-import-'));
  const txt = join(dir, '红格镇2023.txt');
  writeFileSync(txt, readFileSync(join(SAMPLE, 'sichuan-yanbian-hongge-2023.txt')));
  const docx = join(dir, '段园镇2024.docx');
  writeFileSync(
    docx,
    docxOf(readFileSync(join(SAMPLE, 'anhui-huaibei-duanyuan-2024.txt'), 'utf8')),
  );
  // PDFs printed by Chromium: one with the text of a sample report, one a grey box (a "scan").
  const print = async (html: string, path: string): Promise<void> => {
    const page = await browser.newPage();
    await page.setContent(html);
    writeFileSync(path, await page.pdf({ format: 'A4' }));
    await page.close();
  };
  const pdf = join(dir, '黄花店镇2024.pdf');
  await print(
    readFileSync(join(SAMPLE, 'tianjin-huanghuadian-2024.txt'), 'utf8')
      .split('\n')
      .map((line) => `<p style="margin:0">${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join(''),
    pdf,
  );
  const scan = join(dir, 'scan.pdf');
  await print('<div style="width:400px;height:300px;background:#888"></div>', scan);
  // Bad files in the same batch: an encrypted Word file (its package sealed in
  // an OLE container, as Word saves one with a password), 200 MB (sparse:
  // nothing is written), not a report.
  const locked = join(dir, '加密.docx');
  writeFileSync(locked, encryptedDocx());
  const huge = join(dir, '全年汇编.txt');
  closeSync(openSync(huge, 'w'));
  truncateSync(huge, 200 * 1024 * 1024);
  const notice = join(dir, '会议通知.txt');
  writeFileSync(notice, '关于召开周例会的通知\n请各部门负责人准时参加。\n');
  const blank = join(dir, '空白.txt');
  writeFileSync(blank, '');
  files.push(txt, docx, pdf, scan, locked, huge, notice, blank);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const importPage = (): Promise<{ page: Page; errors: string[] }> =>
  openImportView(browser, site.url);

const row = (page: Page, indicator: string) =>
  page.getByTestId('review-panel').locator(`tr[data-indicator="${indicator}"]`).first();

describe('importing reports in the browser', () => {
  it('imports a .txt, a .docx and a text PDF, reviews values, keeps the review across a reload, publishes it', async () => {
    const { page, errors } = await importPage();
    await page.getByTestId('nav-import').waitFor();
    await page.getByTestId('import-input').setInputFiles(files);
    await page.getByTestId('review-panel').waitFor({ timeout: 30_000 });
    // The PDF gets its own message; the two reports are imported.
    await expect
      .poll(() => page.getByTestId('import-problems').textContent())
      .toContain('scan.pdf');
    const problems = (await page.getByTestId('import-problems').textContent()) ?? '';
    expect(problems).toMatch(/scan\.pdf\s*PDF 共 1 页，但没有文字层（扫描件）/);
    expect(problems).toMatch(/加密\.docx\s*\.docx 文件设有密码（已加密），无法读取/);
    expect(problems).toMatch(/全年汇编\.txt\s*文件过大（200 MB）/);
    expect(problems).toMatch(/会议通知\.txt\s*正文中既没有乡镇名称，也没有任何指标数值/);
    // Said in the page's language, as every other reason.
    expect(problems).toMatch(/空白\.txt\s*文件是空的/);
    const list = page.locator('.import-list li');
    await expect.poll(() => list.count()).toBe(3);
    expect(await list.filter({ hasText: '黄花店镇' }).textContent()).toContain('黄花店镇2024.pdf');
    expect(await page.locator('.local-banner').textContent()).toContain('尚未发布');
    expect(await accessibilityProblems(page)).toEqual([]);

    await list.filter({ hasText: '红格镇' }).locator('button').click();
    const panel = page.getByTestId('review-panel');
    await expect.poll(() => panel.locator('h3').textContent()).toContain('红格镇');
    expect(await panel.getByTestId('review-town').inputValue()).toBe('红格镇');
    expect(await panel.getByTestId('review-year').inputValue()).toBe('2023');
    // A place is checked as a name: markup is refused, said beside the field, and not saved.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const town = panel.getByTestId('review-town');
    await town.fill('<img src=x onerror=alert(1)>镇');
    await town.blur();
    await expect
      .poll(() => panel.getByTestId('review-town-message').textContent())
      .toBe('名称中不能有 “<”：名称只由文字、数字、空格和名称中的标点组成，未保存');
    expect(await town.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.locator('h3').textContent()).toContain('红格镇');
    await workspaceSaved(page);
    expect(await storedReview(page)).toContain('"town":"红格镇"');
    expect(await storedReview(page)).not.toContain('<img');
    expect(await panel.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // Each value beside its sentence, the phrase highlighted.
    const rate = row(page, 'mediation.success_rate');
    expect(await rate.locator('td').first().textContent()).toBe('99.5%');
    expect(await rate.getByTestId('source-highlight').textContent()).toContain('99.5%');
    await rate.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => rate.locator('.decision-status').textContent()).toBe('已确认');

    const cases = row(page, 'mediation.cases');
    await editFigure(cases, '610');
    await expect.poll(() => cases.locator('.decision-status').textContent()).toBe('已修改为 610件');

    // A missed figure, added by selecting the words that state it.
    await panel.locator('details.unused summary').click();
    const missed = (
      (await panel.locator('details.unused li button').first().textContent()) ?? ''
    ).trim();
    expect(missed).toMatch(/\d/);
    await panel.getByTestId('review-text').evaluate((root, words) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(words) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
    }, missed);
    // Only indicators the report does not state are offered.
    const offered = await panel
      .getByTestId('add-indicator')
      .locator('option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(offered).not.toContain('mediation.cases');
    expect(offered).toContain('enforcement.campaigns');
    await panel.getByTestId('add-indicator').selectOption('enforcement.campaigns');
    await panel.getByTestId('add-from-selection').click();
    const added = panel.locator('tr', { hasText: '人工添加' });
    await expect.poll(() => added.count()).toBe(1);
    expect(await added.getAttribute('data-indicator')).toBe('enforcement.campaigns');
    expect(await added.getByTestId('source-highlight').textContent()).toBe(missed);

    // Kept in this browser: a reload shows the same review (and the town as it was).
    await workspaceSaved(page);
    await page.reload();
    await page.getByTestId('import-view').waitFor();
    await page.locator('.import-list li').filter({ hasText: '红格镇' }).locator('button').click();
    expect(await page.getByTestId('review-town').inputValue()).toBe('红格镇');
    await expect
      .poll(() => row(page, 'mediation.cases').locator('.decision-status').textContent())
      .toBe('已修改为 610件');
    expect(
      await row(page, 'mediation.success_rate').locator('.decision-status').textContent(),
    ).toBe('已确认');
    expect(
      await page.getByTestId('review-panel').locator('tr', { hasText: '人工添加' }).count(),
    ).toBe(1);

    // Shown in the dashboard before it is published, marked local: as a new year here.
    const fill = async (field: string, value: string): Promise<void> => {
      await panel.getByTestId(field).fill(value);
      await panel.getByTestId(field).blur();
    };
    // Placed as published, it is the published report's town and year: said.
    expect(await panel.getByTestId('review-city').inputValue()).toBe('攀枝花市');
    const twin = panel.getByTestId('review-twin');
    await expect.poll(() => twin.textContent()).toContain('sichuan-yanbian-hongge-2023');
    await fill('review-year', '2025');
    await expect.poll(() => twin.count()).toBe(0);
    await page.goto(`${site.url}#/?y=2025&i=mediation.cases`);
    const chart = page.getByTestId('chart-ranking');
    await expect.poll(() => chart.textContent(), { timeout: 15_000 }).toContain('610件 ⌂');
    await page.locator('section.ranking').getByText('数据表').click();
    await page
      .locator('section.ranking')
      .getByRole('button', { name: /610件 ⌂/ })
      .click();
    const source = page.getByTestId('source-panel');
    await expect.poll(() => source.textContent()).toContain('红格镇');
    expect(await source.getByTestId('source-highlight').first().textContent()).toMatch(/\d/);
    // The town's profile has the new year beside the published ones.
    await page.goto(`${site.url}#/?v=town&p=四川省/攀枝花市/盐边县/红格镇`);
    const profile = page.getByTestId('town-profile');
    await expect.poll(() => profile.locator('thead').textContent()).toContain('2025');
    expect(await profile.textContent()).toContain('610件 ⌂');
    // Its report list has the imported report, its text read in the app from this browser.
    const localReport = profile.locator('.report-list li').filter({ hasText: '本地导入' });
    expect(await localReport.textContent()).toContain('2025');
    await localReport.getByRole('button', { name: '查看全文' }).click();
    const fullText = page.getByTestId('full-text');
    await expect.poll(() => fullText.textContent()).toContain('调解矛盾纠纷208件');
    await fullText.getByRole('button', { name: '关闭全文' }).click();
    expect(await profile.locator('thead').textContent()).toContain('2023');
    await page.goto(`${site.url}#/?v=import`);
    await page.getByTestId('import-view').waitFor();
    await page.locator('.import-list li').filter({ hasText: '红格镇' }).locator('button').click();

    // The PDF is a revised version of the published Tianjin report: it replaces it.
    await page.locator('.import-list li').filter({ hasText: '黄花店镇' }).locator('button').click();
    await expect.poll(() => panel.locator('h3').textContent()).toContain('黄花店镇');
    await fill('review-county', '武清区');
    await expect.poll(() => twin.textContent()).toContain('tianjin-huanghuadian-2024');
    expect(await twin.textContent()).toContain('导入后，本报告将替换已发布的版本');

    // Published: one package, the whole data folder merged with the published data.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('publish-export').click(),
    ]);
    const zip = join(mkdtempSync(join(tmpdir(), 'rol-package-')), 'publish.zip');
    await download.saveAs(zip);
    await expect
      .poll(() => page.getByTestId('publish-status').textContent())
      .toContain('public/data/');
    const entries = unzipSync(new Uint8Array(readFileSync(zip)));
    const published = readdirSync(SAMPLE)
      .filter((n) => n.endsWith('.txt'))
      .map((n) => n.replace(/\.txt$/, ''));
    // The .docx and the PDF are published reports' towns and years: they take their ids.
    const ids = [...published, '红格镇2023'].sort();
    expect(
      Object.keys(entries)
        .filter((n) => n.startsWith('data/reports/') && n.endsWith('.txt'))
        .sort(),
    ).toEqual(ids.map((id) => `data/reports/${id}.txt`));
    // Every text in the one pack (fewer than TEXTS_PER_PACK reports).
    expect(Object.keys(entries).filter((n) => n.startsWith('public/data/texts/'))).toEqual([
      'public/data/texts/0.txt',
    ]);
    // The replaced report's text is the PDF's.
    const tianjin = strFromU8(
      entries['data/reports/tianjin-huanghuadian-2024.txt'] ?? new Uint8Array(),
    );
    expect(tianjin.replace(/\s/g, '')).toBe(
      readFileSync(join(SAMPLE, 'tianjin-huanghuadian-2024.txt'), 'utf8').replace(/\s/g, ''),
    );
    expect(tianjin).not.toBe(publishedText(join(siteRoot, 'data'), 'tianjin-huanghuadian-2024'));
    const corrections = strFromU8(entries['data/corrections.csv'] ?? new Uint8Array());
    expect(corrections).toContain('红格镇2023,mediation.cases,610,=,,,审核修改');
    expect(corrections).toMatch(
      /红格镇2023,enforcement\.campaigns,[\d.]+,[=~<>]+,\d+,\d+,审核人工添加/,
    );
    // The CLI on the package writes its data folder again, byte for byte.
    const { result, outDir } = await run({ inDir: zip, quiet: true });
    expect(result.exitCode).toBe(0);
    const site2 = mkdtempSync(join(tmpdir(), 'rol-published-site-'));
    cpSync(siteRoot, site2, { recursive: true });
    rmSync(join(site2, 'data'), { recursive: true });
    for (const [name, bytes] of Object.entries(entries)) {
      if (!name.startsWith('public/data/') || name.endsWith('/')) continue;
      const inData = name.slice('public/data/'.length);
      expect(strFromU8(bytes), inData).toBe(readFileSync(join(outDir, inData), 'utf8'));
      mkdirSync(dirname(join(site2, 'data', inData)), { recursive: true });
      writeFileSync(join(site2, 'data', inData), bytes);
    }
    const rows = tableRows(outDir, 'values');
    expect(
      rows.find((v) => v['report_id'] === '红格镇2023' && v['indicator'] === 'mediation.cases'),
    ).toMatchObject({ value: '610', correction: 'override', town: '红格镇', year: '2025' });
    expect(
      rows.filter((v) => v['report_id'] === '红格镇2023' && v['correction'] === 'add'),
    ).toHaveLength(1);

    // Published by copying: the site with the package's public/data as its data/
    // folder shows the review to a browser that never imported anything.
    const copied = await serveStatic(site2, '/import/published/');
    try {
      const reader = await browser.newPage();
      const readerErrors: string[] = [];
      reader.on('pageerror', (e) => readerErrors.push(e.message));
      await reader.goto(`${copied.url}#/?y=2025&i=mediation.cases`);
      const ranking = reader.getByTestId('chart-ranking');
      await expect.poll(() => ranking.textContent(), { timeout: 15_000 }).toContain('610件');
      expect(await ranking.textContent()).not.toContain('⌂');
      await reader.locator('section.ranking').getByText('数据表').click();
      await reader.locator('section.ranking').getByRole('button', { name: /610件/ }).click();
      const opened = reader.getByTestId('source-panel');
      await expect.poll(() => opened.textContent()).toContain('红格镇');
      expect(await opened.getByTestId('source-highlight').first().textContent()).toMatch(/\d/);
      // The published towns are all still there.
      await reader.goto(`${copied.url}#/?y=2023&i=mediation.cases`);
      await expect.poll(() => ranking.textContent(), { timeout: 15_000 }).toContain('474件');
      expect(readerErrors).toEqual([]);
      await reader.close();
    } finally {
      await copied.close();
    }

    // And can be discarded.
    await page.getByRole('button', { name: '丢弃全部本地导入' }).click();
    await expect.poll(() => page.locator('.import-list li').count()).toBe(0);
    await page.reload();
    await workspaceSaved(page);
    expect(await page.locator('.import-list li').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
    // A long walk through the importer, the dashboard and a published copy of the site.
  }, 60_000);

  it('reads a workspace an earlier version saved whole (texts included), and keeps it in two parts', async () => {
    const batch = await importFiles(
      [
        {
          name: '彭浦镇2023.txt',
          bytes: new Uint8Array(readFileSync(join(SAMPLE, 'shanghai-jingan-pengpu-2023.txt'))),
        },
      ],
      new Set(),
    );
    // As the earlier version kept it: the figures no rule used as objects, no source key.
    const legacy = batch.reports.map((r) => ({
      ...r,
      unused: Array.from({ length: unusedCount(r.unused) }, (_, i) => unusedFigureAt(r.unused, i)),
      values: r.values.map((v, i) => (i === 0 ? { ...v, decision: 'accepted' } : v)),
    }));
    const { page, errors } = await importPage();
    await storeEntry(page, 'rule-of-law-import-workspace', legacy);
    await page.reload();
    await page.getByTestId('review-panel').waitFor();
    expect(await page.getByTestId('review-town').inputValue()).toBe('彭浦镇');
    expect(await page.locator('.decision-status').first().textContent()).toBe('已确认');
    expect(await page.getByTestId('review-text').textContent()).toBe(batch.reports[0]?.text);
    await expect.poll(() => storedEntry(page, 'rule-of-law-import-workspace')).toBe('null');
    expect(await storedReview(page)).toContain('"town":"彭浦镇"');
    expect(await storedReview(page)).not.toContain('彭浦镇党委');
    // Its figures no rule used are still there to add from.
    await page.locator('details.unused summary').click();
    expect(await page.locator('details.unused li').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '丢弃全部本地导入' }).click();
    await expect.poll(() => page.locator('.import-list li').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('withdraws a computed rate, in the review, once a count it is computed from is edited', async () => {
    const { page, errors } = await importPage();
    await page.getByTestId('import-input').setInputFiles({
      name: '北格镇2024.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        '北格镇2024年法治政府建设情况报告\n全年共调解矛盾纠纷208件，成功调解207件。\n北格镇人民政府\n',
      ),
    });
    await page.getByTestId('review-panel').waitFor({ timeout: 30_000 });
    const rate = row(page, 'mediation.success_rate');
    // Computed, and said so.
    expect(await rate.locator('td').first().textContent()).toBe('99.52% ∑ 由两个数字计算');
    await rate.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => rate.locator('.decision-status').textContent()).toBe('已确认');
    const cases = row(page, 'mediation.cases');
    await editFigure(cases, '210');
    // 207 of 208 is not the rate of 210: withdrawn, as the dashboard and the package drop it.
    await expect
      .poll(() => rate.locator('.decision-status').textContent())
      .toBe('已撤销：计算所依据的数字已修改或驳回，不会显示或发布');
    expect(await rate.getAttribute('class')).toBe('decision-withdrawn');
    await page.getByRole('button', { name: '丢弃全部本地导入' }).click();
    await expect.poll(() => page.locator('.import-list li').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('imports files dropped on the drop zone', async () => {
    const { page, errors } = await importPage();
    const text = readFileSync(join(SAMPLE, 'shanghai-jingan-pengpu-2023.txt'), 'utf8');
    // A drop as the browser makes it from a file manager: a DataTransfer holding the file.
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], '彭浦镇2023.txt', { type: 'text/plain' }));
      return transfer;
    }, text);
    const zone = page.locator('.drop-zone');
    await zone.dispatchEvent('dragover', { dataTransfer });
    expect(await zone.getAttribute('class')).toContain('drop-zone-active');
    await zone.dispatchEvent('drop', { dataTransfer });
    await page.getByTestId('review-panel').waitFor({ timeout: 30_000 });
    expect(await page.locator('.import-list li').textContent()).toContain('彭浦镇2023.txt');
    expect(await page.getByTestId('review-town').inputValue()).toBe('彭浦镇');
    await page.getByRole('button', { name: '丢弃全部本地导入' }).click();
    await expect.poll(() => page.locator('.import-list li').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
