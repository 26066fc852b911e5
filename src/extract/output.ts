/**
 * The published datasets as CSV text, with a fixed column order and sorted
 * rows so the same input always gives the same bytes. Shared by the CLI and,
 * later, the browser's export.
 */
import Papa from 'papaparse';
import { INDICATORS } from '../catalog';
import { CORRECTION_COLUMNS } from './columns';
import type { Correction } from './inputs';
import type { Datasets } from './pipeline';
import { notesText, serializeNotes } from './report-notes';

type Cell = string | number | boolean | null;

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
  'title',
  'inferred',
  'notes',
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
  'chosen_by',
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

export type CsvName = 'reports.csv' | 'mentions.csv' | 'indicators.csv' | 'unused.csv';
export const CSV_NAMES: readonly CsvName[] = [
  'reports.csv',
  'mentions.csv',
  'indicators.csv',
  'unused.csv',
];
export type CsvFiles = Readonly<Record<CsvName, string>>;

const CHUNK_ROWS = 5000;

/** Header first, then rows a few thousand at a time: large runs never hold a whole file. */
function* chunked<T>(
  columns: readonly string[],
  items: readonly T[],
  toRow: (item: T) => readonly Cell[],
): Generator<string> {
  yield `${Papa.unparse([[...columns]], { newline: '\n' })}\n`;
  for (let i = 0; i < items.length; i += CHUNK_ROWS) {
    const data = items
      .slice(i, i + CHUNK_ROWS)
      .map((item) =>
        toRow(item).map((cell) =>
          cell === null ? '' : typeof cell === 'boolean' ? String(cell) : cell,
        ),
      );
    yield `${Papa.unparse(data, { newline: '\n' })}\n`;
  }
}

/** mentions.csv, or the part of it for one indicator. */
export function mentionChunks(mentions: Datasets['mentions']): Generator<string> {
  return chunked(MENTION_COLUMNS, mentions, ({ reportId, mention: m }) => [
    reportId,
    m.indicator,
    m.value,
    m.unit,
    m.qualifier,
    m.start,
    m.end,
    m.quote,
    INDICATORS[m.indicator].category,
    m.rule,
    m.period,
    m.numStart,
    m.numEnd,
    m.sentenceStart,
    m.sentenceEnd,
  ]);
}

/** indicators.csv, or the part of it for one indicator. */
export function valueChunks(values: Datasets['values']): Generator<string> {
  return chunked(INDICATOR_COLUMNS, values, (v) => [
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
    v.chosenBy.join(';'),
    v.correction,
    v.note,
    v.period,
    v.quote,
    v.parts,
  ]);
}

/** reports.csv, or the part of it for one county. */
export function reportChunks(reports: Datasets['reports']): Generator<string> {
  return chunked(REPORT_COLUMNS, reports, (r) => [
    r.reportId,
    r.metadata.town,
    r.metadata.county,
    r.metadata.city,
    r.metadata.province,
    r.metadata.year,
    r.metadata.published,
    r.chars,
    r.status,
    // In Chinese for the person who opens the file; `notes` for the dashboard, in its language.
    notesText('zh', r.notes),
    r.file,
    r.encoding,
    r.mentions,
    r.unused,
    r.unusedNoRule,
    r.fromManifest.join(' '),
    r.metadata.title,
    r.inferred.join(' '),
    serializeNotes(r.notes),
  ]);
}

/** unused.csv, or the part of it for one county. */
export function unusedChunks(unused: Datasets['unused']): Generator<string> {
  return chunked(UNUSED_COLUMNS, unused, ({ reportId, number: u }) => [
    reportId,
    u.start,
    u.end,
    u.value,
    u.unit,
    u.reason,
    u.text,
    u.context,
  ]);
}

/**
 * corrections.csv in the data folder: the corrections that were applied, as
 * numbers (a correction's "190余" is written 190 with qualifier >=), in the
 * order they were given. Read back, it applies the same corrections.
 */
export function correctionChunks(corrections: readonly Correction[]): Generator<string> {
  return chunked(CORRECTION_COLUMNS, corrections, (c) => [
    c.reportId,
    c.indicator,
    c.value,
    c.value === null ? '' : c.qualifier,
    c.start,
    c.end,
    c.note,
  ]);
}

export function csvChunks(name: CsvName, datasets: Datasets): Generator<string> {
  switch (name) {
    case 'reports.csv':
      return reportChunks(datasets.reports);
    case 'mentions.csv':
      return mentionChunks(datasets.mentions);
    case 'indicators.csv':
      return valueChunks(datasets.values);
    case 'unused.csv':
      return unusedChunks(datasets.unused);
  }
}

/** All four datasets as whole strings (small runs, tests, the browser). */
export function datasetsToCsv(datasets: Datasets): CsvFiles {
  const files = {} as Record<CsvName, string>;
  for (const name of CSV_NAMES) files[name] = [...csvChunks(name, datasets)].join('');
  return files;
}
