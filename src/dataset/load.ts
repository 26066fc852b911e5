/**
 * Fetches the published data from `data/` next to index.html, at run time:
 * replacing the files in the built folder updates the dashboard without a
 * rebuild. First the small index (towns, years, files); then each indicator's
 * values when a view asks for them; report list and texts when a source
 * panel or a report list needs them (a report's mentions are read off its
 * text: findings.ts). Everything is cached.
 *
 * Files above WORKER_BYTES are fetched and parsed in a module Web Worker that
 * streams rows back in batches, so parsing never freezes the page; small ones
 * (the sample data) are parsed here, where starting a worker would cost more
 * than it saves. The worker starts as soon as the index shows large files;
 * until its code has loaded, files are parsed here, so the first chart does
 * not wait for it.
 */
import {
  INDEX_FILE,
  type IndexCounty,
  type IndexFile,
  type IndexIndicator,
} from '../extract/data-index';
import { isCounted } from '../extract/columns';
import { fileError } from '../extract/result';
import { dataPath, dataUrl, fetchData, fetchDataRange, fetchIndex, type Fetched } from './fetch';
import { listedPackSize, rangeOf, textOfPack, type TextLocator } from '../extract/text-packs';
import {
  countyKeyOf,
  modelFromIndex,
  rowsOfKnownTowns,
  type CountyData,
  type ReportPlace,
  type DatasetModel,
  type Issue,
  type ReportInfo,
  type ValueRow,
} from './model';
import { type YearFigures } from './town-figures';
import {
  compactRow,
  parseJob,
  type NumberedTown,
  type ParseJob,
  type Parsed,
  type RowsOf,
} from './parse';
import { parseIndex } from './parse-index';
import type { ParseReply, ToWorker } from './worker-protocol';

export const WORKER_BYTES = 48 * 1024;

export interface LoadedIndex {
  readonly model: DatasetModel | null;
  readonly errors: readonly Issue[];
}

/** Parses the index (fetched early by the entry chunk) into a model with nothing loaded yet. */
export async function loadIndex(fetched: Promise<Fetched> = fetchIndex()): Promise<LoadedIndex> {
  const result = await fetched;
  if (!result.ok) return { model: null, errors: [result.reason] };
  const { index, errors } = parseIndex(result.data, dataPath(INDEX_FILE));
  packSizes = index?.texts ?? [];
  // A large dataset: start the worker now, so it is ready when the first file is.
  if (index?.indicators.some((i) => i.years.some((f) => f.bytes > WORKER_BYTES)) === true) {
    parsingWorker();
  }
  return { model: index === null ? null : modelFromIndex(index), errors };
}

/** What the worker's jobs end with when it broke: parse them here instead. */
const RESTART: Issue = fileError('worker', 'restart');

let worker: Worker | null = null;
let workerReady = false;
let workerBroken = false;
/** The towns last posted to the worker (it numbers an indicator file's towns by them). */
let postedTowns: readonly NumberedTown[] | null = null;
let nextId = 1;
const waiting = new Map<
  number,
  { rows: unknown[]; kind: ParseJob['kind']; done: (errors: readonly Issue[]) => void }
>();

function parsingWorker(): Worker | null {
  if (worker !== null || workerBroken) return worker;
  try {
    worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workerBroken = true;
    return null;
  }
  postedTowns = null;
  worker.addEventListener('message', (event: MessageEvent<ParseReply>) => {
    const reply = event.data;
    if (reply.type === 'ready') {
      workerReady = true;
      return;
    }
    const job = waiting.get(reply.id);
    if (job === undefined) return;
    if (reply.type === 'rows') {
      // Structured clone gave every string its own copy: share them again.
      for (const row of reply.rows) job.rows.push(compactRow(job.kind, row));
    } else {
      waiting.delete(reply.id);
      job.done(reply.errors);
    }
  });
  worker.addEventListener('error', () => {
    // A worker that cannot start (a server without the right MIME type, a
    // strict policy): parse on the main thread from now on.
    workerBroken = true;
    workerReady = false;
    worker = null;
    const jobs = [...waiting.values()];
    waiting.clear();
    for (const job of jobs) job.done([RESTART]);
  });
  return worker;
}

/** One data file, parsed where its size says; an indicator's file numbers its towns by `towns`. */
function loadFile<J extends ParseJob>(
  job: J,
  info: IndexFile,
  towns: readonly NumberedTown[] = [],
): Promise<Parsed<RowsOf<J>>> {
  const file = dataPath(info.file);
  const here = async (): Promise<Parsed<RowsOf<J>>> => {
    const fetched = await fetchData(info.file, info.bytes);
    if (!fetched.ok) return { rows: [], errors: [fetched.reason] };
    return parseJob(job, towns, fetched.data, file);
  };
  // Until the worker's code has loaded (the first view's files), parse here.
  const w = info.bytes > WORKER_BYTES ? parsingWorker() : null;
  if (w === null || !workerReady) return here();
  if ((job.kind === 'indicator' || job.kind === 'figures') && postedTowns !== towns) {
    const message: ToWorker = {
      towns: towns.map(({ id, name, county, city, province }) => ({
        id,
        name,
        county,
        city,
        province,
      })),
    };
    w.postMessage(message);
    postedTowns = towns;
  }
  return new Promise<Parsed<RowsOf<J>>>((resolve) => {
    const id = nextId++;
    const rows: unknown[] = [];
    waiting.set(id, {
      rows,
      kind: job.kind,
      done: (errors) => {
        if (errors.length === 1 && errors[0] === RESTART) void here().then(resolve);
        else resolve({ rows: rows as RowsOf<J>[], errors: [...errors] });
      },
    });
    const request: ToWorker = { id, job, url: dataUrl(info.file), file, bytes: info.bytes };
    w.postMessage(request);
  });
}

/** Loads of indicators' files, by what is read of them and the file. */
const indicatorLoads = new Map<string, Promise<Parsed<unknown>>>();

/** One indicator's file of a year, as rows or as figures (cached). */
function indicatorFile<J extends Extract<ParseJob, { kind: 'indicator' | 'figures' }>>(
  job: J,
  info: IndexIndicator,
  towns: readonly NumberedTown[],
): Promise<Parsed<RowsOf<J>>> {
  const file = info.years.find((f) => f.year === job.year);
  if (file === undefined) return Promise.resolve({ rows: [], errors: [] });
  const key = `${job.kind}:${file.file}`;
  let promise = indicatorLoads.get(key) as Promise<Parsed<RowsOf<J>>> | undefined;
  if (promise === undefined) {
    promise = loadFile(job, file, towns);
    indicatorLoads.set(key, promise);
  }
  return promise;
}

/**
 * One indicator's values for one year (cached). The file numbers each row's
 * town in `towns` (index.json's, in its order): a number that is not one of
 * them is that row's error.
 */
export const loadIndicatorYear = (
  info: IndexIndicator,
  year: number,
  towns: readonly NumberedTown[],
): Promise<Parsed<ValueRow>> =>
  indicatorFile({ kind: 'indicator', indicator: info.id, year }, info, towns);

/**
 * One indicator's figures for one year (cached): its file read and checked
 * as loadIndicatorYear reads it, kept as a value per town (see YearFigures).
 */
export const loadIndicatorFigures = (
  info: IndexIndicator,
  year: number,
  towns: readonly NumberedTown[],
): Promise<Parsed<YearFigures>> =>
  indicatorFile({ kind: 'figures', indicator: info.id, year }, info, towns);

let reportsLoad: Promise<Parsed<ReportInfo>> | null = null;

/** reports.csv: titles, status and audit counts of every report (cached). */
export function loadReports(info: IndexFile): Promise<Parsed<ReportInfo>> {
  reportsLoad ??= loadFile({ kind: 'reports' }, info);
  return reportsLoad;
}

const countyLoads = new Map<string, Promise<{ data: CountyData; errors: Issue[] }>>();

/**
 * Every value and report of one county's towns (cached): the reports first,
 * whose places and years their values take. Rows of another county or of
 * towns the index lacks are errors.
 */
export function loadCounty(
  info: IndexCounty,
  isKnownTown: (townId: string) => boolean,
): Promise<{ data: CountyData; errors: Issue[] }> {
  let promise = countyLoads.get(info.key);
  if (promise === undefined) {
    promise = (async () => {
      const errors: Issue[] = [];
      // Rows of another county are errors, not silently shown in this one's towns.
      const own = <T extends ReportPlace>(rows: readonly T[], file: string): T[] => {
        const kept = rows.filter((r) => countyKeyOf(r) === info.key);
        if (kept.length < rows.length) {
          errors.push(
            fileError(
              dataPath(file),
              `${rows.length - kept.length} row(s) of another county skipped: this file holds ${info.key} only`,
            ),
          );
        }
        const known = rowsOfKnownTowns(kept, isKnownTown, dataPath(file));
        if (known.error !== null) errors.push(known.error);
        return known.rows;
      };
      const parsedReports = await loadFile({ kind: 'reports' }, info.reports);
      errors.push(...parsedReports.errors);
      // A report not counted (unreadable, another file of one) of a town the
      // index lacks is no town's: it is on the data quality page, not a problem here.
      const reports = own(
        parsedReports.rows.filter((r) => isCounted(r.status) || isKnownTown(r.townId)),
        info.reports.file,
      );
      let values: ValueRow[] = [];
      if (reports.length === 0) {
        // Nothing to place its values by (a county file exists for a county with reports).
        if (info.values.rows > 0) {
          errors.push(
            fileError(
              dataPath(info.values.file),
              "not read: none of the county's reports could be",
            ),
          );
        }
      } else {
        const parsedValues = await loadFile(
          { kind: 'county-values', reports: new Map(reports.map((r) => [r.reportId, r])) },
          info.values,
        );
        errors.push(...parsedValues.errors);
        values = parsedValues.rows;
      }
      return { data: { values, reports }, errors };
    })();
    countyLoads.set(info.key, promise);
  }
  return promise;
}

const texts = new Map<string, Promise<string | null>>();
/** The packs of texts' sizes as index.json lists them (loadIndex). */
let packSizes: readonly number[] = [];

/**
 * A published report's text, which its offsets index into, from where its
 * row says it is (its bytes in a pack of texts); null when it cannot be
 * loaded, or the bytes that came are not a text.
 */
export function loadReportText(at: TextLocator): Promise<string | null> {
  if (at.length === 0) return Promise.resolve('');
  const key = `${at.file} ${at.offset} ${at.length}`;
  let promise = texts.get(key);
  if (promise === undefined) {
    promise = fetchReportText(at);
    texts.set(key, promise);
  }
  return promise;
}

async function fetchReportText(at: TextLocator): Promise<string | null> {
  const listed = listedPackSize(packSizes, at);
  if (listed === undefined || at.offset + at.length > listed) {
    console.error(`${dataPath(at.file)}: index.json lists no such pack, or one too short`);
    return null;
  }
  const fetched = await fetchDataRange(at.file, rangeOf(at));
  if (!fetched.ok) {
    console.error(fetched.reason.message);
    return null;
  }
  const text = textOfPack(packSizes, at, fetched.data);
  if (text === null) {
    console.error(
      `${dataPath(at.file)}: ${fetched.data.total ?? '?'} bytes (index.json lists ${listed}), or not the text at its row's bytes`,
    );
  }
  return text;
}
