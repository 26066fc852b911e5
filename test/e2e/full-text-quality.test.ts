/**
 * A report's full text read in the app, and the data quality page, under a
 * server that sends text files with no charset (text/plain, text/csv: what
 * Python's http.server and many intranet servers send), where a raw .txt
 * opened in a tab shows mojibake, and that ignores Range requests, as
 * Python's does: a report's text is cut out of its whole pack.
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
  site = await serveStatic(await buildSite(), '/sub/path/', { charset: false, ranges: false });
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
    ['data/texts/0.txt', 'text/plain'],
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

describe('the data quality page', () => {
  const GUIZHOU = 'guizhou-kaiyang-zixing-2021';

  it('says what it found in the page’s language, and warns of a report with few figures', async () => {
    const page = await open('#/?v=quality', '[data-testid="quality-page"] tbody tr');
    const table = page.getByTestId('quality-page');
    const row = (id: string) => table.locator('tbody tr').filter({ hasText: id });
    // The sample with 1 figure found and 43 numbers left unused.
    expect(await row(GUIZHOU).getAttribute('class')).toBe('status-warning');
    expect(await row(GUIZHOU).textContent()).toContain('需核对');
    expect(await row(GUIZHOU).textContent()).toContain(
      '只找到 1 个指标数值，另有 43 个数字未使用，请核对',
    );
    expect(await row('shanghai-jingan-pengpu-2023').textContent()).toContain(
      '签发日期：末尾几行中未找到；标题：开头没有标题行',
    );
    // The others read as they are.
    expect(await table.locator('tbody tr.status-warning').count()).toBe(1);
    expect(await table.textContent()).not.toMatch(/no signing date|no title line|figure/);
    // In English, the same notes in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => row('shanghai-jingan-pengpu-2023').textContent())
      .toContain('published: no signing date in the last lines; title: no title line at the top');
    expect(await row(GUIZHOU).textContent()).toContain(
      'only 1 figure found and 43 numbers left unused: check the report',
    );
    await page.close();
  });

  it('opens a report’s unused numbers when asked, each in its sentence with why', async () => {
    const from = site.requests.length;
    const page = await open('#/?v=quality', '[data-testid="quality-page"] tbody tr');
    // The data files the page asked for.
    const made = (): string[] =>
      site.requests
        .slice(from)
        .filter((r) => r.startsWith('/sub/path/data/'))
        .map((r) => r.replace('/sub/path/data/', ''));
    // Nothing of them at page load.
    expect(made().some((r) => r.includes('unused') || r.startsWith('texts/'))).toBe(false);
    const atClick = made().length;
    const row = page.getByTestId('quality-page').locator('tbody tr').filter({ hasText: GUIZHOU });
    await row.getByTestId('open-unused').click();
    const panel = page.getByTestId('unused-panel');
    await expect.poll(() => panel.locator('li').count()).toBe(43);
    // Only the report's text (its range of its pack; this server sends the
    // whole pack): its numbers are read off it in the page.
    expect(made().slice(atClick)).toEqual(['texts/0.txt']);
    expect(site.ranged.at(-1)).toMatch(/^\/sub\/path\/data\/texts\/0\.txt bytes=[1-9]\d*-\d+$/);
    // As many as the run counted: the data was extracted by the page's own rules.
    expect(await panel.getByTestId('unused-other-rules').count()).toBe(0);
    expect(await panel.locator('.source-title').textContent()).toBe(
      '紫兴街道2021年度法治政府建设工作报告',
    );
    // A number marked in its sentence, with why no rule took it.
    const item = panel.locator('li').filter({ hasText: '今年以来4个村居举办法治宣传12场次' });
    expect(await item.locator('mark').textContent()).toBe('4个');
    expect(await item.locator('.unused-reason').textContent()).toContain('无规则匹配');
    expect(await accessibilityProblems(page)).toEqual([]);
    // Only those no rule matched: the five the table counts.
    await panel.getByLabel(/只看无规则匹配的数字/).check();
    await expect.poll(() => panel.locator('li').count()).toBe(5);
    expect(await panel.locator('.unused-reason').allTextContents()).toEqual(
      Array(5).fill(' 无规则匹配'),
    );
    // Escape closes it, and the button that opened it has the focus again.
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'open-unused',
    );
    await page.close();
  });

  it('says so when the numbers read off the text are not those the data folder counts', async () => {
    // A data folder written by other rules: its reports.csv counts 44 unused numbers where
    // this page's rules read 43 off the text.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route('**/data/reports.csv', async (route) => {
      const response = await route.fetch();
      const lines = (await response.text()).split('\n');
      const header = (lines[0] ?? '').split(',');
      const column = header.indexOf('unused');
      const body = lines
        .map((line) => {
          if (!line.startsWith(`${GUIZHOU},`)) return line;
          const cells = line.split(',');
          cells[column] = String(Number(cells[column]) + 1);
          return cells.join(',');
        })
        .join('\n');
      await route.fulfill({ response, body });
    });
    await page.goto(`${site.url}#/?v=quality`);
    const row = page.getByTestId('quality-page').locator('tbody tr').filter({ hasText: GUIZHOU });
    await row.getByTestId('open-unused').click();
    const panel = page.getByTestId('unused-panel');
    await expect.poll(() => panel.locator('li').count()).toBe(43);
    expect(await panel.getByTestId('unused-other-rules').textContent()).toBe(
      '本页从原文读出 43 个，数据文件记为 44 个：数据由另一版本的规则提取，请重新运行提取。',
    );
    await page.close();
  });

  it('opens only the numbers no rule matched from their count', async () => {
    const page = await open('#/?v=quality', '[data-testid="quality-page"] tbody tr');
    const row = page
      .getByTestId('quality-page')
      .locator('tbody tr')
      .filter({ hasText: 'shanghai-jingan-pengpu-2023' });
    await row.getByTestId('open-no-rule').click();
    const panel = page.getByTestId('unused-panel');
    await expect.poll(() => panel.locator('li').count()).toBe(10);
    expect(await panel.getByLabel(/只看无规则匹配的数字/).isChecked()).toBe(true);
    await page.close();
  });
});
