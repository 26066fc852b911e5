/**
 * Printing each view on A4, as a reader does with the page's 打印 button.
 *
 * The button's path runs for real; only the browser's print dialog is
 * replaced: `window.print` fires `beforeprint` as the browser does, and from
 * then on no script runs (the resize observers are held) — in a real print
 * the page is laid out for paper straight after `beforeprint`, with no frame
 * in which a chart could notice its new width. The page is then laid out as
 * Chromium lays out a print (print media, the printable width of A4 within
 * the @page margins of src/styles.css), measured, and printed to PDF.
 *
 * PRINT_OUT=<folder> keeps each view's PDF and a screenshot of it there.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { VIEW_REGISTRY, type View } from '../../src/store/views';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';
import { chartSettled, pageSettled } from './settled';
import { pdfPages } from './pdf-pages';
import { buildSite } from './site';

/** The views that print (importing is not for paper). */
type Printed = Exclude<View, 'import'>;

let browser: Browser;
let site: StaticSite;
let siteDir: string;

beforeAll(async () => {
  siteDir = await buildSite();
  site = await serveStatic(siteDir, '/print/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const MM = 96 / 25.4;

/** A4's width less the @page margins the site's style sheet sets, in CSS px. */
function printableWidth(): number {
  const css = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'styles.css'), 'utf8');
  const page = /@page\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const margin = /margin:\s*([^;]+);/.exec(page)?.[1]?.trim().split(/\s+/) ?? [];
  const mm = margin.map((m) => {
    const [, n = '', unit = ''] = /^([\d.]+)(mm|px|cm|in)$/.exec(m) ?? [];
    const scale: Record<string, number> = { mm: 1, cm: 10, in: 25.4, px: 25.4 / 96 };
    const s = scale[unit];
    if (s === undefined) throw new Error(`@page margin ${m} not understood`);
    return Number(n) * s;
  });
  // margin: a | a b | a b c | a b c d — left is the second (or fourth) value.
  const right = mm[1] ?? mm[0];
  const left = mm[3] ?? right;
  if (left === undefined || right === undefined) throw new Error('no @page margin in styles.css');
  return (210 - left - right) * MM;
}

interface ReportRow {
  report_id: string;
  town: string;
  county: string;
  city: string;
  province: string;
  year: string;
  published: string;
}

function reportRows(): ReportRow[] {
  const text = readFileSync(join(siteDir, 'data', 'reports.csv'), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<ReportRow>(text, { header: true, skipEmptyLines: true }).data;
}

/** The date the header must name: the newest `published` among these reports, or the words for none. */
function expectedDate(rows: readonly ReportRow[]): string {
  const dates = rows
    .map((r) => r.published)
    .filter((d) => d !== '')
    .sort();
  const newest = dates[dates.length - 1];
  return newest === undefined ? t('zh', 'printNoDate') : newest;
}

/** Each town's latest report among these. */
function latestOf(rows: readonly ReportRow[]): ReportRow[] {
  const byTown = new Map<string, ReportRow>();
  for (const r of rows) {
    const key = [r.province, r.city, r.county, r.town].join('/');
    const had = byTown.get(key);
    if (had === undefined || Number(r.year) > Number(had.year)) byTown.set(key, r);
  }
  return [...byTown.values()];
}

/** Hold every ResizeObserver once the page "prints", and replace the dialog. */
async function openPrintable(view: Printed, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  await page.addInitScript(() => {
    const w = window as unknown as {
      printCalls: number;
      printHeld: boolean;
      ResizeObserver: typeof ResizeObserver;
    };
    w.printCalls = 0;
    w.printHeld = false;
    const Native = window.ResizeObserver;
    w.ResizeObserver = class extends Native {
      constructor(callback: ResizeObserverCallback) {
        super((entries, observer) => {
          if (!w.printHeld) callback(entries, observer);
        });
      }
    };
    window.print = () => {
      w.printCalls += 1;
      window.dispatchEvent(new Event('beforeprint'));
      w.printHeld = true;
    };
  });
  await page.goto(`${site.url}#/?v=${view}${query}`);
  await page.getByTestId(VIEW_READY[view]).waitFor();
  await pageSettled(page);
  return page;
}

const VIEW_READY: Readonly<Record<Printed, string>> = {
  overview: 'chart-ranking',
  brief: 'brief',
  compare: 'compare-matrix',
  side: 'chart-side',
  town: 'town-profile',
  quality: 'quality-page',
};

/** Every chart on the page has drawn and finished animating. */
async function chartsSettled(page: Page): Promise<void> {
  const count = await page.evaluate(() => {
    const hosts = document.querySelectorAll<HTMLElement>('.chart .echarts-host');
    hosts.forEach((host, i) => (host.dataset['printTest'] = String(i)));
    return hosts.length;
  });
  for (let i = 0; i < count; i++) await chartSettled(page, `[data-print-test="${i}"]`);
}

/** What sticks out beyond `width` on the printed page, or is drawn wider than its place. */
function overflowing(page: Page, width: number): Promise<string[]> {
  return page.evaluate((limit) => {
    const out: string[] = [];
    const name = (e: Element): string =>
      `${e.tagName.toLowerCase()}${e.className === '' || typeof e.className !== 'string' ? '' : '.' + e.className.trim().split(/\s+/).join('.')}`;
    for (const element of Array.from(document.querySelectorAll('.app *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > limit + 0.5 || box.left < -0.5 || box.width > limit + 0.5) {
        out.push(`${name(element)} ${Math.round(box.left)}–${Math.round(box.right)} px`);
      }
    }
    // A chart drawn for another width than its place is cut or leaves a gap.
    for (const host of Array.from(document.querySelectorAll('.chart div'))) {
      const chart = (host as HTMLElement & { chart?: { getWidth(): number } }).chart;
      if (chart !== undefined && Math.abs(chart.getWidth() - host.clientWidth) > 1) {
        out.push(`chart drawn ${chart.getWidth()} px wide in ${host.clientWidth} px`);
      }
    }
    return out.slice(0, 20);
  }, width);
}

interface Expected {
  /** Words the header must hold: the view, its towns, its year or years. */
  readonly scope: string[];
  readonly date: string;
}

/** What each view shows, worked out from the data files and the page. */
const EXPECTED: Readonly<Record<Printed, (page: Page) => Promise<Expected>>> = {
  overview: async () => {
    const rows = reportRows();
    const year = String(Math.max(...rows.map((r) => Number(r.year))));
    return {
      scope: [t('zh', 'overview'), t('zh', 'printTownsAll', { n: latestOf(rows).length }), year],
      date: expectedDate(rows.filter((r) => r.year === year)),
    };
  },
  brief: async () => {
    const rows = reportRows();
    const year = String(Math.max(...rows.map((r) => Number(r.year))));
    return {
      scope: [t('zh', 'brief'), t('zh', 'printTownsAll', { n: latestOf(rows).length }), year],
      date: expectedDate(rows.filter((r) => r.year === year)),
    };
  },
  compare: async (page) => {
    const rows = reportRows();
    // The matrix opens on each town's latest report when the year would leave rows empty.
    expect(await page.getByTestId('auto-latest').count()).toBe(1);
    return {
      scope: [
        t('zh', 'compare'),
        t('zh', 'printTownsAll', { n: latestOf(rows).length }),
        t('zh', 'printLatest'),
      ],
      date: expectedDate(latestOf(rows)),
    };
  },
  side: async (page) => {
    const shown = await page
      .getByTestId('side-by-side')
      .locator('thead th')
      .evaluateAll((ths) => ths.slice(1).map((th) => th.firstChild?.textContent?.trim() ?? ''));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const rows = latestOf(reportRows()).filter((r) => shown.includes(r.town));
    return {
      scope: [t('zh', 'sideBySide'), ...shown, t('zh', 'printLatest')],
      date: expectedDate(rows),
    };
  },
  town: async (page) => {
    const heading = (await page.getByTestId('town-profile').locator('h2').textContent()) ?? '';
    const rows = reportRows().filter((r) => heading.includes(r.town));
    expect(rows.length).toBeGreaterThan(0);
    const town = rows[0]?.town ?? '';
    return {
      scope: [t('zh', 'townProfile'), town, ...rows.map((r) => r.year)],
      date: expectedDate(rows),
    };
  },
  quality: async () => {
    const rows = reportRows();
    return {
      scope: [t('zh', 'quality'), t('zh', 'printTownsAll', { n: latestOf(rows).length })],
      date: expectedDate(rows),
    };
  },
};

/** Pages a view may take on A4 with the sample data. */
const MAX_PAGES: Readonly<Record<Printed, number>> = {
  // Cards and ranking, then the trend, then the small multiples (each kept whole).
  overview: 3,
  // The brief's promise: two sheets for a meeting.
  brief: 2,
  compare: 2,
  side: 2,
  town: 2,
  quality: 2,
};

const PRINTED = VIEW_REGISTRY.map((v) => v.view).filter((v): v is Printed => v !== 'import');

describe('printing on A4', () => {
  const width = printableWidth();

  it('reads the printable width from the style sheet', () => {
    // 210 mm less two 12 mm margins at 96 dpi.
    expect(width).toBeGreaterThan(600);
    expect(width).toBeLessThan(794);
  });

  it.each(PRINTED)(
    'prints the %s view within the page, its header naming its scope and date',
    async (view) => {
      const page = await openPrintable(view);
      await chartsSettled(page);
      const expected = await EXPECTED[view](page);
      const header = page.getByTestId('print-header');
      // On screen the header is not there to see.
      expect(await header.count()).toBe(1);
      expect(await header.isVisible()).toBe(false);

      await page.getByRole('button', { name: t('zh', 'print') }).click();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls))
        .toBe(1);
      // The page as the printer lays it out: print media, the printable width.
      await page.setViewportSize({ width: Math.round(width), height: 1000 });
      await page.emulateMedia({ media: 'print' });

      // (a) Nothing wider than the paper, nothing cut at the right, charts drawn for their place.
      expect(await overflowing(page, width)).toEqual([]);
      const charts = await page.locator('.chart svg, .chart canvas').count();
      if (view === 'overview' || view === 'side') expect(charts).toBeGreaterThan(0);

      // (c) The header, printed: the view, its towns and years, the data's date.
      expect(await header.isVisible()).toBe(true);
      const said = (await header.textContent()) ?? '';
      for (const word of expected.scope) expect(said).toContain(word);
      expect(said).toContain(expected.date);
      // No stray scope: the filter bar's year (which the view may not show) is not printed.
      expect(await page.locator('.filter-bar').isVisible()).toBe(false);

      // (b) The PDF.
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      const pages = await pdfPages(new Uint8Array(pdf));
      const out = process.env['PRINT_OUT'];
      if (out !== undefined) {
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, `${view}.pdf`), pdf);
        await page.screenshot({ path: join(out, `${view}.png`), fullPage: true });
        writeFileSync(
          join(out, `${view}.txt`),
          pages.map((p, i) => `--- page ${i + 1}\n${p.lines.join('\n')}`).join('\n'),
        );
      }
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(MAX_PAGES[view]);
      const first = pages[0]?.lines.join('\n') ?? '';
      const bare = (text: string): string => text.normalize('NFKC').replace(/\s/g, '');
      // The header is printed on the first page.
      expect(bare(first)).toContain(bare(expected.date));
      expect(bare(first)).toContain(bare(expected.scope[0] ?? ''));
      // The first page holds more than the page's title and the print header (4 lines).
      expect(pages[0]?.lines.length).toBeGreaterThan(6);
      if (view === 'town') {
        // One continuous document: the profile's table starts on the page of its heading.
        const firstIndicatorRow = await page
          .getByTestId('town-profile')
          .locator('tbody th')
          .first()
          .evaluate((th) => th.firstChild?.textContent?.trim() ?? '');
        expect(first).toContain(t('zh', 'profileYears'));
        // No near-empty page (it printed a page of two lines).
        for (const [i, p] of pages.entries()) {
          expect(p.lines.length, `page ${i + 1}: ${p.lines.join(' | ')}`).toBeGreaterThan(5);
        }
        expect(bare(first)).toContain(bare(firstIndicatorRow));
      }

      // After the print the page is the screen's again, its charts as wide as their place.
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1360, height: 1000 });
      await page.evaluate(() => {
        (window as unknown as { printHeld: boolean }).printHeld = false;
        window.dispatchEvent(new Event('afterprint'));
      });
      await expect.poll(() => overflowing(page, 1360)).toEqual([]);
      const appWidth = await page.locator('.app').evaluate((e) => e.getBoundingClientRect().width);
      expect(appWidth).toBeGreaterThan(width + 100);
      await page.close();
    },
  );

  it('redraws the charts for paper on Ctrl+P too (the browser’s own print, no button)', async () => {
    const page = await openPrintable('overview');
    await page.getByTestId('chart-multiples').locator('canvas').first().waitFor();
    await chartsSettled(page);
    // Ctrl+P: the browser fires beforeprint and lays the page out for paper at once.
    await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      (window as unknown as { printHeld: boolean }).printHeld = true;
    });
    await page.setViewportSize({ width: Math.round(width), height: 1000 });
    await page.emulateMedia({ media: 'print' });
    expect(await overflowing(page, width)).toEqual([]);
    expect(await page.getByTestId('print-header').isVisible()).toBe(true);
    await page.close();
  });

  it('words the print header in English on the English page', async () => {
    const page = await openPrintable('compare', '&l=en');
    await page.emulateMedia({ media: 'print' });
    const said = (await page.getByTestId('print-header').textContent()) ?? '';
    const rows = reportRows();
    expect(said).toContain(t('en', 'compare'));
    expect(said).toContain(t('en', 'printTownsAll', { n: latestOf(rows).length }));
    expect(said).toContain(t('en', 'printLatest'));
    expect(said).toContain(t('en', 'printDate', { date: expectedDate(latestOf(rows)) }));
    expect(said).not.toMatch(/[\u4e00-\u9fff]/);
    await page.close();
  });
});
