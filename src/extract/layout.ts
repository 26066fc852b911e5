/**
 * Every file of a data folder, as the CLI writes it and the browser's publish
 * package holds it: the four complete tables, the corrections that were
 * applied, the split layout (one file per indicator and year, per indicator's
 * mentions, per county) and index.json with the sizes of them all. Pure: the
 * CLI streams each file to disk, the browser joins it into a zip; the bytes
 * are the same. The report texts (texts/<id>.txt) are written by whoever has
 * them.
 */
import { catalogAsJson } from '../catalog';
import type { IndicatorId } from '../catalog';
import {
  buildIndex,
  countyFileOf,
  countyKeyOf,
  groupByCounty,
  groupByIndicator,
  groupByYear,
  mentionsFileOf,
  INDEX_FILE,
  SPLIT_PATH_SHAPES,
  valuesFileOf,
  type CountyFile,
  type DataIndex,
  type IndexCounty,
} from './data-index';
import {
  CSV_NAMES,
  correctionChunks,
  csvChunks,
  mentionChunks,
  reportChunks,
  unusedChunks,
  valueChunks,
} from './output';
import type { Datasets } from './pipeline';

/** The index the dashboard reads first (written last: it gives every other file's size). */
const CORRECTIONS_FILE = 'corrections.csv';
const CATALOG_FILE = 'catalog.json';

export interface SiteFile {
  /** Path relative to the data folder. */
  readonly path: string;
  /** The content, produced in pieces: large runs never hold a whole file. */
  readonly chunks: () => Iterable<string>;
}

export interface SiteLayout {
  /** Every file but index.json, in a fixed order. */
  readonly files: readonly SiteFile[];
  /** index.json's content, given the byte size of each file written. */
  readonly index: (bytesOf: (path: string) => number) => string;
}

/** The data folder's files for one run's datasets. */
export function siteLayout(datasets: Datasets): SiteLayout {
  const files: SiteFile[] = CSV_NAMES.map((name) => ({
    path: name,
    chunks: () => csvChunks(name, datasets),
  }));
  files.push({ path: CORRECTIONS_FILE, chunks: () => correctionChunks(datasets.corrections) });
  files.push({
    path: CATALOG_FILE,
    chunks: () => [`${JSON.stringify(catalogAsJson(), null, 2)}\n`],
  });

  const values = groupByIndicator(datasets.values, (v) => v.indicator);
  const mentions = groupByIndicator(datasets.mentions, (m) => m.mention.indicator);
  for (const [id, rows] of values) {
    for (const [year, list] of groupByYear(rows)) {
      files.push({ path: valuesFileOf(id, year), chunks: () => valueChunks(list) });
    }
    files.push({ path: mentionsFileOf(id), chunks: () => mentionChunks(mentions.get(id) ?? []) });
  }

  // Every row of one county's towns in four files, counties numbered in key order.
  const countyOfReport = new Map(
    datasets.reports.map((r) => [r.reportId, countyKeyOf(r.metadata)]),
  );
  const countyReports = groupByCounty(datasets.reports, (r) => countyKeyOf(r.metadata));
  const countyValues = groupByCounty(datasets.values, countyKeyOf);
  const countyMentions = groupByCounty(datasets.mentions, (m) => countyOfReport.get(m.reportId));
  const countyUnused = groupByCounty(datasets.unused, (u) => countyOfReport.get(u.reportId));
  const keys = [...new Set([...countyReports.keys(), ...countyValues.keys()])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const counties = keys.map((key, n) => {
    const v = countyValues.get(key) ?? [];
    const r = countyReports.get(key) ?? [];
    const m = countyMentions.get(key) ?? [];
    const u = countyUnused.get(key) ?? [];
    files.push(
      { path: countyFileOf(n, 'values'), chunks: () => valueChunks(v) },
      { path: countyFileOf(n, 'reports'), chunks: () => reportChunks(r) },
      { path: countyFileOf(n, 'mentions'), chunks: () => mentionChunks(m) },
      { path: countyFileOf(n, 'unused'), chunks: () => unusedChunks(u) },
    );
    return {
      key,
      rows: { values: v.length, reports: r.length, mentions: m.length, unused: u.length },
    };
  });

  const index = (bytesOf: (path: string) => number): string => {
    const valueSizes = new Map<string, number>();
    const mentionSizes = new Map<IndicatorId, number>();
    for (const [id, rows] of values) {
      for (const year of groupByYear(rows).keys()) {
        valueSizes.set(valuesFileOf(id, year), bytesOf(valuesFileOf(id, year)));
      }
      mentionSizes.set(id, bytesOf(mentionsFileOf(id)));
    }
    const fileOf = (n: number, kind: CountyFile, rows: number) => ({
      file: countyFileOf(n, kind),
      rows,
      bytes: bytesOf(countyFileOf(n, kind)),
    });
    const indexed: DataIndex = buildIndex(datasets, {
      reports: bytesOf('reports.csv'),
      values: valueSizes,
      mentions: mentionSizes,
      counties: counties.map(({ key, rows }, n): IndexCounty => ({
        key,
        values: fileOf(n, 'values', rows.values),
        reports: fileOf(n, 'reports', rows.reports),
        mentions: fileOf(n, 'mentions', rows.mentions),
        unused: fileOf(n, 'unused', rows.unused),
      })),
      corrections: {
        file: CORRECTIONS_FILE,
        rows: datasets.corrections.length,
        bytes: bytesOf(CORRECTIONS_FILE),
      },
    });
    return `${JSON.stringify(indexed)}\n`;
  };
  return { files, index };
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
