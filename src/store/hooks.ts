import { useMemo } from 'react';
import { selectedTowns } from '../dataset/select';
import type { Town } from '../dataset/model';
import { useAppStore } from './index';

/** The towns the filters select (all of them by default). */
export function useSelectedTowns(): Town[] {
  const model = useAppStore((s) => s.model);
  const towns = useAppStore((s) => s.towns);
  return useMemo(() => (model === null ? [] : selectedTowns(model, towns)), [model, towns]);
}
