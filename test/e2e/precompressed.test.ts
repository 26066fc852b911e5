/**
 * A data folder written with `--gzip`, served as nginx's `gzip_static on`
 * serves it: each file the page fetches goes out as its gzip copy, and the
 * dashboard reads it as it reads the file itself.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/cli/run';
import { captureOutput, options } from '../helpers';
import { clickBar } from './bars';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { buildSite } from './site';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  const siteDir = await buildSite();
  // The site's data folder written again, with the copies.
  const result = await runExtract(
    options({ outDir: join(siteDir, 'data'), quiet: true, gzip: true }),
    captureOutput(),
  );
  if (result.exitCode !== 0) throw new Error(`extraction failed with ${result.exitCode}`);
  site = await serveStatic(siteDir, '/intranet/dashboard/', { gzipStatic: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const STEP_MS = 15_000;

describe('a data folder with gzip copies, served precompressed', () => {
  it('draws the ranking and opens a bar’s sentence from the compressed files', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url, { timeout: STEP_MS });
    await clickBar(page, '段园镇', STEP_MS);
    await expect
      .poll(() => page.getByTestId('source-highlight').textContent(), { timeout: STEP_MS })
      .toBe('调解矛盾纠纷608件');
    expect(errors).toEqual([]);
    // Each kind of file the page read came as its copy.
    const data = '/intranet/dashboard/data/';
    expect(site.compressed).toContain(`${data}index.json`);
    expect(site.compressed).toContain(`${data}indicators/mediation.cases/2024.csv`);
    // But a report's text, asked as a range of its pack: a browser asks for a
    // range unencoded, so a server's gzip copy (whose bytes the range would
    // count) is not what comes.
    expect(site.ranged.some((r) => r.startsWith(`${data}texts/0.txt bytes=`))).toBe(true);
    expect(site.compressed).not.toContain(`${data}texts/0.txt`);
    expect(site.compressed.some((p) => p.startsWith(`${data}first-chart/`))).toBe(true);
    await page.close();
  });
});
