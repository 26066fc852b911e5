/**
 * The sentences values come from, for exports. The app keeps no quote per
 * row (it shows the sentence from the report text); an export reads them from
 * the quote column of the values files it already fetched (the browser's
 * cache answers), and for values imported here from their report's text.
 */
import Papa from 'papaparse';
import type { IndicatorId } from '../catalog';
import { valuesFileOf } from '../extract/data-index';
import { fetchData } from './fetch';
import { quoteKey, type ValueRow } from './model';
import { sentenceAround } from './text-spans';

/** The text of a report imported in this browser, if it is one. */
export type LocalText = (reportId: string) => string | null;

function localQuote(row: ValueRow, textOf: LocalText): string | null {
  const text = textOf(row.reportId);
  if (text === null || row.start === null || row.end === null) return null;
  const { start, end } = sentenceAround(text, row.start, row.end);
  return text.slice(start, end).trim();
}

/**
 * Quotes of these rows by quoteKey. A file that cannot be read leaves its
 * rows' quotes empty: the export still has every value and its report id.
 */
export async function quotesOf(
  rows: readonly ValueRow[],
  textOf: LocalText,
): Promise<Map<string, string>> {
  const quotes = new Map<string, string>();
  const files = new Map<string, { indicator: IndicatorId; wanted: Set<string> }>();
  for (const row of rows) {
    if (row.local === true) {
      const quote = localQuote(row, textOf);
      if (quote !== null) quotes.set(quoteKey(row.reportId, row.indicator), quote);
      continue;
    }
    if (row.year === null) continue;
    const file = valuesFileOf(row.indicator, row.year);
    const entry = files.get(file) ?? { indicator: row.indicator, wanted: new Set<string>() };
    entry.wanted.add(row.reportId);
    files.set(file, entry);
  }
  await Promise.all(
    [...files].map(async ([file, { indicator, wanted }]) => {
      const fetched = await fetchData(file);
      if ('error' in fetched) return;
      const parsed = Papa.parse<Record<string, string>>(fetched.text.replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: true,
      });
      for (const record of parsed.data) {
        const id = record['report_id'] ?? '';
        if (wanted.has(id)) quotes.set(quoteKey(id, indicator), record['quote'] ?? '');
      }
    }),
  );
  return quotes;
}
