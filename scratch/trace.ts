import { launchBrowser } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/server';
const server = await serveStatic(process.env.SITE!, '/b/');
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.T ?? 4) });
const events: any[] = [];
cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
await page.goto(server.url + (process.env.HASH ?? ''));
await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, null, { timeout: 120000 });
await page.waitForLoadState('networkidle'); await page.waitForTimeout(300);
await cdp.send('Tracing.end'); await done;
// main thread of renderer: find tid with most RunTask in renderer pid that has 'TracingStartedInBrowser'
const startedIn = events.find((e) => e.name === 'TracingStartedInBrowser');
const frames = startedIn?.args?.data?.frames ?? [];
const rendererPid = frames[0]?.processId;
const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const count = (m: any) => events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask').length;
const best = mains.sort((a, b) => count(b) - count(a))[0];
const mainTid = best.tid; const pid = best.pid;
const mt = events.filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X');
const tasks = mt.filter((e) => e.name === 'RunTask').sort((a, b) => b.dur - a.dur).slice(0, Number(process.env.N ?? 3));
const t0 = mt.filter((e) => e.name === 'RunTask').reduce((m, e) => Math.min(m, e.ts), Infinity);
for (const task of tasks) {
  console.log(`\nTASK ${(task.dur / 1000).toFixed(0)} ms at ${((task.ts - t0) / 1000).toFixed(0)}`);
  const inside = mt.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e !== task);
  // direct-ish children summary: by name with url of FunctionCall / EvaluateScript
  const agg = new Map<string, number>();
  for (const e of inside) {
    const d = e.args?.data ?? {};
    const key = `${e.name}${d.url ? ' ' + String(d.url).split('/').pop() : ''}${d.functionName ? ' ' + d.functionName : ''}${d.type ? ' ' + d.type : ''}`;
    agg.set(key, (agg.get(key) ?? 0) + e.dur);
  }
  for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log('  ', (v / 1000).toFixed(1).padStart(7), k);
}
await browser.close(); await server.close();
console.log(events.length, 'events', pid, mainTid, mt.length);
