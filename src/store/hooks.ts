import { useEffect, useMemo } from 'react';
import type { IndicatorId } from '../catalog';
import {
  compareMatrix,
  indicatorsWithDataIn,
  selectedTowns,
  type CompareMatrix,
} from '../dataset/select';
import type { Town } from '../dataset/model';
import { indicatorsState, useAppStore, type LoadState } from './index';

/** The towns the filters select (all of them by default). */
export function useSelectedTowns(): Town[] {
  const model = useAppStore((s) => s.model);
  const towns = useAppStore((s) => s.towns);
  return useMemo(() => (model === null ? [] : selectedTowns(model, towns)), [model, towns]);
}

/** The category's indicators × the selected towns, for the filters' year or each town's latest. */
export function useCompareMatrix(): { state: LoadState; matrix: CompareMatrix | null } {
  const model = useAppStore((s) => s.model);
  const year = useAppStore((s) => s.year);
  const yearMode = useAppStore((s) => s.yearMode);
  const category = useAppStore((s) => s.category);
  const towns = useSelectedTowns();
  const ids = useMemo(
    () => (model === null ? [] : indicatorsWithDataIn(model, category)),
    [model, category],
  );
  // One year's files, or every year's for each town's latest.
  const state = useIndicatorData(ids, yearMode === 'year' && year !== null ? [year] : undefined);
  const matrix = useMemo(() => {
    if (model === null || year === null || state !== 'ready') return null;
    return compareMatrix(model, ids, towns, year, yearMode);
  }, [model, year, yearMode, ids, towns, state]);
  return { state, matrix };
}

/**
 * Asks for these indicators' values and says whether they are there. Until
 * 'ready', a view shows that it is loading: an indicator not yet loaded is
 * unknown, never "not reported".
 */
export function useIndicatorData(
  ids: readonly IndicatorId[],
  years?: readonly number[],
): LoadState {
  const request = useAppStore((s) => s.requestIndicators);
  const model = useAppStore((s) => s.model);
  const key = `${ids.join(',')}|${years?.join(',') ?? 'all'}`;
  useEffect(() => {
    if (model === null || ids.length === 0) return;
    request(ids, years);
    // `key` stands for ids and years: a new array with the same content is no new request.
  }, [model, key, request]);
  return useAppStore((s) => indicatorsState(s, ids, years));
}

/** Asks for reports.csv (when `wanted`) and says whether it is there. */
export function useReports(wanted = true): LoadState {
  const request = useAppStore((s) => s.requestReports);
  const model = useAppStore((s) => s.model);
  useEffect(() => {
    if (model !== null && wanted) request();
  }, [model, request, wanted]);
  return useAppStore((s) =>
    s.model?.reports != null ? 'ready' : s.reportsLoad === 'failed' ? 'failed' : 'loading',
  );
}
