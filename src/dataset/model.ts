/**
 * The datasets as the app sees them: typed rows and the indexes views need.
 * Missing is not zero: a town × year × indicator without a row is absent from
 * the indexes, and a deleted value has `value: null` with its reason.
 */
import type { CategoryId, IndicatorId, Qualifier } from '../catalog';

/** Which report a row comes from, and the town and year it speaks for. */
export interface ReportPlace {
  readonly reportId: string;
  readonly townId: string;
  readonly town: string;
  readonly county: string;
  readonly city: string;
  readonly province: string;
  readonly year: number | null;
}

export interface ValueRow extends ReportPlace {
  readonly indicator: IndicatorId;
  readonly category: CategoryId;
  /** null only when a correction deleted it (see `correction`). */
  readonly value: number | null;
  readonly unit: string;
  readonly unitWritten: string;
  readonly qualifier: Qualifier;
  readonly derived: boolean;
  readonly correction: '' | 'override' | 'delete' | 'add';
  readonly note: string;
  readonly alternativeValues: readonly number[];
  readonly start: number | null;
  readonly end: number | null;
  readonly quote: string;
  readonly period: string;
  readonly parts: readonly { indicator: string; start: number; end: number }[];
}

export interface ReportInfo extends ReportPlace {
  readonly published: string;
  readonly title: string;
  readonly status: 'ok' | 'warning' | 'error';
  readonly message: string;
  readonly mentions: number;
  readonly unused: number;
  readonly unusedNoRule: number;
}

export interface MentionRow {
  readonly reportId: string;
  readonly indicator: IndicatorId;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: Qualifier;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly period: string;
}

export interface Town {
  readonly id: string;
  readonly name: string;
  readonly county: string;
  readonly city: string;
  readonly province: string;
}

export interface LoadError {
  readonly file: string;
  /** 1-based line of the CSV file; absent for whole-file problems. */
  readonly line?: number;
  readonly message: string;
}

export interface DatasetModel {
  readonly values: readonly ValueRow[];
  readonly reports: ReadonlyMap<string, ReportInfo>;
  readonly towns: readonly Town[];
  readonly townById: ReadonlyMap<string, Town>;
  readonly years: readonly number[];
  /** `${indicator}|${townId}|${year}` → row. */
  readonly valueIndex: ReadonlyMap<string, ValueRow>;
  readonly indicatorsWithData: ReadonlySet<IndicatorId>;
}

/** A town is its name within its county, city and province. */
export function townIdOf(row: {
  town: string;
  county: string;
  city: string;
  province: string;
  reportId: string;
}): string {
  if (row.town === '') return `report:${row.reportId}`;
  return [row.province, row.city, row.county, row.town].filter((p) => p !== '').join('/');
}

export function valueKey(indicator: IndicatorId, townId: string, year: number): string {
  return `${indicator}|${townId}|${year}`;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A fixed order, cheap to compute; the town picker sorts by pinyin when opened. */
function compareTowns(a: Town, b: Town): number {
  return (
    byCodePoint(a.province, b.province) ||
    byCodePoint(a.city, b.city) ||
    byCodePoint(a.county, b.county) ||
    byCodePoint(a.name, b.name)
  );
}

export function buildModel(
  values: readonly ValueRow[],
  reports: readonly ReportInfo[],
): DatasetModel {
  const townById = new Map<string, Town>();
  const addTown = (r: ValueRow | ReportInfo): void => {
    if (townById.has(r.townId)) return;
    townById.set(r.townId, {
      id: r.townId,
      name: r.town === '' ? r.reportId : r.town,
      county: r.county,
      city: r.city,
      province: r.province,
    });
  };
  for (const r of reports) if (r.status !== 'error') addTown(r);
  for (const v of values) addTown(v);
  const years = new Set<number>();
  const valueIndex = new Map<string, ValueRow>();
  const indicatorsWithData = new Set<IndicatorId>();
  for (const v of values) {
    if (v.year === null) continue;
    years.add(v.year);
    valueIndex.set(valueKey(v.indicator, v.townId, v.year), v);
    if (v.value !== null) indicatorsWithData.add(v.indicator);
  }
  for (const r of reports) if (r.year !== null && r.status !== 'error') years.add(r.year);
  return {
    values,
    reports: new Map(reports.map((r) => [r.reportId, r])),
    towns: [...townById.values()].sort(compareTowns),
    townById,
    years: [...years].sort((a, b) => a - b),
    valueIndex,
    indicatorsWithData,
  };
}
