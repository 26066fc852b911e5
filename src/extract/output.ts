/**
 * The published datasets as CSV text, with a fixed column order and sorted
 * rows so the same input always gives the same bytes. Shared by the CLI and,
 * later, the browser's export.
 */
import Papa from 'papaparse';
import { INDICATORS } from '../catalog';
import type { Datasets } from './pipeline';

type Cell = string | number | boolean | null;

function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const data = rows.map((row) =>
    row.map((cell) => (cell === null ? '' : typeof cell === 'boolean' ? String(cell) : cell)),
  );
  return `${Papa.unparse({ fields: [...columns], data }, { newline: '\n' })}\n`;
}

export const REPORT_COLUMNS = [
  'report_id',
  'town',
  'county',
  'city',
  'province',
  'year',
  'published',
  'chars',
  'status',
  'message',
  'file',
  'encoding',
  'mentions',
  'unused',
  'unused_no_rule',
  'from_manifest',
] as const;

export const MENTION_COLUMNS = [
  'report_id',
  'indicator',
  'value',
  'unit',
  'qualifier',
  'start',
  'end',
  'quote',
  'category',
  'rule',
  'period',
  'num_start',
  'num_end',
  'sentence_start',
  'sentence_end',
] as const;

export const INDICATOR_COLUMNS = [
  'report_id',
  'town',
  'county',
  'city',
  'province',
  'year',
  'indicator',
  'value',
  'unit',
  'qualifier',
  'derived',
  'corrected',
  'alternatives',
  'start',
  'end',
  'category',
  'unit_written',
  'mentions',
  'alternative_values',
  'correction',
  'note',
  'period',
  'quote',
  'parts',
] as const;

export const UNUSED_COLUMNS = [
  'report_id',
  'start',
  'end',
  'value',
  'unit',
  'reason',
  'text',
  'context',
] as const;

export interface CsvFiles {
  readonly 'reports.csv': string;
  readonly 'mentions.csv': string;
  readonly 'indicators.csv': string;
  readonly 'unused.csv': string;
}

const CONTEXT = 20;

export function datasetsToCsv(
  datasets: Datasets,
  quote: (reportId: string, start: number, end: number) => string,
): CsvFiles {
  const reports = toCsv(
    REPORT_COLUMNS,
    datasets.reports.map((r) => [
      r.reportId,
      r.metadata.town,
      r.metadata.county,
      r.metadata.city,
      r.metadata.province,
      r.metadata.year,
      r.metadata.published,
      r.chars,
      r.status,
      r.message,
      r.file,
      r.encoding,
      r.mentions,
      r.unused,
      r.unusedNoRule,
      r.fromManifest.join(' '),
    ]),
  );
  const mentions = toCsv(
    MENTION_COLUMNS,
    datasets.mentions.map(({ reportId, mention: m }) => [
      reportId,
      m.indicator,
      m.value,
      m.unit,
      m.qualifier,
      m.start,
      m.end,
      quote(reportId, m.start, m.end),
      INDICATORS[m.indicator].category,
      m.rule,
      m.period,
      m.numStart,
      m.numEnd,
      m.sentenceStart,
      m.sentenceEnd,
    ]),
  );
  const indicators = toCsv(
    INDICATOR_COLUMNS,
    datasets.values.map((v) => [
      v.reportId,
      v.town,
      v.county,
      v.city,
      v.province,
      v.year,
      v.indicator,
      v.value,
      INDICATORS[v.indicator].unit,
      v.value === null ? '' : v.qualifier,
      v.derived,
      v.correction !== '',
      v.alternativeValues.length,
      v.start,
      v.end,
      INDICATORS[v.indicator].category,
      v.unitWritten,
      v.mentions,
      v.alternativeValues.join(';'),
      v.correction,
      v.note,
      v.period,
      v.quote,
      v.parts,
    ]),
  );
  const unused = toCsv(
    UNUSED_COLUMNS,
    datasets.unused.map(({ reportId, number: u }) => [
      reportId,
      u.start,
      u.end,
      u.value,
      u.unit,
      u.reason,
      quote(reportId, u.start, u.end),
      quote(reportId, Math.max(0, u.start - CONTEXT), u.end + CONTEXT).replace(/\n/g, ' '),
    ]),
  );
  return {
    'reports.csv': reports,
    'mentions.csv': mentions,
    'indicators.csv': indicators,
    'unused.csv': unused,
  };
}
