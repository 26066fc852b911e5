/**
 * Charts an evaluator can read on any screen: the small multiples of a
 * category with many indicators keep a minimum panel size (wrapping into
 * more rows on a phone), whole-number ticks for counts and the last year
 * labelled; a ranking bar's tooltip names the town, the value with its
 * qualifier and unit, and the report; every indicator's ⓘ opens its
 * definition by mouse, keyboard and touch.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTIPLES } from '../../src/charts/trend';
import { accessibilityProblems } from './axe';
import { showBarTooltip } from './bars';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { buildSite } from './site';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(await buildSite(), '/sub/path/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const pageErrors = new WeakMap<Page, string[]>();

async function open(width: number, hash: string, ready: string, touch = false): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    ...(touch ? { hasTouch: true, isMobile: true } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}${hash}`);
  await page.locator(ready).first().waitFor();
  return page;
}

/** Closes the page, which must not have thrown. */
async function close(page: Page): Promise<void> {
  expect(pageErrors.get(page)).toEqual([]);
  await page.context().close();
}

interface PanelGeometry {
  /** The chart's size. */
  readonly width: number;
  /** Each panel's plot, in the chart's pixels. */
  readonly plots: { x: number; y: number; width: number; height: number }[];
  /** Each panel's title box. */
  readonly titles: { x: number; y: number; width: number; height: number }[];
  /** The value axis ticks of each panel. */
  readonly ticks: number[][];
  /** The year labels each panel shows. */
  readonly years: string[][];
  /** Where each panel's box starts (a column each). */
  readonly lefts: number[];
}

/** The small multiples as ECharts laid them out (its model, not our option). */
function multiplesGeometry(page: Page): Promise<PanelGeometry> {
  return page.evaluate(() => {
    interface Rect {
      x: number;
      y: number;
      width: number;
      height: number;
    }
    interface Component {
      coordinateSystem: { getRect(): Rect };
      axis: {
        scale: { getTicks(): { value: number }[] };
        getViewLabels(): { formattedLabel: string }[];
      };
    }
    const host = document.querySelector(
      '[data-testid="chart-multiples"] .echarts-host',
    ) as HTMLElement & {
      chart: {
        getWidth(): number;
        getModel(): { getComponent(type: string, index: number): Component | undefined };
        getOption(): { grid: unknown[] };
        getZr(): {
          storage: {
            getDisplayList(): {
              type: string;
              getBoundingRect(): Rect;
              style: { text?: string };
              parent?: unknown;
              transform?: number[];
            }[];
          };
        };
      };
    };
    const chart = host.chart;
    const count = chart.getOption().grid.length;
    const model = chart.getModel();
    const plots: Rect[] = [];
    const ticks: number[][] = [];
    const years: string[][] = [];
    for (let i = 0; i < count; i++) {
      plots.push(model.getComponent('grid', i)?.coordinateSystem.getRect() as Rect);
      ticks.push(
        model
          .getComponent('yAxis', i)
          ?.axis.scale.getTicks()
          .map((t) => t.value) ?? [],
      );
      years.push(
        model
          .getComponent('xAxis', i)
          ?.axis.getViewLabels()
          .map((l) => l.formattedLabel) ?? [],
      );
    }
    // The titles as drawn: each title component's text element.
    const titles: Rect[] = [];
    for (let i = 0; i < count; i++) {
      const view = (
        chart as unknown as {
          getViewOfComponentModel(m: unknown): {
            group: { getBoundingRect(): Rect; x: number; y: number };
          };
        }
      ).getViewOfComponentModel(model.getComponent('title', i));
      const rect = view.group.getBoundingRect();
      titles.push({
        x: rect.x + view.group.x,
        y: rect.y + view.group.y,
        width: rect.width,
        height: rect.height,
      });
    }
    const lefts = (chart.getOption().grid as { left: number }[]).map((g) => g.left);
    return { width: chart.getWidth(), plots, titles, ticks, years, lefts };
  });
}

const overlaps = (a: PanelGeometry['plots'][number], b: PanelGeometry['plots'][number]) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('small multiples of a category with many indicators', () => {
  it.each([
    ['a desktop', 1360, 2],
    ['a phone', 390, 1],
  ])('keep every panel readable on %s', async (_name, width, columns) => {
    const page = await open(
      width,
      '#/?y=2024&c=legal_advisor&i=legal_advisor.documents_reviewed',
      '[data-testid="chart-trend"] canvas',
    );
    await page.locator('.multiples').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="chart-multiples"] canvas').first().waitFor();
    const geometry = await multiplesGeometry(page);
    const { plots, titles, ticks, years } = geometry;
    // The bundled reports state eight of the category's indicators.
    expect(plots.length).toBeGreaterThanOrEqual(7);
    expect(new Set(geometry.lefts).size).toBe(columns);
    for (const [i, plot] of plots.entries()) {
      expect(plot.height, `panel ${i}`).toBeGreaterThanOrEqual(MULTIPLES.plotHeight);
      expect(plot.x + plot.width).toBeLessThanOrEqual(geometry.width);
      for (const other of plots.slice(i + 1)) expect(overlaps(plot, other)).toBe(false);
      // The title is above its plot, on no other panel, and not cut (two lines at most).
      const title = titles[i];
      if (title === undefined) throw new Error(`no title for panel ${i}`);
      expect(title.y + title.height).toBeLessThanOrEqual(plot.y);
      for (const other of plots) expect(overlaps(title, other)).toBe(false);
      // Counts of documents, cases, people: whole-number ticks only.
      for (const tick of ticks[i] ?? []) expect(Number.isInteger(tick), `tick ${tick}`).toBe(true);
      // The latest year is labelled.
      expect(years[i]?.at(-1)).toBe('2024');
    }
    await close(page);
  });

  it('draws a rate on 0–100', async () => {
    const page = await open(
      1360,
      '#/?y=2024&c=petition&i=petition.cases',
      '[data-testid="chart-trend"] canvas',
    );
    await page.locator('.multiples').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="chart-multiples"] canvas').first().waitFor();
    const { ticks } = await multiplesGeometry(page);
    expect(ticks).toContainEqual([0, 25, 50, 75, 100]);
    await close(page);
  });
});

describe('a ranking bar', () => {
  it('shows the town, its value with qualifier and unit, and the report in a tooltip', async () => {
    const page = await open(
      1360,
      '#/?y=2024&i=mediation.cases',
      '[data-testid="chart-ranking"] svg',
    );
    // The tooltip's code comes after the first chart: point until it answers.
    const tooltip = await showBarTooltip(page, '段园镇');
    const text = (await tooltip.innerText()).split('\n');
    expect(text).toEqual([
      '段园镇 · 杜集区',
      '调解矛盾纠纷数：608件',
      '报告：anhui-huaibei-duanyuan-2024（2024年度）',
    ]);
    // A figure written 190余起: at least, and said so.
    const other = await showBarTooltip(page, '黄花店镇');
    expect(await other.innerText()).toContain('≥190件');
    expect(await other.innerText()).toContain('不少于此数');
    expect(await other.innerText()).toContain('报告：tianjin-huanghuadian-2024');
    await close(page);
  });
});

describe('the ⓘ beside an indicator', () => {
  it('opens the definition and counting rule by keyboard, without moving the chart', async () => {
    const page = await open(
      1360,
      '#/?y=2024&i=mediation.cases',
      '[data-testid="chart-ranking"] svg',
    );
    const chart = page.getByTestId('chart-ranking').locator('svg').first();
    const before = await chart.boundingBox();
    const info = page.locator('section.ranking').getByTestId('indicator-info');
    expect(await info.getAttribute('aria-label')).toBe('指标说明：调解矛盾纠纷数');
    await info.focus();
    await page.keyboard.press('Enter');
    const popover = page.getByTestId('indicator-info-popover');
    await popover.locator('dl').waitFor();
    expect(await info.getAttribute('aria-expanded')).toBe('true');
    const text = await popover.innerText();
    expect(text).toContain('全年调解（含人民调解）的矛盾纠纷件数');
    expect(text).toContain('件（报告中写作件、起、宗、个、件次的均计入）');
    expect(text).toContain('报告未提及的记为未报告，不计为0');
    expect(await chart.boundingBox()).toEqual(before);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    // Focus back on the button; the page (and no source panel) otherwise unchanged.
    expect(await info.evaluate((b) => b === document.activeElement)).toBe(true);
    await close(page);
  });

  it('opens by touch on a phone, in the compare matrix and the town profile, and closes on a tap elsewhere', async () => {
    const page = await open(
      390,
      '#/?v=compare&y=2024&c=petition',
      '[data-testid="compare-matrix"]',
      true,
    );
    const head = page
      .getByTestId('compare-matrix')
      .locator('thead th')
      .filter({ hasText: '信访办结率' });
    await head.getByTestId('indicator-info').tap();
    const popover = page.getByTestId('indicator-info-popover');
    await popover.locator('dl').waitFor();
    expect(await popover.innerText()).toContain('由二者计算');
    // Inside the window, however narrow.
    const box = await popover.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    const innerWidth = await page.evaluate(() => window.innerWidth);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(innerWidth);
    await page.locator('h1').tap();
    await popover.waitFor({ state: 'detached' });
    await page.getByTestId('nav-town').tap();
    await page.getByTestId('town-profile').waitFor();
    await page
      .getByTestId('town-profile')
      .locator('tbody th')
      .first()
      .getByTestId('indicator-info')
      .tap();
    await popover.locator('dl').waitFor();
    expect(await popover.innerText()).toContain('口径');
    await close(page);
  });
});

describe('a value chosen among others the report states', () => {
  it.each([
    [
      'zh',
      '报告中还出现了其他数值：94件（选取规则：全年数值优先于“截至”某日的数值）；' +
        '70件（选取规则：计数取较大的数值，因为合计包含分项）',
    ],
    [
      'en',
      'The report also states: 94 cases (chosen by the rule: a whole-year figure beats one counted only up to a date, written 截至…); ' +
        '70 cases (chosen by the rule: for counts the larger figure wins, as a total contains its parts)',
    ],
  ])('names the rule that chose it in the source panel (%s)', async (lang, sentence) => {
    const page = await open(
      1360,
      `#/?y=2024&i=mediation.screened&s=anhui-huaibei-duanyuan-2024~mediation.screened${
        lang === 'en' ? '&l=en' : ''
      }`,
      '[data-testid="source-panel"] .explain',
    );
    const lines = await page.getByTestId('source-panel').locator('.explain li').allInnerTexts();
    expect(lines).toContain(sentence);
    await close(page);
  });
});
