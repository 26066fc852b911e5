/**
 * The extraction CLI: files in, datasets out. Node-only; the work itself is
 * done by src/extract. Problems become messages and an exit code.
 *
 * May import: src/catalog, src/extract, node:*.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { CATEGORIES, CATEGORY_IDS, INDICATORS } from '../catalog';
import {
  finalizeDatasets,
  formatIssue,
  failedReport,
  siteLayout,
  type Datasets,
  type ReportOutcome,
  type SiteLayout,
} from '../extract';
import type { CliOptions } from './args';
import {
  listReportFiles,
  removeStale,
  writeChunksAtomic,
  writeFileAtomic,
  type ReportFile,
} from './files';
import { processInWorkers } from './pool';
import { openInput } from './zip-input';
import { processFile, type Processed } from './process-file';
import { Progress } from './progress';
import { formatTable } from './table';

export interface RunResult {
  readonly exitCode: number;
  readonly datasets: Datasets | null;
  readonly bytesRead: number;
  readonly seconds: number;
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
  readonly isTTY: boolean;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  isTTY: process.stderr.isTTY,
};

interface Plan {
  /** Files to process, one per report id. */
  readonly files: readonly ReportFile[];
  /** Files whose id is taken by another: failed before any work. */
  readonly duplicates: readonly ReportOutcome[];
}

function planRun(files: readonly ReportFile[]): Plan {
  const seen = new Map<string, string>();
  const unique: ReportFile[] = [];
  const duplicates: ReportOutcome[] = [];
  for (const file of files) {
    const previous = seen.get(file.reportId);
    if (previous !== undefined) {
      // The id is taken: this file's row is keyed by its path instead.
      const message = `report id "${file.reportId}" is already used by ${previous}; rename one`;
      duplicates.push(failedReport(file.display, file.display, message));
      continue;
    }
    seen.set(file.reportId, file.display);
    unique.push(file);
  }
  return { files: unique, duplicates };
}

interface Collected {
  readonly outcomes: ReportOutcome[];
  readonly written: Set<string>;
  bytesRead: number;
}

function collector(plan: Plan): Collected {
  return { outcomes: [...plan.duplicates], written: new Set(), bytesRead: 0 };
}

function collect(into: Collected, results: readonly Processed[]): void {
  for (const r of results) {
    into.outcomes.push(r.outcome);
    into.bytesRead += r.bytes;
    if (r.written !== '') into.written.add(r.written);
  }
}

/** Below this many reports, starting threads costs more than it saves. */
const PARALLEL_FROM = 200;

interface Begun {
  readonly started: number;
  readonly plan: Plan;
  /** The options with the input resolved (a publish package unpacked). */
  readonly options: CliOptions;
}

function begin(given: CliOptions, output: Output): Begun | RunResult {
  const started = performance.now();
  const opened = openInput(given);
  if (!opened.ok) {
    output.err(`error: ${opened.reason}`);
    return { exitCode: 2, datasets: null, bytesRead: 0, seconds: 0 };
  }
  const options = opened.data;
  if (!existsSync(options.inDir)) return missingInput(options, output);
  return { started, plan: planRun(listReportFiles(options.inDir, options.displayRoot)), options };
}

type Processor = (
  files: readonly ReportFile[],
  textDir: string,
  onResults: (results: readonly Processed[]) => void,
) => void | Promise<void>;

const onThisThread: Processor = (files, textDir, onResults) => {
  for (const file of files) onResults([processFile(file, textDir)]);
};

const onWorkers =
  (workers: number): Processor =>
  (files, textDir, onResults) =>
    processInWorkers(files, textDir, workers, onResults);

/** Collects results as they come, with progress; `done` finishes the run. */
function tracker(output: Output, { started, plan, options }: Begun) {
  const progress = new Progress(plan.files.length, output, !options.quiet);
  const collected = collector(plan);
  return {
    onResults: (results: readonly Processed[]): void => {
      collect(collected, results);
      for (let i = 0; i < results.length; i++) progress.tick(collected.bytesRead);
    },
    done: (): RunResult => {
      progress.done(collected.bytesRead);
      const result = finishRun(options, output, collected, started);
      // A publish package was unpacked into a temporary folder (see zip-input.ts).
      if (options.displayRoot !== undefined) {
        rmSync(options.displayRoot, { recursive: true, force: true });
      }
      return result;
    },
  };
}

/** Extraction on this thread only, synchronously: for tests. */
export function runExtract(options: CliOptions, output: Output = consoleOutput): RunResult {
  const begun = begin(options, output);
  if ('exitCode' in begun) return begun;
  const track = tracker(output, begun);
  void onThisThread(begun.plan.files, join(options.outDir, 'texts'), track.onResults);
  return track.done();
}

/**
 * What `npm run extract` runs: on `--workers` threads, or on every core from
 * 200 reports. The output is the same, byte for byte, whatever the number of
 * workers.
 */
export async function runExtractCli(
  options: CliOptions,
  output: Output = consoleOutput,
): Promise<RunResult> {
  const begun = begin(options, output);
  if ('exitCode' in begun) return begun;
  const workers =
    options.workers ?? (begun.plan.files.length >= PARALLEL_FROM ? availableParallelism() : 1);
  const track = tracker(output, begun);
  const processor = workers > 1 ? onWorkers(workers) : onThisThread;
  await processor(begun.plan.files, join(options.outDir, 'texts'), track.onResults);
  return track.done();
}

function missingInput(options: CliOptions, output: Output): RunResult {
  output.err(`error: input folder ${options.inDir} does not exist`);
  return { exitCode: 2, datasets: null, bytesRead: 0, seconds: 0 };
}

function finishRun(
  options: CliOptions,
  output: Output,
  collected: Collected,
  started: number,
): RunResult {
  const { outcomes, written, bytesRead } = collected;
  const textDir = join(options.outDir, 'texts');
  // Derived values and corrections may need a span read back: one text at a time.
  let cached = { reportId: '', text: '' };
  const quote = (reportId: string, start: number, end: number): string => {
    if (cached.reportId !== reportId) {
      const path = join(textDir, `${reportId}.txt`);
      cached = { reportId, text: existsSync(path) ? readFileSync(path, 'utf8') : '' };
    }
    return cached.text.slice(start, end);
  };
  const manifestPath = options.manifest ?? join(options.inDir, 'reports.csv');
  const correctionsPath = options.corrections ?? join(dirname(options.inDir), 'corrections.csv');
  const readOptional = (
    path: string,
    explicit: boolean,
  ): { text: string; file: string } | undefined | Error => {
    if (!existsSync(path)) return explicit ? new Error(`${path}: file not found`) : undefined;
    return { text: readFileSync(path, 'utf8'), file: path };
  };
  const manifest = readOptional(manifestPath, options.manifest !== null);
  const corrections = readOptional(correctionsPath, options.correctionsExplicit);
  if (manifest instanceof Error || corrections instanceof Error) {
    output.err(`error: ${(manifest instanceof Error ? manifest : (corrections as Error)).message}`);
    return { exitCode: 2, datasets: null, bytesRead, seconds: 0 };
  }

  const datasets = finalizeDatasets({
    outcomes,
    quote,
    ...(manifest === undefined ? {} : { manifest }),
    ...(corrections === undefined ? {} : { corrections }),
  });
  writeLayout(options.outDir, siteLayout(datasets));
  removeStale(textDir, written);

  const seconds = (performance.now() - started) / 1000;
  for (const issue of datasets.issues) output.err(formatIssue(issue));
  if (!options.quiet) printSummary(datasets, options, bytesRead, seconds, output);
  const failed = datasets.issues.some((i) => i.severity === 'error');
  return { exitCode: failed ? 1 : 0, datasets, bytesRead, seconds };
}

/**
 * The data folder (see src/extract/layout.ts): every file streamed to disk,
 * then index.json with their sizes. The split layout's folders start empty:
 * an indicator, a year or a county may have gone since the last run.
 */
function writeLayout(outDir: string, layout: SiteLayout): void {
  for (const folder of layout.folders)
    rmSync(join(outDir, folder), { recursive: true, force: true });
  const sizes = new Map<string, number>();
  for (const file of layout.files) {
    sizes.set(file.path, writeChunksAtomic(join(outDir, file.path), file.chunks()));
  }
  writeFileAtomic(
    join(outDir, 'index.json'),
    layout.index((path) => sizes.get(path) ?? 0),
  );
}

function printSummary(
  datasets: Datasets,
  options: CliOptions,
  bytesRead: number,
  seconds: number,
  output: Output,
): void {
  const reports = datasets.reports;
  const count = (status: string): number => reports.filter((r) => r.status === status).length;
  output.out('');
  output.out(
    `Reports: ${reports.length} (ok ${count('ok')}, warning ${count('warning')}, error ${count('error')})`,
  );
  const shown =
    options.verbose || reports.length <= 50 ? reports : reports.filter((r) => r.status === 'error');
  if (shown.length > 0) {
    output.out(
      formatTable(
        ['report', 'status', 'town', 'year', 'mentions', 'unused', 'no rule'],
        shown.map((r) => [
          r.reportId,
          r.status,
          r.metadata.town || '—',
          r.metadata.year === null ? '—' : String(r.metadata.year),
          String(r.mentions),
          String(r.unused),
          String(r.unusedNoRule),
        ]),
        [false, false, false, true, true, true, true],
      ),
    );
  }
  if (shown.length < reports.length) {
    output.out(`(${reports.length - shown.length} more reports: see reports.csv, or --verbose)`);
  }
  output.out('');
  output.out('Values per category (town × year × indicator):');
  output.out(
    formatTable(
      ['category', 'values', 'mentions'],
      CATEGORY_IDS.map((c) => [
        `${c} ${CATEGORIES[c].zh}`,
        String(datasets.values.filter((v) => INDICATORS[v.indicator].category === c).length),
        String(
          datasets.mentions.filter((m) => INDICATORS[m.mention.indicator].category === c).length,
        ),
      ]),
      [false, true, true],
    ),
  );
  const mb = bytesRead / 1e6;
  output.out('');
  output.out(
    `Wrote ${datasets.values.length} values, ${datasets.mentions.length} mentions and ${datasets.unused.length} unused numbers to ${options.outDir} in ${seconds.toFixed(2)} s (${mb.toFixed(1)} MB, ${(mb / Math.max(seconds, 1e-9)).toFixed(1)} MB/s).`,
  );
  const failures = datasets.issues.filter((i) => i.severity === 'error').length;
  if (failures > 0) output.out(`${failures} problem(s) above; the rest was written.`);
}
