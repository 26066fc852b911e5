/**
 * `npm run bench:extract [-- --reports N --runs K]`
 *
 * Generates a synthetic corpus (see scripts/synth), then times the whole CLI
 * on it, start-up included, K times on one core and on all cores, and prints
 * the median throughput and peak memory. In the same run it times a plain keyword-and-regex script over
 * the same files, so the ratio between the two is meaningful on a noisy machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { countyName, generateReport, seededRandom, townName } from './synth/generate';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
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

generateCorpus();
const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(corpus, f));
const bytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
const mb = bytes / 1e6;
console.log(`corpus: ${files.length} synthetic reports, ${mb.toFixed(1)} MB (${corpus})`);

const cores = availableParallelism();
const settings = [...new Set([1, cores])];
const cli: Record<number, { seconds: number[]; rss: number[] }> = {};
const baseSeconds: number[] = [];
for (let i = 0; i < runs; i++) {
  for (const workers of settings) {
    const statsFile = join(root, 'stats.json');
    const started = performance.now();
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/extract.ts',
        '--in',
        corpus,
        '--out',
        out,
        '--quiet',
        '--workers',
        String(workers),
        '--stats',
        statsFile,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0) {
      console.error(`the CLI exited with ${child.status}`);
      process.exit(1);
    }
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { maxRssKb: number };
    const entry = (cli[workers] ??= { seconds: [], rss: [] });
    entry.seconds.push(seconds);
    entry.rss.push(stats.maxRssKb / 1024);
    console.log(
      `run ${i + 1}, ${workers} worker(s): ${seconds.toFixed(2)} s (${(mb / seconds).toFixed(1)} MB/s)`,
    );
  }
  const baseStarted = performance.now();
  baseline(files);
  baseSeconds.push((performance.now() - baseStarted) / 1000);
}

const b = median(baseSeconds);
console.log('');
console.log(`median of ${runs} runs, whole CLI including start-up:`);
for (const workers of settings) {
  const entry = cli[workers] ?? { seconds: [], rss: [] };
  const t = median(entry.seconds);
  console.log(`  ${workers} worker(s)${workers === cores ? ' (all cores, the default)' : ''}:`);
  console.log(`    reports/s      ${(files.length / t).toFixed(0)}`);
  console.log(`    MB/s           ${(mb / t).toFixed(2)}`);
  console.log(`    wall time      ${t.toFixed(2)} s for ${files.length} reports`);
  console.log(`    peak RSS       ${median(entry.rss).toFixed(0)} MB`);
}
console.log(`  plain regex      ${(mb / b).toFixed(1)} MB/s (in-process, one core, no output)`);
