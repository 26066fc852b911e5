/**
 * The filters slice: what the page shows (view, year, towns, indicator,
 * language and each view's choices), mirrored in the URL hash (url.ts).
 */
import type { StateCreator } from 'zustand';
import { INDICATORS, type CategoryId, type IndicatorId, headlineOf } from '../catalog';
import type { Lang } from '../i18n';
import { DEFAULT_URL_STATE, type UrlState, type View, type YearMode } from './url';
import type { AppState } from './index';

/** The URL state but the source panel's (source-slice.ts). */
export type FilterState = Omit<UrlState, 'source' | 'fullText'>;

export interface FiltersSlice extends FilterState {
  setView(view: View): void;
  setYearMode(mode: YearMode): void;
  setSortBy(indicator: IndicatorId | null): void;
  showTown(townId: string): void;
  setSideTowns(towns: readonly string[]): void;
  setTrendAll(all: boolean): void;
  setYear(year: number): void;
  setTowns(towns: readonly string[] | null): void;
  /** Where the reader moved the ranking's data zoom (ranks above its window). */
  setRankStart(rankStart: number): void;
  setCategory(category: CategoryId): void;
  setIndicator(indicator: IndicatorId): void;
  setLang(lang: Lang): void;
  /** A link's state: what it does not say is the default (the source panel's fields too). */
  applyUrl(state: Partial<UrlState>): void;
}

export const createFiltersSlice: StateCreator<AppState, [], [], FiltersSlice> = (set) => ({
  // The source panel's two fields come along; its slice starts them alike.
  ...DEFAULT_URL_STATE,
  // Another view closes the source panel.
  setView: (view) => set({ view, source: null, fullText: null }),
  setYearMode: (yearMode) => set({ yearMode }),
  setSortBy: (sortBy) => set({ sortBy }),
  showTown: (profileTown) => set({ profileTown, view: 'town', source: null, fullText: null }),
  setSideTowns: (sideTowns) => set({ sideTowns: sideTowns.slice(0, 4) }),
  setTrendAll: (trendAll) => set({ trendAll }),
  // A new ranking (year, towns, indicator) starts at its top.
  setYear: (year) => set({ year, rankStart: 0 }),
  setTowns: (towns) => set({ towns, rankStart: 0 }),
  setRankStart: (rankStart) => set({ rankStart }),
  setCategory: (category) => set({ category, indicator: headlineOf(category), rankStart: 0 }),
  setIndicator: (indicator) =>
    set({ indicator, category: INDICATORS[indicator].category, rankStart: 0 }),
  setLang: (lang) => set({ lang }),
  applyUrl: (state) => set({ ...DEFAULT_URL_STATE, ...state }),
});
