import { cpSync, existsSync, rmSync } from 'node:fs';
import { launchBrowser } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/server';
import { buildSite } from '../test/e2e/site';

const site = process.env.SITE && existsSync(process.env.SITE) ? process.env.SITE : await buildSite();
if (!process.env.SITE) { rmSync(site + '/data', { recursive: true }); cpSync('/tmp/prov-data', site + '/data', { recursive: true }); console.log('SITE=' + site); }
const server = await serveStatic(site, '/b/');
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.T ?? 1) });
const t0 = Date.now();
let samples: string[] = []; let peak = 0; let sampling = true;
const sampler = (async () => { while (sampling) { try { const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number }; peak = Math.max(peak, u.usedSize); samples.push(`${Date.now() - t0}:${(u.usedSize / 1e6).toFixed(1)}`); } catch {} await new Promise((r) => setTimeout(r, 25)); } })();
const reqs: string[] = [];
page.on('request', (r) => reqs.push(`${Date.now() - t0} ${r.url().replace(server.url, '')}`));
await page.goto(server.url);
await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, null, { timeout: 120000 });
await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, null, { timeout: 120000 });
await page.waitForTimeout(300);
sampling = false; await sampler;
console.log('peak', (peak / 1e6).toFixed(1), 'MB (1e6)');
console.log(samples.filter((_, i) => i % 3 === 0).join(' '));
await cdp.send('HeapProfiler.collectGarbage'); const after = (await cdp.send('Runtime.getHeapUsage')) as any; console.log('after GC', (after.usedSize/1e6).toFixed(1));
console.log(reqs.length, 'requests'); 
if (process.env.SNAP) {
  let chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const snap = JSON.parse(chunks.join(''));
  const f = snap.snapshot.meta.node_fields as string[]; const types = snap.snapshot.meta.node_types[0] as string[];
  const n = f.length; const nodes = snap.nodes as number[]; const strings = snap.strings as string[];
  const ti = f.indexOf('type'), ni = f.indexOf('name'), si = f.indexOf('self_size');
  const agg = new Map<string, [number, number]>(); let total = 0;
  for (let i = 0; i < nodes.length; i += n) {
    const type = types[nodes[i + ti]!]!; const name = type === 'object' || type === 'native' ? strings[nodes[i + ni]!]! : type;
    const size = nodes[i + si]!; total += size;
    const a = agg.get(name) ?? [0, 0]; a[0] += size; a[1]++; agg.set(name, a);
  }
  console.log('live total', (total / 1e6).toFixed(1), 'MB');
  for (const [k, [s, c]] of [...agg].sort((a, b) => b[1][0] - a[1][0]).slice(0, 30)) console.log((s / 1e6).toFixed(2).padStart(8), String(c).padStart(8), k.slice(0, 80));
}
await browser.close(); await server.close();
