/**
 * Builds the site once per test run into a temporary folder, with data freshly
 * extracted from the sample reports, exactly as `npm run build` lays it out.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { runExtract } from '../../src/cli/run';
import { captureOutput, options } from '../helpers';

export async function buildSite(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'rol-site-'));
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
  return outDir;
}
