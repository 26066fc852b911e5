/**
 * Load problems said truthfully: an index that cannot be read means nothing
 * displays (not "the rest"); rows of towns the index lacks, and values their
 * indicator cannot hold, are named with their file; data built with another
 * catalog version is shown with a warning to rebuild it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_VERSION } from '../../src/catalog';
import { launchBrowser } from './browser';
import { serveStatic } from './server';
import { csvRows, restateSizes } from '../helpers';
import { buildSite } from './site';
import { pageSettled } from './settled';

let browser: Browser;
let siteDir = '';

beforeAll(async () => {
  siteDir = await buildSite();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The load-problems panel of a copy of the site that `change` edited first. */
async function panelOf(
  change: (data: string) => void,
  hash = '',
  act?: (page: Page) => Promise<void>,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rol-problems-'));
  cpSync(siteDir, dir, { recursive: true });
  change(join(dir, 'data'));
  const site = await serveStatic(dir, '/problems/');
  const page = await browser.newPage();
  try {
    await page.goto(`${site.url}${hash}`);
    const panel = page.getByTestId('load-errors');
    await panel.waitFor();
    await act?.(page);
    const zh = (await panel.textContent()) ?? '';
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => panel.textContent()).not.toBe(zh);
    return `${zh}\n${(await panel.textContent()) ?? ''}`;
  } finally {
    await page.close();
    await site.close();
  }
}

describe('load problems', () => {
  it.each([
    ['is not JSON', (data: string) => writeFileSync(join(data, 'index.json'), '{"format": 2,')],
    ['is missing', (data: string) => rmSync(join(data, 'index.json'))],
  ])('an index that %s: says nothing displays, naming the file', async (_, change) => {
    const text = await panelOf(change);
    expect(text).toContain('data/index.json 未能读取，因此没有任何数据可以显示');
    expect(text).toContain('data/index.json could not be read, so there is no data to show');
    // Not the bad-rows hint: there is no "rest" to show.
    expect(text).not.toContain('其余数据正常显示');
    expect(text).not.toContain('everything else is shown');
  });

  it('names rows of a town the index lacks, and a value its indicator cannot hold', async () => {
    const name = 'indicators/mediation.cases/2024.csv';
    let lines: string[] = [];
    const text = await panelOf((data) => {
      const csv = join(data, name);
      lines = readFileSync(csv, 'utf8')
        .split('\n')
        .filter((l) => l !== '');
      const first = lines[1] ?? '';
      // A town number past index.json's towns, and a negative count.
      lines.push(first.replace(/^[^,]+,\d+,/, 'ghost-2024,5,'));
      lines.push(first.replace(/^([^,]+,\d+),\d+,/, '$1,-5,'));
      writeFileSync(csv, `${lines.join('\n')}\n`);
      restateSizes(data);
    }, '#/?y=2024&i=mediation.cases');
    expect(text).toContain(`data/${name}:${lines.length - 1}`);
    expect(text).toContain('town_number 5 is not a town of index.json');
    expect(text).toContain(`data/${name}:${lines.length}`);
    expect(text).toContain('-5 is below 0件, which mediation.cases cannot be');
    // Rows were skipped: the rest displays, and the hint says so.
    expect(text).toContain('以下行未能读取，已跳过；其余数据正常显示');
    expect(text).toContain('These rows could not be read and were skipped');
  });

  it("a bad row of a card's file: named once, though the cards read it and then the ranking", async () => {
    const name = 'indicators/petition.cases/2024.csv';
    let line = 0;
    const text = await panelOf(
      (data) => {
        const csv = join(data, name);
        const lines = readFileSync(csv, 'utf8')
          .split('\n')
          .filter((l) => l !== '');
        lines.push((lines[1] ?? '').replace(/^([^,]+,\d+),\d+,/, '$1,-5,'));
        line = lines.length;
        writeFileSync(csv, `${lines.join('\n')}\n`);
        restateSizes(data);
      },
      '#/?y=2024&i=mediation.cases',
      async (page) => {
        // The petitions card (its figures read), then its ranking (the rows).
        await page.getByTestId('card-petition').click();
        await page.waitForFunction(() => location.hash.includes('i=petition.cases'));
        await pageSettled(page);
      },
    );
    const times = (s: string): number => text.split(s).length - 1;
    // Once in Chinese, once in English.
    expect(times(`data/${name}:${line}`)).toBe(2);
    expect(times('-5 is below 0件, which petition.cases cannot be')).toBe(2);
  });

  it('a file of another size than index.json lists: named, refused whole, the rest shown', async () => {
    const name = 'indicators/mediation.cases/2024.csv';
    const text = await panelOf((data) => {
      // Replaced after index.json was written (a folder copied over in part).
      writeFileSync(join(data, name), `${readFileSync(join(data, name), 'utf8')}\n`);
    }, '#/?y=2024&i=mediation.cases');
    expect(text).toContain(`data/${name} 有`);
    expect(text).toContain('请刷新页面');
    // Not "these rows": the whole file is not shown.
    expect(text).toContain('以下文件或行有问题：未能读取的部分未显示，其余数据正常显示');
    expect(text).toContain('Problems with these files or rows');
    expect(text).not.toContain('以下行未能读取');
  });

  it('data built with another catalog version: a warning naming index.json in each language, the data still shown', async () => {
    const text = await panelOf((data) => {
      const file = join(data, 'index.json');
      const index = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      writeFileSync(file, JSON.stringify({ ...index, catalog: 'v0' }));
    });
    expect(text).toContain(
      `data/index.json 这些数据由指标目录 v0 生成，本应用读取的是 ${CATALOG_VERSION}`,
    );
    expect(text).toContain(
      `data/index.json the data was built with catalog v0, this app reads ${CATALOG_VERSION}`,
    );
    // Nothing was skipped: the hint says so.
    expect(text).toContain('以下为提示，数据均已显示');
    expect(text).toContain('These are warnings: all the data is shown');
  });

  it.each([true, false])(
    'a source opened after the texts were replaced (a server that honours ranges: %s): says so, never another text',
    async (ranges) => {
      const dir = mkdtempSync(join(tmpdir(), 'rol-problems-'));
      cpSync(siteDir, dir, { recursive: true });
      const site = await serveStatic(dir, '/problems/', { ranges });
      const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
      try {
        await page.goto(`${site.url}#/?v=town&p=上海市/上海市/静安区/彭浦镇`);
        const profile = page.getByTestId('town-profile');
        await profile.waitFor();
        // Another run's pack in its place while the page was open: where this
        // report's text was, other words (a text that reads as one, longer).
        const row = csvRows(readFileSync(join(dir, 'data', 'reports.csv'), 'utf8')).find(
          (r) => r['report_id'] === 'shanghai-jingan-pengpu-2023',
        );
        const offset = Number(row?.['text_offset']);
        const length = Number(row?.['text_length']);
        const pack = join(dir, 'data', 'texts', '0.txt');
        const bytes = readFileSync(pack);
        const other = Buffer.from('another run. '.repeat(Math.ceil(length / 13) + 1));
        writeFileSync(
          pack,
          Buffer.concat([bytes.subarray(0, offset), other, bytes.subarray(offset + length)]),
        );
        await profile.getByRole('button', { name: /474件/ }).first().click();
        const panel = page.getByTestId('source-panel');
        await expect
          .poll(() => panel.textContent())
          .toContain('报告原文无法加载；若数据刚更新过，请刷新页面。');
        expect(await panel.getByTestId('source-highlight').count()).toBe(0);
        expect(site.ranged.some((r) => r.startsWith('/problems/data/texts/0.txt '))).toBe(true);
      } finally {
        await page.close();
        await site.close();
      }
    },
  );

  it('an export after the folder was replaced: its sentences of that file left empty, and said so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rol-problems-'));
    cpSync(siteDir, dir, { recursive: true });
    const site = await serveStatic(dir, '/problems/');
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    try {
      await page.goto(`${site.url}#/?v=compare&y=2024&c=petition&ym=year`);
      await page.getByTestId('compare-matrix').waitFor();
      // Replaced on the server while the page was open (another run, say).
      const name = 'indicators/petition.cases/2024.csv';
      writeFileSync(join(dir, 'data', name), `${readFileSync(join(dir, 'data', name), 'utf8')}\n`);
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-csv').click(),
      ]);
      const rows = csvRows(readFileSync(await file.path(), 'utf8'));
      const stated = rows.filter((r) => r['status'] === 'reported');
      const of = (id: string) => stated.filter((r) => r['indicator'] === id);
      // Its rows keep their values and report ids, with no sentence from another run.
      expect(of('petition.cases').length).toBeGreaterThan(0);
      for (const r of of('petition.cases')) {
        expect(r['value']).not.toBe('');
        expect(r['report_id']).not.toBe('');
        expect(r['quote']).toBe('');
      }
      // The other files' sentences are there.
      const others = stated.filter((r) => r['indicator'] !== 'petition.cases');
      expect(others.length).toBeGreaterThan(0);
      for (const r of others) expect(r['quote']).not.toBe('');
      const notice = page.getByTestId('export-unread');
      expect(await notice.textContent()).toContain(
        `1 个数据文件（data/${name}）的原文句子未能读取`,
      );
      expect(await notice.textContent()).toContain('请刷新页面后重新导出');
      await page.getByTestId('lang-switch').click();
      await expect
        .poll(() => notice.textContent())
        .toContain(`Exported without the sentences of 1 data file(s) (data/${name})`);
    } finally {
      await page.close();
      await site.close();
    }
  });
});
