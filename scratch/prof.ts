import { launchBrowser } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/server';
const server = await serveStatic(process.env.SITE!, '/b/');
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
const page = await context.newPage();
await page.addInitScript(() => { const w = window as any; w.__tasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.T ?? 4) });
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(server.url + (process.env.HASH ?? ''));
await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, null, { timeout: 120000 });
await page.waitForLoadState('networkidle'); await page.waitForTimeout(300);
const { profile } = (await cdp.send('Profiler.stop')) as any;
const tasks = await page.evaluate(() => (window as any).__tasks);
const fc = await page.evaluate(() => performance.getEntriesByName('first-chart')[0]?.startTime);
console.log('first chart', fc, 'long tasks', JSON.stringify(tasks));
// Find sample windows: map each sample to time; find longest contiguous non-idle runs
const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
let t = profile.startTime; const times: number[] = []; for (const d of profile.timeDeltas) { t += d; times.push(t); }
// group contiguous non-idle samples into tasks
type Task = { start: number; end: number; self: Map<string, number>; stacks: Map<string, number> };
const tasksP: Task[] = []; let cur: Task | null = null;
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]); const name = n.callFrame.functionName;
  const idle = name === '(idle)';
  if (idle) { if (cur) { tasksP.push(cur); cur = null; } continue; }
  if (!cur) cur = { start: times[i]!, end: times[i]!, self: new Map(), stacks: new Map() };
  cur.end = times[i]!;
  const key = `${name || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  cur.self.set(key, (cur.self.get(key) ?? 0) + 1);
  // top-level-ish frame: walk to find a frame 3 below root
  let id = n.id; const chain: string[] = []; while (id !== undefined) { const nn = byId.get(id); chain.push(nn.callFrame.functionName || '(anon)'); id = parent.get(id)!; }
  const top = chain.reverse().slice(1, 6).join('>');
  cur.stacks.set(top, (cur.stacks.get(top) ?? 0) + 1);
}
if (cur) tasksP.push(cur);
tasksP.sort((a, b) => (b.end - b.start) - (a.end - a.start));
for (const k of tasksP.slice(0, 4)) {
  console.log(`\ntask ${((k.end - k.start) / 1000).toFixed(0)} ms at ${((k.start - profile.startTime) / 1000).toFixed(0)}`);
  for (const [n, c] of [...k.self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log('  ', (c * 0.2).toFixed(1), 'ms', n);
  for (const [n, c] of [...k.stacks].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log('   S', (c * 0.2).toFixed(1), 'ms', n);
}
await browser.close(); await server.close();
