/**
 * The sentences values come from, for exports. The app keeps no quote per
 * row (it shows the sentence from the report text); an export reads them from
 * the quote column of the values files it already fetched (the browser's
 * cache answers). Values imported here are quoted from their text (ExportCsv).
 */
import Papa from 'papaparse';
import type { IndicatorId } from '../catalog';
import type { IndexYearFile } from '../extract/data-index';
import { fetchData } from './fetch';
import { quoteKey, type DatasetModel, type Quotes, type ValueRow } from './model';

/**
 * Quotes of these published rows by quoteKey, from the values files index.json
 * lists (`files`, the model's). A file is read only at the size index.json gives
 * it, as the rows were: a file replaced on the server since the page loaded
 * would pair a value with another run's sentence. A file that cannot be read so
 * leaves its rows' quotes empty, and is named in `unread` for the export to say
 * so: it still has every value and its report id.
 */
export async function quotesOf(
  rows: readonly ValueRow[],
  files: DatasetModel['files'],
): Promise<Quotes> {
  const quotes = new Map<string, string>();
  const unread: string[] = [];
  const wanted = new Map<IndexYearFile, { indicator: IndicatorId; reports: Set<string> }>();
  for (const row of rows) {
    // A value imported here has no published file: its sentence is cut from its text.
    if (row.local === true || row.year === null) continue;
    const listed = files.get(row.indicator)?.years.find((f) => f.year === row.year);
    if (listed === undefined) continue;
    const entry = wanted.get(listed) ?? { indicator: row.indicator, reports: new Set<string>() };
    entry.reports.add(row.reportId);
    wanted.set(listed, entry);
  }
  await Promise.all(
    [...wanted].map(async ([{ file, bytes }, { indicator, reports }]) => {
      const fetched = await fetchData(file, bytes);
      if (!fetched.ok) {
        unread.push(fetched.reason.file);
        return;
      }
      const parsed = Papa.parse<Record<string, string>>(fetched.data.replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: true,
      });
      for (const record of parsed.data) {
        const id = record['report_id'] ?? '';
        if (reports.has(id)) quotes.set(quoteKey(id, indicator), record['quote'] ?? '');
      }
    }),
  );
  return { quotes, unread: unread.sort() };
}
