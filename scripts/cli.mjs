/**
 * The extraction CLI as it runs: `npm run extract` is `node scripts/cli.mjs`.
 *
 * The CLI is TypeScript (src/cli); compiling it at every start (tsx) took
 * about half a second of each run. Here esbuild bundles it into dist-cli/
 * (extract.js and its worker thread's worker.js, packages left to
 * node_modules) when any source is newer than the bundle, in about a tenth of
 * a second, and the bundle runs under plain Node. Tests and benchmarks call
 * `builtCli()` and spawn `node dist-cli/extract.js` themselves.
 *
 * Plain JavaScript, so that it needs nothing compiled to start.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIR = join(ROOT, 'dist-cli');
export const CLI_ENTRY = join(CLI_DIR, 'extract.js');
/** The bundle's inputs, as esbuild listed them: what makes it stale. */
const INPUTS = join(CLI_DIR, 'inputs.json');

const ENTRY_POINTS = {
  extract: join(ROOT, 'src', 'cli', 'extract.ts'),
  worker: join(ROOT, 'src', 'cli', 'worker.ts'),
};

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** Whether the bundle is missing, or older than a file it was made from or than this script. */
function isStale() {
  if (!existsSync(INPUTS) || !existsSync(CLI_ENTRY)) return true;
  const built = mtimeOf(INPUTS);
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return true;
  }
  const sources = [fileURLToPath(import.meta.url), ...inputs.map((p) => join(ROOT, p))];
  return sources.some((path) => mtimeOf(path) > built);
}

/**
 * Bundles src/cli into dist-cli/ when it is stale. Each file is written
 * beside its place and renamed into it, so a CLI starting meanwhile reads
 * whole files; the list of inputs is written last.
 */
export async function builtCli() {
  if (!isStale()) return CLI_ENTRY;
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: ENTRY_POINTS,
    outdir: CLI_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
  mkdirSync(CLI_DIR, { recursive: true });
  for (const file of result.outputFiles) {
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  const inputs = Object.keys(result.metafile.inputs);
  const partial = `${INPUTS}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify(inputs, null, 1)}\n`);
  renameSync(partial, INPUTS);
  return CLI_ENTRY;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // An internal error's trace then names src/ files and lines, not the bundle's.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(await builtCli()).href);
}
