/**
 * The data slice: the published index (the model), and its files loaded on
 * demand — an indicator's values of a year, reports.csv, a county's files —
 * each fetched once, with what failed kept so a view can say so.
 */
import type { StateCreator } from 'zustand';
import type { IndicatorId } from '../catalog';
import {
  isLoaded,
  latestYear,
  withCounty,
  withIndicatorYear,
  withReports,
  type DatasetModel,
  type Issue,
} from '../dataset/model';
import type * as DataLoader from '../dataset/load';
import type { AppState } from './index';

export type LoadState = 'loading' | 'ready' | 'failed';

export interface DataSlice {
  /** The index: towns, years, files. */
  readonly status: LoadState;
  readonly model: DatasetModel | null;
  readonly loadErrors: readonly Issue[];
  /** Indicator-years (`id@year`) asked for and not yet loaded, or whose file failed. */
  readonly indicatorLoads: ReadonlyMap<string, LoadState>;
  readonly reportsLoad: LoadState | null;
  /** Counties (by key) asked for: loading, or failed. */
  readonly countyLoads: ReadonlyMap<string, LoadState>;
  setData(model: DatasetModel | null, errors: readonly Issue[]): void;
  /** Fetches (once) these indicators' values for these years (default: all). */
  requestIndicators(ids: readonly IndicatorId[], years?: readonly number[]): void;
  /** Fetches (once) reports.csv. */
  requestReports(): void;
  /** Fetches (once) every value and report of one county. */
  requestCounty(key: string): void;
}

// The data layer (PapaParse, schemas, the worker) is its own chunk.
const loader = (): Promise<typeof DataLoader> => import('../dataset/load');

const loadKey = (id: IndicatorId, year: number): string => `${id}@${year}`;

/** Whether index.json lists a town (a published file's rows must be of those). */
function publishedTowns(model: DatasetModel): (townId: string) => boolean {
  const ids = new Set(model.published.towns.map((t) => t.id));
  return (townId) => ids.has(townId);
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
  status: 'loading',
  model: null,
  loadErrors: [],
  indicatorLoads: new Map(),
  reportsLoad: null,
  countyLoads: new Map(),
  setData: (model, loadErrors) =>
    set((s) => ({
      model,
      loadErrors,
      status: model === null ? 'failed' : 'ready',
      // Default to the latest year with data once it is known.
      year: s.year ?? (model === null ? null : latestYear(model)),
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
    void loader().then((m) => {
      for (const { id, year, key } of wanted) {
        const info = model.files.get(id);
        if (info === undefined) continue;
        void m.loadIndicatorYear(info, year, model.published.towns).then(({ rows, errors }) =>
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
});

/**
 * Whether these indicators' values for these years (default: all) can be
 * shown: 'ready' once each is loaded (or has no file: no town states it),
 * 'failed' if a file could not be read, else 'loading'.
 */
export function indicatorsState(
  state: Pick<DataSlice, 'model' | 'indicatorLoads'>,
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

/**
 * The model as a view of these indicator-years (default: every year) sees
 * it: a new object only when one of them, the towns, the reports or the
 * imports change, not when any other file arrives — at province scale dozens
 * arrive while a page loads, and each would otherwise render every view again.
 */
export function selectIndicatorModel(
  ids: readonly IndicatorId[],
  years?: readonly number[],
): (state: Pick<DataSlice, 'model'>) => DatasetModel | null {
  const key = requestKey(ids, years);
  return (state) => modelFor(state.model, key, ids, years);
}

/** A request as text: the same indicators and years asked with new arrays are the same request. */
const requestKey = (ids: readonly IndicatorId[], years: readonly number[] | undefined): string =>
  `${ids.join(',')}|${years?.join(',') ?? 'all'}`;

/**
 * The model last handed to each request (by requestKey) and what its view
 * reads of it. Outside React: a selector that returns the kept model is
 * stable, so the store's other changes do not render the view again.
 */
const kept = new Map<
  string,
  { readonly model: DatasetModel; readonly parts: readonly unknown[] }
>();
/** Requests kept at most: the oldest is forgotten (its view then computes once more). */
const KEPT_REQUESTS = 64;

function modelFor(
  model: DatasetModel | null,
  key: string,
  ids: readonly IndicatorId[],
  years: readonly number[] | undefined,
): DatasetModel | null {
  if (model === null) return null;
  const previous = kept.get(key);
  if (previous?.model === model) return model;
  const parts = partsOf(model, ids, years);
  if (
    previous !== undefined &&
    previous.parts.length === parts.length &&
    previous.parts.every((p, i) => p === parts[i])
  ) {
    return previous.model;
  }
  kept.delete(key);
  kept.set(key, { model, parts });
  if (kept.size > KEPT_REQUESTS) {
    const oldest = kept.keys().next();
    if (oldest.done !== true) kept.delete(oldest.value);
  }
  return model;
}

/** What a view of these indicator-years reads from the model. */
function partsOf(
  model: DatasetModel,
  ids: readonly IndicatorId[],
  years: readonly number[] | undefined,
): unknown[] {
  const parts: unknown[] = [model.towns, model.reports, model.local];
  for (const id of ids) {
    const loaded = model.loaded.get(id)?.byYear;
    for (const year of years ?? model.years) parts.push(loaded?.get(year));
  }
  return parts;
}
