/** The print slice: the print button was pressed, every lazy part loads, then the page prints. */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface PrintSlice {
  readonly printing: boolean;
  setPrinting(printing: boolean): void;
}

export const createPrintSlice: StateCreator<AppState, [], [], PrintSlice> = (set) => ({
  printing: false,
  setPrinting: (printing) => set({ printing }),
});
