/**
 * `npm run bench:import [-- --reports 50 --runs 3]`
 *
 * Drops N synthetic reports (half .txt, half .docx) on the built site's
 * Import view in headless Chromium (Debian's), at 1× and 4× CPU throttling,
 * and prints, as medians of the runs: the time until every report is listed
 * for review, the longest main-thread task meanwhile (the page must stay
 * responsive: the extraction runs in a worker), and how often the progress
 * bar moved; then the publish package of them all with the site's sample
 * data (fetched and extracted again in the worker): the time until it is
 * downloaded, the longest main-thread task meanwhile, and its size.
 * `--data DIR` publishes with that data folder instead (a county's, say).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/server';
import { buildSite } from '../test/e2e/site';
import { docxOf } from '../test/importer/docx';
import { csvRows } from '../test/helpers';
import { countyName, generateReport, seededRandom, townName } from './synth/generate';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    // A data folder (npm run extract --out) to publish with, instead of the sample data.
    data: { type: 'string' },
  },
});
const count = Number(values.reports);
const runs = Number(values.runs);

const dir = mkdtempSync(join(tmpdir(), 'rol-drop-'));
const r = seededRandom(7);
const county = countyName(r);
const files: string[] = [];
for (let i = 0; i < count; i++) {
  const report = generateReport(r, townName(r), county, 2024);
  const name = `synthetic-${String(i).padStart(3, '0')}`;
  const path = join(dir, i % 2 === 0 ? `${name}.txt` : `${name}.docx`);
  writeFileSync(path, i % 2 === 0 ? report.text : docxOf(report.text));
  files.push(path);
}

interface Run {
  ms: number;
  longestTask: number;
  progressSteps: number;
  listed: number;
  publishMs: number;
  publishLongestTask: number;
  packageBytes: number;
}

async function once(browser: Browser, url: string, throttle: number): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(`${url}#/?v=import`);
    await page.getByTestId('import-view').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number; __steps: number };
      w.__longest = 0;
      w.__steps = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask' });
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="import-progress"]') !== null) w.__steps++;
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['value'] });
    });
    const started = Date.now();
    await page.getByTestId('import-input').setInputFiles(files);
    await page.waitForFunction(
      (n) => document.querySelectorAll('.import-list li').length >= n,
      count,
      { timeout: 300_000 },
    );
    const ms = Date.now() - started;
    const result = await page.evaluate(() => {
      const w = window as unknown as { __longest: number; __steps: number };
      return { longestTask: w.__longest, progressSteps: w.__steps };
    });
    const listed = await page.locator('.import-list li').count();
    // Publishing: the package built in the worker, downloaded.
    await page.evaluate(() => {
      (window as unknown as { __longest: number }).__longest = 0;
    });
    const publishStarted = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.getByTestId('publish-export').click(),
    ]);
    const path = await download.path();
    const publishMs = Date.now() - publishStarted;
    const publishLongestTask = await page.evaluate(
      () => (window as unknown as { __longest: number }).__longest,
    );
    return {
      ms,
      ...result,
      listed,
      publishMs,
      publishLongestTask,
      packageBytes: statSync(path).size,
    };
  } finally {
    await context.close();
  }
}

const median = (list: readonly number[]): number => {
  const s = [...list].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

const siteDir = await buildSite();
if (values.data !== undefined) {
  rmSync(join(siteDir, 'data'), { recursive: true, force: true });
  cpSync(values.data, join(siteDir, 'data'), { recursive: true });
}
// The published reports with a text: what the package carries on beside the imports.
const published = csvRows(readFileSync(join(siteDir, 'data', 'reports.csv'), 'utf8')).filter(
  (r) => (r['text_file'] ?? '') !== '',
).length;
const site = await serveStatic(siteDir, '/bench/import/');
const browser = await launchBrowser();
console.log(
  `${count} synthetic reports dropped at once (${Math.ceil(count / 2)} .txt, ${Math.floor(count / 2)} .docx), median of ${runs} runs, headless Chromium`,
);
for (const throttle of [1, 4]) {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(browser, site.url, throttle));
  console.log(
    `  ${throttle}× CPU: all listed for review after ${median(results.map((x) => x.ms)).toFixed(0)} ms; ` +
      `longest main-thread task ${median(results.map((x) => x.longestTask)).toFixed(0)} ms; ` +
      `progress bar moved ${median(results.map((x) => x.progressSteps)).toFixed(0)} times; ` +
      `${median(results.map((x) => x.listed))} reports listed`,
  );
  console.log(
    `         publish package (these + ${published} published reports): downloaded after ` +
      `${median(results.map((x) => x.publishMs)).toFixed(0)} ms; longest main-thread task ` +
      `${median(results.map((x) => x.publishLongestTask)).toFixed(0)} ms; ` +
      `${(median(results.map((x) => x.packageBytes)) / 1024).toFixed(0)} KB`,
  );
}
await browser.close();
await site.close();
// The built site and the dropped files are not kept.
rmSync(siteDir, { recursive: true, force: true });
rmSync(dir, { recursive: true, force: true });
