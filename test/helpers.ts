import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { CLI_ENTRY } from '../scripts/cli.mjs';
import type { CliOptions } from '../src/cli/args';
import { runExtract, type Output, type RunResult } from '../src/cli/run';
import { readFindings, type Findings } from '../src/dataset/read-findings';
import {
  isCounted,
  PLACE_FIELDS,
  TOWN_NUMBER_COLUMN,
  type ReportStatus,
} from '../src/extract/columns';
import { INDEX_FILE, type CountyFile, type DataIndex } from '../src/extract/data-index';
import { extractReports, type ReportExtraction } from '../src/extract/extract-report';
import { processReports, type ReportOutcome } from '../src/extract/pipeline';
import { parseLocator } from '../src/extract/text-packs';

export const SAMPLE_DIR = join(import.meta.dirname, '..', 'data', 'reports');

/** One report's findings from its decoded text (the extractor takes reports in runs: extractReports). */
export const extractReport = (reportId: string, rawText: string): ReportExtraction =>
  extractReports([{ reportId, rawText }])[0] as ReportExtraction;

/** One report file's outcome from its bytes (the extractor takes reports in runs: processReports). */
export const processReport = (reportId: string, file: string, bytes: Uint8Array): ReportOutcome =>
  processReports([{ reportId, file, bytes }])[0] as ReportOutcome;

export function tempDir(prefix = 'rol-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of the sample reports (with their manifest) in a fresh folder. */
export function copySamples(): string {
  const root = tempDir();
  cpSync(SAMPLE_DIR, join(root, 'reports'), { recursive: true });
  return root;
}

export interface Captured extends Output {
  readonly lines: string[];
  readonly errors: string[];
}

export function captureOutput(): Captured {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    isTTY: false,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
  };
}

export function options(overrides: Partial<CliOptions>): CliOptions {
  return {
    inDir: SAMPLE_DIR,
    manifest: null,
    corrections: null,
    correctionsExplicit: false,
    quiet: false,
    verbose: false,
    stats: null,
    workers: null,
    tables: false,
    gzip: false,
    help: false,
    ...overrides,
    // Made only when none is given: an unused empty folder otherwise.
    outDir: overrides.outDir ?? tempDir('rol-out-'),
  };
}

export async function run(overrides: Partial<CliOptions>): Promise<{
  result: RunResult;
  output: Captured;
  outDir: string;
}> {
  const output = captureOutput();
  const opts = options(overrides);
  const result = await runExtract(opts, output);
  return { result, output, outDir: opts.outDir };
}

export function readCsv(path: string): Record<string, string>[] {
  return csvRows(readFileSync(path, 'utf8'));
}

/** The rows of a CSV text, by header. */
export function csvRows(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/**
 * Every row of one table of a data folder as the dashboard reads it: its
 * counties' files, in the index's order (the complete tables are written only
 * with --tables), a value with its report's place and year. `data` is the
 * folder, or reads a file of it by relative path.
 */
export function tableRows(
  data: string | ((path: string) => string),
  kind: CountyFile,
): Record<string, string>[] {
  const read = typeof data === 'string' ? (p: string) => readFileSync(join(data, p), 'utf8') : data;
  const index = JSON.parse(read(INDEX_FILE)) as DataIndex;
  return index.counties.flatMap((c) => {
    const reports = csvRows(read(c.reports.file));
    if (kind === 'reports') return reports;
    const byId = new Map(reports.map((r) => [r['report_id'], r]));
    return csvRows(read(c.values.file)).map((v) => {
      const r = byId.get(v['report_id']) ?? {};
      const place = Object.fromEntries(
        [...PLACE_FIELDS, 'year'].map((f) => [f, r[f] ?? `(no report ${v['report_id']})`]),
      );
      return { ...place, ...v };
    });
  });
}

/**
 * Every row of a data folder's per-indicator value files (values of no year
 * are in their county's file only): the columns with the quote, each row
 * with its town's place (from its number in index.json: a report whose
 * town was not found is its own, `report:<id>`, of no name) and its file's
 * indicator and year.
 */
export function indicatorFileRows(dir: string): Record<string, string>[] {
  const index = JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8')) as DataIndex;
  return index.indicators.flatMap((i) =>
    i.years.flatMap((y) =>
      csvRows(readFileSync(join(dir, y.file), 'utf8')).map((v) => {
        const town = index.towns[Number(v[TOWN_NUMBER_COLUMN])];
        if (town === undefined) throw new Error(`${y.file}: no town ${v[TOWN_NUMBER_COLUMN]}`);
        return {
          town: town.id === `report:${v['report_id']}` ? '' : town.name,
          county: town.county,
          city: town.city,
          province: town.province,
          ...v,
          indicator: i.id,
          year: String(y.year),
        };
      }),
    ),
  );
}

/**
 * After a hand edit of a data folder's files, index.json lists each file's
 * size again, as a run would: the page refuses a file of another size than
 * index.json lists (src/dataset/fetch.ts).
 */
export function restateSizes(dataDir: string): void {
  const path = join(dataDir, INDEX_FILE);
  const restate = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(restate);
    else if (typeof node === 'object' && node !== null) {
      const entry = node as Record<string, unknown>;
      if (typeof entry['file'] === 'string' && typeof entry['bytes'] === 'number') {
        entry['bytes'] = statSync(join(dataDir, entry['file'])).size;
      }
      Object.values(entry).forEach(restate);
    }
  };
  const index = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  restate(index);
  writeFileSync(path, JSON.stringify(index));
}

/**
 * A data file made `bytes` long (if shorter) with a line of spaces at its
 * end, which the page's parser skips: as large as a province's files, so
 * the page parses it in its worker. Restate the sizes after (restateSizes).
 */
export function padTo(path: string, bytes: number): void {
  const size = statSync(path).size;
  if (size < bytes) appendFileSync(path, `\n${' '.repeat(bytes - size - 1)}`);
}

/**
 * A report's published text, from where its row of reports.csv says it is
 * (its bytes in a pack); null when the row gives none. Throws on a row that
 * names no such report or a locator that is not one.
 */
export function publishedText(dir: string, reportId: string): string | null {
  const row = tableRows(dir, 'reports').find((r) => r['report_id'] === reportId);
  if (row === undefined) throw new Error(`${dir}: no report ${reportId} in reports.csv`);
  return textOfRow(dir, row);
}

/** A reports.csv row's text (see publishedText). */
export function textOfRow(dir: string, row: Record<string, string>): string | null {
  const at = parseLocator(row);
  if (typeof at === 'string') throw new Error(`${dir}: ${at}`);
  if (at === null) return null;
  const bytes = readFileSync(join(dir, at.file)).subarray(at.offset, at.offset + at.length);
  if (bytes.length !== at.length)
    throw new Error(`${dir}: ${at.file} ends before the text of ${row['report_id']}`);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The words a value row's span marks in its report's published text. */
export function spanText(dir: string, row: Record<string, string>): string {
  const text = publishedText(dir, row['report_id'] ?? '') ?? '';
  return text.slice(Number(row['start']), Number(row['end']));
}

/**
 * The mentions and unused numbers of every counted report of a data folder
 * (not another file of one report, not unreadable), as the dashboard reads
 * them: off each published text (in its pack), by report id.
 */
export function findingsBelow(dir: string): Map<string, Findings> {
  const found = new Map<string, Findings>();
  for (const r of tableRows(dir, 'reports')) {
    if (!isCounted(r['status'] as ReportStatus)) continue;
    const id = r['report_id'] ?? '';
    const text = textOfRow(dir, r);
    if (text !== null) found.set(id, readFindings(id, text));
  }
  return found;
}

export function readHeader(path: string): string[] {
  return (readFileSync(path, 'utf8').split('\n')[0] ?? '').split(',');
}

/** Every file below `dir` with its bytes, by path relative to it. */
export function filesBelow(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (lstatSync(path).isDirectory()) walk(path);
      else found.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return found;
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir).sort();
}

export const ROOT = join(import.meta.dirname, '..');

/** What a Node process run by a test printed, and how it ended. */
export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * How long a test waits for a Node process it runs. The test's own timeout
 * cannot fire while the test waits synchronously: a process that hangs would
 * hold the whole test run (CI's limit) rather than fail its test.
 */
export const PROCESS_TIMEOUT_MS = 240_000;

/**
 * Node run on `args` from the project's folder, waited for; killed after
 * `timeoutMs`. A process that could not run, or was killed, says why on
 * its stderr.
 */
export function runNode(args: readonly string[], timeoutMs = PROCESS_TIMEOUT_MS): Ran {
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const why =
    r.error === undefined
      ? ''
      : (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT'
        ? `killed after ${timeoutMs / 1000} s`
        : r.error.message;
  const stopped = why === '' ? '' : `\n[test] node ${args.join(' ')}: ${why}`;
  return { status: r.status, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${stopped}` };
}

/** Runs a TypeScript entry point of the project as a separate Node process. */
export function runScript(script: string, ...args: string[]): Ran {
  return runNode(['--import', 'tsx', script, ...args]);
}

/** The extraction CLI as users run it: dist-cli/extract.js, built by the tests' global setup. */
export function runCli(...args: string[]): Ran {
  return runNode([CLI_ENTRY, ...args]);
}

/** A small synthetic province in a fresh folder (see scripts/gen-province.ts). */
export function genProvince(towns: number, counties: number, years: number): string {
  const dir = tempDir('rol-province-');
  const r = runScript(
    'scripts/gen-province.ts',
    '--out',
    dir,
    '--towns',
    String(towns),
    '--counties',
    String(counties),
    '--years',
    String(years),
  );
  if (r.status !== 0) throw new Error(`gen:province failed: ${r.stderr}`);
  return dir;
}
