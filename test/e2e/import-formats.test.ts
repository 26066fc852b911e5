/**
 * The browser importer reads the formats the CLI reads, in the worker the
 * site ships: the five sample reports saved by Word 97–2003 (.doc: the reader
 * runs on the worker build's Buffer and stream polyfills, vite.config.ts), a
 * government portal's page saved as GBK .html, and a page Chromium itself
 * saved as one file (.mhtml). Each gives the town, year and values the CLI
 * finds in the .txt original (its committed output, test/golden/samples) and
 * the text Node reads from the same bytes; a damaged .doc in the batch is
 * listed with why, and the rest is imported.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_EXTENSIONS } from '../../src/documents/extensions';
import { importFiles } from '../../src/importer/workspace';
import { readCsv } from '../helpers';
import { portalPage, PORTAL_CHROME } from '../importer/portal-page';
import { launchBrowser } from './browser';
import { openImportView } from './import-page';
import { serveStatic, type StaticSite } from './server';
import { buildSite } from './site';
import { storedReview } from './stored-review';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'data', 'reports');
const WORD97 = join(ROOT, 'test', 'fixtures', 'word97');
const GOLDEN = join(ROOT, 'test', 'golden', 'samples');
/** The sample saved from a portal as a GBK page, and the one Chromium saves as MHTML. */
const HTML_ID = 'tianjin-huanghuadian-2024';
const MHTML_ID = 'sichuan-yanbian-hongge-2023';
const DAMAGED = '损坏的报告.doc';

/** What the CLI found in a sample report: its town, its year, each value as `indicator=value`. */
interface Found {
  readonly town: string;
  readonly year: number | null;
  readonly values: readonly string[];
}

/** A report as the import view keeps it in this browser (the fields read here). */
interface StoredReport {
  readonly file: string;
  readonly format: string;
  readonly encoding: string;
  readonly metadata: { readonly town: string; readonly year: number | null };
  readonly values: readonly { readonly indicator: string; readonly found: number | null }[];
}

function goldenFound(): Map<string, Found> {
  const values = readCsv(join(GOLDEN, 'indicators.csv'));
  return new Map(
    readCsv(join(GOLDEN, 'reports.csv')).map((r) => [
      r['report_id'] ?? '',
      {
        town: r['town'] ?? '',
        year: r['year'] === '' ? null : Number(r['year']),
        values: values
          .filter((v) => v['report_id'] === r['report_id'] && v['value'] !== '')
          .map((v) => `${v['indicator']}=${Number(v['value'])}`)
          .sort(),
      },
    ]),
  );
}

const foundIn = (r: StoredReport): Found => ({
  town: r.metadata.town,
  year: r.metadata.year,
  values: r.values.map((v) => `${v.indicator}=${v.found}`).sort(),
});

const idOf = (file: string): string => basename(file, extname(file));

let browser: Browser;
let site: StaticSite;
let portal: StaticSite;
let dir: string;
const golden = goldenFound();
/** The sample reports, each a .doc in test/fixtures/word97. */
const IDS = [...golden.keys()].sort();

beforeAll(async () => {
  site = await serveStatic(await buildSite(), '/import-formats/site/');
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'rol-import-formats-'));
  const sample = (id: string): string => readFileSync(join(SAMPLE, `${id}.txt`), 'utf8');
  writeFileSync(
    join(dir, `${HTML_ID}.html`),
    portalPage(sample(HTML_ID), { charset: 'gbk', declared: true }),
  );
  // A page as a portal serves it, saved by Chromium as one file ("网页，单个文件").
  const pages = join(dir, 'portal');
  mkdirSync(pages);
  writeFileSync(join(pages, 'content_4410.html'), portalPage(sample(MHTML_ID)));
  portal = await serveStatic(pages, '/zwgk/fzzfjs/');
  const page = await browser.newPage();
  await page.goto(`${portal.url}content_4410.html`);
  const cdp = await page.context().newCDPSession(page);
  const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
  writeFileSync(join(dir, `${MHTML_ID}.mhtml`), data);
  await page.close();
  // A download cut short: the Word file's first 8 KB.
  writeFileSync(join(dir, DAMAGED), readFileSync(join(WORD97, `${IDS[0]}.doc`)).subarray(0, 8192));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await portal?.close();
});

/** The files imported through the file picker of a fresh browser profile; the page once done. */
async function imported(
  paths: readonly string[],
  reports: number,
): Promise<{ page: Page; errors: string[]; stored: StoredReport[] }> {
  const { page, errors } = await openImportView(browser, site.url);
  await page.getByTestId('import-input').setInputFiles([...paths]);
  // Done when each file is imported or listed as not imported.
  const list = page.locator('.import-list li');
  const problems = page.getByTestId('import-problems').locator('li');
  await expect
    .poll(async () => (await list.count()) + (await problems.count()), { timeout: 30_000 })
    .toBe(paths.length);
  expect(await list.count(), (await problems.allTextContents()).join('\n')).toBe(reports);
  await expect
    .poll(async () => (JSON.parse(await storedReview(page)) as unknown[]).length)
    .toBe(reports);
  return { page, errors, stored: JSON.parse(await storedReview(page)) as StoredReport[] };
}

/** The text the review shows for the report imported from `file`, once it is `expected`. */
async function shownText(page: Page, file: string, expected: string): Promise<string> {
  await page.locator('.import-list li').filter({ hasText: file }).locator('button').click();
  const text = page.getByTestId('review-panel').getByTestId('review-text');
  await expect.poll(() => text.textContent(), { message: file }).toBe(expected);
  return (await text.textContent()) ?? '';
}

/** The text Node reads from the same file (the CLI's reading, src/documents). */
async function textInNode(path: string): Promise<string> {
  const batch = await importFiles(
    [{ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }],
    new Set(),
  );
  return batch.reports[0]?.text ?? '';
}

describe('the importer reads Word 97–2003 files and saved web pages', () => {
  it('offers every report format in the file picker and names them in the hint', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}#/?v=import`);
    const input = page.getByTestId('import-input');
    const accept = ((await input.getAttribute('accept')) ?? '').split(',');
    expect(accept).toEqual([...REPORT_EXTENSIONS]);
    expect(accept).toEqual(expect.arrayContaining(['.doc', '.docx', '.mhtml', '.mht', '.html']));
    const hint = (await page.locator('.drop-zone .hint').textContent()) ?? '';
    for (const named of ['.docx', '.doc', 'PDF', '.txt', '.html', '.htm', '.mhtml', '.mht']) {
      expect(hint).toContain(named);
    }
    await context.close();
  });

  it('imports the five .doc samples as the CLI reads their .txt, and lists a damaged .doc with why', async () => {
    const docs = IDS.map((id) => join(WORD97, `${id}.doc`));
    expect(IDS).toHaveLength(5);
    const { page, errors, stored } = await imported([...docs, join(dir, DAMAGED)], IDS.length);
    const problems = page.getByTestId('import-problems');
    expect(await problems.locator('li').count()).toBe(1);
    expect(await problems.locator('li').textContent()).toMatch(
      new RegExp(
        `^${DAMAGED.replace('.', '\\.')}\\s*不是有效的 \\.doc 文件（已损坏，或是改了扩展名的其他文件）`,
      ),
    );
    expect(stored.map((r) => r.file).sort()).toEqual(IDS.map((id) => `${id}.doc`));
    for (const report of stored) {
      expect(report.format, report.file).toBe('doc');
      expect(foundIn(report), report.file).toEqual(golden.get(idOf(report.file)));
    }
    // Text for text as Node reads the same files.
    for (const path of docs) await shownText(page, basename(path), await textInNode(path));
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('imports a portal page saved as GBK .html and one Chromium saved as .mhtml, without the portal around the report', async () => {
    const pages = [join(dir, `${HTML_ID}.html`), join(dir, `${MHTML_ID}.mhtml`)];
    const { page, errors, stored } = await imported(pages, 2);
    expect(await page.getByTestId('import-problems').count()).toBe(0);
    const byFile = new Map(stored.map((r) => [r.file, r]));
    expect(byFile.get(`${HTML_ID}.html`)).toMatchObject({ format: 'html', encoding: 'gbk' });
    expect(byFile.get(`${MHTML_ID}.mhtml`)).toMatchObject({ format: 'mhtml' });
    for (const report of stored) {
      expect(foundIn(report), report.file).toEqual(golden.get(idOf(report.file)));
    }
    for (const path of pages) {
      const text = await shownText(page, basename(path), await textInNode(path));
      for (const chrome of PORTAL_CHROME) expect(text, `${path}: ${chrome}`).not.toContain(chrome);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
