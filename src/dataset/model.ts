/**
 * The datasets as the app sees them: typed rows and the indexes views need.
 * Missing is not zero: a town × year × indicator without a row is absent from
 * the indexes, and a deleted value has `value: null` with its reason.
 */
import type { CategoryId, IndicatorId, Qualifier } from '../catalog';
import {
  assembleIndex,
  groupByIndicator,
  groupByYear,
  townIdOf,
  type DataIndex,
  type IndexFile,
  type IndexIndicator,
} from '../extract/data-index';

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

/** One indicator's values, for the years loaded so far (one file per year). */
export interface IndicatorValues {
  readonly years: ReadonlySet<number>;
  readonly rows: readonly ValueRow[];
  /** `${townId}|${year}` → row. */
  readonly byTownYear: ReadonlyMap<string, ValueRow>;
}

/**
 * What the app knows: towns, years and files from data/index.json at once;
 * an indicator's values once a view has asked for them (`loaded`), the report
 * list once a view needs it. A value that is not loaded is unknown, never
 * "not reported": views wait for `loaded` before they say so.
 */
export interface DatasetModel {
  readonly towns: readonly Town[];
  readonly townById: ReadonlyMap<string, Town>;
  readonly years: readonly number[];
  /** The published files of each indicator that has any row. */
  readonly files: ReadonlyMap<IndicatorId, IndexIndicator>;
  readonly indicatorsWithData: ReadonlySet<IndicatorId>;
  /** Values loaded so far, by indicator (and within it by year). */
  readonly loaded: ReadonlyMap<IndicatorId, IndicatorValues>;
  /** null until a view that lists reports has loaded reports.csv. */
  readonly reports: ReadonlyMap<string, ReportInfo> | null;
  readonly reportsFile: IndexFile;
}

export { townIdOf };

export const townYearKey = (townId: string, year: number): string => `${townId}|${year}`;

export function modelFromIndex(index: DataIndex): DatasetModel {
  const towns = index.towns.map((t) => ({ ...t }));
  return {
    towns,
    townById: new Map(towns.map((t) => [t.id, t])),
    years: [...index.years],
    files: new Map(index.indicators.map((i) => [i.id, i])),
    indicatorsWithData: new Set(index.indicators.filter((i) => i.values > 0).map((i) => i.id)),
    loaded: new Map(),
    reports: null,
    reportsFile: index.reports,
  };
}

/** The model with one more indicator-year of values (a new object: React sees the change). */
export function withIndicatorYear(
  model: DatasetModel,
  indicator: IndicatorId,
  year: number,
  rows: readonly ValueRow[],
): DatasetModel {
  const before = model.loaded.get(indicator);
  const byTownYear = new Map(before?.byTownYear);
  for (const v of rows) if (v.year !== null) byTownYear.set(townYearKey(v.townId, v.year), v);
  const loaded = new Map(model.loaded);
  loaded.set(indicator, {
    years: new Set([...(before?.years ?? []), year]),
    rows: [...(before?.rows ?? []), ...rows],
    byTownYear,
  });
  return { ...model, loaded };
}

/** Whether a view can show this indicator for this year: loaded, or nothing to load. */
export function isLoaded(model: DatasetModel, indicator: IndicatorId, year: number): boolean {
  const files = model.files.get(indicator);
  if (files === undefined || !files.years.some((f) => f.year === year)) return true;
  return model.loaded.get(indicator)?.years.has(year) === true;
}

export function withReports(model: DatasetModel, reports: readonly ReportInfo[]): DatasetModel {
  return { ...model, reports: new Map(reports.map((r) => [r.reportId, r])) };
}

/**
 * A model with everything loaded, from complete tables (tests, and a data
 * folder read as a whole): the index is what the pipeline would have written.
 */
export function buildModel(
  values: readonly ValueRow[],
  reports: readonly ReportInfo[],
): DatasetModel {
  const none = new Map();
  let model = modelFromIndex(
    assembleIndex(
      reports.filter((r) => r.status !== 'error'),
      values,
      reports.length,
      { reports: 0, values: none, mentions: none, mentionRows: none },
    ),
  );
  const groups = groupByIndicator(values, (v) => v.indicator);
  for (const [id, rows] of groups) {
    for (const [year, list] of groupByYear(rows)) model = withIndicatorYear(model, id, year, list);
  }
  return withReports(model, reports);
}
