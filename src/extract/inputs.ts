/**
 * The two files a person edits next to the reports: the manifest
 * (data/reports/reports.csv, overrides detected metadata) and the corrections
 * (data/corrections.csv, overrides or deletes values). Each row is validated;
 * a bad row becomes an issue naming file and line, and the rest still counts.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import {
  QUALIFIERS,
  isIndicatorId,
  valueRangeProblem,
  type IndicatorId,
  type Qualifier,
} from '../catalog';
import { isCalendarDate } from './metadata';
import { parsePlaceName, parseTitle } from './names';
import { parseNumberText } from './numbers';
import type { Issue, Result } from './result';

export { CORRECTION_COLUMNS, MANIFEST_COLUMNS } from './columns';

export interface ManifestEntry {
  readonly reportId: string;
  readonly town?: string;
  readonly county?: string;
  readonly city?: string;
  readonly province?: string;
  readonly year?: number;
  readonly published?: string;
  readonly title?: string;
}

export interface Correction {
  readonly reportId: string;
  readonly indicator: IndicatorId;
  /** null deletes the value. */
  readonly value: number | null;
  readonly qualifier: Qualifier;
  readonly start: number | null;
  readonly end: number | null;
  readonly note: string;
  readonly line: number;
}

interface ParsedCsv {
  /** The rows PapaParse read without a complaint, each with its line. */
  readonly rows: readonly { readonly row: Record<string, string>; readonly line: number }[];
  readonly fields: readonly string[];
  readonly issues: Issue[];
}

const PARSE_OPTIONS = {
  header: true,
  skipEmptyLines: 'greedy',
  transformHeader: (h: string) => h.trim().toLowerCase(),
  transform: (v: string) => v.trim(),
} as const;

function parseCsvText(text: string): Papa.ParseResult<Record<string, string>> {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), PARSE_OPTIONS);
}

/**
 * A quote opened and never closed: every row after it may have been read as
 * part of one cell, so no row of the file can be trusted. Null when none.
 */
export function csvQuoteProblem(text: string): { line: number; message: string } | null {
  const quotes = parseCsvText(text).errors.find((e) => e.type === 'Quotes');
  if (quotes === undefined) return null;
  return {
    line: (quotes.row ?? 0) + 1,
    message: `${quotes.message}: a quote is opened here and not closed, so the rows after it cannot be told apart; close it and run again`,
  };
}

/**
 * A row with more cells than the header is reported and left out: its cells
 * may have slid into the wrong columns (one with fewer leaves the last cells
 * empty, as people type them). A quote left open refuses the whole file.
 */
function readCsv(text: string, file: string): ParsedCsv {
  if (text.trim() === '') return { rows: [], fields: [], issues: [] };
  const result = parseCsvText(text);
  const quotes = csvQuoteProblem(text);
  if (quotes !== null) {
    return {
      rows: [],
      fields: result.meta.fields ?? [],
      issues: [{ file, line: quotes.line, severity: 'error', message: quotes.message }],
    };
  }
  const refused = new Set<number>();
  const issues: Issue[] = [];
  for (const e of result.errors) {
    if (e.type === 'FieldMismatch' && e.code === 'TooFewFields') continue;
    if (e.row !== undefined) refused.add(e.row);
    issues.push({
      file,
      ...(e.row === undefined ? {} : { line: e.row + 2 }),
      severity: 'error',
      message: e.row === undefined ? e.message : `${e.message}; the row is not applied`,
    });
  }
  const rows = result.data.flatMap((row, index) =>
    refused.has(index) ? [] : [{ row, line: index + 2 }],
  );
  return { rows, fields: result.meta.fields ?? [], issues };
}

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

/** An optional cell checked by a name parser (see names.ts): names, never markup. */
const optionalName = (parse: (raw: string) => Result<string>) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const parsed = parse(v);
    if (parsed.ok) return parsed.data;
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  });

function isPublishedDate(text: string): boolean {
  const [year = 0, month = 0, day = 1] = text.split('-').map(Number);
  return isCalendarDate(year, month, day);
}

const manifestRow = z.object({
  report_id: z.string().min(1, 'report_id is empty'),
  town: optionalName((v) => parsePlaceName(v, 'town')),
  county: optionalName((v) => parsePlaceName(v, 'county')),
  city: optionalName((v) => parsePlaceName(v, 'city')),
  province: optionalName((v) => parsePlaceName(v, 'province')),
  year: optionalText.pipe(
    z
      .string()
      .regex(/^(19|20)\d{2}$/, 'year must be a four-digit year')
      .transform(Number)
      .optional(),
  ),
  published: optionalText.pipe(
    z
      .string()
      // As detection writes it: YYYY-MM when the day is not written.
      .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'published must be YYYY-MM-DD or YYYY-MM')
      .refine(isPublishedDate, 'published is not a date of the calendar')
      .optional(),
  ),
  title: optionalName((v) => parseTitle(v)),
});

function zodMessage(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function parseManifest(
  text: string,
  file: string,
  knownReports: ReadonlySet<string>,
): { entries: Map<string, ManifestEntry>; issues: Issue[] } {
  const { rows, fields, issues } = readCsv(text, file);
  const entries = new Map<string, ManifestEntry>();
  if (text.trim() === '') return { entries, issues };
  if (!fields.includes('report_id')) {
    issues.push({ file, line: 1, severity: 'error', message: 'missing column report_id' });
    return { entries, issues };
  }
  for (const { row, line } of rows) {
    const parsed = manifestRow.safeParse(row);
    if (!parsed.success) {
      issues.push({ file, line, severity: 'error', message: zodMessage(parsed.error) });
      continue;
    }
    const r = parsed.data;
    if (!knownReports.has(r.report_id)) {
      issues.push({ file, line, severity: 'error', message: `unknown report "${r.report_id}"` });
      continue;
    }
    if (entries.has(r.report_id)) {
      issues.push({
        file,
        line,
        severity: 'error',
        message: `report "${r.report_id}" is listed twice`,
      });
      continue;
    }
    entries.set(r.report_id, {
      reportId: r.report_id,
      ...(r.town === undefined ? {} : { town: r.town }),
      ...(r.county === undefined ? {} : { county: r.county }),
      ...(r.city === undefined ? {} : { city: r.city }),
      ...(r.province === undefined ? {} : { province: r.province }),
      ...(r.year === undefined ? {} : { year: r.year }),
      ...(r.published === undefined ? {} : { published: r.published }),
      ...(r.title === undefined ? {} : { title: r.title }),
    });
  }
  return { entries, issues };
}

const correctionRow = z.object({
  report_id: z.string().min(1, 'report_id is empty'),
  indicator: z.string().min(1, 'indicator is empty'),
  value: z.string().optional().default(''),
  qualifier: z.string().optional().default(''),
  start: z.string().optional().default(''),
  end: z.string().optional().default(''),
  note: z.string().optional().default(''),
});

/**
 * `reportLengths` gives each readable report's text length: a span must lie
 * inside its report's text.
 */
export function parseCorrections(
  text: string,
  file: string,
  reportLengths: ReadonlyMap<string, number>,
): { corrections: Correction[]; issues: Issue[] } {
  const { rows, fields, issues } = readCsv(text, file);
  const corrections: Correction[] = [];
  if (text.trim() === '') return { corrections, issues };
  for (const required of ['report_id', 'indicator', 'value']) {
    if (!fields.includes(required)) {
      issues.push({ file, line: 1, severity: 'error', message: `missing column ${required}` });
    }
  }
  if (issues.some((i) => i.line === 1)) return { corrections, issues };
  const seen = new Set<string>();
  for (const { row, line } of rows) {
    const problem = correctionProblem(row, line, reportLengths, seen);
    if (typeof problem === 'string')
      issues.push({ file, line, severity: 'error', message: problem });
    else corrections.push(problem);
  }
  return { corrections, issues };
}

/** One correction row, or what is wrong with it. */
function correctionProblem(
  row: Record<string, string>,
  line: number,
  reportLengths: ReadonlyMap<string, number>,
  seen: Set<string>,
): Correction | string {
  const parsed = correctionRow.safeParse(row);
  if (!parsed.success) return zodMessage(parsed.error);
  const r = parsed.data;
  const length = reportLengths.get(r.report_id);
  if (length === undefined) return `unknown report "${r.report_id}"`;
  if (!isIndicatorId(r.indicator)) return `unknown indicator "${r.indicator}"`;
  const key = `${r.report_id}\u0000${r.indicator}`;
  if (seen.has(key)) return `a second correction for ${r.report_id} / ${r.indicator}`;
  let value: number | null = null;
  let qualifier: Qualifier = '=';
  if (r.value !== '') {
    const number = parseNumberText(r.value);
    if (!number.ok) return `value "${r.value}" is not a number`;
    value = number.data.value;
    qualifier = number.data.qualifier;
    const range = valueRangeProblem(r.indicator, value);
    if (range !== null) return `value "${r.value}": ${range}`;
  }
  if (r.qualifier !== '') {
    const q = QUALIFIERS.find((x) => x === r.qualifier);
    if (q === undefined) return `qualifier must be one of ${QUALIFIERS.join(' ')}`;
    qualifier = q;
  }
  const start = r.start === '' ? null : Number(r.start);
  const end = r.end === '' ? null : Number(r.end);
  if ((start === null) !== (end === null)) return 'give both start and end, or neither';
  if (start !== null && end !== null) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
      return 'start and end must be whole offsets with start < end';
    }
    if (end > length) {
      return `start and end must lie within the report's text (${length} characters)`;
    }
  }
  seen.add(key);
  return {
    reportId: r.report_id,
    indicator: r.indicator,
    value,
    qualifier,
    start,
    end,
    note: r.note,
    line,
  };
}
