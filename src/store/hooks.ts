import { useMemo } from 'react';
import {
  compareMatrix,
  indicatorsWithDataIn,
  selectedTowns,
  type CompareMatrix,
} from '../dataset/select';
import type { Town } from '../dataset/model';
import { useAppStore } from './index';

/** The towns the filters select (all of them by default). */
export function useSelectedTowns(): Town[] {
  const model = useAppStore((s) => s.model);
  const towns = useAppStore((s) => s.towns);
  return useMemo(() => (model === null ? [] : selectedTowns(model, towns)), [model, towns]);
}

/** The category's indicators × the selected towns, for the filters' year or each town's latest. */
export function useCompareMatrix(): CompareMatrix | null {
  const model = useAppStore((s) => s.model);
  const year = useAppStore((s) => s.year);
  const yearMode = useAppStore((s) => s.yearMode);
  const category = useAppStore((s) => s.category);
  const towns = useSelectedTowns();
  return useMemo(() => {
    if (model === null || year === null) return null;
    return compareMatrix(model, indicatorsWithDataIn(model, category), towns, year, yearMode);
  }, [model, year, yearMode, category, towns]);
}
