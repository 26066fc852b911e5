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
import { hasFigures, withFigures } from '../dataset/town-figures';
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
  /** Indicator-years asked for as figures (the cards) and not yet loaded, or whose file failed. */
  readonly figureLoads: ReadonlyMap<string, LoadState>;
  readonly reportsLoad: LoadState | null;
  /** Counties (by key) asked for: loading, or failed. */
  readonly countyLoads: ReadonlyMap<string, LoadState>;
  setData(model: DatasetModel | null, errors: readonly Issue[]): void;
  /** Fetches (once) these indicators' values for these years (default: all). */
  requestIndicators(ids: readonly IndicatorId[], years?: readonly number[]): void;
  /**
   * Fetches (once) these indicators' figures for these years: what the
   * cards add up, not rows (see YearFigures). Nothing for an indicator-year
   * whose rows are loaded or loading: its figures are read off them.
   */
  requestFigures(ids: readonly IndicatorId[], years: readonly number[]): void;
  /** Fetches (once) reports.csv. */
  requestReports(): void;
  /** Fetches (once) every value and report of one county. */
  requestCounty(key: string): void;
}

// The data layer (PapaParse, schemas, the worker) is its own chunk.
const loader = (): Promise<typeof DataLoader> => import('../dataset/load');

const loadKey = (id: IndicatorId, year: number): string => `${id}@${year}`;

/**
 * Whether index.json lists a town (a published file's rows must be of
 * those): by the towns' numbers, made once (a set of a nation's 40,000 ids
 * made for each county asked for was a page's peak heap).
 */
function publishedTowns(model: DatasetModel): (townId: string) => boolean {
  const numbers = model.published.townNumbers();
  return (townId) => numbers.has(townId);
}

type SetData = Parameters<StateCreator<AppState, [], [], DataSlice>>[0];

/**
 * An indicator's files of these years, as rows (`indicatorLoads`) or as
 * figures (`figureLoads`): each fetched once, and not at all when what it
 * would give is there or on its way (figures are read off rows).
 */
function requestFiles(
  get: () => AppState,
  set: SetData,
  loadsOf: 'indicatorLoads' | 'figureLoads',
  ids: readonly IndicatorId[],
  years: readonly number[] | undefined,
): void {
  const state = get();
  const { model } = state;
  if (model === null) return;
  const asRows = loadsOf === 'indicatorLoads';
  const wanted: { id: IndicatorId; year: number; key: string }[] = [];
  for (const id of ids) {
    for (const year of years ?? model.years) {
      const key = loadKey(id, year);
      const there = asRows
        ? isLoaded(model, id, year)
        : hasFigures(model, id, year) || state.indicatorLoads.get(key) === 'loading';
      if (!there && !state[loadsOf].has(key)) wanted.push({ id, year, key });
    }
  }
  if (wanted.length === 0) return;
  set((s) => {
    const loads = new Map(s[loadsOf]);
    for (const w of wanted) loads.set(w.key, 'loading');
    return { [loadsOf]: loads };
  });
  const towns = model.published.towns;
  void loader().then((m) => {
    for (const { id, year, key } of wanted) {
      const info = model.files.get(id);
      if (info === undefined) continue;
      const loaded = asRows
        ? m.loadIndicatorYear(info, year, towns).then(({ rows, errors }) => ({
            errors,
            add:
              rows.length === 0 && errors.length > 0
                ? null
                : (to: DatasetModel) => withIndicatorYear(to, id, year, rows),
          }))
        : m.loadIndicatorFigures(info, year, towns).then(({ rows: [figures], errors }) => ({
            errors,
            add:
              figures === undefined
                ? null
                : (to: DatasetModel) => withFigures(to, id, year, figures),
          }));
      void loaded.then(({ errors, add }) =>
        set((s) => {
          const loads = new Map(s[loadsOf]);
          if (add === null) loads.set(key, 'failed');
          else loads.delete(key);
          return {
            [loadsOf]: loads,
            model: add === null || s.model === null ? s.model : add(s.model),
            loadErrors: withIssues(s.loadErrors, errors),
          };
        }),
      );
    }
  });
}

/**
 * The problems so far with these added, each once: a file read as figures
 * and again as rows says the same of its bad rows.
 */
function withIssues(issues: readonly Issue[], added: readonly Issue[]): readonly Issue[] {
  const text = (i: Issue): string => `${i.file}\n${i.line ?? ''}\n${i.message}`;
  const seen = new Set(issues.map(text));
  const fresh = added.filter((i) => !seen.has(text(i)));
  return fresh.length === 0 ? issues : [...issues, ...fresh];
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
  status: 'loading',
  model: null,
  loadErrors: [],
  indicatorLoads: new Map(),
  figureLoads: new Map(),
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
  requestIndicators: (ids, years) => requestFiles(get, set, 'indicatorLoads', ids, years),
  requestFigures: (ids, years) => requestFiles(get, set, 'figureLoads', ids, years),
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
          loadErrors: withIssues(s.loadErrors, errors),
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
            loadErrors: withIssues(s.loadErrors, errors),
          };
        }),
      );
  },
});

/** Whether a view's data file is on its way: an indicator's (rows or figures), a county's. */
export function dataFilesLoading(
  state: Pick<DataSlice, 'indicatorLoads' | 'figureLoads' | 'countyLoads'>,
): boolean {
  for (const loads of [state.indicatorLoads, state.figureLoads, state.countyLoads]) {
    for (const load of loads.values()) if (load === 'loading') return true;
  }
  return false;
}

/**
 * Whether these indicators' figures for these years can be added up (the
 * cards): 'ready' once each has its rows or its figures loaded (or has no
 * file), 'failed' if its file could not be read, else 'loading'.
 */
export function figuresState(
  state: Pick<DataSlice, 'model' | 'indicatorLoads' | 'figureLoads'>,
  ids: readonly IndicatorId[],
  years: readonly number[],
): LoadState {
  return filesState(
    state.model,
    ids,
    years,
    hasFigures,
    (key) => state.figureLoads.get(key) === 'failed' || state.indicatorLoads.get(key) === 'failed',
  );
}

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
  return filesState(
    state.model,
    ids,
    years,
    isLoaded,
    (key) => state.indicatorLoads.get(key) === 'failed',
  );
}

/** 'ready' once every indicator-year is `there`, 'failed' once one's file `failed`, else 'loading'. */
function filesState(
  model: DatasetModel | null,
  ids: readonly IndicatorId[],
  years: readonly number[] | undefined,
  there: (model: DatasetModel, id: IndicatorId, year: number) => boolean,
  failed: (key: string) => boolean,
): LoadState {
  if (model === null) return 'loading';
  let result: LoadState = 'ready';
  for (const id of ids) {
    for (const year of years ?? model.years) {
      if (there(model, id, year)) continue;
      if (failed(loadKey(id, year))) return 'failed';
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
    const figures = model.figures.get(id);
    for (const year of years ?? model.years) parts.push(loaded?.get(year), figures?.get(year));
  }
  return parts;
}
