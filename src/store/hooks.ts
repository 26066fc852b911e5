import { useEffect, useMemo, useState, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { IndicatorId } from '../catalog';
import { indicatorsWithDataIn, selectedTowns } from '../dataset/select';
import { compareMatrix, effectiveYearMode, type CompareMatrix } from '../dataset/compare';
import type { CountyData, DatasetModel, Town } from '../dataset/model';
import {
  figuresState,
  indicatorsState,
  selectIndicatorModel,
  useAppStore,
  type LoadState,
} from './index';

/**
 * The towns the filters select (all of them by default). The same array until
 * the index or the selection changes: loading values does not make views that
 * depend on the towns compute again.
 */
export function useSelectedTowns(): Town[] {
  const all = useAppStore((s) => s.model?.towns);
  const towns = useAppStore((s) => s.towns);
  return useMemo(
    () => (all === undefined ? [] : selectedTowns({ towns: all }, towns)),
    [all, towns],
  );
}

/**
 * The category's indicators × the selected towns, for the filters' year or
 * each town's latest report (`mode`, see effectiveYearMode; `auto` says the
 * data chose it).
 */
export function useCompareMatrix(): {
  state: LoadState;
  matrix: CompareMatrix | null;
  mode: 'year' | 'latest';
  auto: boolean;
} {
  const withData = useAppStore((s) => s.model?.indicatorsWithData);
  const year = useAppStore((s) => s.year);
  const chosenMode = useAppStore((s) => s.yearMode);
  const category = useAppStore((s) => s.category);
  const towns = useSelectedTowns();
  const yearMode = useMemo(
    () => effectiveYearMode(chosenMode, towns, year),
    [chosenMode, towns, year],
  );
  const ids = useMemo(
    () =>
      withData === undefined
        ? []
        : indicatorsWithDataIn({ indicatorsWithData: withData }, category),
    [withData, category],
  );
  // One year's files, or every year's for each town's latest.
  const { state, model: data } = useIndicatorData(
    ids,
    yearMode === 'year' && year !== null ? [year] : undefined,
  );
  const matrix = useMemo(() => {
    if (data === null || year === null || state !== 'ready') return null;
    return compareMatrix(data, ids, towns, year, yearMode);
  }, [data, year, yearMode, ids, towns, state]);
  return { state, matrix, mode: yearMode, auto: chosenMode === 'auto' };
}

export interface IndicatorData {
  readonly state: LoadState;
  /**
   * The model as a view of these indicator-years sees it: a new object only
   * when one of them (or the reports) arrives, not when any other file does —
   * at province scale dozens arrive while a page loads, and each would
   * otherwise recompute and redraw every view.
   */
  readonly model: DatasetModel | null;
}

/**
 * Asks for these indicators' values (default: every year) and says whether
 * they are there. Until 'ready', a view shows that it is loading: an
 * indicator not yet loaded is unknown, never "not reported".
 */
export const useIndicatorData = (
  ids: readonly IndicatorId[],
  years?: readonly number[],
): IndicatorData => useIndicatorFiles('rows', ids, years);

/**
 * Asks for these indicators' figures for these years (the cards: a value per
 * town, not rows; see YearFigures) and says whether they are there. The
 * model reads them with figureReader.
 */
export const useIndicatorFigures = (
  ids: readonly IndicatorId[],
  years: readonly number[],
): IndicatorData => useIndicatorFiles('figures', ids, years);

function useIndicatorFiles(
  as: 'rows' | 'figures',
  ids: readonly IndicatorId[],
  years: readonly number[] | undefined,
): IndicatorData {
  const request = useAppStore((s) => (as === 'rows' ? s.requestIndicators : s.requestFigures));
  const model = useAppStore(selectIndicatorModel(ids, years));
  useEffect(() => {
    if (model !== null && ids.length > 0) request(ids, years ?? model.years);
  }, [model, ids, years, request]);
  const state = useAppStore((s) =>
    as === 'rows'
      ? indicatorsState(s, ids, years)
      : figuresState(s, ids, years ?? s.model?.years ?? []),
  );
  return { state, model };
}

/**
 * Asks for one county's values and reports (a town profile, a source panel)
 * and gives them once they are there.
 */
export function useCountyData(key: string | null): {
  state: LoadState;
  data: CountyData | null;
} {
  const { state, data } = useCountiesData(useMemo(() => (key === null ? null : [key]), [key]));
  return { state, data: data?.[0] ?? null };
}

/**
 * Asks for these counties' values and reports (null: none asked) and gives
 * those that loaded once each has loaded or failed: a county whose files
 * could not be read (its problem listed with the others) leaves out its
 * towns, not the rest. 'failed' when none could be read.
 */
export function useCountiesData(keys: readonly string[] | null): {
  state: LoadState;
  data: readonly CountyData[] | null;
} {
  const request = useAppStore((s) => s.requestCounty);
  const ready = useAppStore((s) => s.model !== null);
  useEffect(() => {
    if (ready && keys !== null) for (const key of keys) request(key);
  }, [ready, keys, request]);
  // Each county's data, or whether it failed (a county the index does not list cannot be loaded either).
  const found = useAppStore(
    useShallow((s) =>
      keys === null || s.model === null
        ? []
        : keys.map(
            (key) =>
              s.model?.countyData.get(key) ??
              (s.countyLoads.get(key) === 'failed' || s.model?.counties.has(key) !== true),
          ),
    ),
  );
  return useMemo(() => {
    if (keys === null || found.length < keys.length || found.some((f) => f === false)) {
      return { state: 'loading', data: null };
    }
    const data = found.filter((f): f is CountyData => typeof f !== 'boolean');
    return data.length === 0 && keys.length > 0
      ? { state: 'failed', data: null }
      : { state: 'ready', data };
  }, [keys, found]);
}

/** Asks for reports.csv (when `wanted`) and says whether it is there. */
export function useReports(wanted = true): LoadState {
  const request = useAppStore((s) => s.requestReports);
  const ready = useAppStore((s) => s.model !== null);
  useEffect(() => {
    if (ready && wanted) request();
  }, [ready, request, wanted]);
  return useAppStore((s) =>
    s.model?.reports != null ? 'ready' : s.reportsLoad === 'failed' ? 'failed' : 'loading',
  );
}

/** Above this many bytes of data files, a part below the fold waits until it is near. */
export const LAZY_BYTES = 1024 * 1024;

/** How far below the viewport a lazy part starts loading, in pixels. */
const AHEAD = 600;

/**
 * Whether the element is (or has been) within AHEAD pixels of the viewport:
 * parts below the fold whose data is large load when the reader scrolls near
 * them, not with the page. Always true when `lazy` is false, when the browser
 * cannot tell, and once the print button has asked every part to load.
 */
export function useNearViewport(ref: RefObject<Element | null>, lazy: boolean): boolean {
  const printing = useAppStore((s) => s.printing);
  const [near, setNear] = useState(!lazy || typeof IntersectionObserver === 'undefined');
  // Once loaded for printing, a part stays.
  if (printing && !near) setNear(true);
  useEffect(() => {
    if (near || ref.current === null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: `0px 0px ${AHEAD}px 0px` },
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [near, ref]);
  return near || printing;
}
