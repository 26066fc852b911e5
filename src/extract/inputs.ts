/**
 * The two files a person edits next to the reports: the manifest
 * (data/reports/reports.csv, overrides detected metadata) and the corrections
 * (data/corrections.csv, overrides or deletes values). Each row is validated;
 * a bad row becomes an issue naming file and line, and the rest still counts.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { isIndicatorId, type IndicatorId, type Qualifier } from '../catalog';
import { parseNumberText } from './numbers';
import type { Issue } from './result';

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
  readonly rows: Record<string, string>[];
  readonly fields: readonly string[];
  readonly issues: Issue[];
}

function readCsv(text: string, file: string): ParsedCsv {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
    transform: (v) => v.trim(),
  });
  const issues: Issue[] = result.errors.map((e) => ({
    file,
    ...(e.row === undefined ? {} : { line: e.row + 2 }),
    severity: 'error' as const,
    message: e.message,
  }));
  return { rows: result.data, fields: result.meta.fields ?? [], issues };
}

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

const manifestRow = z.object({
  report_id: z.string().min(1, 'report_id is empty'),
  town: optionalText,
  county: optionalText,
  city: optionalText,
  province: optionalText,
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
      .optional(),
  ),
  title: optionalText,
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
  if (!fields.includes('report_id')) {
    issues.push({ file, line: 1, severity: 'error', message: 'missing column report_id' });
    return { entries, issues };
  }
  rows.forEach((row, index) => {
    const line = index + 2;
    const parsed = manifestRow.safeParse(row);
    if (!parsed.success) {
      issues.push({ file, line, severity: 'error', message: zodMessage(parsed.error) });
      return;
    }
    const r = parsed.data;
    if (!knownReports.has(r.report_id)) {
      issues.push({ file, line, severity: 'error', message: `unknown report "${r.report_id}"` });
      return;
    }
    if (entries.has(r.report_id)) {
      issues.push({
        file,
        line,
        severity: 'error',
        message: `report "${r.report_id}" is listed twice`,
      });
      return;
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
  });
  return { entries, issues };
}

const QUALIFIERS: readonly Qualifier[] = ['=', '>=', '~', '<='];

const correctionRow = z.object({
  report_id: z.string().min(1, 'report_id is empty'),
  indicator: z.string().min(1, 'indicator is empty'),
  value: z.string().optional().default(''),
  qualifier: z.string().optional().default(''),
  start: z.string().optional().default(''),
  end: z.string().optional().default(''),
  note: z.string().optional().default(''),
});

export function parseCorrections(
  text: string,
  file: string,
  knownReports: ReadonlySet<string>,
): { corrections: Correction[]; issues: Issue[] } {
  const { rows, fields, issues } = readCsv(text, file);
  const corrections: Correction[] = [];
  for (const required of ['report_id', 'indicator', 'value']) {
    if (!fields.includes(required)) {
      issues.push({ file, line: 1, severity: 'error', message: `missing column ${required}` });
    }
  }
  if (issues.some((i) => i.line === 1)) return { corrections, issues };
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const error = (message: string): void => {
      issues.push({ file, line, severity: 'error', message });
    };
    const parsed = correctionRow.safeParse(row);
    if (!parsed.success) return error(zodMessage(parsed.error));
    const r = parsed.data;
    if (!knownReports.has(r.report_id)) return error(`unknown report "${r.report_id}"`);
    if (!isIndicatorId(r.indicator)) return error(`unknown indicator "${r.indicator}"`);
    const key = `${r.report_id}\u0000${r.indicator}`;
    if (seen.has(key)) return error(`a second correction for ${r.report_id} / ${r.indicator}`);
    let value: number | null = null;
    let qualifier: Qualifier = '=';
    if (r.value !== '') {
      const number = parseNumberText(r.value);
      if (!number.ok) return error(`value "${r.value}" is not a number`);
      value = number.data.value;
      qualifier = number.data.qualifier;
    }
    if (r.qualifier !== '') {
      const q = QUALIFIERS.find((x) => x === r.qualifier);
      if (q === undefined) return error(`qualifier must be one of ${QUALIFIERS.join(' ')}`);
      qualifier = q;
    }
    const start = r.start === '' ? null : Number(r.start);
    const end = r.end === '' ? null : Number(r.end);
    if ((start === null) !== (end === null)) return error('give both start and end, or neither');
    if (start !== null && end !== null) {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
        return error('start and end must be whole offsets with start < end');
      }
    }
    seen.add(key);
    corrections.push({
      reportId: r.report_id,
      indicator: r.indicator,
      value,
      qualifier,
      start,
      end,
      note: r.note,
      line,
    });
  });
  return { corrections, issues };
}
