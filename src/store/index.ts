/**
 * One Zustand store made of slices: the filters (mirrored in the URL hash),
 * the open source panel, the loaded data, and the importer's workspace
 * (import-slice.ts). Actions sit beside their state.
 *
 * May import: src/catalog, src/i18n, src/dataset.
 */
import { create } from 'zustand';
import { CATEGORIES, INDICATORS, type CategoryId, type IndicatorId } from '../catalog';
import {
  isLoaded,
  withCounty,
  withIndicatorYear,
  withReports,
  type DatasetModel,
  type Issue,
} from '../dataset/model';
import type * as DataLoader from '../dataset/load';
import type { Lang } from '../i18n';
import {
  parseUrlState,
  serializeUrlState,
  sourceOf,
  type FullTextRef,
  type SourceRef,
  type UrlState,
  type View,
  type YearMode,
} from './url';
import { createImportSlice, showImportsInModel, type ImportSlice } from './import-slice';

export type { FullTextRef, SourceRef, UrlState, View, YearMode };
export { sourceOf };

interface FiltersSlice extends UrlState {
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
  openSource(source: SourceRef): void;
  closeSource(): void;
  /** The source panel in full-text mode: this report, whole. */
  openFullText(report: FullTextRef): void;
  closeFullText(): void;
  applyUrl(state: Partial<UrlState>): void;
}

export type LoadState = 'loading' | 'ready' | 'failed';

interface DataSlice {
  /** The index: towns, years, files. */
  readonly status: LoadState;
  readonly model: DatasetModel | null;
  readonly loadErrors: readonly Issue[];
  /** Indicator-years (`id@year`) asked for and not yet loaded, or whose file failed. */
  readonly indicatorLoads: ReadonlyMap<string, LoadState>;
  readonly reportsLoad: LoadState | null;
  /** Counties (by key) asked for: loading, or failed. */
  readonly countyLoads: ReadonlyMap<string, LoadState>;
  /** The print button was pressed: every lazy part loads, then the page prints. */
  readonly printing: boolean;
  setPrinting(printing: boolean): void;
  setData(model: DatasetModel | null, errors: readonly Issue[]): void;
  /** Fetches (once) these indicators' values for these years (default: all). */
  requestIndicators(ids: readonly IndicatorId[], years?: readonly number[]): void;
  /** Fetches (once) reports.csv. */
  requestReports(): void;
  /** Fetches (once) every value and report of one county. */
  requestCounty(key: string): void;
}

export type AppState = FiltersSlice & DataSlice & ImportSlice;

const DEFAULT_CATEGORY: CategoryId = 'mediation';

export const DEFAULT_URL_STATE: UrlState = {
  view: 'overview',
  year: null,
  towns: null,
  category: DEFAULT_CATEGORY,
  indicator: CATEGORIES[DEFAULT_CATEGORY].headline as IndicatorId,
  lang: 'zh',
  source: null,
  fullText: null,
  yearMode: 'auto',
  sortBy: null,
  profileTown: null,
  sideTowns: [],
  trendAll: false,
  rankStart: 0,
};

// The data layer (PapaParse, schemas, the worker) is its own chunk.
const loader = (): Promise<typeof DataLoader> => import('../dataset/load');

export const useAppStore = create<AppState>()((set, get) => ({
  ...DEFAULT_URL_STATE,
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
  setCategory: (category) =>
    set({ category, indicator: CATEGORIES[category].headline as IndicatorId, rankStart: 0 }),
  setIndicator: (indicator) =>
    set({ indicator, category: INDICATORS[indicator].category, rankStart: 0 }),
  setLang: (lang) => set({ lang }),
  openSource: (source) => set({ source }),
  closeSource: () => set({ source: null }),
  openFullText: (fullText) => set({ fullText }),
  closeFullText: () => set({ fullText: null }),
  applyUrl: (state) => set({ ...DEFAULT_URL_STATE, ...state }),

  status: 'loading',
  model: null,
  loadErrors: [],
  indicatorLoads: new Map(),
  reportsLoad: null,
  countyLoads: new Map(),
  printing: false,
  setPrinting: (printing) => set({ printing }),
  setData: (model, loadErrors) =>
    set((s) => ({
      model,
      loadErrors,
      status: model === null ? 'failed' : 'ready',
      // Default to the latest year with data once it is known.
      year: s.year ?? model?.years[model.years.length - 1] ?? null,
    })),
  requestIndicators: (ids, years) => {
    const { model, indicatorLoads } = get();
    if (model === null) return;
    const wanted: { id: IndicatorId; year: number; key: string }[] = [];
    for (const id of ids) {
      for (const year of years ?? model.years) {
        const key = loadKey(id, year);
        if (!isLoaded(model, id, year) && !indicatorLoads.has(key)) wanted.push({ id, year, key });
      }
    }
    if (wanted.length === 0) return;
    set((s) => {
      const loads = new Map(s.indicatorLoads);
      for (const w of wanted) loads.set(w.key, 'loading');
      return { indicatorLoads: loads };
    });
    const known = publishedTowns(model);
    void loader().then((m) => {
      for (const { id, year, key } of wanted) {
        const info = model.files.get(id);
        if (info === undefined) continue;
        void m.loadIndicatorYear(info, year, known).then(({ rows, errors }) =>
          set((s) => {
            const loads = new Map(s.indicatorLoads);
            const failed = rows.length === 0 && errors.length > 0;
            if (failed) loads.set(key, 'failed');
            else loads.delete(key);
            return {
              indicatorLoads: loads,
              model:
                failed || s.model === null ? s.model : withIndicatorYear(s.model, id, year, rows),
              loadErrors: errors.length === 0 ? s.loadErrors : [...s.loadErrors, ...errors],
            };
          }),
        );
      }
    });
  },
  requestReports: () => {
    const { model, reportsLoad } = get();
    if (model === null || reportsLoad !== null || model.reports !== null) return;
    set({ reportsLoad: 'loading' });
    void loader()
      .then((m) => m.loadReports(model.reportsFile))
      .then(({ rows, errors }) =>
        set((s) => ({
          reportsLoad: rows.length === 0 && errors.length > 0 ? 'failed' : 'ready',
          model: s.model === null ? null : withReports(s.model, rows),
          loadErrors: errors.length === 0 ? s.loadErrors : [...s.loadErrors, ...errors],
        })),
      );
  },
  requestCounty: (key) => {
    const { model, countyLoads } = get();
    const info = model?.counties.get(key);
    if (model === null || info === undefined || model.countyData.has(key) || countyLoads.has(key)) {
      return;
    }
    set((s) => ({ countyLoads: new Map(s.countyLoads).set(key, 'loading') }));
    void loader()
      .then((m) => m.loadCounty(info, publishedTowns(model)))
      .then(({ data, errors }) =>
        set((s) => {
          const loads = new Map(s.countyLoads);
          const failed = data.values.length === 0 && data.reports.length === 0 && errors.length > 0;
          if (failed) loads.set(key, 'failed');
          else loads.delete(key);
          return {
            countyLoads: loads,
            model: failed || s.model === null ? s.model : withCounty(s.model, key, data),
            loadErrors: errors.length === 0 ? s.loadErrors : [...s.loadErrors, ...errors],
          };
        }),
      );
  },

  ...createImportSlice(set, get),
}));

showImportsInModel(useAppStore);

const loadKey = (id: IndicatorId, year: number): string => `${id}@${year}`;

/** Whether index.json lists a town (a published file's rows must be of those). */
function publishedTowns(model: DatasetModel): (townId: string) => boolean {
  const ids = new Set(model.published.towns.map((t) => t.id));
  return (townId) => ids.has(townId);
}

/**
 * Whether these indicators' values for these years (default: all) can be
 * shown: 'ready' once each is loaded (or has no file: no town states it),
 * 'failed' if a file could not be read, else 'loading'.
 */
export function indicatorsState(
  state: Pick<AppState, 'model' | 'indicatorLoads'>,
  ids: readonly IndicatorId[],
  years?: readonly number[],
): LoadState {
  const { model, indicatorLoads } = state;
  if (model === null) return 'loading';
  let result: LoadState = 'ready';
  for (const id of ids) {
    for (const year of years ?? model.years) {
      if (isLoaded(model, id, year)) continue;
      if (indicatorLoads.get(loadKey(id, year)) === 'failed') return 'failed';
      result = 'loading';
    }
  }
  return result;
}

export function urlStateOf(state: AppState): UrlState {
  return {
    view: state.view,
    year: state.year,
    towns: state.towns,
    category: state.category,
    indicator: state.indicator,
    lang: state.lang,
    source: state.source,
    fullText: state.fullText,
    yearMode: state.yearMode,
    sortBy: state.sortBy,
    profileTown: state.profileTown,
    sideTowns: state.sideTowns,
    trendAll: state.trendAll,
    rankStart: state.rankStart,
  };
}

/**
 * Keeps the hash and the store in step: a filter change pushes a history
 * entry (so Back and Forward work); a hash change (Back, Forward, a pasted
 * link) sets the filters.
 */
export function startUrlSync(win: Window = window): () => void {
  const initial = parseUrlState(win.location.hash);
  useAppStore.getState().applyUrl(initial);
  let applying = false;
  const onHash = (): void => {
    applying = true;
    useAppStore.getState().applyUrl(parseUrlState(win.location.hash));
    applying = false;
  };
  win.addEventListener('hashchange', onHash);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (applying) return;
    const next = serializeUrlState(urlStateOf(state));
    if (next === serializeUrlState(urlStateOf(previous))) return;
    if (win.location.hash === next) return;
    // The first year default is not a user step, nor is scrolling a
    // ranking (a history entry per slider move): replace, don't push.
    const scrolled =
      serializeUrlState({ ...urlStateOf(previous), rankStart: state.rankStart }) === next;
    if (
      scrolled ||
      (previous.year === null && state.year !== null && previous.status === 'loading')
    ) {
      win.history.replaceState(null, '', next);
    } else {
      win.history.pushState(null, '', next);
    }
  });
  return () => {
    win.removeEventListener('hashchange', onHash);
    unsubscribe();
  };
}

export { parseUrlState, serializeUrlState };
