/**
 * The evaluator's comparisons computed from the model: the compare matrix
 * (towns × indicators, each ranked among the towns that state it), its year
 * mode, and one town's profile across its years. Pure functions, unit-tested.
 */
import { INDICATORS, type IndicatorId } from '../catalog';
import type { DatasetModel, Missing, Town, ValueRow } from './model';
import { hasReport, missingOf, NO_PLACE, placesOf, valueFor } from './select';
import { isExact, percentChange } from './change';

export interface MatrixCell {
  readonly row: ValueRow;
  readonly value: number;
  readonly rank: number | null;
  readonly percentile: number | null;
}

export interface CompareMatrix {
  readonly indicators: readonly IndicatorId[];
  readonly towns: readonly Town[];
  /** The year each town's column of values comes from (null: no report). */
  readonly yearOf: ReadonlyMap<string, number | null>;
  /** `${townId}|${indicator}` → cell; absent = not reported. */
  readonly cells: ReadonlyMap<string, MatrixCell>;
  /** Towns reporting each indicator. */
  readonly reporting: ReadonlyMap<IndicatorId, number>;
}

/** Why a matrix cell is empty: the town has no report in the matrix's year for it, or it does not state it. */
export function matrixMissing(matrix: CompareMatrix, town: Town): Missing {
  return missingOf(town, matrix.yearOf.get(town.id) ?? null);
}

export const cellKey = (townId: string, indicator: IndicatorId): string => `${townId}|${indicator}`;

/**
 * Towns × indicators for one year, or for each town's latest reported year.
 * Ranks and percentiles are within each indicator, among the towns that
 * report it, so 件 and % sit side by side fairly.
 */
export function compareMatrix(
  model: DatasetModel,
  indicators: readonly IndicatorId[],
  towns: readonly Town[],
  year: number,
  mode: 'year' | 'latest',
): CompareMatrix {
  const yearOf = new Map<string, number | null>();
  for (const town of towns) {
    if (mode === 'year') {
      yearOf.set(town.id, year);
      continue;
    }
    yearOf.set(town.id, latestReport(town));
  }
  const cells = new Map<string, MatrixCell>();
  const reporting = new Map<IndicatorId, number>();
  for (const indicator of indicators) {
    const found = towns.flatMap((town) => {
      const y = yearOf.get(town.id);
      const row = y == null ? null : valueFor(model, indicator, town.id, y);
      return row === null || row.value === null ? [] : [{ town, row, value: row.value }];
    });
    found.sort((a, b) => b.value - a.value);
    reporting.set(indicator, found.length);
    const places = placesOf(found.map((f) => f.value));
    found.forEach((f, i) => {
      cells.set(cellKey(f.town.id, indicator), {
        row: f.row,
        value: f.value,
        ...(places[i] ?? NO_PLACE),
      });
    });
  }
  return { indicators, towns, yearOf, cells, reporting };
}

/** The year of the town's latest report; null when it has none. */
export function latestReport(town: Town): number | null {
  return town.years[town.years.length - 1] ?? null;
}

/**
 * The compare views' year mode: 'auto' compares the filters' year when every
 * town has a report for it, otherwise each town's latest report (so no row
 * opens empty); 'year' and 'latest' are the reader's explicit choice.
 */
export function effectiveYearMode(
  mode: 'auto' | 'year' | 'latest',
  towns: readonly Town[],
  year: number | null,
): 'year' | 'latest' {
  if (mode !== 'auto') return mode;
  return towns.every((t) => hasReport(t, year)) ? 'year' : 'latest';
}

export interface ProfileRow {
  readonly indicator: IndicatorId;
  /** One per profile year; null = not reported that year. */
  readonly values: readonly (ValueRow | null)[];
  /**
   * Percent change from the year before, of a count stated exactly both years
   * (change.ts); none for a rate (96 % → 100 % is no "+4.2 %") or a change.
   */
  readonly changes: readonly (number | null)[];
}

export interface TownProfile {
  readonly town: Town;
  readonly years: readonly number[];
  readonly rows: readonly ProfileRow[];
  /** Catalog indicators none of the town's reports states. */
  readonly neverStated: readonly IndicatorId[];
}

/**
 * One town's values by indicator and year, from the town's own rows (its
 * county's file: every indicator, every year). Years are those with a report or a value.
 */
export function townProfile(values: readonly ValueRow[], town: Town): TownProfile {
  const byIndicatorYear = new Map<string, ValueRow>();
  // Every year the town has a report for: a year whose report states nothing still shows.
  const yearSet = new Set<number>(town.years);
  for (const v of values) {
    if (v.townId !== town.id || v.value === null || v.year === null) continue;
    byIndicatorYear.set(`${v.indicator}|${v.year}`, v);
    yearSet.add(v.year);
  }
  const years = [...yearSet].sort((a, b) => a - b);
  const rows: ProfileRow[] = [];
  const neverStated: IndicatorId[] = [];
  for (const indicator of Object.keys(INDICATORS) as IndicatorId[]) {
    const found = years.map((y) => byIndicatorYear.get(`${indicator}|${y}`) ?? null);
    if (found.every((v) => v === null)) {
      neverStated.push(indicator);
      continue;
    }
    const counted = INDICATORS[indicator].kind === 'count';
    const changes = found.map((v, i) => {
      const before = i > 0 ? found[i - 1] : null;
      if (!counted || v?.value == null || before?.value == null) return null;
      // ≥9,000 → ≥2,000 is no −77.8 % (change.ts: every view's rule).
      if (!isExact(v) || !isExact(before)) return null;
      if (years[i - 1] !== (years[i] ?? 0) - 1) return null;
      return percentChange(before.value, v.value);
    });
    rows.push({ indicator, values: found, changes });
  }
  return { town, years, rows, neverStated };
}
