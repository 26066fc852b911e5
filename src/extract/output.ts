/**
 * The published datasets as CSV text, with a fixed column order and sorted
 * rows so the same input always gives the same bytes. Shared by the CLI and,
 * later, the browser's export. The columns are the tables in columns.ts, which
 * the dashboard's reader derives its schemas from too: each row here is a
 * record of the table's columns, so the compiler keeps the two complete.
 */
import { INDICATORS } from '../catalog';
import {
  CORRECTION_COLUMNS,
  COUNTY_VALUE_COLUMNS,
  INDICATOR_COLUMNS,
  SITE_VALUE_COLUMNS,
  MENTION_COLUMNS,
  REPORT_COLUMNS,
  COUNTY_REPORT_COLUMNS,
  UNUSED_COLUMNS,
  type IndicatorColumn,
  type TOWN_NUMBER_COLUMN,
  type MentionColumn,
  type ReportColumn,
  type UnusedColumn,
} from './columns';
import type { Correction } from './inputs';
import type { Datasets } from './datasets';
import { notesText, serializeNotes } from './report-notes';
import { locatorCells } from './text-packs';

type Cell = string | number | boolean | null;

export type CsvName = 'reports.csv' | 'mentions.csv' | 'indicators.csv' | 'unused.csv';
export const CSV_NAMES: readonly CsvName[] = [
  'reports.csv',
  'mentions.csv',
  'indicators.csv',
  'unused.csv',
];

/**
 * What makes a data file's cell need quotes: Papa.unparse's rule (a quote,
 * comma, line break or byte-order mark anywhere, a space at either end), so
 * the bytes are those PapaParse writes (test/extract/csv-cells.test.ts
 * checks it against Papa.unparse). Written here rather than through
 * Papa.unparse because its per-cell checks were a quarter of the CLI's time
 * (docs/performance.md).
 */
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;

/** One cell of a data file: null empty, numbers and booleans as JavaScript writes them. */
export function csvCell(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * A table of the data folder: its header line and each row's line (both
 * ending in \n). A row is written once, however many files hold it
 * (layout.ts appends its line to each).
 */
export interface CsvTable<T> {
  readonly header: string;
  readonly line: (row: T) => string;
}

/** A table of columns whose rows are cells already built (several tables' columns of one row). */
export interface CsvColumns<C extends string> extends CsvTable<Readonly<Record<C, Cell>>> {
  readonly columns: readonly C[];
}

function csvColumns<C extends string>(columns: readonly C[]): CsvColumns<C> {
  return {
    columns,
    header: `${columns.map(csvCell).join(',')}\n`,
    // Joined, not concatenated: a flat string, where += would leave a tree of
    // fifty pieces per line in memory until the file is written.
    line: (row) => {
      const cells = new Array<string>(columns.length);
      for (let c = 0; c < columns.length; c++) cells[c] = csvCell(row[columns[c] as C]);
      return `${cells.join(',')}\n`;
    },
  };
}

/** A table's line to write from a row; `cut`: but for this column's cell, written later. */
export interface LineOf<C extends string> {
  readonly table: CsvColumns<C>;
  readonly cut?: C;
}

/**
 * Several tables' lines of one row, each of its cells written (csvCell) once
 * for all of them: each line's pieces in turn, a line cut at a cell in two
 * (its line is `before + csvCell(cell) + after`).
 */
export function linesOfRow<C extends string>(
  lines: readonly LineOf<C>[],
): (row: Readonly<Record<C, Cell>>) => string[] {
  const columns = [...new Set(lines.flatMap(({ table }) => table.columns))];
  const at = new Map(columns.map((c, i) => [c, i]));
  const cellsOf = (list: readonly C[]): number[] => list.map((c) => at.get(c) ?? -1);
  const plans = lines.map(({ table, cut }) => {
    const split = cut === undefined ? table.columns.length : table.columns.indexOf(cut);
    if (split < 0) throw new Error(`no column ${String(cut)}`);
    return {
      before: cellsOf(table.columns.slice(0, split)),
      after: cellsOf(table.columns.slice(split + (cut === undefined ? 0 : 1))),
      cut: cut !== undefined,
    };
  });
  const joined = (texts: readonly string[], cells: readonly number[]): string => {
    const parts = new Array<string>(cells.length);
    for (let i = 0; i < cells.length; i++) parts[i] = texts[cells[i] as number] as string;
    return parts.join(',');
  };
  return (row) => {
    const texts = new Array<string>(columns.length);
    for (let c = 0; c < columns.length; c++) texts[c] = csvCell(row[columns[c] as C]);
    const pieces: string[] = [];
    for (const { before, after, cut } of plans) {
      if (!cut) {
        pieces.push(`${joined(texts, before)}\n`);
        continue;
      }
      pieces.push(
        before.length === 0 ? '' : `${joined(texts, before)},`,
        `${after.length === 0 ? '' : `,${joined(texts, after)}`}\n`,
      );
    }
    return pieces;
  };
}

function csvTable<T, C extends string>(
  columns: readonly C[],
  toRow: (item: T) => Readonly<Record<C, Cell>>,
): CsvTable<T> {
  const { header, line } = csvColumns(columns);
  return { header, line: (item) => line(toRow(item)) };
}

/** A mention's cells, every column of mentions.csv. */
const mentionRow = ({
  reportId,
  mention: m,
}: Datasets['mentions'][number]): Readonly<Record<MentionColumn, Cell>> => ({
  report_id: reportId,
  indicator: m.indicator,
  value: m.value,
  unit: m.unit,
  qualifier: m.qualifier,
  start: m.start,
  end: m.end,
  quote: m.quote,
  category: INDICATORS[m.indicator].category,
  rule: m.rule,
  period: m.period,
  num_start: m.numStart,
  num_end: m.numEnd,
  sentence_start: m.sentenceStart,
  sentence_end: m.sentenceEnd,
});

/** mentions.csv. */
export const MENTIONS_TABLE = csvTable(MENTION_COLUMNS, mentionRow);

type Value = Datasets['values'][number];

/** A value's cells: every column of the three tables that hold values. */
export type ValueCells = Readonly<Record<IndicatorColumn | typeof TOWN_NUMBER_COLUMN, Cell>>;

/**
 * A value's cells, built once for every file that holds it: every column of
 * indicators.csv, and its town's number in index.json for an indicator's file
 * (TOWN_NUMBER_COLUMN; null when it goes in no such file).
 */
export const valueCells = (v: Value, townNumber: number | null): ValueCells => ({
  report_id: v.reportId,
  // Named, not computed ([TOWN_NUMBER_COLUMN]): V8 builds a literal with a computed key
  // one field at a time (a worker's profile: 311 → 18 ms for 5,000 reports' values).
  // ValueCells' type keeps the name the column's.
  town_number: townNumber,
  town: v.town,
  county: v.county,
  city: v.city,
  province: v.province,
  year: v.year,
  indicator: v.indicator,
  value: v.value,
  unit: INDICATORS[v.indicator].unit,
  qualifier: v.value === null ? '' : v.qualifier,
  derived: v.derived,
  corrected: v.correction !== '',
  alternatives: v.alternativeValues.length,
  start: v.start,
  end: v.end,
  category: INDICATORS[v.indicator].category,
  unit_written: v.unitWritten,
  mentions: v.mentions,
  alternative_values: v.alternativeValues.join(';'),
  chosen_by: v.chosenBy.join(';'),
  correction: v.correction,
  note: v.note,
  period: v.period,
  quote: v.quote,
  parts: v.parts,
});

/** indicators.csv. */
export const VALUES_TABLE = csvColumns(INDICATOR_COLUMNS);
/**
 * indicators/<id>/<year>.csv: the columns the dashboard reads and the quote,
 * each value's town by its number in index.json's towns.
 */
export const SITE_VALUES_TABLE = csvColumns(SITE_VALUE_COLUMNS);
/** counties/<n>/values.csv: the columns the dashboard reads. */
export const COUNTY_VALUES_TABLE = csvColumns(COUNTY_VALUE_COLUMNS);

type Report = Datasets['reports'][number];

/** A report's cells, every column of reports.csv: built once for both files that hold it. */
export const reportCells = (r: Report): Readonly<Record<ReportColumn, Cell>> => ({
  report_id: r.reportId,
  town: r.metadata.town,
  county: r.metadata.county,
  city: r.metadata.city,
  province: r.metadata.province,
  year: r.metadata.year,
  published: r.metadata.published,
  chars: r.chars,
  status: r.status,
  // In Chinese for the person who opens the file; `notes` for the dashboard, in its language.
  message: notesText('zh', r.notes),
  file: r.file,
  format: r.format,
  encoding: r.encoding,
  mentions: r.mentions,
  unused: r.unused,
  unused_no_rule: r.unusedNoRule,
  from_manifest: r.fromManifest.join(' '),
  title: r.metadata.title,
  inferred: r.inferred.join(' '),
  notes: serializeNotes(r.notes),
  ...locatorCells(r.textAt),
});

/** reports.csv, from reportCells. */
export const REPORTS_TABLE = csvColumns(REPORT_COLUMNS);
/** counties/<n>/reports.csv, from reportCells: the columns the dashboard reads. */
export const COUNTY_REPORTS_TABLE = csvColumns(COUNTY_REPORT_COLUMNS);

/** An unused number's cells, every column of unused.csv. */
const unusedRow = ({
  reportId,
  number: u,
}: Datasets['unused'][number]): Readonly<Record<UnusedColumn, Cell>> => ({
  report_id: reportId,
  start: u.start,
  end: u.end,
  value: u.value,
  unit: u.unit,
  reason: u.reason,
  text: u.text,
  context: u.context,
});

/** unused.csv. */
export const UNUSED_TABLE = csvTable(UNUSED_COLUMNS, unusedRow);

/**
 * corrections.csv in the data folder: the corrections that were applied, as
 * numbers (a correction's "190余" is written 190 with qualifier >=), in the
 * order they were given. Read back, it applies the same corrections.
 */
export const CORRECTIONS_TABLE = csvTable(CORRECTION_COLUMNS, (c: Correction) => ({
  report_id: c.reportId,
  indicator: c.indicator,
  value: c.value,
  qualifier: c.value === null ? '' : c.qualifier,
  start: c.start,
  end: c.end,
  note: c.note,
}));
