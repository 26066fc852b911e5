/**
 * Where an export finds its sentences: the published values files (their
 * loader, PapaParse, comes with the first export, not with the page), and the
 * texts of the reports imported in this browser.
 */
import type { Quotes, ValueRow } from '../dataset/model';
import { useAppStore } from './index';

export async function exportQuotes(rows: readonly ValueRow[]): Promise<Quotes> {
  const { quotesOf } = await import('../dataset/quotes');
  return quotesOf(rows, useAppStore.getState().model?.files ?? new Map());
}

export function importedText(reportId: string): string | null {
  return useAppStore.getState().imported.find((r) => r.reportId === reportId)?.text ?? null;
}
