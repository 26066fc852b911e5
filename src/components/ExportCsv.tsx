/**
 * The CSV export of every view: the analysis table (src/export/analysis.ts)
 * with each value's sentence, English column ids or Chinese headers on
 * request. The table's code loads on the first click, not before the first chart.
 */
import { useState } from 'react';
import type { ExportItem, ValueRow } from '../dataset/model';
import { t, type Lang } from '../i18n';

/** The sentences of these rows by quoteKey (the caller knows where the data and imports are). */
export type QuotesOf = (rows: readonly ValueRow[]) => Promise<ReadonlyMap<string, string>>;

/** Builds and downloads the table; resolves once the file is handed to the browser. */
export async function saveAnalysis(
  fileName: string,
  items: readonly ExportItem[],
  quotesOf: QuotesOf,
  headers: 'en' | 'zh',
): Promise<void> {
  const [{ analysisCsv }, { exportRecord }, { download }] = await Promise.all([
    import('../export/analysis'),
    import('./export-records'),
    import('../export/csv'),
  ]);
  const quotes = await quotesOf(items.flatMap((i) => (i.row === null ? [] : [i.row])));
  download(
    fileName,
    analysisCsv(
      items.map((i) => exportRecord(i, quotes, headers)),
      headers,
    ),
  );
}

/** Chinese headers once asked for stay asked for, in every view, until the page reloads. */
let chineseChosen = false;

export function ExportCsv({
  lang,
  fileName,
  items,
  quotesOf,
}: {
  readonly lang: Lang;
  readonly fileName: string;
  /** Computed on click: a province's table is not built for every render. */
  readonly items: () => readonly ExportItem[];
  readonly quotesOf: QuotesOf;
}) {
  const [chinese, setChinese] = useState(chineseChosen);
  const [busy, setBusy] = useState(false);
  return (
    <span className="export-csv">
      <button
        type="button"
        data-testid="export-csv"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void saveAnalysis(fileName, items(), quotesOf, chinese ? 'zh' : 'en').finally(() =>
            setBusy(false),
          );
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
    </span>
  );
}
