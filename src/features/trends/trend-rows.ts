/**
 * Which rows a trend and its small multiples read: every town's, from the
 * indicators' files, while they are few; beyond, a few towns' from their
 * counties' files (see docs/architecture.md, "A few towns' rows").
 */
import { useMemo, useState } from 'react';
import type { IndicatorId } from '../../catalog';
import {
  countyKeyOf,
  sizeOf,
  withCountyRows,
  type DatasetModel,
  type Town,
} from '../../dataset/model';
import { TREND_TOP } from '../../dataset/select';
import { useCountiesData, useIndicatorData, type IndicatorData } from '../../store/hooks';

/** No indicator: a hook asked for nothing. */
export const NONE: readonly IndicatorId[] = [];

/**
 * Rows a trend (or the small multiples) reads of every town, at most: about
 * 10 MB of the page's heap (a row takes about as much as its line of CSV).
 * Beyond, a few towns' rows come from their counties' files.
 */
export const ROWS_BUDGET = 100_000;

/** Towns whose rows may be read from their counties' files: at most this many. */
const FEW_TOWNS = TREND_TOP;

/**
 * The counties of a few towns, when reading them is fewer rows than the
 * indicators' files (index.json lists each county); null: read the files.
 */
export function countiesOfFew(
  index: DatasetModel,
  towns: readonly Town[],
  ids: readonly IndicatorId[],
): string[] | null {
  if (towns.length > FEW_TOWNS) return null;
  const files = sizeOf(index, ids, 'rows');
  if (files <= ROWS_BUDGET) return null;
  const keys = [...new Set(towns.map(countyKeyOf))];
  let rows = 0;
  for (const key of keys) {
    const county = index.counties.get(key);
    if (county === undefined) return null;
    rows += county.values.rows;
  }
  return rows < files ? keys : null;
}

/** The same towns as at the last render, the same array: what depends on them is not made again. */
export function useSameTowns(towns: Town[]): Town[] {
  const [kept, setKept] = useState(towns);
  const same = kept.length === towns.length && kept.every((t, i) => t.id === towns[i]?.id);
  if (!same) setKept(towns);
  return same ? kept : towns;
}

/**
 * The rows of these indicators (every year) for these towns (null: every
 * town's), asked for when `wanted`: a few towns' from their counties'
 * files, which hold all their figures, when the indicators' files are many
 * rows (a nation's trend and small multiples: 21 files, 400,000 rows; their
 * towns' counties, a few thousand); else the indicators' files. The model
 * reads them with valueFor.
 */
export function useRowsOf(
  index: DatasetModel | null,
  towns: readonly Town[] | null,
  ids: readonly IndicatorId[],
  wanted: boolean,
): IndicatorData {
  const counties = useMemo(
    () => (index === null || towns === null ? null : countiesOfFew(index, towns, ids)),
    [index, towns, ids],
  );
  const fromFiles = counties === null;
  const files = useIndicatorData(wanted && fromFiles ? ids : NONE);
  const few = useCountiesData(wanted && !fromFiles ? counties : null);
  const model = useMemo(
    () =>
      fromFiles
        ? files.model
        : index === null || few.data === null
          ? null
          : withCountyRows(index, few.data),
    [fromFiles, files.model, few.data, index],
  );
  return { state: fromFiles ? files.state : few.state, model };
}
