import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAV } from '../../src/app/nav';
import { rankingTitle } from '../../src/features/ranking/ranking-chart';
import { t } from '../../src/i18n';
import { barPoint, clickBar } from './bars';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { chartSettled, pageSettled, scrolledTo } from './settled';
import { csvRows, padTo, restateSizes } from '../helpers';
import { buildSite, withLargeFiles } from './site';

let browser: Browser;
let site: StaticSite;
let siteDir = '';

beforeAll(async () => {
  siteDir = await buildSite();
  site = await serveStatic(siteDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The longest one step of a test waits (vitest's own limit per test is 30 s). */
const STEP_MS = 15_000;

async function open(path = '', ready = '[data-testid="chart-ranking"] svg'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}${path}`);
  await page.locator(ready).first().waitFor();
  expect(errors).toEqual([]);
  return page;
}

describe('dashboard in a real browser, served under a sub-path', () => {
  it('loads everything from its own folder and nothing from elsewhere', async () => {
    const before = site.requests.length;
    const page = await open();
    await page.waitForLoadState('networkidle');
    const made = site.requests.slice(before);
    expect(made.length).toBeGreaterThan(3);
    for (const path of made) expect(path.startsWith('/intranet/dashboard/')).toBe(true);
    // The index, then only the indicator on screen and the overview's headlines.
    expect(made).toContain('/intranet/dashboard/data/index.json');
    expect(made).toContain('/intranet/dashboard/data/indicators/mediation.cases/2024.csv');
    expect(made).not.toContain('/intranet/dashboard/data/indicators.csv');
    expect(made.filter((p) => p.includes('legal_advisor.opinions'))).toEqual([]);
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(site.url) && !r.url().startsWith('data:')) external.push(r.url());
    });
    await page.reload();
    await page.getByTestId('chart-ranking').locator('svg').first().waitFor();
    expect(external).toEqual([]);
    await page.close();
  });

  it.each([
    ['the default view, first as the data folder’s image', '', '段园镇', true],
    ['a link to another year, in English', '#/?y=2023&i=mediation.cases&l=en', '彭浦镇', false],
  ])(
    'draws the first chart before React and hands it over unmoved: %s',
    async (_name, path, town, imageFirst) => {
      const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(() => {
        type Seen = {
          svg: Element | null;
          image: boolean;
          top: number;
          left: number;
          react: boolean;
        };
        const w = window as unknown as { seen: Record<string, Seen> };
        w.seen = {};
        const look = (selector: string): Seen => {
          const svg = document.querySelector(selector);
          const image = document.querySelector('.chart img.first-chart-image');
          const rect = (svg ?? image)?.getBoundingClientRect();
          return {
            svg,
            image: image !== null,
            top: rect?.top ?? -1,
            left: rect?.left ?? -1,
            react: document.querySelector('[data-testid="chart-ranking"]') !== null,
          };
        };
        // When the first chart is marked, when a live chart is first drawn,
        // and when React's ranking first holds one (a mutation observer runs
        // before the next paint).
        new PerformanceObserver((list) => {
          if (list.getEntriesByName('first-chart').length > 0)
            w.seen['marked'] ??= look('.chart svg');
        }).observe({ type: 'mark' });
        new MutationObserver((_records, observer) => {
          if (document.querySelector('.chart svg') !== null) w.seen['live'] ??= look('.chart svg');
          if (document.querySelector('[data-testid="chart-ranking"] svg') === null) return;
          w.seen['react'] = look('[data-testid="chart-ranking"] svg');
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      // Each wait shorter than the test's own time: one that fails names what it waited for.
      await page.goto(`${site.url}${path}`, { timeout: STEP_MS });
      await page.locator('[data-testid="card-mediation"]').waitFor({ timeout: STEP_MS });
      // Every part of the page in place: a redraw of the ranking would have come by now.
      await pageSettled(page, STEP_MS);
      const result = await page.evaluate(() => {
        const w = window as unknown as {
          seen: Record<
            string,
            { svg: Element | null; image: boolean; top: number; left: number; react: boolean }
          >;
        };
        const final = document.querySelectorAll('[data-testid="chart-ranking"] svg');
        const { marked, live, react } = w.seen;
        return {
          reactAtMark: marked?.react,
          imageAtMark: marked?.image,
          drawnAtMark: marked?.svg != null,
          markedIsLive: marked?.svg != null && marked.svg === live?.svg,
          reactAtLive: live?.react,
          sameAtHandover: live?.svg != null && live.svg === react?.svg,
          sameAtEnd: final.length === 1 && final[0] === live?.svg,
          imagesLeft: document.querySelectorAll('img.first-chart-image').length,
          tops: [marked?.top, live?.top, react?.top, final[0]?.getBoundingClientRect().top],
          lefts: [marked?.left, live?.left, react?.left, final[0]?.getBoundingClientRect().left],
        };
      });
      expect(errors).toEqual([]);
      // Before React rendered anything: the data folder's image of the chart
      // (default page) or the live chart itself, then the same live element
      // throughout: taken over (not redrawn), not moved by the handover nor
      // by the cards, and the image gone.
      expect(result.reactAtMark).toBe(false);
      expect(result.imageAtMark).toBe(imageFirst);
      expect(result.drawnAtMark).toBe(!imageFirst);
      if (!imageFirst) expect(result.markedIsLive).toBe(true);
      expect(result.reactAtLive).toBe(false);
      expect(result.sameAtHandover).toBe(true);
      expect(result.sameAtEnd).toBe(true);
      expect(result.imagesLeft).toBe(0);
      const [top = 0] = result.tops;
      const [left = 0] = result.lefts;
      for (const t of result.tops) expect(Math.abs((t ?? -1) - top)).toBeLessThan(1);
      for (const l of result.lefts) expect(Math.abs((l ?? -1) - left)).toBeLessThan(1);
      // And it is React's chart now: its bars open their sentences.
      await clickBar(page, town);
      await page.getByTestId('source-highlight').first().waitFor({ timeout: STEP_MS });
      await page.close();
    },
    // A cold first page on a busy machine: four steps of at most STEP_MS each.
    4 * STEP_MS,
  );

  it('keeps a click on the language made before React has loaded', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    // React's chunk held back: the page drawn before it is all there is.
    await page.route('**/assets/mount-*.js', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.addInitScript(() => {
      new PerformanceObserver(() => console.debug('first-chart')).observe({ type: 'mark' });
    });
    const marked = page.waitForEvent('console', { predicate: (m) => m.text() === 'first-chart' });
    await page.goto(site.url);
    await marked;
    // React has not rendered: its ranking chart (the shell's has no test id) is not there.
    expect(await page.getByTestId('chart-ranking').count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('chart-ranking').waitFor();
    await expect.poll(() => page.getByTestId('lang-switch').textContent()).toBe('中文');
    expect(await page.evaluate(() => location.hash)).toContain('l=en');
    await page.close();
  });

  it.each([
    ['zh', '', 'overview'],
    ['en', '#/?v=compare&l=en', 'compare'],
  ] as const)(
    'shows React’s own navigation before React has loaded, in the link’s language and view: %s',
    async (lang, path, view) => {
      const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
      // No React at all: what is on screen is the shell built from its components.
      await page.route('**/assets/mount-*.js', (route) => route.abort());
      await page.goto(`${site.url}${path}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe(t(lang, 'appTitle'));
      expect(await page.title()).toBe(t('zh', 'appTitle'));
      expect(await page.locator('.subtitle').textContent()).toBe(t(lang, 'appSubtitle'));
      expect(await page.getByTestId('lang-switch').textContent()).toBe(t(lang, 'switchLang'));
      for (const item of NAV) {
        const button = page.getByTestId(`nav-${item.view}`);
        expect(await button.textContent()).toBe(t(lang, item.label));
        expect(await button.getAttribute('aria-current')).toBe(item.view === view ? 'page' : null);
      }
      // Its buttons answer before React: a view chosen goes to the link.
      await page.getByTestId('nav-import').click();
      await expect.poll(() => page.evaluate(() => location.hash)).toContain('v=import');
      expect(await page.evaluate(() => performance.getEntriesByName('app-ready').length)).toBe(0);
      await page.close();
    },
  );

  it('serves the shell in index.html itself, with no strings of its own', async () => {
    const html = await (await fetch(`${site.url}index.html`)).text();
    const root = html.slice(html.indexOf('<div id="root">'), html.indexOf('<template'));
    expect(root).toContain('data-testid="nav-import"');
    expect(root).toMatch(/data-testid="nav-overview"[^>]*aria-current="page"/);
    expect(root).toContain(`>${t('zh', 'importView')}</button>`);
    expect(html).toContain(`<title>${t('zh', 'appTitle')}</title>`);
    // No inline style or script: the Content-Security-Policy forbids them.
    expect(html).not.toMatch(/ style="|<script>/);
  });

  it('shows the overview cards and a ranking with the two kinds of missing listed apart', async () => {
    const page = await open();
    await expect.poll(() => page.getByTestId('filter-year').inputValue()).toBe('2024');
    const card = page.getByTestId('card-mediation');
    await expect.poll(() => card.textContent()).toContain('≥798件');
    // Two of the five towns have a 2024 report, and both state the figure.
    expect(await card.textContent()).toContain('2/2 份报告提及');
    expect(await card.getByTestId('card-no-report').textContent()).toBe('3 个乡镇无本年度报告');
    const noReport = page.getByTestId('missing-noReport');
    expect(await noReport.locator('h3').textContent()).toContain('无 2024 年度报告的乡镇 (3)');
    expect(await noReport.textContent()).toContain('紫兴街道');
    expect(await page.getByTestId('missing-notMentioned').count()).toBe(0);
    // 黄花店镇's 2024 report does not state a success rate: not the same as no report.
    await page.getByTestId('filter-indicator').selectOption('mediation.success_rate');
    const silent = page.getByTestId('missing-notMentioned');
    await expect.poll(() => silent.textContent()).toContain('黄花店镇');
    expect(await silent.locator('[data-missing="notMentioned"]').first().textContent()).toBe(
      '报告未提及',
    );
    expect(await page.getByTestId('missing-noReport').textContent()).not.toContain('黄花店镇');
    await page.close();
  });

  it('switches year and indicator, clicks a bar and shows the highlighted source phrase', async () => {
    const page = await open();
    await page.getByTestId('filter-year').selectOption('2023');
    await page.getByTestId('filter-indicator').selectOption('mediation.success_rate');
    await expect.poll(() => page.url()).toContain('i=mediation.success_rate');
    await expect.poll(() => page.url()).toContain('y=2023');
    await clickBar(page, '红格镇');
    const panel = page.getByTestId('source-panel');
    await panel.waitFor();
    await expect.poll(() => panel.textContent()).toContain('红格镇');
    const highlight = page.getByTestId('source-highlight');
    await expect.poll(() => highlight.textContent()).toBe('调解成功率99.5%');
    expect(await highlight.isVisible()).toBe(true);
    await page.close();
  });

  it('keeps the ranking drawn while a new indicator loads, then redraws that chart in place', async () => {
    const page = await open();
    // Not loaded with the overview: its file is fetched when chosen.
    const chosen = 'legal_advisor.opinions';
    const panel = page.locator('.panel.ranking');
    const before = rankingTitle('zh', 'mediation.cases', 2024);
    const after = rankingTitle('zh', chosen, 2024);
    expect(await panel.locator('h2').textContent()).toBe(before);
    // The chart drawn: the same ECharts instance must draw the next ranking.
    await page.evaluate(() => {
      const w = window as unknown as { drawn?: unknown };
      w.drawn = (
        document.querySelector('[data-testid="chart-ranking"] .echarts-host') as
          (Element & { chart?: unknown }) | null
      )?.chart;
    });
    const sameChart = () =>
      page.evaluate(() => {
        const w = window as unknown as { drawn?: unknown };
        const host = document.querySelector('[data-testid="chart-ranking"] .echarts-host') as
          (Element & { chart?: unknown }) | null;
        return w.drawn !== undefined && host?.chart === w.drawn;
      });
    // Where a bar of the ranking drawn is: clicked while the next one loads.
    await scrolledTo(page.locator('[data-testid="chart-ranking"]'));
    await expect.poll(() => barPoint(page, '段园镇', 0.5)).not.toBeNull();
    const previousBar = await barPoint(page, '段园镇', 0.5);
    // The new indicator's file held back until the previous ranking has been looked at.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/data/indicators/${chosen}/2024.csv`, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.getByTestId('filter-indicator').selectOption(chosen);
      await panel.locator('.ranking-body[aria-busy="true"]').waitFor({ timeout: STEP_MS });
      // Still the previous ranking, and said so.
      expect(await panel.locator('h2').textContent()).toBe(before);
      expect(await panel.getByRole('status').textContent()).toBe(
        t('zh', 'loadingChoice', { title: after }),
      );
      expect(await panel.locator('.echarts-host svg').count()).toBe(1);
      // Not usable as if it were the new one: a click on a bar opens no source, and
      // neither the export nor the table can be reached from the keyboard.
      if (previousBar === null) throw new Error('no bar for 段园镇');
      await page.mouse.click(previousBar.x, previousBar.y);
      const focusable = (selector: string) =>
        panel
          .locator(selector)
          .first()
          .evaluate((e) => {
            (e as HTMLElement).focus();
            return document.activeElement === e;
          });
      expect(await focusable('.panel-actions button')).toBe(false);
      expect(await focusable('.data-table summary')).toBe(false);
      await page.waitForTimeout(300);
      expect(await page.getByTestId('source-panel').count()).toBe(0);
    } finally {
      release();
    }
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: STEP_MS }).toBe(after);
    expect(await panel.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await panel.getByRole('status').textContent()).toBe('');
    expect(await sameChart()).toBe(true);
    await clickBar(page, '段园镇');
    await expect
      .poll(() => page.getByTestId('source-highlight').textContent(), { timeout: STEP_MS })
      .toBe('提供法律专业意见40余件');
    await page.close();
  });

  it('follows a shared link to exactly the same view, source panel included', async () => {
    const page = await open();
    await page.getByTestId('filter-year').selectOption('2023');
    await page.getByTestId('filter-indicator').selectOption('legal_advisor.documents_reviewed');
    await clickBar(page, '彭浦镇');
    await page.getByTestId('source-highlight').waitFor();
    const shared = page.url();
    const other = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await other.goto(shared);
    await expect
      .poll(() => other.getByTestId('source-highlight').textContent())
      .toBe('审核镇政府各类合同28份');
    expect(await other.getByTestId('filter-year').inputValue()).toBe('2023');
    expect(await other.getByTestId('filter-indicator').inputValue()).toBe(
      'legal_advisor.documents_reviewed',
    );
    await other.close();
    await page.close();
  });

  it('shows the sum behind a count the report lists in parts, each part marked', async () => {
    const page = await open(
      '#/?y=2024&i=leadership.law_reporting&s=anhui-huaibei-duanyuan-2024~leadership.law_reporting',
      '[data-testid="source-highlight"]',
    );
    const panel = page.getByTestId('source-panel');
    await expect.poll(() => panel.locator('.explain').textContent()).toContain('5 + 3 = 8人');
    expect(await panel.locator('mark.mention-current').allTextContents()).toEqual(['5', '3']);
    await page.close();
  });

  it('steps through the other mentions of the same indicator in the report', async () => {
    const page = await open();
    await page.getByTestId('filter-indicator').selectOption('mediation.screened');
    await clickBar(page, '段园镇');
    await expect
      .poll(() => page.getByTestId('source-highlight').textContent())
      .toBe('排查出矛盾纠纷138件');
    await page.getByRole('button', { name: /下一处/ }).click();
    await expect
      .poll(() => page.getByTestId('source-highlight').textContent())
      .toBe('摸排各类矛盾隐患70件');
    await page.getByRole('button', { name: /上一处/ }).click();
    await page.getByRole('button', { name: /上一处/ }).click();
    await expect
      .poll(() => page.getByTestId('source-highlight').textContent())
      .toBe('排查出矛盾隐患94件');
    expect(await page.locator('mark.mention-other').count()).toBe(2);
    await page.close();
  });

  it('goes back and forward through filter changes', async () => {
    const page = await open();
    await page.getByTestId('filter-indicator').selectOption('publicity.events');
    await expect.poll(() => page.url()).toContain('i=publicity.events');
    await page.getByTestId('filter-year').selectOption('2023');
    await expect.poll(() => page.url()).toContain('y=2023');
    await page.goBack();
    await expect.poll(() => page.getByTestId('filter-year').inputValue()).toBe('2024');
    expect(await page.getByTestId('filter-indicator').inputValue()).toBe('publicity.events');
    await page.goBack();
    await expect
      .poll(() => page.getByTestId('filter-indicator').inputValue())
      .toBe('mediation.cases');
    await page.goForward();
    await expect
      .poll(() => page.getByTestId('filter-indicator').inputValue())
      .toBe('publicity.events');
    await page.close();
  });

  it('finds towns by search in the town picker and keeps only those', async () => {
    const page = await open();
    await page.getByTestId('filter-towns').locator('summary').click();
    await page.getByTestId('town-search').fill('武清');
    const body = page.locator('.town-picker-body');
    await expect.poll(() => body.textContent()).toContain('匹配 1 个');
    expect(await body.locator('.town-option').allTextContents()).toEqual([' 黄花店镇']);
    await page.getByRole('button', { name: '只选这些' }).click();
    await expect.poll(() => page.url()).toContain('t=');
    expect(await page.getByTestId('filter-towns').locator('summary').textContent()).toContain(
      '已选 1 个乡镇',
    );
    // The ranking now holds that town alone.
    await expect
      .poll(() => page.locator('section.ranking').textContent())
      .toContain('仅 1 个乡镇报告此数值：不足 3 个，不排名次、不计百分位。');
    await page.getByTestId('town-search').fill('没有这个乡镇');
    await expect.poll(() => body.textContent()).toContain('没有匹配的乡镇');
    await page.close();
  });

  it('switches to English and back', async () => {
    const page = await open();
    await page.getByTestId('lang-switch').click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Township rule-of-law indicators');
    expect(await page.getByTestId('card-mediation').textContent()).toContain('Dispute mediation');
    expect(page.url()).toContain('l=en');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('乡镇法治政府建设指标对比');
    await page.close();
  });

  it('gives sparse data a designed state, never an empty chart', async () => {
    const page = await open('#/?y=2021&i=mediation.cases', '[data-testid="overview"]');
    await expect
      .poll(() => page.locator('.ranking .empty-state').textContent())
      .toContain('2021年所选乡镇均未报告此指标');
    expect(await page.getByTestId('chart-ranking').count()).toBe(0);
    await page.close();
  });
});

describe('drill-down from every kind of element', () => {
  it('opens the source from a data table cell', async () => {
    const page = await open('#/?y=2024&i=legal_service.services');
    await page.locator('section.ranking').getByText('数据表').click();
    await page.locator('section.ranking').getByRole('button', { name: /46次/ }).click();
    await expect
      .poll(() => page.getByTestId('source-highlight').textContent())
      .toBe('提供法律服务46次');
    await page.close();
  });

  it('opens the source from a point of the trend chart', async () => {
    const page = await open('#/?y=2023&i=mediation.cases');
    const locate = () =>
      page.evaluate(() => {
        const host = document.querySelector('[data-testid="chart-trend"] .echarts-host') as
          | (HTMLElement & {
              chart?: {
                getOption(): { series: { name: string; data: (number | null)[] }[] };
                convertToPixel(finder: object, value: unknown[]): number[];
              };
            })
          | null;
        const chart = host?.chart;
        if (host == null || chart === undefined) return null;
        const series = chart.getOption().series;
        const s = series.findIndex((x) => x.name === '红格镇');
        const i = series[s]?.data.findIndex((v) => v !== null) ?? -1;
        if (s < 0 || i < 0) return null;
        const [x = 0, y = 0] = chart.convertToPixel({ seriesIndex: s }, [i, series[s]?.data[i]]);
        const rect = host.getBoundingClientRect();
        return { x: rect.left + x, y: rect.top + y };
      });
    await expect.poll(locate).not.toBeNull();
    // The trend's lines grow in: clicked once they are drawn whole.
    await chartSettled(page, '[data-testid="chart-trend"] .echarts-host');
    const point = await locate();
    if (point === null) throw new Error('no trend point');
    await page.mouse.click(point.x, point.y);
    await expect
      .poll(() => page.getByTestId('source-highlight').textContent())
      .toBe('调解矛盾纠纷208件');
    await page.close();
  });
});

describe('large files', () => {
  it('parses them in the worker, off the page, naming bad rows by file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rol-large-'));
    cpSync(siteDir, dir, { recursive: true });
    const name = 'indicators/legal_advisor.documents_drafted/2024.csv';
    const csv = join(dir, 'data', name);
    const { readFileSync } = await import('node:fs');
    const [header = '', row = ''] = readFileSync(csv, 'utf8').split('\n');
    expect(row).toMatch(/^tianjin-huanghuadian-2024,\d+,20,=,/);
    // Past the worker threshold (48 KB): a long quote, then a bad row at line 3.
    const long = row.replace(/起草文件20件/, `起草文件20件${'。'.repeat(30_000)}`);
    const bad = row.replace(/,20,=,/, ',twenty,=,');
    writeFileSync(csv, `${header}\n${long}\n${bad}\n`);
    const index = JSON.parse(readFileSync(join(dir, 'data', 'index.json'), 'utf8')) as {
      indicators: { id: string; years: { file: string; bytes: number }[] }[];
      counties: {
        key: string;
        values: { file: string; bytes: number };
        reports: { file: string; bytes: number };
      }[];
    };
    const entry = index.indicators
      .find((i) => i.id === 'legal_advisor.documents_drafted')
      ?.years.find((f) => f.file === name);
    if (entry === undefined) throw new Error('no index entry');
    // 彭浦镇's county large too: its reports, then its values placed by them, in the worker.
    const county = index.counties.find((c) => c.key.endsWith('/静安区'));
    if (county === undefined) throw new Error('no county entry');
    padTo(join(dir, 'data', county.values.file), 400_000);
    padTo(join(dir, 'data', county.reports.file), 400_000);
    restateSizes(join(dir, 'data'));
    const large = await serveStatic(dir, '/large/');
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await page.goto(large.url);
    // The worker starts with the index; the first view's files do not wait for it.
    await page.getByTestId('chart-trend').locator('canvas').first().waitFor();
    await page.getByTestId('filter-category').selectOption('legal_advisor');
    await page.getByTestId('filter-indicator').selectOption('legal_advisor.documents_drafted');
    await expect.poll(() => page.getByTestId('chart-ranking').textContent()).toContain('20件');
    const errors = page.getByTestId('load-errors');
    await expect.poll(() => errors.textContent()).toContain(`data/${name}:3`);
    expect(await errors.textContent()).toContain('must be a number');
    // Fetched by the worker: the server saw it, the page's own resource list did not.
    expect(large.requests).toContain(`/large/data/${name}`);
    const pageFetched = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    );
    expect(pageFetched).not.toContain(`/large/data/${name}`);
    // A town profile of the large county: each value in its town and year, from the worker.
    await page.goto(`${large.url}#/?v=town&p=上海市/上海市/静安区/彭浦镇`);
    const profile = page.getByTestId('town-profile');
    await profile.getByRole('button', { name: /474件/ }).first().click();
    await expect
      .poll(() => page.getByTestId('source-highlight').first().textContent())
      .toContain('474件');
    expect(large.requests).toContain(`/large/data/${county.values.file}`);
    const profileFetched = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    );
    expect(profileFetched).not.toContain(`/large/data/${county.values.file}`);
    await page.close();
    await large.close();
  });
});

describe('large datasets', () => {
  const resolved = '/lazy/data/indicators/mediation.resolved/';

  it("draws a few towns' trend and small multiples from their counties' files, not the category's", async () => {
    // The mediation files listed as a nation's: 60,000 rows each.
    const lazySite = await serveStatic(
      withLargeFiles(siteDir, (id) => id.startsWith('mediation.'), 60_000),
      '/lazy/',
    );
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(lazySite.url);
    await page.locator('.multiples').scrollIntoViewIfNeeded();
    await page.getByTestId('chart-multiples').locator('canvas').first().waitFor();
    await pageSettled(page);
    // Five towns: their counties' files hold every figure of theirs, and are fewer rows.
    expect(lazySite.requests.some((r) => r.startsWith(resolved))).toBe(false);
    expect(
      lazySite.requests.filter((r) => /\/data\/counties\/\d+\/values\.csv$/.test(r)),
    ).not.toEqual([]);
    // Every indicator of the category drawn, each town's line with its points.
    const drawn = await page.evaluate(() => {
      type Host = HTMLElement & {
        chart?: { getOption(): { grid: unknown[]; series: { data: (number | null)[] }[] } };
      };
      const host = document.querySelector(
        '[data-testid="chart-multiples"] .echarts-host',
      ) as Host | null;
      const option = host?.chart?.getOption();
      return {
        panels: option?.grid.length ?? 0,
        points: option?.series.flatMap((x) => x.data).filter((v) => v !== null).length ?? 0,
      };
    });
    // Every figure of the category the indicators' files hold, each a point (all five towns shown).
    const { readFileSync } = await import('node:fs');
    const index = JSON.parse(readFileSync(join(siteDir, 'data', 'index.json'), 'utf8')) as {
      indicators: { id: string; years: { file: string }[] }[];
    };
    const figures = index.indicators
      .filter((i) => i.id.startsWith('mediation.'))
      .flatMap((i) => i.years)
      .flatMap((y) => csvRows(readFileSync(join(siteDir, 'data', y.file), 'utf8')))
      .filter((r) => r['value'] !== '');
    expect(drawn.panels).toBe(index.indicators.filter((i) => i.id.startsWith('mediation.')).length);
    expect(drawn.points).toBe(figures.length);
    await page.close();
    await lazySite.close();
  });
});

describe('data problems', () => {
  it('shows replaced data files without a rebuild, corrections explaining themselves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rol-replaced-'));
    cpSync(siteDir, dir, { recursive: true });
    const { readFileSync } = await import('node:fs');
    // What the pipeline writes after a correction: the value in every file that holds it.
    const index = JSON.parse(readFileSync(join(dir, 'data', 'index.json'), 'utf8')) as {
      counties: { key: string; values: { file: string } }[];
    };
    const county = index.counties.find((c) => c.key.endsWith('/杜集区'))?.values.file ?? '';
    for (const file of ['indicators/mediation.cases/2024.csv', county]) {
      const csv = join(dir, 'data', file);
      const lines = readFileSync(csv, 'utf8').split('\n');
      // 段园镇's report; a county's file names the indicator, an indicator's file is its own.
      const at = lines.findIndex(
        (l) =>
          l.startsWith('anhui-huaibei-duanyuan-2024,') &&
          (file === county ? l.includes(',mediation.cases,') : true),
      );
      const cells = (lines[at] ?? '').split(',');
      const header = (lines[0] ?? '').split(',');
      const set = (name: string, value: string): void => {
        const column = header.indexOf(name);
        if (column < 0) throw new Error(`${file}: no column ${name}`);
        cells[column] = value;
      };
      set('value', '610');
      set('correction', 'override');
      set('note', '区司法局核实为610件');
      lines[at] = cells.join(',');
      writeFileSync(csv, lines.join('\n'));
    }
    restateSizes(join(dir, 'data'));
    const replaced = await serveStatic(dir, '/elsewhere/');
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await page.goto(`${replaced.url}#/?y=2024&i=mediation.cases`);
    await page.locator('section.ranking').getByText('数据表').click();
    await page.locator('section.ranking').getByRole('button', { name: /610件/ }).click();
    const panel = page.getByTestId('source-panel');
    await expect
      .poll(() => panel.textContent())
      .toContain('此数值已由评估人员更正：区司法局核实为610件');
    await page.close();
    await replaced.close();
  });

  it('reports bad rows with file and line, and shows the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rol-broken-'));
    cpSync(siteDir, dir, { recursive: true });
    const csv = join(dir, 'data', 'indicators', 'mediation.cases', '2024.csv');
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(csv, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    // Two bad copies of the first row, at lines n + 1 and n + 2.
    const n = lines.length;
    lines.push((lines[1] ?? '').replace(/^([^,]+),\d+,/, '$1,99,'));
    lines.push((lines[1] ?? '').replace(/^([^,]+,\d+),\d+,/, '$1,many,'));
    writeFileSync(csv, `${lines.join('\n')}\n`);
    restateSizes(join(dir, 'data'));
    // A whole indicator's files gone: it says so; the others still load.
    rmSync(join(dir, 'data', 'indicators', 'mediation.success_rate'), { recursive: true });
    const broken = await serveStatic(dir, '/other/path/');
    const page = await browser.newPage();
    await page.goto(broken.url);
    const panel = page.getByTestId('load-errors');
    await panel.waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain(`data/indicators/mediation.cases/2024.csv:${n + 1}`);
    expect(text).toContain('town_number 99 is not a town of index.json');
    expect(text).toContain(`data/indicators/mediation.cases/2024.csv:${n + 2}`);
    expect(text).toContain('must be a number');
    await page.getByTestId('chart-ranking').locator('svg').first().waitFor();
    await page.getByTestId('filter-indicator').selectOption('mediation.success_rate');
    await expect
      .poll(() => page.locator('section.ranking').textContent())
      .toContain('该指标的数据文件无法加载');
    await expect
      .poll(() => panel.textContent())
      .toMatch(
        /data\/indicators\/mediation\.success_rate\/\d{4}\.csv could not be loaded \(HTTP 404\)/,
      );
    await page.close();
    await broken.close();
  });
});
