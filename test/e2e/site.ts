/**
 * Builds the site once per test run, with data freshly extracted from the
 * sample reports, exactly as `npm run build` lays it out; every caller gets
 * its own copy in a temporary folder (tests may change theirs).
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { runExtract } from '../../src/cli/run';
import { captureOutput, options, padTo, restateSizes } from '../helpers';

async function buildInto(outDir: string): Promise<void> {
  // What `npm run build` ships: vitest sets NODE_ENV=test, and Vite (and the
  // React plugin's JSX) would otherwise bundle React's development build
  // (StrictMode's double mounts, dev warnings, slower).
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: join(import.meta.dirname, '..', '..', 'vite.config.ts'),
      logLevel: 'silent',
      publicDir: false,
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  // public/ holds boot.js besides the data this function extracts afresh.
  copyFileSync(join(import.meta.dirname, '..', '..', 'public', 'boot.js'), join(outDir, 'boot.js'));
  const result = await runExtract(
    options({ outDir: join(outDir, 'data'), quiet: true }),
    captureOutput(),
  );
  if (result.exitCode !== 0) throw new Error(`extraction failed with ${result.exitCode}`);
}

/** How long a test file waits for another to finish the run's build. */
const BUILD_WAIT_MS = 5 * 60_000;

/**
 * A fresh copy of the run's built site. The first caller of the run (the test
 * files run in parallel workers, which share the run's temporary folder)
 * builds it; the others wait for it rather than build it again.
 */
export async function buildSite(): Promise<string> {
  const built = join(tmpdir(), 'rol-built-site');
  const failed = `${built}.failed`;
  let mine = false;
  try {
    mkdirSync(`${built}.lock`);
    mine = true;
  } catch {
    // Another test file is building it.
  }
  if (mine) {
    const partial = mkdtempSync(join(tmpdir(), 'rol-site-partial-'));
    try {
      await buildInto(partial);
      renameSync(partial, built);
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
  } else {
    const until = Date.now() + BUILD_WAIT_MS;
    while (!existsSync(built)) {
      if (existsSync(failed)) throw new Error('the site build failed in another test file');
      if (Date.now() > until) throw new Error('timed out waiting for the site build');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const copy = mkdtempSync(join(tmpdir(), 'rol-site-'));
  cpSync(built, copy, { recursive: true });
  return copy;
}

/**
 * A copy of a built site whose files of these indicators are large (400 KB:
 * padded, their rows unchanged, index.json restating their sizes), and with
 * `rows`, listed in index.json as that many rows each (a nation's: a page
 * decides by them what to read whole).
 */
export function withLargeFiles(
  siteDir: string,
  large: (indicator: string) => boolean,
  rows?: number,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'rol-large-files-'));
  cpSync(siteDir, dir, { recursive: true });
  const indexPath = join(dir, 'data', 'index.json');
  type Index = { indicators: { id: string; years: { file: string; rows: number }[] }[] };
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as Index;
  for (const i of index.indicators) {
    if (!large(i.id)) continue;
    for (const y of i.years) {
      padTo(join(dir, 'data', y.file), 400_000);
      if (rows !== undefined) y.rows = rows;
    }
  }
  writeFileSync(indexPath, JSON.stringify(index));
  restateSizes(join(dir, 'data'));
  return dir;
}
