/**
 * CSV text → typed rows. Every row is validated against a schema derived from
 * the file's column table (extract/columns.ts, which the CLI writes by); a bad
 * row becomes an Issue naming file, line and what is wrong, and is skipped.
 */
import * as z from 'zod/mini';
import { INDICATORS, QUALIFIERS, valueRangeProblem, type IndicatorId } from '../catalog';
import { fileError } from '../extract/result';
import { tryParseNotes } from '../extract/report-notes';
import { parseLocator } from '../extract/text-packs';
import {
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
import { townIdOf, type ReportPlace, type ReportInfo, type ValueRow } from './model';
import { type YearFigures } from './town-figures';
import { isExact } from './change';
import { compactReport, compactValue } from './compact';
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
  text_file: text,
  text_offset: text,
  text_length: text,
} satisfies Record<ReportColumn, unknown>);

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
  const exact = new Uint8Array(place.towns.length);
  let read = 0;
  const { errors } = parseRows(csv, file, indicatorFileSchema, INDICATOR_REQUIRED, (r) => {
    const row = indicatorRow(r, place);
    if (typeof row === 'string') return row;
    const n = r[TOWN_NUMBER_COLUMN];
    values[n] = row.value ?? NaN;
    qualifiers[n] = QUALIFIERS.indexOf(row.qualifier);
    exact[n] = row.value !== null && isExact(row) ? 1 : 0;
    read++;
    return null;
  });
  // Like rows: a file of which nothing could be read gives nothing.
  return { rows: read === 0 && errors.length > 0 ? [] : [{ values, qualifiers, exact }], errors };
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
      const textAt = parseLocator(r);
      // The report is not shown with a text the page would fetch from elsewhere.
      if (typeof textAt === 'string') return textAt;
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
        text: textAt,
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
