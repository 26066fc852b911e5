/**
 * The sentences values come from, for exports. The app keeps no quote per
 * row (it shows the sentence from the report text); an export reads them from
 * the quote column of the values files it already fetched (the browser's
 * cache answers). Values imported here are quoted from their text (ExportCsv).
 */
import Papa from 'papaparse';
import type { IndicatorId } from '../catalog';
import { valuesFileOf } from '../extract/data-index';
import { fetchData } from './fetch';
import { quoteKey, type ValueRow } from './model';

/**
 * Quotes of these published rows by quoteKey. A file that cannot be read leaves its
 * rows' quotes empty: the export still has every value and its report id.
 */
export async function quotesOf(rows: readonly ValueRow[]): Promise<Map<string, string>> {
  const quotes = new Map<string, string>();
  const files = new Map<string, { indicator: IndicatorId; wanted: Set<string> }>();
  for (const row of rows) {
    // A value imported here has no published file: its sentence is cut from its text.
    if (row.local === true || row.year === null) continue;
    const file = valuesFileOf(row.indicator, row.year);
    const entry = files.get(file) ?? { indicator: row.indicator, wanted: new Set<string>() };
    entry.wanted.add(row.reportId);
    files.set(file, entry);
  }
  await Promise.all(
    [...files].map(async ([file, { indicator, wanted }]) => {
      const fetched = await fetchData(file);
      if (!fetched.ok) return;
      const parsed = Papa.parse<Record<string, string>>(fetched.data.replace(/^\uFEFF/, ''), {
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
