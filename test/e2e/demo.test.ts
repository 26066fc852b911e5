/**
 * `npm run demo`: the same site over a synthetic county of 20 towns × 4
 * years, so trends and changes since last year show before a user's own
 * second year arrives. Every view says in its header, from the page drawn
 * before React on and in both languages, that the data is synthetic; the
 * real build says nothing of the kind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { VIEWS } from '../../src/store/views';
import { csvRows, ROOT, runScript } from '../helpers';
import { expectEndsAsInData, openEveryFigure, quotes } from './brief-check';
import { pdfPages } from './pdf-pages';
import { pageSettled, scrolledTo } from './settled';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { buildSite } from './site';

const DEMO_SITE = join(ROOT, 'dist-demo');

/**
 * Whether a PDF's text holds `words`: its fonts may name a character by a
 * radical's code point (⻰ for 龙), which NFKC leaves alone; such a
 * character stands for any.
 */
function containsAsPrinted(text: string, words: string): boolean {
  const radical = (c: string): boolean => c >= '\u2E80' && c <= '\u2FDF';
  const chars = [...text];
  const wanted = [...words];
  return chars.some((_, at) =>
    wanted.every((c, i) => chars[at + i] === c || radical(chars[at + i] ?? '')),
  );
}

let browser: Browser;
let demo: StaticSite;

beforeAll(async () => {
  const built = runScript('scripts/demo.ts', '--build-only');
  if (built.status !== 0) throw new Error(`npm run demo failed:\n${built.stdout}\n${built.stderr}`);
  demo = await serveStatic(DEMO_SITE, '/demo/');
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('npm run demo', () => {
  it('builds a county of 20 synthetic towns over 4 years', () => {
    const index = JSON.parse(readFileSync(join(DEMO_SITE, 'data', 'index.json'), 'utf8')) as {
      towns: { name: string; years: number[] }[];
      years: number[];
    };
    expect(index.towns).toHaveLength(20);
    expect(index.years).toEqual([2021, 2022, 2023, 2024]);
    // Towns with more than one year: the changes since last year have something to show.
    expect(index.towns.filter((t) => t.years.length > 1).length).toBeGreaterThan(10);
    const reports = readFileSync(join(DEMO_SITE, 'data', 'reports.csv'), 'utf8');
    expect(reports).toMatch(/^synthetic-/m);
  });

  it.each(VIEWS)(
    'says on the %s view that its data is synthetic, in both languages',
    async (view) => {
      const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
      await page.goto(`${demo.url}#/?v=${view}`);
      const badge = page.getByTestId('demo-badge');
      await expect.poll(() => badge.textContent()).toMatch(/^演示数据（合成）/);
      await page.getByTestId('lang-switch').click();
      await expect.poll(() => badge.textContent()).toMatch(/^Demo data \(synthetic\)/);
      await page.close();
    },
  );

  it('says so from the first paint, before any script, and the real site never does', async () => {
    const shell = readFileSync(join(DEMO_SITE, 'index.html'), 'utf8');
    expect(shell).toContain('演示数据（合成）');
    const real = readFileSync(join(await buildSite(), 'index.html'), 'utf8');
    expect(real).not.toContain('demo-badge');
    expect(real).not.toContain('演示数据');
  });

  it('briefs the county: its highest and lowest towns as the data files give them, and what changed', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${demo.url}#/?v=brief`);
    await page.getByTestId('brief').waitFor();
    await pageSettled(page);
    const data = join(DEMO_SITE, 'data');
    const named = await expectEndsAsInData(page, data);
    expect(named).toBeGreaterThan(10);
    // Four years: changes since the previous reports, and no "one year only".
    expect(await page.getByTestId('brief-one-year').count()).toBe(0);
    expect(await page.getByTestId('brief-rise').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('brief-fall').count()).toBeGreaterThan(0);
    // A rise names both years' figures, each opening its own sentence.
    const rise = page.getByTestId('brief-rise').first().getByTestId('brief-figure');
    expect(await rise.count()).toBe(2);
    // Every figure of the brief opens its own sentence.
    expect(await openEveryFigure(page, quotes(data))).toBeGreaterThan(40);
    await page.close();
  }, 120_000);

  it.each([
    ['a desktop', 1360, false],
    ['a phone', 390, false],
    ['paper', 1360, true],
  ])(
    "names each of the trend's ten towns above its plot on %s, no two lines alike",
    async (_where, width, paper) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${demo.url}#/?i=mediation.cases`);
      await page.locator('[data-testid="chart-trend"] canvas').waitFor();
      await pageSettled(page);
      if (paper) {
        await page.emulateMedia({ media: 'print' });
        await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      }
      // As ECharts laid the chart out: the legend's items drawn and where they end, the plot's top.
      const drawn = await page.evaluate(() => {
        interface Group {
          y: number;
          getBoundingRect(): { y: number; height: number };
          childCount(): number;
        }
        interface Chart {
          getOption(): {
            legend: { type: string }[];
            series: { name: string; symbol: string; lineStyle: { color: string; type: string } }[];
          };
          getModel(): {
            getComponent(kind: string): { coordinateSystem?: { getRect(): { y: number } } };
          };
          getViewOfComponentModel(model: unknown): { group: Group; getContentGroup(): Group };
        }
        const host = document.querySelector('[data-testid="chart-trend"] .echarts-host') as
          (HTMLElement & { chart?: Chart }) | null;
        const chart = host?.chart;
        if (chart === undefined) return null;
        const option = chart.getOption();
        const legend = chart.getViewOfComponentModel(chart.getModel().getComponent('legend'));
        const box = legend.group.getBoundingRect();
        return {
          legend: option.legend[0]?.type,
          items: legend.getContentGroup().childCount(),
          legendBottom: legend.group.y + box.y + box.height,
          plotTop: chart.getModel().getComponent('grid').coordinateSystem?.getRect().y ?? 0,
          looks: option.series.map((s) => `${s.lineStyle.color} ${s.lineStyle.type} ${s.symbol}`),
        };
      });
      expect(drawn).not.toBeNull();
      const { legend, items, legendBottom, plotTop, looks } = drawn ?? {};
      // The ten towns of the county with the most cases: more than the palette's eight colours.
      expect(looks).toHaveLength(10);
      expect(new Set(looks).size).toBe(10);
      // Every town named, none on a page of the legend a reader cannot turn on paper.
      expect(legend).toBe('plain');
      expect(items).toBe(10);
      // Above the plot, with room for the unit's name between (a 12 px line).
      expect(legendBottom ?? Infinity).toBeLessThanOrEqual((plotTop ?? 0) - 14);
      await page.close();
    },
  );

  it("gives a trend's few towns looks of their own, whatever their places among the county's", async () => {
    // Five towns state enforcement cases: the county's 2nd, 10th, 11th, 19th and 20th.
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${demo.url}#/?i=enforcement.cases`);
    await page.locator('[data-testid="chart-trend"] canvas').waitFor();
    await pageSettled(page);
    const looks = await page.evaluate(() => {
      const host = document.querySelector('[data-testid="chart-trend"] .echarts-host') as
        | (Element & {
            chart?: {
              getOption(): {
                series: { symbol: string; lineStyle: { color: string; type: string } }[];
              };
            };
          })
        | null;
      return (host?.chart?.getOption().series ?? []).map(
        (s) => `${s.lineStyle.color} ${s.lineStyle.type} ${s.symbol}`,
      );
    });
    expect(looks).toHaveLength(5);
    expect(new Set(looks).size).toBe(5);
    await page.close();
  });

  it('gives the first and the ninth town side by side colours of their own', async () => {
    const index = JSON.parse(readFileSync(join(DEMO_SITE, 'data', 'index.json'), 'utf8')) as {
      towns: { id: string; name: string }[];
    };
    const [first, ninth] = [index.towns[0], index.towns[8]];
    if (first === undefined || ninth === undefined) throw new Error('the demo has 20 towns');
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const st = encodeURIComponent(`${first.id}~${ninth.id}`);
    await page.goto(`${demo.url}#/?v=side&y=2024&c=mediation&st=${st}`);
    const side = page.getByTestId('side-by-side');
    expect(await side.getByLabel(first.name).isChecked()).toBe(true);
    expect(await side.getByLabel(ninth.name).isChecked()).toBe(true);
    await side.getByTestId('side-percentiles').check();
    await page.locator('[data-testid="chart-side"] .echarts-host').waitFor();
    // The percentiles' bars, a series per town named in the legend: told apart by colour alone.
    const colours = () =>
      page.evaluate(() => {
        const host = document.querySelector('[data-testid="chart-side"] .echarts-host') as
          | (Element & {
              chart?: { getOption(): { series: { name: string; itemStyle: { color: string } }[] } };
            })
          | null;
        return host?.chart?.getOption().series.map((s) => `${s.name} ${s.itemStyle.color}`) ?? [];
      });
    await expect.poll(colours).toHaveLength(2);
    const [a = '', b = ''] = await colours();
    expect(a.split(' ')[1]).not.toBe(b.split(' ')[1]);
    await page.close();
  });

  it('prints the county’s brief on two A4 sheets', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${demo.url}#/?v=brief`);
    await page.getByTestId('brief').waitFor();
    await pageSettled(page);
    // What the browser's print does first: the page laid out for paper.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pages = await pdfPages(new Uint8Array(pdf));
    expect(pages.length).toBeLessThanOrEqual(2);
    const text = pages.flatMap((p) => p.lines).join('\n');
    // Every category's card is there, down to the last.
    expect(text).toContain('行政执法');
    expect(text).toContain('演示数据(合成)'); // NFKC: full-width brackets read back as ASCII
    await page.close();
  });

  it('exports a town’s profile as shown: each year’s change, the latest year’s rank and percentile', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    // A town whose counts change from year to year, stated exactly.
    await page.goto(`${demo.url}#/?v=town&p=${encodeURIComponent('合成省/甲市/东南区/溪平镇')}`);
    const profile = page.getByTestId('town-profile');
    await expect.poll(() => profile.locator('h2').textContent()).toContain('溪平镇');
    await profile.waitFor();
    // The ranks loaded: no row still says so.
    await expect
      .poll(() => profile.locator('tbody tr td:last-child').allTextContents())
      .not.toContain(t('zh', 'loadingShort'));
    await pageSettled(page);
    // What the screen shows: per indicator, the rank and each year's change.
    const shown = await profile.locator('tbody tr').evaluateAll((rows) =>
      rows.map((tr) => {
        const cells = [...tr.querySelectorAll('td')];
        return {
          name: tr.querySelector('th')?.firstChild?.textContent?.trim() ?? '',
          rank: cells[cells.length - 1]?.textContent ?? '',
          changes: cells.slice(0, -1).map((td) => {
            const said = /同比\s*([+\u2212±]?)([\d,.]+)%/.exec(td.textContent ?? '');
            if (said === null) return '';
            const size = Number((said[2] ?? '').replace(/,/g, ''));
            return String(said[1] === '\u2212' ? -size : size);
          }),
        };
      }),
    );
    // The year columns: the last column is the latest year's rank.
    const years = (await profile.locator('thead th').allTextContents())
      .slice(1, -1)
      .map((h) => /^(\d{4})/.exec(h)?.[1] ?? h);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      profile.getByTestId('export-csv').click(),
    ]);
    const rows = csvRows(readFileSync(await file.path(), 'utf8'));
    const latest = years[years.length - 1];
    let ranked = 0;
    let changed = 0;
    for (const { name, rank, changes } of shown) {
      const mine = rows.filter((r) => r['indicator_zh'] === name);
      expect(
        mine.map((r) => r['year']),
        name,
      ).toEqual(years);
      expect(
        mine.map((r) => r['change_percent']),
        name,
      ).toEqual(changes);
      changed += changes.filter((c) => c !== '').length;
      const last = mine.find((r) => r['year'] === latest);
      expect(last?.['rank'] ?? '', name).toBe(/^(\d+)\//.exec(rank)?.[1] ?? '');
      if (/^\d+\//.test(rank)) {
        ranked++;
        expect(Number(last?.['percentile']), name).toBeGreaterThanOrEqual(0);
      }
    }
    // The demo town shows both: changes over exact counts, ranks among its county's towns.
    expect(changed).toBeGreaterThan(0);
    expect(ranked).toBeGreaterThan(0);
    await page.close();
  });

  it('prints the overview with each chart on the page of its heading, the multiples with their towns', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${demo.url}#/?i=mediation.cases`);
    await page.locator('[data-testid="chart-trend"] canvas').waitFor();
    // A placeholder gives way to its chart under the same test id: found again if replaced.
    await scrolledTo(page.getByTestId('chart-multiples'));
    await page.locator('[data-testid="chart-multiples"] canvas').waitFor();
    await pageSettled(page);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await pageSettled(page);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pages = (await pdfPages(new Uint8Array(pdf))).map((p) =>
      p.lines.join('\n').replace(/\s/g, ''),
    );
    const pageOf = (words: string): number =>
      pages.findIndex((p) => p.includes(words.normalize('NFKC').replace(/\s/g, '')));
    // Each panel's heading and the caption printed under its chart share a page.
    for (const panel of ['section.ranking', 'section.trends']) {
      const heading = (await page.locator(`${panel} h2`).first().textContent()) ?? '';
      const caption = (await page.locator(`${panel} .chart-caption`).first().textContent()) ?? '';
      expect(pageOf(heading), heading).toBeGreaterThanOrEqual(0);
      expect(pageOf(caption), `${heading}: ${caption}`).toBe(pageOf(heading));
    }
    // No closed data table prints as its "▶ 数据表" line alone.
    expect(pages.join('')).not.toContain('数据表');
    // The multiples, a page after the trend's legend, name their towns themselves.
    const legend = page.getByTestId('looks-legend');
    expect(await legend.isVisible()).toBe(true);
    const names = await legend.locator('li').allTextContents();
    expect(names).toHaveLength(10);
    const multiples = pages[pageOf('同类指标')] ?? '';
    for (const name of names) expect(containsAsPrinted(multiples, name), name).toBe(true);
    // Each town's mark is its line's: ten looks, none twice.
    const marks = await legend
      .locator('li svg')
      .evaluateAll((svgs) =>
        svgs.map((svg) =>
          svg.innerHTML.replace(/<line[^>]*stroke="([^"]*)"[^>]*>/, '$1 ').slice(0, 40),
        ),
      );
    expect(new Set(marks).size).toBe(10);
    await page.close();
  });
});
