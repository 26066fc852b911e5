/**
 * The CSV export of every view: the analysis table (src/export/analysis.ts)
 * with each value's sentence, English column ids or Chinese headers on
 * request. The table's code loads on the first click, not before the first chart.
 */
import { useState } from 'react';
import { quoteKey, type ExportItem, type Quotes, type ValueRow } from '../dataset/model';
import { t, type Lang } from '../i18n';
import { sentenceAround } from './text-spans';

/** The sentences of published rows by quoteKey (the caller knows where the data is). */
export type QuotesOf = (rows: readonly ValueRow[]) => Promise<Quotes>;
/** The text of a report imported in this browser; null for any other. */
export type TextOf = (reportId: string) => string | null;

/** Published rows' sentences from the data, imported ones' cut from their text. */
async function sentencesOf(
  rows: readonly ValueRow[],
  quotesOf: QuotesOf,
  textOf: TextOf,
): Promise<{ quotes: Map<string, string>; unread: readonly string[] }> {
  const published = await quotesOf(rows.filter((r) => r.local !== true));
  const quotes = new Map(published.quotes);
  for (const row of rows) {
    const text = row.local === true ? textOf(row.reportId) : null;
    if (text === null || row.start === null || row.end === null) continue;
    const { start, end } = sentenceAround(text, row.start, row.end);
    quotes.set(quoteKey(row.reportId, row.indicator), text.slice(start, end).trim());
  }
  return { quotes, unread: published.unread };
}

/**
 * Builds and downloads the table; resolves once the file is handed to the
 * browser, with the data files whose sentences it could not read.
 */
export async function saveAnalysis(
  fileName: string,
  items: readonly ExportItem[],
  quotesOf: QuotesOf,
  textOf: TextOf,
  headers: 'en' | 'zh',
): Promise<readonly string[]> {
  const [{ analysisCsv }, { exportRecord }, { download }] = await Promise.all([
    import('../export/analysis'),
    import('./export-records'),
    import('../export/csv'),
  ]);
  const rows = items.flatMap((i) => (i.row === null ? [] : [i.row]));
  const { quotes, unread } = await sentencesOf(rows, quotesOf, textOf);
  download(
    fileName,
    analysisCsv(
      items.map((i) => exportRecord(i, quotes, headers)),
      headers,
    ),
  );
  return unread;
}

/** Chinese headers once asked for stay asked for, in every view, until the page reloads. */
let chineseChosen = false;

export function ExportCsv({
  lang,
  fileName,
  items,
  quotesOf,
  textOf,
}: {
  readonly lang: Lang;
  readonly fileName: string;
  /** Computed on click: a province's table is not built for every render. */
  readonly items: () => readonly ExportItem[];
  readonly quotesOf: QuotesOf;
  readonly textOf: TextOf;
}) {
  const [chinese, setChinese] = useState(chineseChosen);
  const [busy, setBusy] = useState(false);
  /** The data files the last export could not read its sentences from. */
  const [unread, setUnread] = useState<readonly string[]>([]);
  return (
    <span className="export-csv">
      <button
        type="button"
        data-testid="export-csv"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setUnread([]);
          void saveAnalysis(fileName, items(), quotesOf, textOf, chinese ? 'zh' : 'en')
            .then(setUnread)
            .finally(() => setBusy(false));
        }}
      >
        {t(lang, 'exportCsv')}
      </button>
      <label className="export-headers">
        <input
          type="checkbox"
          data-testid="export-chinese"
          checked={chinese}
          onChange={(e) => {
            chineseChosen = e.target.checked;
            setChinese(e.target.checked);
          }}
        />{' '}
        {t(lang, 'chineseHeaders')}
      </label>
      {unread.length > 0 && (
        <span className="export-unread" role="alert" data-testid="export-unread">
          {t(lang, 'exportQuotesUnread', { n: unread.length, files: unread.join('、') })}
        </span>
      )}
    </span>
  );
}
