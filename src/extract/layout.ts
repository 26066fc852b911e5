/**
 * Every file of a data folder, as the CLI writes it and the browser's publish
 * package holds it: the four complete tables, the corrections that were
 * applied, the split layout (one file per indicator and year, per indicator's
 * mentions, per county) and index.json with the sizes of them all. Pure: the
 * CLI appends each piece to its file on disk, the browser joins them into a
 * zip; the bytes are the same. The report texts (texts/<id>.txt) are written
 * by whoever has them.
 */
import { catalogAsJson } from '../catalog';
import type { IndicatorId } from '../catalog';
import {
  buildIndex,
  COUNTY_FILES,
  countyFileOf,
  countyKeyOf,
  mentionsFileOf,
  INDEX_FILE,
  SPLIT_PATH_SHAPES,
  valuesFileOf,
  type CountyFile,
  type DataIndex,
  type IndexCounty,
} from './data-index';
import {
  CORRECTIONS_TABLE,
  CSV_NAMES,
  MENTIONS_TABLE,
  REPORTS_TABLE,
  UNUSED_TABLE,
  VALUES_TABLE,
  type CsvName,
  type CsvTable,
} from './output';
import type { Datasets } from './pipeline';

/** The index the dashboard reads first (written last: it gives every other file's size). */
const CORRECTIONS_FILE = 'corrections.csv';
const CATALOG_FILE = 'catalog.json';

/** Takes the data folder's files piece by piece: `text` goes at the end of the file at `path`. */
export type Sink = (path: string, text: string) => void;

export interface SiteLayout {
  /**
   * Every file but index.json, in pieces, each file's pieces in order: each
   * row is written once (its line appended to the complete table and to each
   * file that holds it), so large runs never hold a whole file either. A file
   * starts with its header; files that exist even without rows (the tables,
   * the corrections, each county's four) get theirs first.
   */
  readonly write: (sink: Sink) => void;
  /** index.json's content, given the byte size of each file written. */
  readonly index: (bytesOf: (path: string) => number) => string;
}

/** The complete table each county file holds part of. */
const FULL_OF: Readonly<Record<CountyFile, CsvName>> = {
  values: 'indicators.csv',
  reports: 'reports.csv',
  mentions: 'mentions.csv',
  unused: 'unused.csv',
};

/** Each complete table's columns and lines. */
const TABLE_OF: Readonly<Record<CsvName, { readonly header: string }>> = {
  'reports.csv': REPORTS_TABLE,
  'mentions.csv': MENTIONS_TABLE,
  'indicators.csv': VALUES_TABLE,
  'unused.csv': UNUSED_TABLE,
};

/** One table's rows into the complete file and the split files that hold each (`also`). */
function writeTable<T>(
  sink: Sink,
  started: Set<string>,
  full: CsvName,
  table: CsvTable<T>,
  rows: readonly T[],
  also: (row: T) => readonly (string | undefined)[],
): void {
  for (const row of rows) {
    const line = table.line(row);
    sink(full, line);
    for (const path of also(row)) {
      if (path === undefined) continue;
      if (!started.has(path)) {
        started.add(path);
        sink(path, table.header);
      }
      sink(path, line);
    }
  }
}

/** How many rows each county key has (rows without one are in no county file). */
function countByCounty<T>(
  rows: readonly T[],
  keyOf: (row: T) => string | undefined,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The data folder's files for one run's datasets. */
export function siteLayout(datasets: Datasets): SiteLayout {
  // Counties numbered in key order: those of the reports and of the values.
  const countyOfReport = new Map(
    datasets.reports.map((r) => [r.reportId, countyKeyOf(r.metadata)]),
  );
  const countyReports = countByCounty(datasets.reports, (r) => countyKeyOf(r.metadata));
  const countyValues = countByCounty(datasets.values, countyKeyOf);
  const countyMentions = countByCounty(datasets.mentions, (m) => countyOfReport.get(m.reportId));
  const countyUnused = countByCounty(datasets.unused, (u) => countyOfReport.get(u.reportId));
  const keys = [...new Set([...countyReports.keys(), ...countyValues.keys()])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const numberOf = new Map(keys.map((key, n) => [key, n]));
  const valueIndicators = new Set(datasets.values.map((v) => v.indicator));
  const countyFile = (key: string | undefined, kind: CountyFile): string | undefined => {
    const n = key === undefined ? undefined : numberOf.get(key);
    return n === undefined ? undefined : countyFileOf(n, kind);
  };

  const write = (sink: Sink): void => {
    const started = new Set<string>();
    const start = (path: string, header: string): void => {
      started.add(path);
      sink(path, header);
    };
    for (const name of CSV_NAMES) start(name, TABLE_OF[name].header);
    // Each indicator with values has its mentions' file, if only the header.
    for (const id of valueIndicators) start(mentionsFileOf(id), MENTIONS_TABLE.header);
    keys.forEach((_, n) => {
      for (const kind of COUNTY_FILES) start(countyFileOf(n, kind), TABLE_OF[FULL_OF[kind]].header);
    });
    writeTable(sink, started, 'reports.csv', REPORTS_TABLE, datasets.reports, (r) => [
      countyFile(countyKeyOf(r.metadata), 'reports'),
    ]);
    writeTable(sink, started, 'mentions.csv', MENTIONS_TABLE, datasets.mentions, (m) => [
      mentionsFileOf(m.mention.indicator),
      countyFile(countyOfReport.get(m.reportId), 'mentions'),
    ]);
    writeTable(sink, started, 'indicators.csv', VALUES_TABLE, datasets.values, (v) => [
      // Rows without a year are in indicators.csv only.
      v.year === null ? undefined : valuesFileOf(v.indicator, v.year),
      countyFile(countyKeyOf(v), 'values'),
    ]);
    writeTable(sink, started, 'unused.csv', UNUSED_TABLE, datasets.unused, (u) => [
      countyFile(countyOfReport.get(u.reportId), 'unused'),
    ]);
    start(CORRECTIONS_FILE, CORRECTIONS_TABLE.header);
    for (const c of datasets.corrections) sink(CORRECTIONS_FILE, CORRECTIONS_TABLE.line(c));
    sink(CATALOG_FILE, `${JSON.stringify(catalogAsJson(), null, 2)}\n`);
  };

  const index = (bytesOf: (path: string) => number): string => {
    const valueSizes = new Map<string, number>();
    const mentionSizes = new Map<IndicatorId, number>();
    for (const v of datasets.values) {
      if (v.year === null) continue;
      const path = valuesFileOf(v.indicator, v.year);
      if (!valueSizes.has(path)) valueSizes.set(path, bytesOf(path));
    }
    for (const id of valueIndicators) mentionSizes.set(id, bytesOf(mentionsFileOf(id)));
    const fileOf = (n: number, kind: CountyFile, rows: number) => ({
      file: countyFileOf(n, kind),
      rows,
      bytes: bytesOf(countyFileOf(n, kind)),
    });
    const indexed: DataIndex = buildIndex(datasets, {
      reports: bytesOf('reports.csv'),
      values: valueSizes,
      mentions: mentionSizes,
      counties: keys.map((key, n): IndexCounty => ({
        key,
        values: fileOf(n, 'values', countyValues.get(key) ?? 0),
        reports: fileOf(n, 'reports', countyReports.get(key) ?? 0),
        mentions: fileOf(n, 'mentions', countyMentions.get(key) ?? 0),
        unused: fileOf(n, 'unused', countyUnused.get(key) ?? 0),
      })),
      corrections: {
        file: CORRECTIONS_FILE,
        rows: datasets.corrections.length,
        bytes: bytesOf(CORRECTIONS_FILE),
      },
    });
    return `${JSON.stringify(indexed)}\n`;
  };
  return { write, index };
}

/** The files at the top of every data folder. */
const TOP_FILES: ReadonlySet<string> = new Set([
  ...CSV_NAMES,
  CORRECTIONS_FILE,
  CATALOG_FILE,
  INDEX_FILE,
]);

/** Whether `path` (relative, with /) has the shape of a file a data folder holds. */
export function isLayoutPath(path: string): boolean {
  return TOP_FILES.has(path) || SPLIT_PATH_SHAPES.some((shape) => shape.test(path));
}
