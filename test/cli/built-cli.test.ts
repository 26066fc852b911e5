/**
 * `npm run extract` runs the bundle in dist-cli/ (scripts/cli.mjs), rebuilt
 * when what it was made from changes — by content, not by date: an edit to
 * src/ must never leave the CLI running old rules.
 */
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILD_RECORD, builtCli, CLI_DIR, CLI_ENTRY, fingerprint } from '../../scripts/cli.mjs';
import { ROOT, runCli, runNode } from '../helpers';

interface BuildRecord {
  readonly inputs: string[];
  readonly outputs: string[];
  readonly fingerprint: string;
}

const record = (): BuildRecord => JSON.parse(readFileSync(BUILD_RECORD, 'utf8')) as BuildRecord;

describe('the built CLI', () => {
  it('is rebuilt when what it was made from is not what is there now, and not otherwise', async () => {
    expect(await builtCli()).toBe(CLI_ENTRY);
    const before = statSync(CLI_ENTRY).mtimeMs;
    expect(await builtCli()).toBe(CLI_ENTRY);
    expect(statSync(CLI_ENTRY).mtimeMs).toBe(before);

    const built = record();
    expect(built.inputs).toContain('src/extract/numbers.ts');
    expect(built.outputs).toEqual(
      expect.arrayContaining(['dist-cli/extract.js', 'dist-cli/worker.js']),
    );
    // As if a source had changed since: the record no longer matches.
    writeFileSync(BUILD_RECORD, JSON.stringify({ ...built, fingerprint: 'edited since' }));
    await builtCli();
    expect(statSync(CLI_ENTRY).mtimeMs).toBeGreaterThan(before);
    expect(record().fingerprint).toBe(built.fingerprint);
  });

  it('fingerprints content: an edit counts, a date does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rol-cli-fingerprint-'));
    const file = join(dir, 'rules.ts');
    writeFileSync(file, 'export const RULE = 1;\n');
    const paths = [relative(ROOT, file), relative(ROOT, join(dir, 'missing.ts'))];
    const first = fingerprint(paths);
    utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(fingerprint(paths)).toBe(first);
    writeFileSync(file, 'export const RULE = 2;\n');
    utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(fingerprint(paths)).not.toBe(first);
  });

  it('bundles the packages every run loads, and its worker threads hold only those they use', () => {
    // The packages of a bundle: those it imports from node_modules at its start (Node's own
    // modules aside), and those bundled in (esbuild heads each file it took with its path).
    const packages = (file: string): { imported: string[]; bundled: string[] } => {
      const code = readFileSync(file, 'utf8');
      const names = (re: RegExp) => [...new Set([...code.matchAll(re)].map((m) => m[1] ?? ''))];
      return {
        imported: names(/^import\s[^;]*?\sfrom\s"((?:@[^/"]+\/)?[^/"]+)[^"]*";/gm).filter(
          (name) => !name.startsWith('node:'),
        ),
        bundled: names(/^\/\/ node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm),
      };
    };
    const main = packages(CLI_ENTRY);
    // The main thread also reads the manifest and the corrections (papaparse, zod) and the
    // data folder back for the first chart; a worker decodes and extracts reports only.
    expect(main.bundled.sort()).toEqual(['chardet', 'opencc-js', 'papaparse', 'zod']);
    expect(main.imported).toEqual(['yauzl']);
    const worker = packages(join(CLI_DIR, 'worker.js'));
    expect(worker.bundled.sort()).toEqual(['chardet', 'opencc-js']);
    expect(worker.imported).toEqual([]);
  });

  it('loads ECharts for the first chart with the compiled code its build left beside it', () => {
    const charts = pathToFileURL(join(CLI_DIR, 'charts.js')).href;
    // A plain Node, as `npm run extract` runs the bundle: V8 takes the cache the build made.
    const r = runNode([
      '--input-type=module',
      '-e',
      `const c = await import(${JSON.stringify(charts)}); console.log(JSON.stringify([c.chartsFromCache(), typeof c.nodeCharts().init]))`,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([true, 'function']);
    expect(record().outputs).toContain(relative(ROOT, join(CLI_DIR, 'echarts.cache')));
    expect(record().inputs).toContain('node_modules/echarts/dist/echarts.min.js');
  });

  it('runs without TypeScript at run time, its worker threads included', () => {
    expect(readFileSync(CLI_ENTRY, 'utf8')).not.toMatch(/from ["']tsx/);
    expect(readFileSync(join(CLI_DIR, 'worker.js'), 'utf8')).not.toMatch(/from ["']tsx/);
    const help = runCli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run extract');
  });
});
