/**
 * The brief checked against the data folder it was built on: each category's
 * highest and lowest towns worked out here from indicators.csv (not through
 * the app's code), and every figure of the brief opened to its sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../../src/catalog';
import { indicatorFileRows, tableRows } from '../helpers';

interface Stated {
  readonly town: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/**
 * What a row of indicators.csv leaves open for the year's count: 余 has no
 * upper end, 约 is within a tenth, a count up to a date (its `period`) is at
 * least that, and the other values the report states (`alternative_values`,
 * ;-separated) are possible too.
 */
function range(row: Record<string, string>): { low: number; high: number } {
  const value = Number(row['value']);
  const qualifier = row['qualifier'] ?? '=';
  let low = qualifier === '<=' ? -Infinity : qualifier === '~' ? value * 0.9 : value;
  let high = qualifier === '>=' ? Infinity : qualifier === '~' ? value * 1.1 : value;
  if ((row['period'] ?? '') !== '') high = Infinity;
  for (const other of (row['alternative_values'] ?? '').split(';').filter((v) => v !== '')) {
    low = Math.min(low, Number(other));
    high = Math.max(high, Number(other));
  }
  return { low, high };
}

export interface ExpectedEnds {
  readonly highest: string[];
  readonly lowest: string[];
}

/**
 * Per category, the towns whose headline figure for the data's latest year
 * surely exceeds (or falls short of) every other town's: at most three, and
 * at most half of the towns stating it.
 */
export function expectedEnds(data: string): {
  year: number;
  ends: Record<CategoryId, ExpectedEnds>;
} {
  const index = JSON.parse(readFileSync(join(data, 'index.json'), 'utf8')) as { years: number[] };
  const year = Math.max(...index.years);
  const rows = tableRows(data, 'values').filter(
    (r) => Number(r['year']) === year && r['value'] !== '',
  );
  const ends = {} as Record<CategoryId, ExpectedEnds>;
  for (const category of CATEGORY_IDS) {
    const stated: Stated[] = rows
      .filter((r) => r['indicator'] === CATEGORIES[category].headline)
      .map((r) => {
        return { town: r['town'] ?? '', value: Number(r['value']), ...range(r) };
      })
      .sort((a, b) => b.value - a.value);
    const n = stated.length;
    let top = 0;
    let bottom = 0;
    for (let i = 1; i <= Math.min(3, Math.floor(n / 2)); i++) {
      const head = stated.slice(0, i);
      const rest = stated.slice(i);
      if (head.every((h) => rest.every((r) => h.low > r.high))) top = i;
      const tail = stated.slice(n - i);
      const others = stated.slice(0, n - i);
      if (tail.every((t) => others.every((o) => t.high < o.low))) bottom = i;
    }
    ends[category] = {
      highest: stated.slice(0, top).map((s) => s.town),
      lowest: stated
        .slice(n - bottom)
        .reverse()
        .map((s) => s.town),
    };
  }
  return { year, ends };
}

/**
 * Checks that every category's card names the highest and lowest towns
 * expectedEnds works out from the data folder; returns how many it names.
 */
export async function expectEndsAsInData(page: Page, data: string): Promise<number> {
  const { year, ends } = expectedEnds(data);
  expect(await page.getByTestId('brief').locator('h2').textContent()).toContain(String(year));
  let named = 0;
  for (const category of CATEGORY_IDS) {
    expect(await namedTowns(page, category, 'highest')).toEqual(ends[category].highest);
    expect(await namedTowns(page, category, 'lowest')).toEqual(ends[category].lowest);
    named += ends[category].highest.length + ends[category].lowest.length;
  }
  return named;
}

/** The towns a row of a category's card names, in order. */
async function namedTowns(page: Page, category: string, row: string): Promise<string[]> {
  const figures = page
    .getByTestId(`brief-${category}`)
    .getByTestId(`brief-${row}`)
    .getByTestId('brief-figure');
  return (await figures.allTextContents()).map((text) => text.split(' ')[0] ?? '');
}

/** The sentence each report states each indicator's value in (its indicator file's quote). */
export function quotes(data: string): Map<string, string> {
  return new Map(
    indicatorFileRows(data).map((r) => [`${r['report_id']}|${r['indicator']}`, r['quote'] ?? '']),
  );
}

/**
 * Clicks the brief's figures (every one, or the first `limit`) and checks
 * that each opens the source panel on its report, the highlight on the words
 * that state it.
 */
export async function openEveryFigure(
  page: Page,
  quoted: ReadonlyMap<string, string>,
  limit = Infinity,
): Promise<number> {
  const figures = page.getByTestId('brief').getByTestId('brief-figure');
  const count = Math.min(await figures.count(), limit);
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const figure = figures.nth(i);
    const report = (await figure.getAttribute('data-report')) ?? '';
    const indicator = (await figure.getAttribute('data-indicator')) ?? '';
    await figure.click();
    const panel = page.getByTestId('source-panel');
    const highlight = panel.getByTestId('source-highlight').first();
    await highlight.waitFor();
    const quote = quoted.get(`${report}|${indicator}`) ?? '';
    expect(quote).not.toBe('');
    expect(quote).toContain((await highlight.textContent()) ?? '');
    await panel.getByRole('button', { name: '关闭' }).click();
    await panel.waitFor({ state: 'hidden' });
  }
  return count;
}
