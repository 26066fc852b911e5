/**
 * `npm run bench:extract [-- --reports N --runs K]`
 *
 * Generates a synthetic corpus (see scripts/synth), then times the whole CLI
 * (the built one, `node dist-cli/extract.js`, as `npm run extract` runs it),
 * start-up included, K times on one worker and on all cores, and prints the
 * median throughput, processor time (user and system, every thread: steadier
 * than the wall time on a disk whose cost swings; then by thread, and the
 * floor it puts under the run: the time shared perfectly between the
 * cores), peak memory and where the time went (the CLI's own phase timings:
 * extraction, resolution, the tables, the first chart, the swap) and the
 * size of the data folder written (by part, over the reports' size), each
 * figure next to its target.
 * In the same run it times a plain keyword-and-regex script over the same
 * files, so the ratio between the two is meaningful on a noisy machine, and
 * the extractor alone (no I/O). Then it runs once more with `--gzip` and
 * prints what the gzip copies cost and what a server with gzip_static sends.
 *
 * `--fit`: also times all cores on the corpus's first fifth and half (hard
 * links beside it), in turns with the whole, and fits wall = fixed + per
 * report: what a run costs whatever its size (start-up, each thread's
 * warm-up, the first chart, the swap) against what each report adds.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { nodeUtf8 } from '../src/cli/node-utf8';
import { GZIP_SUFFIX } from '../src/cli/out-folder';
import { PHASES, type Phases } from '../src/cli/phases';
import type { RunStats, ThreadCpu } from '../src/cli/stats';
import { installUtf8Decoder, packGroups, processReports } from '../src/extract';
import { builtCli } from './cli.mjs';
import { countyName, generateReport, seededRandom, townName } from './synth/generate';

/** The issue's targets (docs/performance.md): whole CLI, start-up included. */
const TARGETS = {
  /** MB/s on one worker and on two. */
  mbPerSecond: new Map([
    [1, 20],
    [2, 35],
  ]),
  /** Peak RSS in MB, at 40,000 reports (a nation's towns for one year). */
  peakRssMb: 500,
  peakRssAtReports: 40_000,
  /** The data folder's size over the reports'. */
  folderRatio: 1.3,
};

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    fit: { type: 'boolean', default: false },
  },
});
const reportCount = Number(values.reports);
const runs = Number(values.runs);
const seed = Number(values.seed);

const root = join(process.cwd(), '.bench');
const corpus = join(root, `corpus-${reportCount}-${seed}`);
const out = join(root, 'out');
// Beside the corpus, not in it: the CLI names every file it does not read.
const complete = `${corpus}.complete`;

function generateCorpus(): void {
  if (existsSync(complete)) return;
  rmSync(corpus, { recursive: true, force: true });
  mkdirSync(corpus, { recursive: true });
  const r = seededRandom(seed);
  const counties = Array.from({ length: Math.max(1, Math.ceil(reportCount / 20)) }, () =>
    countyName(r),
  );
  for (let i = 0; i < reportCount; i++) {
    const county = counties[i % counties.length] ?? '某县';
    const report = generateReport(r, townName(r), county, 2020 + (i % 5));
    writeFileSync(join(corpus, `synthetic-${String(i).padStart(6, '0')}.txt`), report.text);
  }
  writeFileSync(complete, '');
}

/** Bytes below `dir`, by its entry at the top (a folder, or `other files`). */
function folderSizes(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (path: string, top: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name), top);
    } else {
      sizes.set(top, (sizes.get(top) ?? 0) + stat.size);
    }
  };
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    walk(path, statSync(path).isDirectory() ? `${name}/` : 'other files');
  }
  return sizes;
}

function median(list: readonly number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** What a plain keyword-and-regex script does: read, decode, a handful of regexes. */
function baseline(files: readonly string[]): number {
  const patterns = [
    /调解[^，。；]{0,10}?(\d+)件/g,
    /成功率(\d+(?:\.\d+)?)%/g,
    /培训(\d+)人/g,
    /信访件(\d+)件/g,
    /普法[^，。；]{0,8}?(\d+)场/g,
    /法律顾问[^，。；]{0,12}?(\d+)件/g,
  ];
  let found = 0;
  for (const f of files) {
    const text = new TextDecoder().decode(readFileSync(f));
    for (const p of patterns) found += [...text.matchAll(p)].length;
  }
  return found;
}

/**
 * The extractor alone (processReports: decoding, the figures, the metadata)
 * over the corpus's first 3,000 reports, a pack's reports at a time as the
 * CLI gives them, in this process: seconds per 1,000 reports, the median of
 * five rounds after one to warm up. No file is read or written while it is
 * timed, so a change to src/extract shows here without the disk's noise
 * (through tsx, a little slower than the bundle).
 */
function extractorAlone(files: readonly string[]): number {
  installUtf8Decoder(nodeUtf8);
  const packs = packGroups(
    files.slice(0, 3000).map((f) => {
      const id = basename(f, '.txt');
      return { reportId: id, file: id, bytes: readFileSync(f) };
    }),
  );
  const count = packs.reduce((sum, pack) => sum + pack.length, 0);
  const rounds: number[] = [];
  for (let round = 0; round <= 5; round++) {
    const started = performance.now();
    for (const pack of packs) processReports(pack);
    if (round > 0) rounds.push((performance.now() - started) / count);
  }
  return median(rounds);
}

generateCorpus();
const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(corpus, f));
const bytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
const mb = bytes / 1e6;
console.log(`corpus: ${files.length} synthetic reports, ${mb.toFixed(1)} MB (${corpus})`);

const cli = await builtCli();
const cores = availableParallelism();
const settings = [...new Set([1, cores])];
interface Runs {
  seconds: number[];
  rss: number[];
  /** Processor seconds, user and system, of every thread. */
  user: number[];
  system: number[];
  /** The same by thread (where the system tells it). */
  threads: ThreadCpu[];
  phases: Phases[];
}
const measured = new Map<number, Runs>();
const noRuns = (): Runs => ({
  seconds: [],
  rss: [],
  user: [],
  system: [],
  threads: [],
  phases: [],
});
const baseSeconds: number[] = [];
const startUp: number[] = [];
type CliRun = Pick<RunStats, 'seconds' | 'maxRssKb' | 'cpuSeconds' | 'phases'>;
/** One run of the CLI over the corpus (or `input`), timed from outside. */
function runCli(workers: number, extra: readonly string[] = [], input = corpus): CliRun {
  const statsFile = join(root, 'stats.json');
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      cli,
      ...['--in', input, '--out', out, '--quiet'],
      ...['--workers', String(workers), '--stats', statsFile],
      ...extra,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) {
    console.error(`the CLI exited with ${child.status}`);
    process.exit(1);
  }
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as RunStats;
  return { seconds, maxRssKb: stats.maxRssKb, cpuSeconds: stats.cpuSeconds, phases: stats.phases };
}
for (let i = 0; i < runs; i++) {
  for (const workers of settings) {
    const { seconds, ...stats } = runCli(workers);
    const entry = measured.get(workers) ?? noRuns();
    measured.set(workers, entry);
    entry.seconds.push(seconds);
    entry.rss.push(stats.maxRssKb / 1024);
    entry.user.push(stats.cpuSeconds.user);
    entry.system.push(stats.cpuSeconds.system);
    if (stats.cpuSeconds.threads !== null) entry.threads.push(stats.cpuSeconds.threads);
    entry.phases.push(stats.phases);
    console.log(
      `run ${i + 1}, ${workers} worker(s): ${seconds.toFixed(2)} s (${(mb / seconds).toFixed(1)} MB/s)`,
    );
  }
  const helpStarted = performance.now();
  spawnSync(process.execPath, [cli, '--help'], { stdio: 'ignore' });
  startUp.push((performance.now() - helpStarted) / 1000);
  const baseStarted = performance.now();
  baseline(files);
  baseSeconds.push((performance.now() - baseStarted) / 1000);
}

const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');
const b = median(baseSeconds);
console.log('');
console.log(`median of ${runs} runs, whole CLI (dist-cli/extract.js) including start-up:`);
for (const workers of settings) {
  const entry = measured.get(workers) ?? noRuns();
  const t = median(entry.seconds);
  const target = TARGETS.mbPerSecond.get(workers);
  const rss = median(entry.rss);
  console.log(`  ${workers} worker(s)${workers === cores ? ' (all cores, the default)' : ''}:`);
  console.log(`    reports/s      ${(files.length / t).toFixed(0)}`);
  console.log(
    `    MB/s           ${(mb / t).toFixed(2)}${target === undefined ? '' : `   target ≥ ${target}: ${verdict(mb / t >= target)}`}`,
  );
  console.log(`    wall time      ${t.toFixed(2)} s for ${files.length} reports`);
  console.log(
    `    processor      ${median(entry.user).toFixed(2)} s user, ${median(entry.system).toFixed(2)} s system (every thread; steadier than the wall time)`,
  );
  printThreads(entry.threads);
  const floor = (median(entry.user) + median(entry.system)) / cores;
  console.log(
    `    floor          ${floor.toFixed(2)} s: the processor time shared perfectly between ${cores} cores, at most ${(mb / floor).toFixed(1)} MB/s`,
  );
  console.log(
    `    peak RSS       ${rss.toFixed(0)} MB   target ≤ ${TARGETS.peakRssMb} MB at ${TARGETS.peakRssAtReports.toLocaleString('en')} reports${files.length >= TARGETS.peakRssAtReports ? `: ${verdict(rss <= TARGETS.peakRssMb)}` : ' (run with --reports 40000)'}`,
  );
  console.log('    where the time went (median seconds of each phase):');
  for (const phase of PHASES) {
    if (!entry.phases.some((p) => phase in p)) continue;
    const times = entry.phases.map((p) => p[phase] ?? 0);
    console.log(`      ${phase.padEnd(12)} ${median(times).toFixed(2)} s`);
  }
}
console.log(`  start-up (--help)  ${(median(startUp) * 1000).toFixed(0)} ms`);
console.log(`  plain regex      ${(mb / b).toFixed(1)} MB/s (in-process, one core, no output)`);
console.log(
  `  extractor alone  ${extractorAlone(files).toFixed(3)} s per 1,000 reports (in-process, one core, no I/O)`,
);

// The data folder the last run wrote (the default: no complete tables), by part.
const sizes = folderSizes(out);
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
const ratio = total / bytes;
console.log(
  `  data folder      ${(total / 1e6).toFixed(1)} MB, ${ratio.toFixed(2)}× the reports   target ≤ ${TARGETS.folderRatio}×: ${verdict(ratio <= TARGETS.folderRatio)}`,
);
for (const [part, size] of [...sizes].sort((a, b) => b[1] - a[1])) {
  console.log(
    `    ${part.padEnd(14)} ${(size / 1e6).toFixed(1).padStart(7)} MB  ${(size / bytes).toFixed(2)}×`,
  );
}

// The same run with --gzip (all cores), once: what the copies cost and what
// a server with gzip_static then sends.
const gzipRun = runCli(cores, ['--gzip']);
let copies = 0;
let copied = 0;
let copiedOriginals = 0;
const countCopies = (dir: string): void => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) countCopies(path);
    else if (name.endsWith(GZIP_SUFFIX)) {
      copies++;
      copied += statSync(path).size;
      copiedOriginals += statSync(path.slice(0, -GZIP_SUFFIX.length)).size;
    }
  }
};
countCopies(out);
const sent = total - copiedOriginals + copied;
console.log(
  `  --gzip           +${(gzipRun.phases.gzip ?? 0).toFixed(2)} s (one run, ${cores} worker(s)): copies of ${copies} files, ${(copied / 1e6).toFixed(1)} MB beside the folder's ${(total / 1e6).toFixed(1)} MB; the whole folder fetched from a server with gzip_static is ${(sent / 1e6).toFixed(1)} MB (${(sent / bytes).toFixed(2)}× the reports)`,
);

/** Medians of each thread's processor time, over the runs that told it. */
function printThreads(threads: readonly ThreadCpu[]): void {
  if (threads.length === 0) return;
  const of = (pick: (t: ThreadCpu) => number): string =>
    `${median(threads.map(pick)).toFixed(2)} s`;
  const workers = threads[0]?.workers.map((_, i) => of((t) => t.workers[i] ?? 0)) ?? [];
  console.log(
    `      by thread  main ${of((t) => t.main)}${workers.length === 0 ? '' : `, workers ${workers.join(' + ')}`}, V8's and Node's own threads ${of((t) => t.others)} (ThreadCpu in src/cli/stats.ts)`,
  );
}

/** The corpus's first `count` reports, hard-linked into a folder beside it. */
function firstReports(count: number): string {
  const dir = `${corpus}-first-${count}`;
  const done = `${dir}.complete`;
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const f of [...files].sort().slice(0, count)) linkSync(f, join(dir, basename(f)));
  writeFileSync(done, '');
  return dir;
}

/** The least-squares line through `points` ([reports, seconds]). */
function fitLine(points: readonly (readonly [number, number])[]): {
  fixed: number;
  perReport: number;
} {
  const meanOf = (pick: (p: readonly [number, number]) => number): number =>
    points.reduce((sum, p) => sum + pick(p), 0) / points.length;
  const mx = meanOf((p) => p[0]);
  const my = meanOf((p) => p[1]);
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  const perReport = sxx === 0 ? 0 : sxy / sxx;
  return { fixed: my - perReport * mx, perReport };
}

if (values.fit) {
  const counts = [...new Set([Math.round(files.length / 5), Math.round(files.length / 2)])]
    .filter((n) => n > 0 && n < files.length)
    .concat(files.length);
  const inputs = new Map(counts.map((n) => [n, n === files.length ? corpus : firstReports(n)]));
  const timed = new Map(counts.map((n) => [n, [] as CliRun[]]));
  for (let i = 0; i < runs; i++) {
    for (const n of counts) timed.get(n)?.push(runCli(cores, [], inputs.get(n)));
  }
  const fitOf = (pick: (run: CliRun) => number) =>
    fitLine(counts.map((n) => [n, median((timed.get(n) ?? []).map(pick))]));
  const wall = fitOf((run) => run.seconds);
  /** Seconds per 1,000 reports, a fit's -0.00 as 0.00. */
  const per1000 = (perReport: number): string =>
    (perReport * 1000).toFixed(2).replace(/^-(0\.00)$/, '$1');
  const perReportMb = mb / files.length;
  const mbPerSecondAt = (n: number): string =>
    ((n * perReportMb) / (wall.fixed + n * wall.perReport)).toFixed(1);
  console.log(
    `  fit on ${cores} worker(s), medians of ${runs} runs in turns over ${counts.map((n) => n.toLocaleString('en')).join(', ')} reports: wall = fixed + per report`,
  );
  console.log(
    `    whole run      ${wall.fixed.toFixed(2)} s fixed + ${per1000(wall.perReport)} s per 1,000 reports: ${mbPerSecondAt(files.length)} MB/s at ${files.length.toLocaleString('en')}, ${mbPerSecondAt(40_000)} MB/s at 40,000 (predicted)`,
  );
  for (const phase of PHASES) {
    if (!counts.every((n) => (timed.get(n) ?? []).some((run) => phase in run.phases))) continue;
    const part = fitOf((run) => run.phases[phase] ?? 0);
    console.log(
      `      ${phase.padEnd(12)} ${part.fixed.toFixed(2)} s fixed + ${per1000(part.perReport)} s per 1,000`,
    );
  }
}
