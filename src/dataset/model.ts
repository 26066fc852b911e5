/**
 * The datasets as the app sees them: typed rows and the indexes views need.
 * Missing is not zero: a town × year × indicator without a row is absent from
 * the indexes, and a deleted value has `value: null` with its reason.
 */
import type { CategoryId, IndicatorId, Qualifier, ResolutionRule } from '../catalog';
import { isCounted, type PlaceField, type ReportStatus } from '../extract/columns';
import type { ReportNote } from '../extract/report-notes';
import type { TextLocator } from '../extract/text-packs';
import { fileError, type Issue } from '../extract/result';
import {
  assembleIndex,
  countyKeyOf,
  groupByCounty,
  groupByIndicator,
  groupByYear,
  townIdOf,
  type DataIndex,
  type IndexCounty,
  type IndexFile,
  type IndexIndicator,
} from '../extract/data-index';
import { townRows, townsOf, type TownRows } from './towns';
import type { YearFigures } from './town-figures';

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

/**
 * A row of the values (indicators/<id>/<year>.csv, counties/<n>/values.csv).
 * Its `quote` column stays in the file (for people, spreadsheets and the
 * exports): the app shows the sentence from the report text itself.
 */
export interface ValueRow extends ReportPlace {
  readonly indicator: IndicatorId;
  readonly category: CategoryId;
  /** null only when a correction deleted it (see `correction`). */
  readonly value: number | null;
  readonly unit: string;
  readonly qualifier: Qualifier;
  readonly derived: boolean;
  readonly correction: '' | 'override' | 'delete' | 'add';
  readonly note: string;
  readonly alternativeValues: readonly number[];
  /**
   * The rule that chose the value over each alternative, in the same order;
   * empty when not known (a file written before the column, a correction).
   */
  readonly chosenBy: readonly ResolutionRule[];
  readonly start: number | null;
  readonly end: number | null;
  readonly period: string;
  readonly parts: readonly { indicator: string; start: number; end: number }[];
  /** Imported and reviewed in this browser, not published yet. */
  readonly local?: boolean;
}

/** The `parts` column (indicator@start-end;…) as spans; '' is none. */
export function parseParts(s: string): ValueRow['parts'] {
  return s === ''
    ? []
    : s.split(';').map((p) => {
        const [id = '', span = ''] = p.split('@');
        const [start = 0, end = 0] = span.split('-').map(Number);
        return { indicator: id, start, end };
      });
}

export interface ReportInfo extends ReportPlace {
  readonly published: string;
  readonly title: string;
  readonly status: ReportStatus;
  /** The `message` column as written (Chinese; English in folders written before `notes`). */
  readonly message: string;
  /** The `notes` column read back, to word in the page's language; null: show `message`. */
  readonly notes: readonly ReportNote[] | null;
  readonly mentions: number;
  readonly unused: number;
  readonly unusedNoRule: number;
  /** Place fields the extractor filled from the registry of divisions rather than read in the text. */
  readonly inferred: readonly PlaceField[];
  /** Where its text is in the data folder (null: none published, or imported in this browser). */
  readonly text: TextLocator | null;
}

/**
 * A number no rule used (read off its report's text), shown in its sentence
 * on the data quality page.
 */
export interface UnusedRow {
  readonly reportId: string;
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: string;
  /** Why no rule took it: an UnusedReason (extract/match.ts), as written. */
  readonly reason: string;
}

/** A mention of a figure, as the source panel marks it (read off its report's text). */
export interface MentionRow {
  readonly reportId: string;
  readonly indicator: IndicatorId;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: Qualifier;
  readonly start: number;
  readonly end: number;
  readonly period: string;
}

export interface Town {
  readonly id: string;
  readonly name: string;
  readonly county: string;
  readonly city: string;
  readonly province: string;
  /** The years the town has a report for (published or imported here), ascending. */
  readonly years: readonly number[];
}

/**
 * Why a town has no figure for a year: it has no report for that year
 * (无本年度报告), or its report does not state the figure (报告未提及).
 */
export type Missing = 'noReport' | 'notMentioned';

/** A town's figure for a year: the row, or why there is none. */
export type Status = 'reported' | Missing;

/** One cell of a view's table as exported: a town's figure for an indicator and year, or why there is none. */
export interface ExportItem {
  readonly town: Town;
  readonly year: number | null;
  readonly indicator: IndicatorId;
  /** null when the town has no figure (see `status`). */
  readonly row: ValueRow | null;
  readonly status: Status;
  readonly rank?: number | null;
  readonly percentile?: number | null;
  /** The change from the year before as the view shows it (dataset/change.ts), in percent. */
  readonly change?: number | null;
}

/** Where an exported value's sentence is kept: a report states one value per indicator. */
export const quoteKey = (reportId: string, indicator: string): string => `${reportId}|${indicator}`;

/** An export's sentences of published rows (see dataset/quotes.ts). */
export interface Quotes {
  /** Sentences by quoteKey. */
  readonly quotes: ReadonlyMap<string, string>;
  /** The data files (data/…) whose sentences could not be read: their rows' quotes are empty. */
  readonly unread: readonly string[];
}

/** A problem loading the data: a file that could not be fetched, a bad row (see extract/result.ts). */
export type { Issue } from '../extract/result';

/** One indicator's values for one year (one file). */
export interface YearValues {
  readonly rows: readonly ValueRow[];
  readonly byTown: TownRows;
}

/**
 * One indicator's values, by year, for the years loaded so far. Adding a year
 * adds one entry: the years already loaded are shared, not copied.
 */
export interface IndicatorValues {
  readonly byYear: ReadonlyMap<number, YearValues>;
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
  /**
   * Indicator-years loaded as figures only (the overview's cards), by
   * indicator and year: where the rows are loaded too, they are read instead.
   */
  readonly figures: ReadonlyMap<IndicatorId, ReadonlyMap<number, YearFigures>>;
  /** null until a view that lists reports has loaded reports.csv. */
  readonly reports: ReadonlyMap<string, ReportInfo> | null;
  readonly reportsFile: IndexFile;
  /** The files of each county (by countyKeyOf). */
  readonly counties: ReadonlyMap<string, IndexCounty>;
  /** Counties whose values and reports are loaded (a town profile, a source panel). */
  readonly countyData: ReadonlyMap<string, CountyData>;
  /** What the index alone says (towns, years, indicators): local values add to it. */
  readonly published: {
    readonly towns: readonly Town[];
    /** Each of `towns` by id: its position there (made when first asked: a nation's takes 20 ms). */
    readonly townNumbers: () => ReadonlyMap<string, number>;
    readonly years: readonly number[];
    readonly indicators: ReadonlySet<IndicatorId>;
  };
  /** Values imported and reviewed in this browser (see withLocal); null when none. */
  readonly local: LocalValues | null;
}

export interface LocalValues {
  readonly rows: readonly ValueRow[];
  /** `${indicator}|${year}` → town id → row. */
  readonly byIndicatorYear: ReadonlyMap<string, ReadonlyMap<string, ValueRow>>;
  /**
   * The town-years (townYearKey) of the reports imported here: a report is
   * its town, county and year, so an import of a published one's town and
   * year is that report's new version and stands for it whole.
   */
  readonly townYears: ReadonlySet<string>;
}

export const townYearKey = (townId: string, year: number): string => `${townId}|${year}`;

/**
 * Whether a report imported in this browser stands for this town and year:
 * then no published value of that town-year shows, only the import's (a
 * figure it does not state is 报告未提及, never the old published number).
 */
export function isImportedTownYear(
  local: LocalValues | null,
  townId: string,
  year: number | null,
): boolean {
  return local !== null && year !== null && local.townYears.has(townYearKey(townId, year));
}

/** Published rows with the imported ones laid over them: an imported town-year keeps the import's rows only. */
export function withLocalRows(
  published: readonly ValueRow[],
  local: LocalValues | null,
): readonly ValueRow[] {
  if (local === null) return published;
  return [...published.filter((v) => !isImportedTownYear(local, v.townId, v.year)), ...local.rows];
}

/** Every value and report of one county's towns: all indicators, all years. */
export interface CountyData {
  readonly values: readonly ValueRow[];
  readonly reports: readonly ReportInfo[];
}

export { countyKeyOf, groupByCounty, townIdOf };

/** The latest year with any report: the year a page shows when its link names none. */
export function latestYear(model: Pick<DatasetModel, 'years'>): number | null {
  return model.years[model.years.length - 1] ?? null;
}

export function modelFromIndex(index: DataIndex): DatasetModel {
  const towns = townsOf(index);
  let numbers: ReadonlyMap<string, number> | null = null;
  return {
    towns,
    townById: new Map(towns.map((t) => [t.id, t])),
    years: [...index.years],
    files: new Map(index.indicators.map((i) => [i.id, i])),
    indicatorsWithData: new Set(index.indicators.filter((i) => i.values > 0).map((i) => i.id)),
    loaded: new Map(),
    figures: new Map(),
    reports: null,
    reportsFile: index.reports,
    counties: new Map(index.counties.map((c) => [c.key, c])),
    countyData: new Map(),
    published: {
      towns,
      townNumbers: () => (numbers ??= new Map(towns.map((t, i) => [t.id, i]))),
      years: [...index.years],
      indicators: new Set(index.indicators.filter((i) => i.values > 0).map((i) => i.id)),
    },
    local: null,
  };
}

/** How many of the unknown towns a load error names. */
const NAMED_TOWNS = 3;

/**
 * The rows whose town index.json lists. Views show the index's towns only:
 * a row of any other town would vanish without a word, so the rest are
 * dropped with one error naming the file, how many rows, and a few towns.
 */
export function rowsOfKnownTowns<T extends ReportPlace>(
  rows: readonly T[],
  isKnownTown: (townId: string) => boolean,
  file: string,
): { rows: T[]; error: Issue | null } {
  const known: T[] = [];
  const unknown = new Set<string>();
  for (const row of rows) {
    if (isKnownTown(row.townId)) known.push(row);
    else unknown.add(row.townId);
  }
  const skipped = rows.length - known.length;
  if (skipped === 0) return { rows: known, error: null };
  const named = [...unknown].slice(0, NAMED_TOWNS).join(', ');
  const more = unknown.size > NAMED_TOWNS ? ` and ${unknown.size - NAMED_TOWNS} more` : '';
  return {
    rows: known,
    error: fileError(
      file,
      `${skipped} row(s) of ${unknown.size} town(s) not in index.json skipped: ${named}${more}`,
    ),
  };
}

/** The model with one more county's values and reports. */
export function withCounty(model: DatasetModel, key: string, data: CountyData): DatasetModel {
  const countyData = new Map(model.countyData);
  countyData.set(key, data);
  return { ...model, countyData };
}

/** The model with one more indicator-year of values (a new object: React sees the change). */
export function withIndicatorYear(
  model: DatasetModel,
  indicator: IndicatorId,
  year: number,
  rows: readonly ValueRow[],
): DatasetModel {
  const byYear = new Map(model.loaded.get(indicator)?.byYear);
  byYear.set(year, { rows, byTown: townRows(model.published.townNumbers(), rows, year) });
  const loaded = new Map(model.loaded);
  loaded.set(indicator, { byYear });
  return { ...model, loaded };
}

/** No town numbers: rows by town in a Map, for a few towns' rows. */
const UNNUMBERED: ReadonlyMap<string, number> = new Map();

/**
 * The model whose values are these counties' (all their indicators and
 * years): what a view of a few towns reads instead of every town's files of
 * each indicator and year (a nation's small multiples: 18 files, 480,000
 * rows; their towns' counties, a few thousand).
 */
export function withCountyRows(model: DatasetModel, counties: readonly CountyData[]): DatasetModel {
  const loaded = new Map<IndicatorId, IndicatorValues>();
  const values = counties.flatMap((c) => c.values);
  for (const [id, rows] of groupByIndicator(values, (v) => v.indicator)) {
    const byYear = new Map<number, YearValues>();
    for (const [year, list] of groupByYear(rows)) {
      byYear.set(year, { rows: list, byTown: townRows(UNNUMBERED, list, year) });
    }
    loaded.set(id, { byYear });
  }
  return { ...model, loaded };
}

/** The loaded row of one indicator from one report, if any. */
export function rowOfReport(
  model: DatasetModel,
  indicator: IndicatorId,
  reportId: string,
): ValueRow | undefined {
  for (const { rows } of model.loaded.get(indicator)?.byYear.values() ?? []) {
    const row = rows.find((v) => v.reportId === reportId);
    if (row !== undefined) return row;
  }
  return undefined;
}

/** Bytes or rows of these indicators' files for these years (default: all), from the index. */
export function sizeOf(
  model: DatasetModel,
  ids: readonly IndicatorId[],
  of: 'bytes' | 'rows',
  years?: readonly number[],
): number {
  let size = 0;
  for (const id of ids) {
    for (const f of model.files.get(id)?.years ?? []) {
      if (years === undefined || years.includes(f.year)) size += f[of];
    }
  }
  return size;
}

/** Whether a view can show this indicator for this year: loaded, or nothing to load. */
export function isLoaded(model: DatasetModel, indicator: IndicatorId, year: number): boolean {
  const files = model.files.get(indicator);
  if (files === undefined || !files.years.some((f) => f.year === year)) return true;
  return model.loaded.get(indicator)?.byYear.has(year) === true;
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
      reports.filter((r) => isCounted(r.status)),
      values,
      reports.length,
      { reports: 0, values: none, counties: [], texts: [] },
    ),
  );
  const groups = groupByIndicator(values, (v) => v.indicator);
  for (const [id, rows] of groups) {
    for (const [year, list] of groupByYear(rows)) model = withIndicatorYear(model, id, year, list);
  }
  const countyReports = groupByCounty(reports, countyKeyOf);
  const countyValues = groupByCounty(values, countyKeyOf);
  for (const key of new Set([...countyReports.keys(), ...countyValues.keys()])) {
    model = withCounty(model, key, {
      values: countyValues.get(key) ?? [],
      reports: countyReports.get(key) ?? [],
    });
  }
  return withReports(model, reports);
}
