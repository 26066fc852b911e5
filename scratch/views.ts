import { launchBrowser } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/server';
const server = await serveStatic(process.env.SITE!, '/b/');
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
for (const [name, label] of [['compare', '对比矩阵'], ['quality', '数据质量'], ['town', '乡镇档案']]) {
  await page.goto(server.url);
  await page.getByRole('button', { name: label }).click();
  const t0 = Date.now();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null && !document.body.textContent!.includes('加载中'), null, { timeout: 120000 }).catch(() => console.log(name, 'still loading'));
  console.log(name, Date.now() - t0, 'ms');
  await page.waitForTimeout(300);
  if (name !== 'town') { await page.locator('.virtual-scroll').first().evaluate((e) => { e.scrollTop = 20000; }).catch(() => console.log('no virtual scroll')); await page.waitForTimeout(300); }
  await page.screenshot({ path: `/tmp/view-${name}.png` });
}
await browser.close(); await server.close();
