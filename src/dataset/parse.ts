/**
 * CSV text → typed rows. Every row is validated against a schema derived from
 * the file's column table (extract/columns.ts, which the CLI writes by); a bad
 * row becomes an Issue naming file, line and what is wrong, and is skipped.
 */
import * as z from 'zod/mini';
import { INDICATORS, valueRangeProblem } from '../catalog';
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
import { townIdOf, type ReportPlace, type ReportInfo, type ValueRow } from './model';
import { parseRows, rowSchemaOf, type Parsed } from './csv-rows';
import type { IndicatorColumn, ReportColumn, UnreadValueColumn } from '../extract/columns';
import { REPORT_STATUSES } from '../extract/columns';

export { issueText, type Parsed } from './csv-rows';

const reportId = z.string().check(z.minLength(1, 'report_id is empty'));

// Not read (null): the columns only the complete table holds, and the quote
// (a county's file lacks it; exports read it from the indicator's files).
const valueSchema = rowSchemaOf({
  report_id: reportId,
  town: text,
  county: text,
  city: text,
  province: text,
  year,
  indicator,
  value: optionalNumber,
  unit: text,
  qualifier: optionalQualifier,
  derived: bool,
  corrected: bool,
  alternatives: null,
  start: optionalInt,
  end: optionalInt,
  category: null,
  unit_written: text,
  mentions: null,
  alternative_values: numberList,
  chosen_by: ruleList,
  correction,
  note: text,
  period: text,
  quote: null,
  parts: partList,
} satisfies Record<IndicatorColumn, unknown> & Record<UnreadValueColumn, null>);

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

const NO_NUMBERS: readonly number[] = Object.freeze([]);
const NO_PARTS: ValueRow['parts'] = Object.freeze([]);

/** The report, town and year columns every dataset row starts with, shared. */
function placeOf(r: {
  report_id: string;
  town: string;
  county: string;
  city: string;
  province: string;
  year: number | null;
}): ReportPlace {
  const town = shared(r.town);
  const county = shared(r.county);
  const city = shared(r.city);
  const province = shared(r.province);
  const reportId = shared(r.report_id);
  return {
    reportId,
    townId: shared(townIdOf({ town, county, city, province, reportId })),
    town,
    county,
    city,
    province,
    year: r.year,
  };
}

/**
 * A value row with one fixed shape and shared strings: built here for rows
 * parsed on this thread, and again for rows a worker posted (structured clone
 * copies every string).
 */
export function compactValue(v: ValueRow): ValueRow {
  const place = placeOf({ ...v, report_id: v.reportId });
  return {
    reportId: place.reportId,
    townId: place.townId,
    town: place.town,
    county: place.county,
    city: place.city,
    province: place.province,
    year: v.year,
    indicator: v.indicator,
    category: v.category,
    value: v.value,
    unit: shared(v.unit),
    unitWritten: shared(v.unitWritten),
    qualifier: v.qualifier,
    derived: v.derived,
    correction: v.correction,
    note: shared(v.note),
    alternativeValues: v.alternativeValues.length === 0 ? NO_NUMBERS : v.alternativeValues,
    chosenBy: v.chosenBy.length === 0 ? NO_RULES : v.chosenBy,
    start: v.start,
    end: v.end,
    period: shared(v.period),
    parts: v.parts.length === 0 ? NO_PARTS : v.parts,
  };
}

/** A report row with shared place strings (see compactValue). */
export function compactReport(r: ReportInfo): ReportInfo {
  const place = placeOf({ ...r, report_id: r.reportId });
  return {
    ...place,
    published: shared(r.published),
    title: r.title,
    status: r.status,
    message: shared(r.message),
    notes: r.notes,
    mentions: r.mentions,
    unused: r.unused,
    unusedNoRule: r.unusedNoRule,
    inferred: r.inferred.length === 0 ? NO_FIELDS : r.inferred,
  };
}

export function parseValues(
  csv: string,
  file = 'indicators.csv',
  onBatch?: (rows: ValueRow[]) => void,
): Parsed<ValueRow> {
  return parseRows(
    csv,
    file,
    valueSchema,
    ['report_id', 'town', 'year', 'indicator', 'value', 'qualifier', 'start', 'end'],
    (r) => {
      if (
        (r.start === null) !== (r.end === null) ||
        (r.start !== null && r.end !== null && r.end < r.start)
      ) {
        return 'start and end must both be set, with start ≤ end';
      }
      if (r.value === null && r.correction !== 'delete')
        return 'value is empty but not deleted by a correction';
      // A rate over 100 % or a negative count is a misreading, not a figure to show.
      const outOfRange = r.value === null ? null : valueRangeProblem(r.indicator, r.value);
      if (outOfRange !== null) return outOfRange;
      return compactValue({
        ...placeOf(r),
        indicator: r.indicator,
        category: INDICATORS[r.indicator].category,
        value: r.value,
        unit: r.unit || INDICATORS[r.indicator].unit,
        unitWritten: r.unit_written,
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
    },
    onBatch,
  );
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
    (r) =>
      compactReport({
        ...placeOf(r),
        published: r.published,
        title: r.title,
        status: r.status,
        message: r.message,
        notes: tryParseNotes(r.notes),
        mentions: r.mentions,
        unused: r.unused,
        unusedNoRule: r.unused_no_rule,
        inferred: r.inferred,
      }),
    onBatch,
  );
}

/** The parser of each kind of data file, for the main thread and the parsing worker alike. */
export const PARSERS = {
  values: parseValues,
  reports: parseReports,
} as const;

/** Rows posted by the parsing worker, made compact again on this thread (by kind). */
export const COMPACTORS = {
  values: compactValue,
  reports: compactReport,
} as const;
