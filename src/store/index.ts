/**
 * One Zustand store made of slices: the filters (mirrored in the URL hash),
 * the open source panel, and the loaded data. Actions sit beside their state.
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
  type LoadError,
} from '../dataset/model';
import type * as DataLoader from '../dataset/load';
import type * as Importer from '../dataset/import/run';
import type {
  ImportedReport,
  ImportProblem,
  ReportMetadata,
  ReviewValue,
} from '../dataset/import/workspace';
import type { Lang } from '../i18n';
import {
  parseUrlState,
  serializeUrlState,
  sourceOf,
  type SourceRef,
  type UrlState,
  type View,
  type YearMode,
} from './url';

export type { SourceRef, UrlState, View, YearMode };
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
  applyUrl(state: Partial<UrlState>): void;
}

export type LoadState = 'loading' | 'ready' | 'failed';

interface DataSlice {
  /** The index: towns, years, files. */
  readonly status: LoadState;
  readonly model: DatasetModel | null;
  readonly loadErrors: readonly LoadError[];
  /** Indicator-years (`id@year`) asked for and not yet loaded, or whose file failed. */
  readonly indicatorLoads: ReadonlyMap<string, LoadState>;
  readonly reportsLoad: LoadState | null;
  /** Counties (by key) asked for: loading, or failed. */
  readonly countyLoads: ReadonlyMap<string, LoadState>;
  /** The print button was pressed: every lazy part loads, then the page prints. */
  readonly printing: boolean;
  setPrinting(printing: boolean): void;
  setData(model: DatasetModel | null, errors: readonly LoadError[]): void;
  /** Fetches (once) these indicators' values for these years (default: all). */
  requestIndicators(ids: readonly IndicatorId[], years?: readonly number[]): void;
  /** Fetches (once) reports.csv. */
  requestReports(): void;
  /** Fetches (once) every value and report of one county. */
  requestCounty(key: string): void;
}

interface ImportSlice {
  /** Reports imported in this browser (IndexedDB), with their review. */
  readonly imported: readonly ImportedReport[];
  readonly importProblems: readonly ImportProblem[];
  readonly importProgress: { readonly done: number; readonly total: number } | null;
  /** False until the saved workspace has been read. */
  readonly workspaceLoaded: boolean;
  /** Whether the last save to IndexedDB worked (false: changes last until the tab closes). */
  readonly workspaceSaved: boolean;
  loadWorkspace(): void;
  importFiles(files: readonly File[]): void;
  reviewValue(reportId: string, index: number, change: Partial<ReviewValue>): void;
  addValue(reportId: string, value: ReviewValue): void;
  editReport(reportId: string, metadata: Partial<ReportMetadata>): void;
  /**
   * Makes an imported report the new version of a published one: it takes
   * its id, so the publish package replaces it (with its corrections).
   */
  replacePublished(reportId: string, publishedId: string): void;
  discardReport(reportId: string): void;
  discardImports(): void;
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
  yearMode: 'year',
  sortBy: null,
  profileTown: null,
  sideTowns: [],
  trendAll: false,
  rankStart: 0,
};

// The data layer (PapaParse, schemas, the worker) is its own chunk.
const loader = (): Promise<typeof DataLoader> => import('../dataset/load');
// So is the importer (mammoth, IndexedDB): loaded by the import view only.
const importer = (): Promise<typeof Importer> => import('../dataset/import/run');

export const useAppStore = create<AppState>()((set, get) => ({
  ...DEFAULT_URL_STATE,
  setView: (view) => set({ view, source: null }),
  setYearMode: (yearMode) => set({ yearMode }),
  setSortBy: (sortBy) => set({ sortBy }),
  showTown: (profileTown) => set({ profileTown, view: 'town', source: null }),
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

  imported: [],
  importProblems: [],
  importProgress: null,
  workspaceLoaded: false,
  workspaceSaved: true,
  loadWorkspace: () => {
    if (get().workspaceLoaded || workspaceLoading) return;
    workspaceLoading = true;
    void importer().then(async (m) => {
      const saved = await m.loadWorkspace();
      set((s) => ({
        // Anything imported meanwhile comes after what was saved.
        imported: [
          ...saved,
          ...s.imported.filter((r) => !saved.some((x) => x.reportId === r.reportId)),
        ],
        workspaceLoaded: true,
      }));
      // Texts of reports no review holds (a save cut short, a tab closed mid-import).
      void m.forgetSourcesBut(sourceKeysKept);
    });
  },
  importFiles: (files) => {
    if (files.length === 0 || get().importProgress !== null) return;
    set({ importProgress: { done: 0, total: files.length }, importProblems: [] });
    const taken = [
      ...get().imported.map((r) => r.reportId),
      ...(get().model?.reports?.keys() ?? []),
    ];
    void importer().then(async (m) => {
      const batch = await m.runImport(files, taken, (done, total) =>
        set({ importProgress: { done, total } }),
      );
      set((s) => ({
        imported: [...s.imported, ...batch.reports],
        importProblems: batch.problems,
        importProgress: null,
      }));
      // The texts once, then the review that refers to them.
      if (!(await m.saveSources(batch.reports))) {
        for (const r of batch.reports) unsavedSources.add(r.sourceKey);
      }
      persistReview();
    });
  },
  reviewValue: (reportId, index, change) => {
    updateReport(reportId, (r) => ({
      ...r,
      values: r.values.map((v, i) => (i === index ? { ...v, ...change } : v)),
    }));
  },
  addValue: (reportId, value) => {
    updateReport(reportId, (r) => ({ ...r, values: [...r.values, value] }));
  },
  editReport: (reportId, metadata) => {
    updateReport(reportId, (r) => ({ ...r, metadata: { ...r.metadata, ...metadata } }));
  },
  replacePublished: (reportId, publishedId) => {
    if (get().imported.some((r) => r.reportId === publishedId)) return;
    updateReport(reportId, (r) => ({ ...r, reportId: publishedId }));
  },
  discardReport: (reportId) => {
    const kept = get().imported.filter((r) => r.reportId !== reportId);
    void importer().then(async (m) => {
      const saved = await m.saveReview(kept);
      set((s) => ({
        imported: s.imported.filter((r) => r.reportId !== reportId),
        workspaceSaved: saved && !kept.some((r) => unsavedSources.has(r.sourceKey)),
      }));
      await m.forgetSourcesBut(sourceKeysKept);
    });
  },
  discardImports: () => {
    // Cleared on screen once cleared on disk: a reload right after must not bring them back.
    void importer().then(async (m) => {
      const saved = await m.saveReview([]);
      set({ imported: [], importProblems: [], workspaceSaved: saved });
      await m.forgetSourcesBut(sourceKeysKept);
    });
  },
}));

// Whenever the imported reports (or the published index) change, the
// dashboard shows their reviewed values; the code for it comes with the importer.
useAppStore.subscribe((state, previous) => {
  const changed =
    state.imported !== previous.imported || (state.model !== null && previous.model === null);
  if (!changed || state.model === null) return;
  if (state.imported.length === 0 && state.model.local === null) return;
  void importer().then((m) => {
    const { model, imported } = useAppStore.getState();
    if (model !== null) useAppStore.setState({ model: m.withLocalReports(model, imported) });
  });
});

let workspaceLoading = false;
/** Reports whose text could not be saved (the browser's storage full, say). */
const unsavedSources = new Set<string>();
/** A review save is under way (null: none); `reviewChanged`: another must follow it. */
let reviewSaving: Promise<void> | null = null;
let reviewChanged = false;

/**
 * Saves the review to IndexedDB after a change: one save at a time, the
 * latest state wins, and changes made in one go (accept all) are one save.
 */
function persistReview(): void {
  reviewChanged = true;
  if (reviewSaving !== null) return;
  reviewSaving = importer().then(async (m) => {
    while (reviewChanged) {
      reviewChanged = false;
      const { imported } = useAppStore.getState();
      const saved = await m.saveReview(imported);
      useAppStore.setState({
        workspaceSaved: saved && !imported.some((r) => unsavedSources.has(r.sourceKey)),
      });
    }
    reviewSaving = null;
  });
}

const sourceKeysKept = (): string[] => useAppStore.getState().imported.map((r) => r.sourceKey);

function updateReport(reportId: string, change: (r: ImportedReport) => ImportedReport): void {
  useAppStore.setState((s) => ({
    imported: s.imported.map((r) => (r.reportId === reportId ? change(r) : r)),
  }));
  persistReview();
}

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
