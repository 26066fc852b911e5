/**
 * Every file of a data folder, as the CLI writes it and the browser's publish
 * package holds it: reports.csv, the corrections that were applied, the split
 * layout (each county's values and reports, each indicator's values per
 * year), index.json with the sizes of them all and, when asked for, the
 * complete tables. Pure: the CLI appends each piece to its file on disk, the
 * browser joins them into a zip; the bytes are the same. The packs of report
 * texts (text-packs.ts) are written by whoever has the texts. Also a
 * report's values resolved alone (resolve.ts) as the lines of those files
 * (aloneValues), which the CLI's threads write where they read the report.
 */
import { catalogAsJson } from '../catalog';
import type { IndicatorId } from '../catalog';
import { isCounted, TOWN_NUMBER_COLUMN } from './columns';
import {
  COUNTY_FILES,
  countyFileOf,
  countyKeyOf,
  indexBuilder,
  INDEX_FILE,
  samePlace,
  SPLIT_PATH_SHAPES,
  valuesFileOf,
  type CountyFile,
  type DataIndex,
  type IndexCounty,
  type IndexFile,
  type Placed,
} from './data-index';
import {
  CORRECTIONS_TABLE,
  COUNTY_REPORTS_TABLE,
  COUNTY_VALUES_TABLE,
  csvCell,
  CSV_NAMES,
  linesOfRow,
  MENTIONS_TABLE,
  reportCells,
  REPORTS_TABLE,
  SITE_VALUES_TABLE,
  UNUSED_TABLE,
  valueCells,
  VALUES_TABLE,
  type ValueCells,
  type CsvName,
} from './output';
import type { Correction } from './inputs';
import type { ReportRow } from './finalize';
import type { Datasets } from './datasets';
import { resolveValues, type ReportForResolution, type ResolvedValue } from './resolve';
import { packSizesOf } from './text-packs';

/** The index the dashboard reads first (written last: it gives every other file's size). */
const CORRECTIONS_FILE = 'corrections.csv';
const CATALOG_FILE = 'catalog.json';

/** Takes the data folder's files piece by piece: `text` goes at the end of the file at `path`. */
export type Sink = (path: string, text: string) => void;

/** A Sink of pieces already encoded: `bytes` from `start` to `end` go at the end of the file at `path`. */
export type BytesSink = (path: string, bytes: Uint8Array, start: number, end: number) => void;

export interface SiteLayout {
  /**
   * Every file but index.json, in pieces, each file's pieces in order: each
   * row's lines are appended to the files that hold it as it comes, so large
   * runs never hold a whole file either. A file
   * starts with its header; files that exist even without rows (the tables,
   * each county's two) get theirs first, the corrections' after every row
   * (see LayoutWriter).
   */
  readonly write: (sink: Sink) => void;
  /** index.json's content, given the byte size of each file written. */
  readonly index: (bytesOf: (path: string) => number) => string;
}

/**
 * The complete tables a run writes only when asked for (`--tables`): every
 * value is in the county files, every mention and unused number is read off
 * its report's text by the dashboard, and a data folder holding them again
 * was three times its reports' size. reports.csv is always written: the
 * dashboard reads it.
 */
export const COMPLETE_TABLES: readonly CsvName[] = CSV_NAMES.filter((n) => n !== 'reports.csv');

export interface LayoutOptions {
  /** Write the complete tables too (COMPLETE_TABLES). */
  readonly tables: boolean;
}

/** Each complete table's columns and lines. */
const TABLE_OF: Readonly<Record<CsvName, { readonly header: string }>> = {
  'reports.csv': REPORTS_TABLE,
  'mentions.csv': MENTIONS_TABLE,
  'indicators.csv': VALUES_TABLE,
  'unused.csv': UNUSED_TABLE,
};

/** Each county file's columns: its values' and its reports', those the dashboard reads. */
const COUNTY_TABLE_OF: Readonly<Record<CountyFile, { readonly header: string }>> = {
  values: COUNTY_VALUES_TABLE,
  reports: COUNTY_REPORTS_TABLE,
};

type Mention = Datasets['mentions'][number];
type Unused = Datasets['unused'][number];

/**
 * A mention's line in the complete mentions.csv, when the complete tables
 * are written (null otherwise): the dashboard reads a report's mentions off
 * its text (src/dataset/read-findings.ts), so no other file holds them.
 */
export const mentionLine = (m: Mention, tables: boolean): string | null =>
  tables ? MENTIONS_TABLE.line(m) : null;

/** Unused numbers' lines in the complete unused.csv, joined; null as mentionLine. */
export const unusedLines = (numbers: readonly Unused[], tables: boolean): string | null =>
  tables ? numbers.map((u) => UNUSED_TABLE.line(u)).join('') : null;

/**
 * A report's values as they are when it is the only report of its town and
 * year and no correction names it (resolveValues of it alone), already
 * written as the lines of the files the dashboard reads: built where the
 * report is read (the CLI's worker threads), so the run's last, single-
 * threaded step only copies them into their files (LayoutWriter.alone).
 * None of these lines holds the report's place or year, which reports.csv
 * may set otherwise (a manifest): they only say which files take them.
 */
export interface AloneValues {
  /** Each value's indicator, in the values' order. */
  readonly indicators: readonly IndicatorId[];
  /**
   * Each value's line in its indicator's file of its year but for its
   * town's number (before it, after it), then the values' lines in their
   * county's file, one after another: 2 × values + 1 pieces.
   */
  readonly pieces: readonly string[];
}

/** AloneValues with their pieces encoded (UTF-8): their bytes one after another, and where each ends. */
export interface EncodedAlone {
  readonly indicators: readonly IndicatorId[];
  readonly bytes: Uint8Array;
  readonly ends: readonly number[];
}

/** A value's two lines in aloneValues, each cell written once for both. */
const aloneLines = linesOfRow<keyof ValueCells>([
  { table: SITE_VALUES_TABLE, cut: TOWN_NUMBER_COLUMN },
  { table: COUNTY_VALUES_TABLE },
]);

export function aloneValues(report: ReportForResolution): AloneValues {
  const values = resolveValues([report]);
  const pieces = new Array<string>(values.length * 2 + 1);
  const county = new Array<string>(values.length);
  values.forEach((v, i) => {
    const [before = '', after = '', line = ''] = aloneLines(valueCells(v, null));
    pieces[2 * i] = before;
    pieces[2 * i + 1] = after;
    county[i] = line;
  });
  pieces[values.length * 2] = county.join('');
  return { indicators: values.map((v) => v.indicator), pieces };
}

/**
 * Writes a data folder's files as their rows come: the values first, in
 * their order (as resolveValues gives them, or one group of reports after
 * another, see resolveByGroups), then each counted report's mentions and
 * unused numbers in report id order (counted; their lines written with the
 * complete tables only), then `finish`. A report's or a value's cells are
 * built once and written once per kind of file that holds it (reports.csv
 * and its county's; its indicator's, its county's, the complete table),
 * each in its own columns. Nothing is kept but counts and file names, so a
 * run of any size writes through it.
 */
export interface LayoutWriter {
  readonly value: (v: ResolvedValue) => void;
  /**
   * The values of a report resolved alone (aloneValues, encoded), in their
   * turn when its town and year has no other report and no correction:
   * the same bytes in the same files as `value` writes for each of them,
   * copied through the writer's BytesSink. `place`: the report's, as
   * reports.csv has it. Not with the complete tables, whose lines hold the
   * place: resolve the report's values.
   */
  readonly alone: (place: Placed, values: EncodedAlone) => void;
  /** One mention of `indicator`: its line in the complete table (mentionLine). */
  readonly mention: (indicator: IndicatorId, line: string | null) => void;
  /** `count` unused numbers of one report: their lines in the complete table (unusedLines). */
  readonly unused: (lines: string | null, count: number) => void;
  /** The corrections file and the catalog: after every row. */
  readonly finish: (corrections: readonly Correction[]) => void;
  /** index.json's content, given the byte size of each file written. */
  readonly index: (bytesOf: (path: string) => number) => string;
  /** Rows written per indicator: values and mentions; unused numbers in all. */
  readonly counts: () => {
    readonly values: ReadonlyMap<IndicatorId, number>;
    readonly mentions: ReadonlyMap<IndicatorId, number>;
    readonly unused: number;
  };
}

/** The readable reports the index places towns and years by. */
const readableReports = (reports: readonly ReportRow[]) =>
  reports.filter((r) => isCounted(r.status)).map((r) => ({ reportId: r.reportId, ...r.metadata }));

/** Where a value goes by its place: its county's number and values file, its town's number. */
interface ValuePlace {
  readonly of: Placed;
  readonly county: number;
  readonly town: number | null;
  readonly file: string;
}

/** How many rows each county number's file of one kind holds. */
type CountyCounts = Record<CountyFile, Map<number, number>>;

const add = <K>(counts: Map<K, number>, key: K): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/**
 * The writer of a data folder whose reports are `reports` (reports.csv's
 * rows, in order): files that exist even without rows (the tables written,
 * each county's two) start with their header at once, and the reports are
 * written.
 */
export function layoutWriter(
  sink: Sink,
  reports: readonly ReportRow[],
  { tables }: LayoutOptions,
  bytesSink?: BytesSink,
): LayoutWriter {
  // Counties numbered in key order: those of the reports (every value's place is its report's).
  const countyKeys = [...new Set(reports.map((r) => countyKeyOf(r.metadata)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const numberOf = new Map(countyKeys.map((key, n) => [key, n]));
  const countyOfReport = new Map(
    reports.map((r) => [r.reportId, numberOf.get(countyKeyOf(r.metadata))]),
  );
  const countyCounts: CountyCounts = { values: new Map(), reports: new Map() };
  const valueRows = new Map<IndicatorId, number>();
  const mentionRows = new Map<IndicatorId, number>();
  const valueFiles = new Set<string>();
  let unusedRows = 0;
  const index = indexBuilder(readableReports(reports), reports.length);
  const townNumber = (v: Placed): number => {
    const n = index.townNumber(v);
    if (n === undefined) throw new Error(`value of ${v.reportId}: a town no readable report has`);
    return n;
  };
  const started = new Set<string>();
  const start = (path: string, header: string): void => {
    started.add(path);
    sink(path, header);
  };
  const fullTables = new Set(CSV_NAMES.filter((n) => tables || !COMPLETE_TABLES.includes(n)));
  /** A row's line into its complete table, if written. */
  const putFull = (full: CsvName, line: string | null): void => {
    if (!fullTables.has(full)) return;
    if (line === null) throw new Error(`${full}: a row without its line`);
    sink(full, line);
  };
  /** A row's line into a split file, started with its table's header if new. */
  const putSplit = (path: string, header: string, line: string): void => {
    if (!started.has(path)) start(path, header);
    sink(path, line);
  };
  /** A row's line into the file of this kind of county `n` (none for a place no report has). */
  const putCounty = (n: number | undefined, kind: CountyFile, line: string): void => {
    if (n === undefined) return;
    add(countyCounts[kind], n);
    putSplit(countyFileOf(n, kind), COUNTY_TABLE_OF[kind].header, line);
  };

  for (const name of fullTables) start(name, TABLE_OF[name].header);
  countyKeys.forEach((_, n) => {
    for (const kind of COUNTY_FILES) start(countyFileOf(n, kind), COUNTY_TABLE_OF[kind].header);
  });
  for (const r of reports) {
    const cells = reportCells(r);
    putFull('reports.csv', REPORTS_TABLE.line(cells));
    putCounty(countyOfReport.get(r.reportId), 'reports', COUNTY_REPORTS_TABLE.line(cells));
  }

  /** What the last value's place gave (see samePlace): its county, town number and county file. */
  let placed: ValuePlace | undefined;
  const placeOf = (v: Placed): ValuePlace => {
    if (placed !== undefined && samePlace(placed.of, v)) return placed;
    const county = numberOf.get(countyKeyOf(v));
    if (county === undefined) throw new Error(`value of ${v.reportId}: a place no report has`);
    const town = v.year === null ? null : townNumber(v);
    placed = { of: v, county, town, file: countyFileOf(county, 'values') };
    return placed;
  };
  /** Each indicator's file of each year, named once. */
  const yearFiles = new Map<IndicatorId, Map<number, string>>();
  const yearFileOf = (indicator: IndicatorId, year: number): string => {
    let files = yearFiles.get(indicator);
    if (files === undefined) yearFiles.set(indicator, (files = new Map()));
    let file = files.get(year);
    if (file === undefined) {
      file = valuesFileOf(indicator, year);
      files.set(year, file);
      valueFiles.add(file);
    }
    return file;
  };

  /**
   * Where a value of `indicator` at `at` goes, counted there (as value and
   * alone both write it): its county's values file, and its indicator's
   * file of its year, started with its header if new, which this gives
   * (null for a value of no year: in its county's file only).
   */
  const filesOf = (at: ValuePlace, indicator: IndicatorId): string | null => {
    add(countyCounts.values, at.county);
    add(valueRows, indicator);
    const { year } = at.of;
    if (year === null) return null;
    const file = yearFileOf(indicator, year);
    if (!started.has(file)) start(file, SITE_VALUES_TABLE.header);
    return file;
  };
  const value = (v: ResolvedValue): void => {
    const at = placeOf(v);
    const cells = valueCells(v, at.town);
    // Each file's columns (SITE_VALUE_COLUMNS, COUNTY_VALUE_COLUMNS; every one with --tables).
    if (fullTables.has('indicators.csv')) putFull('indicators.csv', VALUES_TABLE.line(cells));
    const yearFile = filesOf(at, v.indicator);
    if (yearFile !== null) sink(yearFile, SITE_VALUES_TABLE.line(cells));
    putSplit(at.file, COUNTY_VALUES_TABLE.header, COUNTY_VALUES_TABLE.line(cells));
    index.value(v);
  };
  const alone = (place: Placed, { indicators, bytes, ends }: EncodedAlone): void => {
    if (bytesSink === undefined || fullTables.has('indicators.csv')) {
      throw new Error(`values of ${place.reportId} without their lines`);
    }
    const at = placeOf(place);
    const number = csvCell(at.town);
    // Each value's two pieces of its line in its year's file, then its county's lines.
    let from = 0;
    indicators.forEach((indicator, i) => {
      const cut = ends[2 * i] ?? 0;
      const to = ends[2 * i + 1] ?? 0;
      const yearFile = filesOf(at, indicator);
      if (yearFile !== null) {
        bytesSink(yearFile, bytes, from, cut);
        sink(yearFile, number);
        bytesSink(yearFile, bytes, cut, to);
      }
      from = to;
    });
    index.values(place, indicators);
    const end = ends[2 * indicators.length] ?? from;
    if (end > from) {
      if (!started.has(at.file)) start(at.file, COUNTY_VALUES_TABLE.header);
      bytesSink(at.file, bytes, from, end);
    }
  };
  const mention = (indicator: IndicatorId, line: string | null): void => {
    putFull('mentions.csv', line);
    add(mentionRows, indicator);
  };
  const unused = (lines: string | null, count: number): void => {
    if (count === 0) return;
    putFull('unused.csv', lines);
    unusedRows += count;
  };
  let corrections = 0;
  const finish = (applied: readonly Correction[]): void => {
    start(CORRECTIONS_FILE, CORRECTIONS_TABLE.header);
    for (const c of applied) sink(CORRECTIONS_FILE, CORRECTIONS_TABLE.line(c));
    corrections = applied.length;
    sink(CATALOG_FILE, `${JSON.stringify(catalogAsJson(), null, 2)}\n`);
  };

  return {
    value,
    alone,
    mention,
    unused,
    finish,
    counts: () => ({ values: valueRows, mentions: mentionRows, unused: unusedRows }),
    index: (bytesOf) => {
      const fileOf = (n: number, kind: CountyFile): IndexFile => ({
        file: countyFileOf(n, kind),
        rows: countyCounts[kind].get(n) ?? 0,
        bytes: bytesOf(countyFileOf(n, kind)),
      });
      const indexed: DataIndex = index.build({
        reports: bytesOf('reports.csv'),
        values: new Map([...valueFiles].map((path) => [path, bytesOf(path)])),
        counties: countyKeys.map((key, n): IndexCounty => ({
          key,
          values: fileOf(n, 'values'),
          reports: fileOf(n, 'reports'),
        })),
        corrections: {
          file: CORRECTIONS_FILE,
          rows: corrections,
          bytes: bytesOf(CORRECTIONS_FILE),
        },
        texts: packSizesOf(reports.map((r) => r.textAt)),
      });
      return `${JSON.stringify(indexed)}\n`;
    },
  };
}

/** The data folder's files for one run's datasets, held in memory (the browser's publish package). */
export function siteLayout(
  datasets: Datasets,
  options: LayoutOptions = { tables: false },
): SiteLayout {
  let writer: LayoutWriter | undefined;
  return {
    write: (sink) => {
      writer = layoutWriter(sink, datasets.reports, options);
      for (const v of datasets.values) writer.value(v);
      for (const m of datasets.mentions) {
        writer.mention(m.mention.indicator, mentionLine(m, options.tables));
      }
      for (const u of datasets.unused) writer.unused(unusedLines([u], options.tables), 1);
      writer.finish(datasets.corrections);
    },
    index: (bytesOf) => {
      if (writer === undefined) throw new Error('siteLayout: index before write');
      return writer.index(bytesOf);
    },
  };
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
