/**
 * The source panel's slice: the value whose sentence is shown, or the report
 * read whole. Both are in the link too (url.ts), so a shared link opens them.
 */
import type { StateCreator } from 'zustand';
import { DEFAULT_URL_STATE, type FullTextRef, type SourceRef } from './url';
import type { AppState } from './index';

export interface SourceSlice {
  readonly source: SourceRef | null;
  /** The source panel in full-text mode: this report, whole. */
  readonly fullText: FullTextRef | null;
  openSource(source: SourceRef): void;
  closeSource(): void;
  openFullText(report: FullTextRef): void;
  closeFullText(): void;
}

export const createSourceSlice: StateCreator<AppState, [], [], SourceSlice> = (set) => ({
  source: DEFAULT_URL_STATE.source,
  fullText: DEFAULT_URL_STATE.fullText,
  openSource: (source) => set({ source }),
  closeSource: () => set({ source: null }),
  openFullText: (fullText) => set({ fullText }),
  closeFullText: () => set({ fullText: null }),
});
