import { launchBrowser } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/server';
const server = await serveStatic(process.env.SITE!, '/b/');
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
await page.goto(server.url);
await page.waitForLoadState('networkidle'); await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const r = await page.evaluate(`(() => {
  const inst = document.querySelector('[data-testid="chart-ranking"] > div').chart;
  const opt = inst.getOption();
  const n = opt.yAxis[0].data.length;
  const out = {n};
  for (const k of [1,2,3]) {
    let t0 = performance.now(); inst.clear(); inst.setOption(opt, true); inst.getZr().flush(); out['full'+k] = performance.now() - t0;
    const small = JSON.parse(JSON.stringify(opt));
    small.yAxis[0].data = small.yAxis[0].data.slice(n-40); small.series[0].data = small.series[0].data.slice(n-40); small.dataZoom = [];
    small.series[0].label.formatter = opt.series[0].label.formatter;
    t0 = performance.now(); inst.clear(); inst.setOption(small, true); inst.getZr().flush(); out['w40_'+k] = performance.now() - t0;
    const nolabel = JSON.parse(JSON.stringify(opt)); nolabel.series[0].label.show = false;
    t0 = performance.now(); inst.clear(); inst.setOption(nolabel, true); inst.getZr().flush(); out['nolabel'+k] = performance.now() - t0;
    const noshadow = JSON.parse(JSON.stringify(opt)); noshadow.series[0].label.formatter = opt.series[0].label.formatter; noshadow.dataZoom[0].showDataShadow = false;
    t0 = performance.now(); inst.clear(); inst.setOption(noshadow, true); inst.getZr().flush(); out['noshadow'+k] = performance.now() - t0;
  }
  return out;
})()`);
console.log(r);
await browser.close(); await server.close();
