import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/server';
import { buildSite } from '../test/e2e/site';
const site = await buildSite();
rmSync(join(site, 'data'), { recursive: true });
cpSync('/work/main/.bench/province-data', join(site, 'data'), { recursive: true });
const server = await serveStatic(site, '/bench/site/');
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('requestfailed', (r) => console.log('failed:', r.url()));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE ?? 1) });
const t0 = Date.now();
await page.goto(server.url + (process.argv[2] ?? ''));
try {
  await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, null, { timeout: 60000 });
  console.log('first chart', await page.evaluate(() => performance.getEntriesByName('first-chart')[0]?.startTime));
} catch { console.log('no first chart'); }
await page.waitForLoadState('networkidle');
console.log('idle after', Date.now() - t0);
await page.screenshot({ path: '/work/scratch/prov.png' });
console.log(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => `${e.name.replace(/^.*\/site\//, '')} ${Math.round(e.startTime)}-${Math.round((e as PerformanceResourceTiming).responseEnd)}`).join('\n')));
await browser.close(); await server.close();
