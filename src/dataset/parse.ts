/**
 * CSV text → typed rows. Every row is validated against a schema derived from
 * the file's column table (extract/columns.ts, which the CLI writes by); a bad
 * row becomes an Issue naming file, line and what is wrong, and is skipped.
 */
import * as z from 'zod/mini';
import {
  INDICATORS,
  QUALIFIERS,
  valueRangeProblem,
  type CategoryId,
  type IndicatorId,
  type Qualifier,
  type ResolutionRule,
} from '../catalog';
import { fileError } from '../extract/result';
import { tryParseNotes } from '../extract/report-notes';
import {
  NO_FIELDS,
  NO_RULES,
  bool,
  correction,
  indicator,
  int,
  numberList,
  optionalInt,
  optionalNumber,
  optionalQualifier,
  partList,
  placeFields,
  ruleList,
  rulesFor,
  text,
  year,
} from './csv-fields';
import {
  townIdOf,
  type ReportPlace,
  type ReportInfo,
  type ValueRow,
  type YearFigures,
} from './model';
import { parseRows, rowSchemaOf, type Parsed } from './csv-rows';
import type { CountyValueColumn, ReportColumn, SiteValueColumn } from '../extract/columns';
import { REPORT_STATUSES, TOWN_NUMBER_COLUMN } from '../extract/columns';
import type { IndexTown } from '../extract/data-index';

export { issueText, type Parsed } from './csv-rows';

const reportId = z.string().check(z.minLength(1, 'report_id is empty'));

/** The cells of a value both value files hold, read the same way. */
const valueFields = {
  report_id: reportId,
  value: optionalNumber,
  qualifier: optionalQualifier,
  derived: bool,
  start: optionalInt,
  end: optionalInt,
  alternative_values: numberList,
  chosen_by: ruleList,
  correction,
  note: text,
  period: text,
  parts: partList,
} as const;

// Not read (null): the quote (exports read it from the file's text).
const indicatorFileSchema = rowSchemaOf({
  ...valueFields,
  [TOWN_NUMBER_COLUMN]: int,
  quote: null,
} satisfies Record<SiteValueColumn, unknown>);

const countyValuesSchema = rowSchemaOf({
  ...valueFields,
  indicator,
} satisfies Record<CountyValueColumn, unknown>);

const reportSchema = rowSchemaOf({
  report_id: reportId,
  town: text,
  county: text,
  city: text,
  province: text,
  year,
  published: text,
  chars: null,
  status: z.enum(REPORT_STATUSES),
  message: text,
  file: null,
  format: null,
  encoding: null,
  mentions: z._default(int, 0),
  unused: z._default(int, 0),
  unused_no_rule: z._default(int, 0),
  from_manifest: null,
  title: text,
  inferred: placeFields,
  notes: text,
} satisfies Record<ReportColumn, unknown>);

/**
 * Shared strings. At province scale a view holds tens of thousands of rows
 * that repeat a few thousand town names, report ids, units and periods; each
 * parsed field would otherwise be its own string, and a long one a slice that
 * keeps the whole file's text alive. Every repeated field goes through here:
 * one flat copy per distinct value (JSON round trip: a fresh string, not a
 * slice of the file).
 */
const pool = new Map<string, string>();
function shared(s: string): string {
  if (s === '') return '';
  let kept = pool.get(s);
  if (kept === undefined) {
    kept = JSON.parse(JSON.stringify(s)) as string;
    pool.set(kept, kept);
  }
  return kept;
}

type TownPlace = Pick<ReportPlace, 'townId' | 'town' | 'county' | 'city' | 'province'>;
const townPlaces = new Map<string, TownPlace>();

/**
 * A row's town, id and names shared, found by its id: one lookup for the
 * five (each string hashed to be looked up costs a nation's page seconds).
 * The first place seen with an id is kept; another place that makes the
 * same id (names split differently between county and city) is shared
 * string by string.
 */
function sharedTown(r: TownPlace): TownPlace {
  const kept = townPlaces.get(r.townId);
  if (
    kept !== undefined &&
    kept.town === r.town &&
    kept.county === r.county &&
    kept.city === r.city &&
    kept.province === r.province
  ) {
    return kept;
  }
  const town = {
    townId: shared(r.townId),
    town: shared(r.town),
    county: shared(r.county),
    city: shared(r.city),
    province: shared(r.province),
  };
  if (kept === undefined) townPlaces.set(town.townId, town);
  return town;
}

/** The catalog's own string when `s` is it, else shared. */
const catalogString = (s: string, own: string | undefined): string => (s === own ? own : shared(s));

const NO_NUMBERS: readonly number[] = Object.freeze([]);
const NO_PARTS: ValueRow['parts'] = Object.freeze([]);

/**
 * The report, town and year columns every dataset row starts with (shared
 * once the row is made compact, with the rest of its strings).
 */
function placeOf(r: {
  report_id: string;
  town: string;
  county: string;
  city: string;
  province: string;
  year: number | null;
}): ReportPlace {
  const { town, county, city, province } = r;
  const reportId = r.report_id;
  return {
    reportId,
    townId: townIdOf({ town, county, city, province, reportId }),
    town,
    county,
    city,
    province,
    year: r.year,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A row's place fields set to its town's shared strings (see sharedTown). */
function shareTown(r: Mutable<ReportPlace>): void {
  const town = sharedTown(r);
  r.reportId = shared(r.reportId);
  r.townId = town.townId;
  r.town = town.town;
  r.county = town.county;
  r.city = town.city;
  r.province = town.province;
}

/**
 * A value row with shared strings, made so in place: for rows parsed on this
 * thread, and again for rows a worker posted (structured clone copies every
 * string, even an indicator's id: a nation's overview held 840,000 copies of
 * ids and categories, a sixth of its heap). In place rather than copied: a
 * posted row is already an object of its own, and copying the half million
 * of a nation's overview raised the page's peak heap by a fifth or more.
 */
export function compactValue(row: ValueRow): ValueRow {
  const v = row as Mutable<ValueRow>;
  shareTown(v);
  const indicator = shared(v.indicator) as IndicatorId;
  const spec = INDICATORS[indicator] as (typeof INDICATORS)[IndicatorId] | undefined;
  v.indicator = indicator;
  v.category = catalogString(v.category, spec?.category) as CategoryId;
  v.unit = catalogString(v.unit, spec?.unit);
  v.qualifier = shared(v.qualifier) as Qualifier;
  v.correction = shared(v.correction) as ValueRow['correction'];
  v.note = shared(v.note);
  v.alternativeValues = v.alternativeValues.length === 0 ? NO_NUMBERS : v.alternativeValues;
  v.chosenBy =
    v.chosenBy.length === 0 ? NO_RULES : v.chosenBy.map((rule) => shared(rule) as ResolutionRule);
  v.period = shared(v.period);
  v.parts =
    v.parts.length === 0
      ? NO_PARTS
      : v.parts.map((p) => ({ indicator: shared(p.indicator), start: p.start, end: p.end }));
  return v;
}

/** A report row with shared strings, made so in place (see compactValue). */
export function compactReport(row: ReportInfo): ReportInfo {
  const r = row as Mutable<ReportInfo>;
  shareTown(r);
  r.published = shared(r.published);
  r.message = shared(r.message);
  r.inferred = r.inferred.length === 0 ? NO_FIELDS : r.inferred;
  return r;
}

/** A town of index.json, as an indicator's file numbers it (TOWN_NUMBER_COLUMN). */
export type NumberedTown = Pick<IndexTown, 'id' | 'name' | 'county' | 'city' | 'province'>;

/** What an indicator's file of a year leaves to its place: the indicator, the year, the towns. */
export interface IndicatorFilePlace {
  readonly indicator: IndicatorId;
  readonly year: number;
  /** index.json's towns, in its order. */
  readonly towns: readonly NumberedTown[];
}

/** What a county's values leave to its reports: each value's place and year is its report's. */
export interface CountyFilePlace {
  /** The county's reports (its reports.csv) by id. */
  readonly reports: ReadonlyMap<string, ReportPlace>;
}

type ValueCells = Omit<z.output<typeof countyValuesSchema>, 'indicator'>;

/** The town of a report whose town was not found: the report's own, named by its id. */
const unnamedTownOf = (reportId: string): string =>
  townIdOf({ town: '', county: '', city: '', province: '', reportId });

/** A value row of one indicator at one place, checked; a string says what is wrong. */
function valueOf(r: ValueCells, indicator: IndicatorId, place: ReportPlace): ValueRow | string {
  if (
    (r.start === null) !== (r.end === null) ||
    (r.start !== null && r.end !== null && r.end < r.start)
  ) {
    return 'start and end must both be set, with start ≤ end';
  }
  if (r.value === null && r.correction !== 'delete')
    return 'value is empty but not deleted by a correction';
  // A rate over 100 % or a negative count is a misreading, not a figure to show.
  const outOfRange = r.value === null ? null : valueRangeProblem(indicator, r.value);
  if (outOfRange !== null) return outOfRange;
  // Field by field, not a place spread in: a spread gives each row a slow shape of its
  // own (500,000 rows in Node: 15 s built so, 0.1 s field by field; read 25 times slower).
  return compactValue({
    reportId: place.reportId,
    townId: place.townId,
    town: place.town,
    county: place.county,
    city: place.city,
    province: place.province,
    year: place.year,
    indicator,
    category: INDICATORS[indicator].category,
    value: r.value,
    unit: INDICATORS[indicator].unit,
    qualifier: r.qualifier,
    derived: r.derived,
    correction: r.correction,
    note: r.note,
    alternativeValues: r.alternative_values,
    chosenBy: rulesFor(r.chosen_by, r.alternative_values),
    start: r.start,
    end: r.end,
    period: r.period,
    parts: r.parts,
  });
}

const VALUE_REQUIRED = ['report_id', 'value', 'qualifier', 'start', 'end'] as const;

type IndicatorCells = z.output<typeof indicatorFileSchema>;

/** A row of an indicator's file at its town, checked; a string says what is wrong. */
function indicatorRow(
  r: IndicatorCells,
  { indicator, year, towns }: IndicatorFilePlace,
): ValueRow | string {
  const n = r[TOWN_NUMBER_COLUMN];
  const town = towns[n];
  if (town === undefined) return `${TOWN_NUMBER_COLUMN} ${n} is not a town of index.json`;
  const place = placeOf({
    report_id: r.report_id,
    // A report whose town was not found is its own town, named by its id.
    town: town.id === unnamedTownOf(r.report_id) ? '' : town.name,
    county: town.county,
    city: town.city,
    province: town.province,
    year,
  });
  if (place.townId !== town.id) {
    return `${TOWN_NUMBER_COLUMN} ${n} is another report's town (${town.id})`;
  }
  return valueOf(r, indicator, place);
}

const INDICATOR_REQUIRED = [...VALUE_REQUIRED, TOWN_NUMBER_COLUMN] as const;

/** indicators/<id>/<year>.csv: each row's town is the index's town of its number. */
export function parseIndicatorFile(
  csv: string,
  file: string,
  place: IndicatorFilePlace,
  onBatch?: (rows: ValueRow[]) => void,
): Parsed<ValueRow> {
  return parseRows(
    csv,
    file,
    indicatorFileSchema,
    INDICATOR_REQUIRED,
    (r) => indicatorRow(r, place),
    onBatch,
  );
}

/**
 * An indicator's file read as figures: each row checked as parseIndicatorFile
 * checks it (the same errors), its value kept at its town's number. A later
 * row of a town replaces an earlier one, as in an indicator-year's rows by town.
 */
export function parseFigures(
  csv: string,
  file: string,
  place: IndicatorFilePlace,
): Parsed<YearFigures> {
  const values = new Float64Array(place.towns.length).fill(NaN);
  const qualifiers = new Uint8Array(place.towns.length);
  let read = 0;
  const { errors } = parseRows(csv, file, indicatorFileSchema, INDICATOR_REQUIRED, (r) => {
    const row = indicatorRow(r, place);
    if (typeof row === 'string') return row;
    const n = r[TOWN_NUMBER_COLUMN];
    values[n] = row.value ?? NaN;
    qualifiers[n] = QUALIFIERS.indexOf(row.qualifier);
    read++;
    return null;
  });
  // Like rows: a file of which nothing could be read gives nothing.
  return { rows: read === 0 && errors.length > 0 ? [] : [{ values, qualifiers }], errors };
}

/** counties/<n>/values.csv: each row's place and year are its report's. */
export function parseCountyValues(
  csv: string,
  file: string,
  { reports }: CountyFilePlace,
  onBatch?: (rows: ValueRow[]) => void,
): Parsed<ValueRow> {
  // Rows of a report the county's reports lack: one error per report, at its first row.
  const missing = new Map<string, { line: number; rows: number }>();
  const parsed = parseRows(
    csv,
    file,
    countyValuesSchema,
    [...VALUE_REQUIRED, 'indicator'],
    (r, line) => {
      const place = reports.get(r.report_id);
      if (place !== undefined) return valueOf(r, r.indicator, place);
      const seen = missing.get(r.report_id);
      if (seen === undefined) missing.set(r.report_id, { line, rows: 1 });
      else seen.rows++;
      return null;
    },
    onBatch,
  );
  for (const [id, { line, rows }] of missing) {
    parsed.errors.push(
      fileError(
        file,
        `report ${id} is not among the county's reports read: its ${rows} row(s) skipped`,
        line,
      ),
    );
  }
  parsed.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return parsed;
}

export function parseReports(
  csv: string,
  file = 'reports.csv',
  onBatch?: (rows: ReportInfo[]) => void,
): Parsed<ReportInfo> {
  return parseRows(
    csv,
    file,
    reportSchema,
    ['report_id', 'town', 'year', 'status'],
    (r) => {
      const place = placeOf(r);
      // Field by field, not a place spread in (see valueOf).
      return compactReport({
        reportId: place.reportId,
        townId: place.townId,
        town: place.town,
        county: place.county,
        city: place.city,
        province: place.province,
        year: place.year,
        published: r.published,
        title: r.title,
        status: r.status,
        message: r.message,
        notes: tryParseNotes(r.notes),
        mentions: r.mentions,
        unused: r.unused,
        unusedNoRule: r.unused_no_rule,
        inferred: r.inferred,
      });
    },
    onBatch,
  );
}

/**
 * A data file to parse and what its place gives its rows, as the main thread
 * asks the parsing worker (an indicator's file takes the towns the worker
 * was given).
 */
export type ParseJob =
  | { readonly kind: 'reports' }
  | ({ readonly kind: 'indicator' | 'figures' } & Omit<IndicatorFilePlace, 'towns'>)
  | ({ readonly kind: 'county-values' } & CountyFilePlace);

/** The rows a job gives: reports, values, or an indicator file's figures (one). */
export type RowsOf<J extends ParseJob> = J extends { kind: 'reports' }
  ? ReportInfo
  : J extends { kind: 'figures' }
    ? YearFigures
    : ValueRow;

/** Parses a file for a job, on the main thread or in the parsing worker alike. */
export function parseJob<J extends ParseJob>(
  job: J,
  towns: readonly NumberedTown[],
  csv: string,
  file: string,
  onBatch?: (rows: RowsOf<J>[]) => void,
): Parsed<RowsOf<J>> {
  const batches = onBatch as ((rows: unknown[]) => void) | undefined;
  let parsed: Parsed<unknown>;
  if (job.kind === 'reports') parsed = parseReports(csv, file, batches);
  else if (job.kind === 'indicator')
    parsed = parseIndicatorFile(csv, file, { ...job, towns }, batches);
  else if (job.kind === 'county-values') parsed = parseCountyValues(csv, file, job, batches);
  else {
    // One row, small (a number and a byte per town): posted whole.
    parsed = parseFigures(csv, file, { ...job, towns });
    if (batches !== undefined) {
      if (parsed.rows.length > 0) batches(parsed.rows);
      parsed = { rows: [], errors: parsed.errors };
    }
  }
  return parsed as Parsed<RowsOf<J>>;
}

/** A row the parsing worker posted, made compact again on this thread (figures have no strings). */
export const compactRow = (kind: ParseJob['kind'], row: unknown): unknown =>
  kind === 'reports'
    ? compactReport(row as ReportInfo)
    : kind === 'figures'
      ? row
      : compactValue(row as ValueRow);
