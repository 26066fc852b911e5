/**
 * The sentences of exported values: from the published values files, and for
 * values imported here from their report's text in this browser. The loader
 * (PapaParse) comes with the first export, not with the page.
 */
import type { ValueRow } from '../dataset/model';
import { useAppStore } from './index';

export async function exportQuotes(rows: readonly ValueRow[]): Promise<Map<string, string>> {
  const { quotesOf } = await import('../dataset/quotes');
  return quotesOf(
    rows,
    (id) => useAppStore.getState().imported.find((r) => r.reportId === id)?.text ?? null,
  );
}
