/**
 * Browser-side checks shared by the security tests: hovering every drawn item
 * of a chart (its tooltip shows), and finding markup that data must never
 * have become.
 */
import type { Locator, Page } from 'playwright-core';
import { clickUntilShown } from '../e2e/bars';
import { chartSettled } from '../e2e/settled';

/** A chart's element (`.echarts-host`) carries its ECharts instance (see use-echart.ts). */
interface ChartHost extends HTMLElement {
  chart?: {
    getModel(): {
      eachSeries(
        f: (s: {
          seriesIndex: number;
          getData(): {
            count(): number;
            getItemLayout(i: number): unknown;
            getLayout(key: string): unknown;
          };
        }) => void,
      ): void;
    };
  };
}

const hostOf = (testId: string): string => `[data-testid="${testId}"] .echarts-host`;

/** Where each point and bar of a chart is drawn, in the chart's own pixels, once drawn. */
async function chartPoints(page: Page, testId: string): Promise<{ x: number; y: number }[]> {
  const selector = hostOf(testId);
  await page.locator(selector).first().waitFor();
  // Until the chart has laid out its series (lines draw after the first chart).
  await page.waitForFunction((s) => {
    const host = document.querySelector(s) as ChartHost | null;
    let items = 0;
    host?.chart?.getModel().eachSeries((series) => {
      items += series.getData().count();
    });
    return items > 0;
  }, selector);
  // Where the points are once drawn whole (the trend's lines grow in).
  await chartSettled(page, selector);
  return page.evaluate((s) => {
    const host = document.querySelector(s) as ChartHost;
    const found: { x: number; y: number }[] = [];
    host.chart?.getModel().eachSeries((series) => {
      const data = series.getData();
      // Lines lay their points out as one flat array; bars item by item.
      const line = data.getLayout('points') as ArrayLike<number> | undefined;
      for (let i = 0; i < data.count(); i++) {
        const bar = data.getItemLayout(i) as {
          x: number;
          y: number;
          width: number;
          height: number;
        } | null;
        const [x, y] =
          line !== undefined
            ? [line[2 * i] ?? NaN, line[2 * i + 1] ?? NaN]
            : bar === null
              ? [NaN, NaN]
              : [bar.x + bar.width / 2, bar.y + bar.height / 2];
        if (Number.isFinite(x) && Number.isFinite(y)) found.push({ x, y });
      }
    });
    return found;
  }, selector);
}

/** A chart's point in the viewport, scrolled into view first. */
function inView(
  page: Page,
  testId: string,
  point: { x: number; y: number },
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ s, x, y }) => {
      const host = document.querySelector(s) as HTMLElement;
      const top = host.getBoundingClientRect().top + y;
      if (top < 40 || top > innerHeight - 40) window.scrollBy(0, top - innerHeight / 2);
      const rect = host.getBoundingClientRect();
      return { x: rect.left + x, y: rect.top + y };
    },
    { s: hostOf(testId), ...point },
  );
}

/**
 * Moves the mouse over every point and bar of the chart in `testId`'s
 * element, one after another, and returns the text of each tooltip shown;
 * throws if a tooltip holds any element but a line break.
 */
export async function hoverChart(page: Page, testId: string): Promise<string[]> {
  const selector = hostOf(testId);
  // Every change ECharts makes to the tooltip's content, counted: a hover has
  // shown its tooltip when the count moves (a fixed wait would pass whether it
  // had or not). Counted on the chart's element as it is when asked: the page
  // may replace the element (a preview swapped for the full chart), and a
  // count kept on the old one would never move.
  const changes = (): Promise<number> =>
    page.evaluate((s) => {
      const host = document.querySelector(s) as (HTMLElement & { tipChanges?: number }) | null;
      if (host === null) return 0;
      if (host.tipChanges === undefined) {
        host.tipChanges = 0;
        new MutationObserver((records) => {
          const tip = records.some((r) => {
            const element = r.target instanceof Element ? r.target : r.target.parentElement;
            return element?.closest('div[style*="z-index: 9999999"]') != null;
          });
          if (tip) host.tipChanges = (host.tipChanges ?? 0) + 1;
        }).observe(host, { subtree: true, childList: true, characterData: true });
      }
      return host.tipChanges;
    }, selector);
  // The first hover may swap a long ranking's preview for the full chart:
  // hover once, let it redraw, then read where the points are.
  const first = (await chartPoints(page, testId))[0];
  if (first !== undefined) {
    const p = await inView(page, testId, first);
    await page.mouse.move(p.x, p.y, { steps: 2 });
    await chartSettled(page, selector);
  }
  // The tooltip's code loads after the first chart (LazyChart adds the
  // tooltip to the option once it is in): hovers before then show nothing.
  await page.waitForFunction(
    (s) => {
      const host = document.querySelector(s) as
        (HTMLElement & { chart?: { getOption(): { tooltip?: unknown[] } } }) | null;
      return (host?.chart?.getOption().tooltip?.length ?? 0) > 0;
    },
    selector,
    { timeout: 15_000 },
  );
  await chartSettled(page, selector);
  const texts: string[] = [];
  // A busy machine may move or redraw the chart under the pointer: a pass that
  // showed no tooltip at all is tried again, its points read afresh.
  for (let pass = 0; pass < 3 && texts.length === 0; pass += 1) {
    await page.mouse.move(1, 1);
    texts.push(...(await hoverPoints(page, testId, selector, changes)));
  }
  await page.mouse.move(1, 1);
  // A chart whose tooltips never showed has not been checked at all.
  if (texts.length === 0) throw new Error(`no tooltip of ${testId} showed`);
  return texts;
}

/** Hovers each point of the chart once; the texts of the tooltips that showed. */
async function hoverPoints(
  page: Page,
  testId: string,
  selector: string,
  changes: () => Promise<number>,
): Promise<string[]> {
  const texts: string[] = [];
  for (const point of await chartPoints(page, testId)) {
    const before = await changes();
    const p = await inView(page, testId, point);
    await page.mouse.move(p.x + 1, p.y, { steps: 2 });
    const shown = await page
      .waitForFunction(
        ({ s, n }) =>
          ((document.querySelector(s) as HTMLElement & { tipChanges?: number }).tipChanges ?? 0) >
          n,
        { s: selector, n: before },
        { timeout: 3000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (!shown) continue;
    const text = await page.evaluate((s) => {
      const host = document.querySelector(s);
      // ECharts' HTML tooltip: a positioned div inside the chart's element.
      const tip = [...(host?.querySelectorAll('div') ?? [])].find(
        (d) => d.style.zIndex === '9999999' && d.style.display !== 'none',
      );
      // A line break is the only markup a tooltip may hold (see src/charts/tooltip.ts).
      const markup = [...(tip?.querySelectorAll(':not(br)') ?? [])].map((e) => e.tagName);
      return { text: tip?.textContent ?? '', markup };
    }, selector);
    if (text.markup.length > 0) {
      throw new Error(`a tooltip of ${testId} holds markup: ${text.markup.join(', ')}`);
    }
    if (text.text !== '') texts.push(text.text);
  }
  return texts;
}

/**
 * Clicks the chart's first point or bar (a ranking's top bar is its last)
 * until `opened` shows, the point found afresh for each try (see clickUntilShown).
 */
export function clickChart(
  page: Page,
  testId: string,
  opened: Locator,
  last = false,
  withinMs = 20_000,
): Promise<void> {
  return clickUntilShown(
    page,
    async () => {
      const points = await chartPoints(page, testId);
      const point = last ? points[points.length - 1] : points[0];
      if (point === undefined) throw new Error(`${testId} draws nothing`);
      return inView(page, testId, point);
    },
    opened,
    testId,
    withinMs,
  );
}

/**
 * Markup that only data could have put there: elements a payload would
 * create, event-handler attributes, javascript: URLs, scripts naming the flag.
 * Empty when the page holds none.
 */
export function injectedMarkup(page: Page, flag: string): Promise<string[]> {
  return page.evaluate((f) => {
    const found: string[] = [];
    // None of these is the app's own (it has details and inputs: their payloads carry on* attributes).
    const tags = ['iframe', 'object', 'embed', 'video', 'marquee', 'math'];
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (el.matches('img[src="x"]') || tags.includes(tag)) found.push(`<${tag}>`);
      if (tag === 'script' && (el.textContent ?? '').includes(f)) found.push('<script> with flag');
      if (tag === 'style' && (el.textContent ?? '').includes('display:none')) found.push('<style>');
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        if (/^on/i.test(attr)) found.push(`<${tag} ${attr}>`);
        // data-report (the brief's figures) holds a report id as data, never followed as a link.
        if (/^\s*javascript:/i.test(value) && attr !== 'data-report') {
          found.push(`<${tag} ${attr}="${value}">`);
        }
      }
    }
    return found;
  }, flag);
}
