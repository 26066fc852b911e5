import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYNTHETIC_MARKER } from '../../scripts/synth/generate';
import type { RunStats } from '../../src/cli/stats';
import { TEXTS_PER_PACK } from '../../src/extract/text-packs';
import {
  filesBelow,
  genProvince,
  readCsv,
  run,
  runCli,
  tableRows,
  tempDir,
  textOfRow,
} from '../helpers';

describe('gen:province', () => {
  const dir = genProvince(30, 3, 4);

  it('writes labelled synthetic reports with a manifest and realistic gaps', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(files.every((f) => f.startsWith('synthetic-'))).toBe(true);
    expect(
      files.every((f) => readFileSync(join(dir, f), 'utf8').startsWith(SYNTHETIC_MARKER)),
    ).toBe(true);
    const manifest = readCsv(join(dir, 'reports.csv'));
    expect(manifest).toHaveLength(files.length);
    // 30 towns × 4 years, minus the years towns skip.
    expect(files.length).toBeGreaterThan(40);
    expect(files.length).toBeLessThan(120);
  });

  it('goes through the normal pipeline into the site data', async () => {
    const { result, outDir } = await run({ inDir: dir, quiet: true });
    expect(result.exitCode).toBe(0);
    const values = tableRows(outDir, 'values');
    expect(new Set(values.map((v) => v['town'])).size).toBe(30);
    expect(values.every((v) => v['province'] === '合成省')).toBe(true);
    const perIndicator = new Map<string, number>();
    for (const v of values)
      perIndicator.set(v['indicator'] ?? '', (perIndicator.get(v['indicator'] ?? '') ?? 0) + 1);
    // Some indicators are stated by many towns, some by few.
    const counts = [...perIndicator.values()];
    expect(Math.max(...counts)).toBeGreaterThan(2 * Math.min(...counts));
  });
});

describe('worker threads', () => {
  it('give the same output, byte for byte, whatever the number of workers', () => {
    const dir = genProvince(60, 3, 3);
    const outputs = [1, 2, 3].map((workers) => {
      const out = tempDir('rol-workers-out-');
      const statsFile = join(tempDir('rol-workers-stats-'), 'stats.json');
      const r = runCli(
        ...['--in', dir, '--out', out, '--quiet', '--workers', String(workers)],
        ...['--stats', statsFile],
      );
      expect(r.status, r.stderr).toBe(0);
      // Each thread's processor time (where Linux tells it): the main thread's, each
      // worker's, and less than the process's (V8's own threads compiled the code).
      const { cpuSeconds } = JSON.parse(readFileSync(statsFile, 'utf8')) as RunStats;
      const threads = cpuSeconds.threads;
      if (process.platform === 'linux') {
        expect(threads?.workers).toHaveLength(workers === 1 ? 0 : workers);
        for (const seconds of threads?.workers ?? []) expect(seconds).toBeGreaterThan(0.02);
        const sum = (threads?.main ?? NaN) + (threads?.workers ?? []).reduce((a, b) => a + b, 0);
        expect(sum).toBeGreaterThan(0.1);
        expect(sum).toBeLessThan(cpuSeconds.user + cpuSeconds.system);
        expect(threads?.others).toBeGreaterThan(0);
      } else expect(threads).toBeNull();
      return out;
    });
    const [first, ...others] = outputs;
    const expected = filesBelow(first ?? '');
    expect(tableRows(first ?? '', 'values').length).toBeGreaterThan(500);
    for (const other of others) expect(filesBelow(other)).toEqual(expected);
    // Several packs of texts, written by different threads: each report's text where its row says.
    expect(readdirSync(join(first ?? '', 'texts')).length).toBeGreaterThan(2);
    const rows = tableRows(first ?? '', 'reports');
    expect(rows.length).toBeGreaterThan(2 * TEXTS_PER_PACK);
    for (const row of rows) {
      expect(textOfRow(first ?? '', row)?.startsWith(SYNTHETIC_MARKER), row['report_id']).toBe(
        true,
      );
    }
  }, 60_000);
});
