/**
 * `npm run bench:web [-- --runs 5]`
 *
 * Builds the dashboard and a plain Vite + React + full-ECharts page drawing
 * the same chart, serves both under a sub-path, and measures in headless
 * Chromium (Debian's) with a cold cache, at 1× and 4× CPU throttling:
 *  - JS before first paint (what index.html loads) and before the first chart,
 *    raw and gzip;
 *  - time to the `first-chart` performance mark (median of the runs).
 * Both pages are measured in the same run so their ratio is meaningful.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/server';
import { buildSite } from '../test/e2e/site';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

async function buildPlain(dataDir: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'rol-plain-'));
  await build({
    configFile: false,
    root: join(import.meta.dirname, 'bench-web', 'plain'),
    base: './',
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  cpSync(dataDir, join(outDir, 'data'), { recursive: true });
  return outDir;
}

interface Sizes {
  raw: number;
  gzip: number;
}

function sizeOf(root: string, paths: readonly string[]): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const p of paths) {
    const bytes = readFileSync(join(root, p));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/**
 * Scripts that must run before the first paint: the entry and its static
 * imports. Chunks marked data-lazy are preloaded in parallel but run later.
 */
function initialScripts(root: string): string[] {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script|link)[^>]*(?:src|href)="\.\/(assets\/[^"]+\.js)"[^>]*>/g)]
    .filter((m) => !m[0].includes('data-lazy'))
    .map((m) => m[1] ?? '');
}

interface Measure {
  ms: number;
  scripts: string[];
}

/** One cold load in a fresh browser context (no cache, no state) of a shared browser. */
async function measure(browser: Browser, url: string, throttle: number): Promise<Measure> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, null, {
      timeout: 60_000,
    });
    return await page.evaluate(() => {
      const mark = performance.getEntriesByName('first-chart')[0];
      const at = mark?.startTime ?? 0;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js') && (e as PerformanceResourceTiming).responseEnd <= at)
        .map((e) => new URL(e.name).pathname.replace(/^.*\/assets\//, 'assets/'));
      return { ms: at, scripts };
    });
  } finally {
    await context.close();
  }
}

function median(list: readonly number[]): number {
  const s = [...list].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

const siteDir = await buildSite();
const plainDir = await buildPlain(join(siteDir, 'data'));
const pages = [
  { name: 'dashboard', dir: siteDir },
  { name: 'plain page', dir: plainDir },
];
console.log(`median of ${runs} cold loads each, headless Chromium, served under a sub-path`);
console.log('(the two pages are measured alternately, so drift on a shared machine hits both)\n');
const servers = await Promise.all(pages.map((p) => serveStatic(p.dir, '/bench/site/')));
const browser = await launchBrowser();
// A first load warms the browser process itself (not the pages' caches).
await measure(browser, servers[0]?.url ?? '', 1);
const times: Record<string, Record<number, number[]>> = {};
const beforeChart: Record<string, Sizes> = {};
for (const throttle of [1, 4]) {
  for (let i = 0; i < runs; i++) {
    for (const [k, p] of pages.entries()) {
      const m = await measure(browser, servers[k]?.url ?? '', throttle);
      const byThrottle = (times[p.name] ??= {});
      (byThrottle[throttle] ??= []).push(m.ms);
      beforeChart[p.name] = sizeOf(p.dir, [...new Set(m.scripts)]);
    }
  }
}
await browser.close();
await Promise.all(servers.map((s) => s.close()));
const results: Record<string, Record<number, number>> = {};
for (const p of pages) {
  const initial = sizeOf(p.dir, initialScripts(p.dir));
  const chart = beforeChart[p.name] ?? { raw: 0, gzip: 0 };
  const t = times[p.name] ?? {};
  results[p.name] = { 1: median(t[1] ?? []), 4: median(t[4] ?? []) };
  console.log(`${p.name}`);
  console.log(`  JS before first paint   ${kb(initial.raw)} raw, ${kb(initial.gzip)} gzip`);
  console.log(`  JS before first chart   ${kb(chart.raw)} raw, ${kb(chart.gzip)} gzip`);
  console.log(`  first chart, 1× CPU     ${results[p.name]?.[1]?.toFixed(0)} ms`);
  console.log(`  first chart, 4× CPU     ${results[p.name]?.[4]?.toFixed(0)} ms`);
}
const d = results['dashboard'] ?? {};
const b = results['plain page'] ?? {};
console.log(
  `\nratio dashboard / plain: ${((d[1] ?? 0) / (b[1] ?? 1)).toFixed(2)} at 1×, ${((d[4] ?? 0) / (b[4] ?? 1)).toFixed(2)} at 4×`,
);
