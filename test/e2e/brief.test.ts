/**
 * The brief (简报) on the bundled sample, as a county leader reads it: the
 * highest and lowest towns of each category as worked out from the data
 * files, the sample's one year per town said plainly, the towns with no
 * report this year, every figure one click from its sentence, in both
 * languages, accessible. The demo county's brief is in demo.test.ts.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { accessibilityProblems } from './axe';
import { expectEndsAsInData, openEveryFigure, quotes } from './brief-check';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { pageSettled } from './settled';
import { buildSite } from './site';

let browser: Browser;
let site: StaticSite;
let data: string;

beforeAll(async () => {
  const root = await buildSite();
  data = join(root, 'data');
  site = await serveStatic(root, '/brief/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openBrief(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}#/?v=brief${query}`);
  await page.getByTestId('brief').waitFor();
  await pageSettled(page);
  expect(errors).toEqual([]);
  return page;
}

describe('the brief on the bundled sample', () => {
  it('is a view of its own in the navigation, from the page drawn before React on', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(site.url);
    await page.getByTestId('nav-brief').click();
    await page.getByTestId('brief').waitFor();
    expect(page.url()).toContain('v=brief');
    expect(await page.getByTestId('nav-brief').getAttribute('aria-current')).toBe('page');
    await page.close();
  });

  it('names the highest and lowest towns of each category as the data files give them', async () => {
    const page = await openBrief();
    const named = await expectEndsAsInData(page, data);
    // As a reader checks it: 100余 events are surely more than 25, 608 disputes not surely more than 190余.
    const publicity = page.getByTestId('brief-publicity');
    expect(await publicity.getByTestId('brief-highest').textContent()).toMatch(
      /^最多段园镇 ≥100场/,
    );
    expect(await publicity.getByTestId('brief-lowest').textContent()).toMatch(/^最少黄花店镇 25场/);
    const mediation = page.getByTestId('brief-mediation');
    expect(await mediation.getByTestId('brief-highest').count()).toBe(0);
    expect(await mediation.getByTestId('brief-unordered').getByTestId('brief-figure').count()).toBe(
      2,
    );
    // 100余 events are surely more than 25: some category is ranked.
    expect(named).toBeGreaterThan(0);
    await page.close();
  });

  it('says no town has two years yet, and names the towns with no report this year', async () => {
    const page = await openBrief();
    expect(await page.getByTestId('brief-one-year').textContent()).toBe(t('zh', 'briefOneYear'));
    // Nothing is said to have risen or fallen.
    expect(await page.getByTestId('brief-rise').count()).toBe(0);
    expect(await page.getByTestId('brief-fall').count()).toBe(0);
    const missing = await page.getByTestId('brief-missing-town').allTextContents();
    expect(missing.sort()).toEqual(['彭浦镇', '紫兴街道', '红格镇'].sort());
    // A town with no report opens its profile.
    await page.getByTestId('brief-missing-town').filter({ hasText: '红格镇' }).click();
    await page.getByTestId('town-profile').waitFor();
    expect(await page.getByTestId('town-profile').locator('h2').textContent()).toContain('红格镇');
    await page.close();
  });

  it('lists warning signs only where the figure settles them, and states its threshold', async () => {
    const page = await openBrief();
    const warnings = page.getByTestId('brief-warnings');
    // 段园镇 closed 93.15% of its petitions: below 95%.
    const closure = warnings.getByTestId('brief-sign-petition-closure-low');
    expect(await closure.textContent()).toContain('信访办结率低于95%');
    expect(await closure.getByTestId('brief-figure').allTextContents()).toEqual(['段园镇 93.15%']);
    // A figure no report states is not checked, and the brief says so.
    expect(await warnings.textContent()).toContain(t('zh', 'briefWarningsChecked'));
    // No town has an earlier report: whether petitions rose cannot be told, not "not seen".
    expect(await warnings.getByTestId('brief-quiet-petition-cases-rising').textContent()).toContain(
      t('zh', 'briefSignUnknownRising'),
    );
    await page.close();
  });

  it('opens the sentence of every figure it shows', async () => {
    const page = await openBrief();
    const opened = await openEveryFigure(page, quotes(data));
    expect(opened).toBeGreaterThan(8);
    await page.close();
  });

  it('says the same in English', async () => {
    const page = await openBrief('&l=en');
    const brief = page.getByTestId('brief');
    expect(await brief.locator('h2').textContent()).toMatch(/^Brief · \d{4}$/);
    expect(await page.getByTestId('brief-one-year').textContent()).toBe(t('en', 'briefOneYear'));
    expect(await brief.getByTestId('brief-mediation').textContent()).toContain('Dispute mediation');
    expect(await brief.textContent()).not.toMatch(/[{}]/);
    await page.close();
  });

  it('has no serious accessibility problem', async () => {
    const page = await openBrief();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });
});
