/**
 * The extraction CLI: files in, datasets out. Node-only; the work itself is
 * done by src/extract. Problems become messages and an exit code.
 *
 * May import: src/catalog, src/extract, src/preview, node:*.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import {
  byCodeUnit,
  csvQuoteProblem,
  decodeText,
  fail,
  failedReport,
  formatIssue,
  isLayoutPath,
  ok,
  packGroups,
  parseReportId,
  TEXTS_FOLDER,
  type Issue,
  type ReportOutcome,
  type Result,
  type SideFiles,
} from '../extract';
import { preferenceOf } from '../documents';
import { firstChartFiles } from '../preview/first-chart';
import { nodeCharts } from '../preview/node';
import { EXIT, type CliOptions } from './args';
import { checkpoint, keepAtExit, outputInPlace, removeOnExit } from './cleanup';
import { errorMessage } from './describe';
import { precompress } from './precompress';
import { listReportFiles, writeChunks, type ReportFile } from './files';
import {
  commitOutput,
  filesBelow,
  failpoint,
  SPILL_FILE,
  prepareOutput,
  untouched,
  type Guarded,
  type OutputFolder,
} from './out-folder';
import { processInWorkers } from './pool';
import type { WorkerCpuSeconds } from './worker';
import { processPack, type Processed } from './process-file';
import { pack, Spill } from './spill';
import { writeData, type Collected, type Written } from './write-data';
import { Progress } from './progress';
import { phaseClock, type Phases } from './phases';
import { printSummary } from './summary';
import { openInput, type OpenedInput } from './zip-input';

export interface RunResult {
  readonly exitCode: number;
  readonly written: Written | null;
  readonly bytesRead: number;
  readonly seconds: number;
  readonly phases?: Phases;
  /** None when the reports were read on this thread; null when the run stopped before reading them. */
  readonly workerCpuSeconds: WorkerCpuSeconds | null;
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
  /** Files whose name gives no usable id: not read, named. */
  readonly issues: readonly Issue[];
}

/**
 * The files to read, each under its own report id. A report sent in two
 * formats (段园镇.docx and 段园镇.html) gives one id twice: the file of the
 * preferred format keeps it (so corrections made to it still apply), the
 * other is read under its name and format (段园镇-html), and the pipeline
 * names it a duplicate if it is the same report. Two files of one format and one name
 * (in two folders) cannot be told apart: the later one is not read.
 */
function planRun(files: readonly ReportFile[]): Plan {
  const seen = new Map<string, ReportFile>();
  const unique: ReportFile[] = [];
  const duplicates: ReportOutcome[] = [];
  const issues: Issue[] = [];
  // One name's files in the order of preference: the report's text keeps the plain id.
  const ordered = files
    .map((file, n) => ({ file, n, rank: preferenceOf(file.extension) }))
    .sort(
      (a, b) =>
        (a.file.reportId < b.file.reportId ? -1 : a.file.reportId > b.file.reportId ? 1 : 0) ||
        a.rank - b.rank ||
        a.n - b.n,
    )
    .map((x) => x.file);
  for (const listed of ordered) {
    const id = parseReportId(listed.reportId);
    if (!id.ok) {
      issues.push({ file: listed.display, severity: 'error', message: `not read: ${id.reason}` });
      continue;
    }
    let file = listed;
    const previous = seen.get(listed.reportId);
    if (previous !== undefined) {
      const variant = `${listed.reportId}-${listed.extension.slice(1)}`;
      if (
        listed.extension !== previous.extension &&
        listed.extension !== '' &&
        !seen.has(variant) &&
        parseReportId(variant).ok
      ) {
        file = { ...listed, reportId: variant };
      } else {
        // The id is taken: this file's row is keyed by its path instead.
        const message = `report id "${listed.reportId}" is already used by ${previous.display}; rename one`;
        duplicates.push(failedReport(listed.display, listed.display, message));
        continue;
      }
    }
    seen.set(file.reportId, file);
    unique.push(file);
  }
  // In the order of their ids, which decides the packs of texts (a variant's id sorts apart).
  unique.sort((a, b) => byCodeUnit(a.reportId, b.reportId));
  return { files: unique, duplicates, issues };
}

/** Below this many reports, starting threads costs more than it saves. */
const PARALLEL_FROM = 200;

type Processor = (
  files: readonly ReportFile[],
  outDir: string,
  tables: boolean,
  onResults: (results: readonly Processed[]) => void,
) => Promise<WorkerCpuSeconds>;

/**
 * How many files' findings this thread spills between two chances for
 * Ctrl+C to stop it (they come a run at a time, processPack: a pack's 32
 * reports are read and extracted before the first is spilled, about 0.01 s).
 */
const CHECKPOINT_EVERY = 8;

/** A pack at a time (its files in report id order). */
const onThisThread: Processor = async (files, outDir, tables, onResults) => {
  let read = 0;
  for (const [n, group] of packGroups(files).entries()) {
    await processPack(group, n, outDir, tables, async (processed) => {
      onResults([processed]);
      if (++read % CHECKPOINT_EVERY === 0) await checkpoint();
    });
  }
  return [];
};

const onWorkers =
  (workers: number): Processor =>
  (files, outDir, tables, onResults) =>
    processInWorkers(files, outDir, tables, workers, onResults);

/** A file beside the reports, decoded like a report; undefined when absent and not asked for. */
type SideFile = NonNullable<SideFiles['manifest']>;

function readSideFile(path: string, explicit: boolean): Result<SideFile | undefined> {
  if (!existsSync(path)) return explicit ? fail(`${path}: file not found`) : ok(undefined);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail(`${path}: cannot be read (${errorMessage(error)})`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(`${path}: not a text file (${decoded.reason}); save it as CSV`);
  const broken = csvQuoteProblem(decoded.data.text);
  if (broken !== null) return fail(`${path}:${broken.line}: ${broken.message}`);
  return ok({ text: decoded.data.text, file: path });
}

function sideFilePaths(options: CliOptions): { manifest: string; corrections: string } {
  return {
    manifest: options.manifest ?? join(options.inDir, 'reports.csv'),
    corrections: options.corrections ?? join(dirname(options.inDir), 'corrections.csv'),
  };
}

/**
 * Read before any work: a manifest or corrections file that cannot be read
 * stops the run, since publishing without them would bring back values
 * someone deleted as wrong.
 */
function readSideFiles(options: CliOptions): Result<SideFiles> {
  const paths = sideFilePaths(options);
  const manifest = readSideFile(paths.manifest, options.manifest !== null);
  if (!manifest.ok) return manifest;
  const corrections = readSideFile(paths.corrections, options.correctionsExplicit);
  if (!corrections.ok) return corrections;
  return ok({
    ...(manifest.data === undefined ? {} : { manifest: manifest.data }),
    ...(corrections.data === undefined ? {} : { corrections: corrections.data }),
  });
}

/**
 * What the output folder must not be nor hold: everything the run reads (a
 * package's own manifest and corrections are inside it), and its stats file.
 */
function guardedPaths(given: CliOptions): Guarded[] {
  const paths = sideFilePaths(given);
  const guarded: Guarded[] = [
    { path: given.inDir, what: 'the input' },
    { path: paths.manifest, what: 'the manifest' },
    { path: paths.corrections, what: 'the corrections file' },
  ];
  if (given.stats !== null) guarded.push({ path: given.stats, what: 'the stats file' });
  return guarded;
}

/** Extraction on this thread only: for tests. */
export function runExtract(
  options: CliOptions,
  output: Output = consoleOutput,
): Promise<RunResult> {
  return run(options, output, () => onThisThread);
}

/**
 * What `npm run extract` runs: on `--workers` threads, or on every core from
 * 200 reports. The output is the same, byte for byte, whatever the number of
 * workers.
 */
export function runExtractCli(
  options: CliOptions,
  output: Output = consoleOutput,
): Promise<RunResult> {
  return run(options, output, (count) => {
    const workers = options.workers ?? (count >= PARALLEL_FROM ? availableParallelism() : 1);
    return workers > 1 ? onWorkers(workers) : onThisThread;
  });
}

function refused(output: Output, reason: string): RunResult {
  output.err(`error: ${reason}`);
  return {
    exitCode: EXIT.refused,
    written: null,
    bytesRead: 0,
    seconds: 0,
    workerCpuSeconds: null,
  };
}

/** An error of the file system (disk full, permission lost) while writing the staging folder. */
function isFileSystemError(error: unknown): error is Error {
  return error instanceof Error && typeof (error as { syscall?: unknown }).syscall === 'string';
}

/**
 * Refusals come first and cost nothing: a missing input, an output folder
 * that is not the tool's own or cannot be written, then a package or a
 * manifest or corrections file that cannot be read. Then the work, into the
 * staging folder, swapped in at the end.
 */
async function run(
  given: CliOptions,
  output: Output,
  processorFor: (count: number) => Processor,
): Promise<RunResult> {
  const started = performance.now();
  if (!existsSync(given.inDir))
    return refused(output, `input folder ${given.inDir} does not exist`);
  const prepared = prepareOutput(given.outDir, guardedPaths(given));
  if (!prepared.ok) return refused(output, prepared.reason);
  const folder = prepared.data;
  const removeStaging = removeOnExit(folder.staging);
  try {
    const opened = await openInput(given, folder.target);
    if (!opened.ok) return refused(output, opened.reason);
    try {
      const sideFiles = readSideFiles(opened.data.options);
      if (!sideFiles.ok) return refused(output, sideFiles.reason);
      return await extractInto(folder, opened.data, sideFiles.data, output, {
        started,
        processorFor,
      });
    } finally {
      opened.data.close();
    }
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    output.err(`error: could not write the output (${error.message}); ${untouched(folder)}`);
    return {
      exitCode: EXIT.notWritten,
      written: null,
      bytesRead: 0,
      seconds: 0,
      workerCpuSeconds: null,
    };
  } finally {
    if (existsSync(folder.staging)) removeStaging();
  }
}

async function extractInto(
  folder: OutputFolder,
  { options, issues: notUnpacked }: OpenedInput,
  sideFiles: SideFiles,
  output: Output,
  { started, processorFor }: { started: number; processorFor: (count: number) => Processor },
): Promise<RunResult> {
  const listing = listReportFiles(options.inDir, {
    displayRoot: options.displayRoot,
    // A link in the input may lead to the output folder: never read as reports.
    skip: folder.target,
    // A package holds what the importer wrote: a hidden name there is an error.
    hidden: options.displayRoot === undefined ? 'warning' : 'error',
  });
  const plan = planRun(listing.files);
  const clock = phaseClock(started);
  const spill = new Spill(join(folder.staging, SPILL_FILE));
  let written: Written;
  let collected: Collected;
  let workerCpuSeconds: WorkerCpuSeconds;
  try {
    [collected, workerCpuSeconds] = await processAll(
      plan,
      options,
      output,
      folder.staging,
      processorFor,
      spill,
    );
    clock.end('extract');
    failpoint('texts-written');
    written = await writeData(folder.staging, collected, spill, clock, sideFiles, {
      tables: options.tables,
    });
  } finally {
    spill.remove();
  }
  const bytesRead = collected.bytesRead;
  // The summaries are in the reports' rows now: the first chart and the swap need none of them.
  collected.spilled.length = 0;
  const drawn = drawFirstChart(folder.staging);
  clock.end('firstChart');
  failpoint('first-chart');
  // Made of the folder as it will be served: the copies are never those of other files.
  const precompressed = options.gzip
    ? await precompress(folder.staging, filesBelow(folder.staging).filter(isLayoutPath))
    : null;
  if (precompressed !== null) clock.end('gzip');
  // A Ctrl+C that came while the first chart was drawn stops the run here, before the swap (one
  // that comes while the copies are made ends it at once: the staging folder is removed).
  await checkpoint();
  const committed = commitOutput(folder);
  clock.end('swap');
  if (!committed.ok) {
    output.err(`error: ${committed.reason}; ${untouched(folder)}`);
    return { exitCode: EXIT.notWritten, written, bytesRead, seconds: 0, workerCpuSeconds };
  }
  keepAtExit(folder.staging);
  outputInPlace();
  const issues = [
    ...folder.notes,
    ...notUnpacked,
    ...listing.issues,
    ...plan.issues,
    ...written.issues,
    ...drawn,
    ...committed.data,
  ];
  for (const issue of issues) output.err(formatIssue(issue));
  const failures = issues.filter((i) => i.severity === 'error').length;
  const seconds = (performance.now() - started) / 1000;
  if (!options.quiet)
    printSummary({ written, options, bytesRead, seconds, failures, precompressed }, output);
  return {
    exitCode: failures > 0 ? EXIT.inputErrors : EXIT.clean,
    written,
    bytesRead,
    seconds,
    phases: clock.phases,
    workerCpuSeconds,
  };
}

async function processAll(
  plan: Plan,
  options: CliOptions,
  output: Output,
  staging: string,
  processorFor: (count: number) => Processor,
  spill: Spill,
): Promise<[Collected, WorkerCpuSeconds]> {
  mkdirSync(join(staging, TEXTS_FOLDER));
  const progress = new Progress(plan.files.length, output, !options.quiet);
  const collected: Collected = {
    spilled: plan.duplicates.map((outcome) => spill.add(pack(outcome, options.tables))),
    bytesRead: 0,
  };
  const cpuSeconds = await processorFor(plan.files.length)(
    plan.files,
    staging,
    options.tables,
    (results) => {
      for (const r of results) {
        collected.spilled.push(spill.add(r.packed));
        collected.bytesRead += r.bytes;
        progress.tick(collected.bytesRead);
      }
    },
  );
  progress.done(collected.bytesRead);
  return [collected, cpuSeconds];
}

/** The first chart's images (src/preview), drawn from the files just written. */
function drawFirstChart(dir: string): Issue[] {
  const read = (path: string): string | undefined => {
    const full = join(dir, path);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
  const firstChart = firstChartFiles(read, nodeCharts());
  for (const [path, text] of firstChart.files) writeChunks(join(dir, path), [text]);
  return [...firstChart.issues];
}
