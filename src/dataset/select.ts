/**
 * What each view shows, computed from the model: pure functions, unit-tested.
 */
import {
  CATEGORIES,
  CATEGORY_IDS,
  INDICATORS,
  type CategoryId,
  type IndicatorId,
  type Qualifier,
} from '../catalog';
import { valueKey, type DatasetModel, type Town, type ValueRow } from './model';

/** The selected towns: all of them when no selection is stored. */
export function selectedTowns(model: DatasetModel, townIds: readonly string[] | null): Town[] {
  if (townIds === null) return [...model.towns];
  const wanted = new Set(townIds);
  return model.towns.filter((t) => wanted.has(t.id));
}

export function valueFor(
  model: DatasetModel,
  indicator: IndicatorId,
  townId: string,
  year: number,
): ValueRow | null {
  const row = model.valueIndex.get(valueKey(indicator, townId, year));
  return row !== undefined && row.value !== null ? row : null;
}

export interface RankedRow {
  readonly town: Town;
  readonly row: ValueRow;
  readonly value: number;
  /** 1 = highest value. Equal values share a rank. */
  readonly rank: number;
  /** 100 = highest among the towns that report it. */
  readonly percentile: number;
}

export interface Ranking {
  readonly reported: readonly RankedRow[];
  readonly missing: readonly Town[];
}

export function rankTowns(
  model: DatasetModel,
  indicator: IndicatorId,
  year: number,
  towns: readonly Town[],
): Ranking {
  const found: { town: Town; row: ValueRow; value: number }[] = [];
  const missing: Town[] = [];
  for (const town of towns) {
    const row = valueFor(model, indicator, town.id, year);
    if (row === null || row.value === null) missing.push(town);
    else found.push({ town, row, value: row.value });
  }
  found.sort((a, b) => b.value - a.value || (a.town.id < b.town.id ? -1 : 1));
  const n = found.length;
  const reported = found.map((f) => {
    const rank = found.findIndex((g) => g.value === f.value) + 1;
    const percentile = n === 1 ? 100 : Math.round(((n - rank) / (n - 1)) * 100);
    return { ...f, rank, percentile };
  });
  return { reported, missing };
}

export interface TrendSeries {
  readonly town: Town;
  /** One entry per year of `years`; null where the town did not report. */
  readonly points: readonly (ValueRow | null)[];
}

export interface Trend {
  readonly years: readonly number[];
  readonly series: readonly TrendSeries[];
}

/** Every year from the first to the last in the data, so gaps show as gaps. */
export function yearRange(model: DatasetModel): number[] {
  const first = model.years[0];
  const last = model.years[model.years.length - 1];
  if (first === undefined || last === undefined) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function trendFor(
  model: DatasetModel,
  indicator: IndicatorId,
  towns: readonly Town[],
): Trend {
  const years = yearRange(model);
  const series = towns
    .map((town) => ({
      town,
      points: years.map((year) => valueFor(model, indicator, town.id, year)),
    }))
    .filter((s) => s.points.some((p) => p !== null));
  return { years, series };
}

export interface Aggregate {
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly method: 'sum' | 'median';
}

function aggregate(indicator: IndicatorId, rows: readonly ValueRow[]): Aggregate | null {
  const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  if (values.length === 0) return null;
  // Any 190余 in a sum makes the sum a lower bound too.
  const loose = rows.some((r) => r.qualifier !== '=');
  if (INDICATORS[indicator].kind === 'count') {
    const sum = values.reduce((a, b) => a + b, 0);
    return { value: sum, qualifier: loose ? '>=' : '=', method: 'sum' };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { value: Math.round(median * 100) / 100, qualifier: loose ? '~' : '=', method: 'median' };
}

export interface CategoryCard {
  readonly category: CategoryId;
  readonly indicator: IndicatorId;
  readonly headline: Aggregate | null;
  readonly reporting: number;
  readonly total: number;
  /** Percent change against the previous year over towns that report both; null if none. */
  readonly change: number | null;
}

export function overviewCards(
  model: DatasetModel,
  year: number,
  towns: readonly Town[],
): CategoryCard[] {
  return CATEGORY_IDS.map((category) => {
    const indicator = CATEGORIES[category].headline as IndicatorId;
    const current = towns.flatMap((t) => {
      const r = valueFor(model, indicator, t.id, year);
      return r === null ? [] : [r];
    });
    const both = towns.flatMap((t) => {
      const now = valueFor(model, indicator, t.id, year);
      const before = valueFor(model, indicator, t.id, year - 1);
      return now !== null && before !== null ? [{ now, before }] : [];
    });
    let change: number | null = null;
    if (both.length > 0) {
      const now = aggregate(
        indicator,
        both.map((b) => b.now),
      );
      const before = aggregate(
        indicator,
        both.map((b) => b.before),
      );
      if (now !== null && before !== null && before.value !== 0) {
        change = Math.round(((now.value - before.value) / Math.abs(before.value)) * 1000) / 10;
      }
    }
    return {
      category,
      indicator,
      headline: aggregate(indicator, current),
      reporting: current.length,
      total: towns.length,
      change,
    };
  });
}

/** Indicators of a category that some town reports, in catalog order. */
export function indicatorsWithDataIn(model: DatasetModel, category: CategoryId): IndicatorId[] {
  return (Object.keys(INDICATORS) as IndicatorId[]).filter(
    (id) => INDICATORS[id].category === category && model.indicatorsWithData.has(id),
  );
}
