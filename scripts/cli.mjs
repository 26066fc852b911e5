/**
 * The extraction CLI as it runs: `npm run extract` is `node scripts/cli.mjs`.
 *
 * The CLI is TypeScript (src/cli); compiling it at every start (tsx) took
 * about half a second of each run. Here esbuild bundles it into dist-cli/
 * (extract.js and its worker thread's worker.js, with the few packages every
 * run loads, BUNDLED; the others are left to node_modules) when what it is
 * made from has changed, in about a tenth of a second, and the bundle runs
 * under plain Node. Tests and benchmarks call `builtCli()` and spawn `node
 * dist-cli/extract.js` themselves.
 *
 * What it is made from: every file esbuild read (the bundled packages' too),
 * the files that configure it (tsconfig.json, package.json, this script) and
 * esbuild's version, fingerprinted by content — a file edited during a
 * build, or put back with an old date, still counts as changed.
 *
 * Plain JavaScript, so that it needs nothing compiled to start.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIR = join(ROOT, 'dist-cli');
export const CLI_ENTRY = join(CLI_DIR, 'extract.js');
/** What the bundle was made from: its inputs, outputs and their fingerprint. */
export const BUILD_RECORD = join(CLI_DIR, 'build.json');
/** Held while one process builds: others wait for it, then use its bundle. */
const LOCK = join(ROOT, '.dist-cli.lock');
/** A lock older than this was left by a process that died. */
const STALE_LOCK_MS = 60_000;

const ENTRY_POINTS = {
  extract: join(ROOT, 'src', 'cli', 'extract.ts'),
  worker: join(ROOT, 'src', 'cli', 'worker.ts'),
  // Run here after each build: it writes ECharts' compiled code beside the bundle.
  charts: join(ROOT, 'src', 'preview', 'node.ts'),
};
/** Files that change the bundle without being in it (paths relative to the project). */
const CONFIGURATION = ['tsconfig.json', 'package.json', 'scripts/cli.mjs'];

/**
 * The packages every run loads, bundled in: loaded from node_modules, file
 * by file (zod alone is a hundred files), they were a third of the CLI's
 * start and a quarter of a worker thread's. The others are loaded only for
 * some inputs (documents, zips) or drawn from a prebuilt file (ECharts).
 */
const BUNDLED = ['chardet', 'opencc-js', 'papaparse', 'zod'];

/** Every other dependency, and whatever is below it, left to node_modules. */
function external() {
  const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return Object.keys(dependencies)
    .filter((name) => !BUNDLED.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
}

/** The fingerprint of these files' contents (relative paths; a missing file counts as empty). */
export function fingerprint(paths) {
  const hash = createHash('sha256');
  for (const path of [...paths].sort()) {
    hash.update(`${path}\0`);
    try {
      hash.update(readFileSync(join(ROOT, path)));
    } catch {
      hash.update('\0missing');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Read from its package file: importing esbuild took a tenth of `npm run extract`'s start. */
async function esbuildVersion() {
  return createRequire(import.meta.url)('esbuild/package.json').version;
}

function readRecord() {
  try {
    return JSON.parse(readFileSync(BUILD_RECORD, 'utf8'));
  } catch {
    return null;
  }
}

/** Whether the bundle is missing or was made from other files than those here now. */
async function isStale() {
  const record = readRecord();
  if (record === null || !Array.isArray(record.inputs) || !Array.isArray(record.outputs)) {
    return true;
  }
  if (record.outputs.some((p) => !existsSync(join(ROOT, p)))) return true;
  const now = fingerprint([...record.inputs, ...CONFIGURATION]);
  return now !== record.fingerprint || record.esbuild !== (await esbuildVersion());
}

/** Runs `work` holding the build lock (a folder: made by one process at a time). */
async function withLock(work) {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue;
      }
      if (age > STALE_LOCK_MS) rmdirSync(LOCK);
      else await sleep(50);
    }
  }
  try {
    return await work();
  } finally {
    rmdirSync(LOCK);
  }
}

/** Writes a file beside its place and renames it in: a reader sees the old file or the new one. */
function replaceFile(path, contents) {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, path);
}

/**
 * Bundles src/cli into dist-cli/ if it is stale, one process at a time; the
 * record of what it was made from is written last, with the fingerprint taken
 * before esbuild read the sources.
 */
export async function builtCli() {
  if (!(await isStale())) return CLI_ENTRY;
  return withLock(async () => {
    // Another process may have built it while this one waited.
    if (!(await isStale())) return CLI_ENTRY;
    const { build, version } = await import('esbuild');
    const before = readRecord();
    const guess = before?.inputs ?? [];
    const fingerprintBefore = fingerprint([...guess, ...CONFIGURATION]);
    const result = await build({
      entryPoints: ENTRY_POINTS,
      outdir: CLI_DIR,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: external(),
      sourcemap: 'linked',
      sourcesContent: false,
      metafile: true,
      write: false,
      logLevel: 'warning',
      absWorkingDir: ROOT,
    });
    mkdirSync(CLI_DIR, { recursive: true });
    for (const file of result.outputFiles) replaceFile(file.path, file.contents);
    const charts = await import(`${pathToFileURL(join(CLI_DIR, 'charts.js')).href}?${Date.now()}`);
    // ECharts is loaded at run time, not bundled: a new version makes a new cache.
    const inputs = [...Object.keys(result.metafile.inputs), relative(ROOT, charts.echartsFile())];
    const outputs = Object.keys(result.metafile.outputs);
    try {
      charts.writeChartsCache();
      outputs.push(relative(ROOT, charts.CHARTS_CACHE));
    } catch (error) {
      // The CLI then compiles ECharts itself when it draws: slower, not wrong.
      process.stderr.write(`warning: ECharts' compiled code was not cached (${error})\n`);
    }
    // The inputs' fingerprint as they were before the build read them, when
    // the inputs are the ones known then; else as they are now (a first build).
    const sameInputs = guess.length === inputs.length && inputs.every((p) => guess.includes(p));
    const record = {
      esbuild: version,
      inputs,
      outputs,
      fingerprint: sameInputs ? fingerprintBefore : fingerprint([...inputs, ...CONFIGURATION]),
    };
    replaceFile(BUILD_RECORD, `${JSON.stringify(record, null, 1)}\n`);
    return CLI_ENTRY;
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // An internal error's trace then names src/ files and lines, not the bundle's.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(await builtCli()).href);
}
