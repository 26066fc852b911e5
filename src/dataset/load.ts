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
import type { IndicatorId } from '../catalog';
import {
  INDEX_FILE,
  textFileOf,
  type IndexCounty,
  type IndexFile,
  type IndexIndicator,
} from '../extract/data-index';
import { fileError } from '../extract/result';
import { dataPath, dataUrl, fetchData, fetchIndex, type Fetched } from './fetch';
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
import { COMPACTORS, PARSERS, type Parsed } from './parse';
import { parseIndex } from './parse-index';
import type { ParseKind, ParseReply, ParseRequest } from './worker-protocol';

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
let nextId = 1;
const waiting = new Map<
  number,
  { rows: unknown[]; kind: ParseKind; done: (errors: readonly Issue[]) => void }
>();

function parsingWorker(): Worker | null {
  if (worker !== null || workerBroken) return worker;
  try {
    worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workerBroken = true;
    return null;
  }
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
      const compact = COMPACTORS[job.kind] as (row: unknown) => unknown;
      for (const row of reply.rows) job.rows.push(compact(row));
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

/** One data file, parsed where its size says. */
function loadFile<T>(kind: ParseKind, info: IndexFile): Promise<Parsed<T>> {
  const file = dataPath(info.file);
  const here = async (): Promise<Parsed<T>> => {
    const fetched = await fetchData(info.file);
    if (!fetched.ok) return { rows: [], errors: [fetched.reason] };
    return (PARSERS[kind] as (csv: string, file: string) => Parsed<T>)(fetched.data, file);
  };
  // Until the worker's code has loaded (the first view's files), parse here.
  const w = info.bytes > WORKER_BYTES ? parsingWorker() : null;
  if (w === null || !workerReady) return here();
  return new Promise<Parsed<T>>((resolve) => {
    const id = nextId++;
    const rows: unknown[] = [];
    waiting.set(id, {
      rows,
      kind,
      done: (errors) => {
        if (errors.length === 1 && errors[0] === RESTART) void here().then(resolve);
        else resolve({ rows: rows as T[], errors: [...errors] });
      },
    });
    const request: ParseRequest = { id, kind, url: dataUrl(info.file), file };
    w.postMessage(request);
  });
}

const valueLoads = new Map<string, Promise<Parsed<ValueRow>>>();

/**
 * One indicator's values for one year (cached). Rows of another indicator or
 * year in its file, or of a town the index does not list, are errors, not
 * silently placed elsewhere or dropped (however the file was parsed).
 */
export function loadIndicatorYear(
  info: IndexIndicator,
  year: number,
  isKnownTown: (townId: string) => boolean,
): Promise<Parsed<ValueRow>> {
  const file = info.years.find((f) => f.year === year);
  if (file === undefined) return Promise.resolve({ rows: [], errors: [] });
  let promise = valueLoads.get(file.file);
  if (promise === undefined) {
    promise = loadFile<ValueRow>('values', file).then((parsed) =>
      indicatorYearRows(parsed, info.id, year, isKnownTown, dataPath(file.file)),
    );
    valueLoads.set(file.file, promise);
  }
  return promise;
}

/**
 * The rows of an indicator-year file the views may show: rows of another
 * indicator or year, or of a town the index does not list, are errors, not
 * silently placed elsewhere or dropped.
 */
export function indicatorYearRows(
  { rows, errors }: Parsed<ValueRow>,
  indicator: IndicatorId,
  year: number,
  isKnownTown: (townId: string) => boolean,
  name: string,
): Parsed<ValueRow> {
  const found = [...errors];
  const own = rows.filter((r) => r.indicator === indicator && r.year === year);
  if (own.length < rows.length) {
    found.push(
      fileError(
        name,
        `${rows.length - own.length} row(s) of another indicator or year skipped: this file holds ${indicator} for ${year} only`,
      ),
    );
  }
  const known = rowsOfKnownTowns(own, isKnownTown, name);
  if (known.error !== null) found.push(known.error);
  return { rows: known.rows, errors: found };
}

let reportsLoad: Promise<Parsed<ReportInfo>> | null = null;

/** reports.csv: titles, status and audit counts of every report (cached). */
export function loadReports(info: IndexFile): Promise<Parsed<ReportInfo>> {
  reportsLoad ??= loadFile<ReportInfo>('reports', info);
  return reportsLoad;
}

const countyLoads = new Map<string, Promise<{ data: CountyData; errors: Issue[] }>>();

/** Every value and report of one county's towns (cached); rows of towns the index lacks are errors. */
export function loadCounty(
  info: IndexCounty,
  isKnownTown: (townId: string) => boolean,
): Promise<{ data: CountyData; errors: Issue[] }> {
  let promise = countyLoads.get(info.key);
  if (promise === undefined) {
    promise = Promise.all([
      loadFile<ValueRow>('values', info.values),
      loadFile<ReportInfo>('reports', info.reports),
    ]).then(([values, reports]) => {
      const errors = [...values.errors, ...reports.errors];
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
      return {
        data: {
          values: own(values.rows, info.values.file),
          reports: own(reports.rows, info.reports.file),
        },
        errors,
      };
    });
    countyLoads.set(info.key, promise);
  }
  return promise;
}

const texts = new Map<string, Promise<string | null>>();

/** The report text the offsets index into; null when it cannot be loaded. */
export function loadReportText(reportId: string): Promise<string | null> {
  let promise = texts.get(reportId);
  if (promise === undefined) {
    promise = fetchData(textFileOf(encodeURIComponent(reportId))).then((r) =>
      r.ok ? r.data : null,
    );
    texts.set(reportId, promise);
  }
  return promise;
}
