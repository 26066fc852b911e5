/**
 * The print slice: the print button was pressed, every lazy part loads, then
 * the page prints; and what the view shown prints in its header (its scope),
 * which the view states and the page's print header words.
 */
import type { StateCreator } from 'zustand';
import type { PrintScope } from '../dataset/print-scope';
import type { AppState } from './index';

export interface PrintSlice {
  readonly printing: boolean;
  setPrinting(printing: boolean): void;
  /** The scope of the view shown; null while none has stated it. */
  readonly printScope: PrintScope | null;
  setPrintScope(scope: PrintScope | null): void;
}

export const createPrintSlice: StateCreator<AppState, [], [], PrintSlice> = (set) => ({
  printing: false,
  setPrinting: (printing) => set({ printing }),
  printScope: null,
  setPrintScope: (printScope) => set({ printScope }),
});
