/**
 * The text a source panel shows: a report imported in this browser has it
 * here; a published report's is fetched (dataset/load.ts, each once) from
 * where its row says it is, so it waits for the row (its county's reports,
 * or the whole list).
 */
import { useEffect, useState } from 'react';
import type { ReportInfo } from '../../dataset/model';

/**
 * `published`: the published report's row, if found; `lookedUp`: whether the
 * files that would name it have loaded (or failed). Gives the text, null
 * when it cannot be had (no row, a row with no text, a failed fetch),
 * undefined while it is on its way.
 */
export function useReportText(
  reportId: string | null,
  localText: string | null,
  published: Pick<ReportInfo, 'text'> | undefined,
  lookedUp: boolean,
): string | null | undefined {
  const [loaded, setLoaded] = useState<{ key: string; text: string | null } | null>(null);
  const report = published ?? (lookedUp ? null : undefined);
  const at = report?.text;
  const key =
    reportId === null || localText !== null || at === undefined || at === null
      ? null
      : `${reportId}|${at.file}|${at.offset}|${at.length}`;
  useEffect(() => {
    if (key === null || at === undefined || at === null) return;
    let live = true;
    void import('../../dataset/load')
      .then((m) => m.loadReportText(at))
      .catch((error: unknown) => {
        console.error(`the text of ${reportId ?? ''}:`, error);
        return null;
      })
      .then((text) => {
        if (live) setLoaded({ key, text });
      });
    return () => {
      live = false;
    };
  }, [key, at, reportId]);
  if (reportId === null) return null;
  if (localText !== null) return localText;
  // No row, or a row with no text: nothing to fetch.
  if (report === null || at === null) return null;
  if (at === undefined) return undefined;
  return loaded?.key === key ? loaded.text : undefined;
}
