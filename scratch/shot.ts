import { launchBrowser } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/server';
const server = await serveStatic(process.env.SITE!, '/b/');
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
await page.goto(server.url + (process.env.HASH ?? ''));
await page.waitForLoadState('networkidle'); await page.waitForTimeout(800);
await page.screenshot({ path: process.env.OUT ?? '/tmp/shot.png', fullPage: !!process.env.FULL });
await browser.close(); await server.close();
