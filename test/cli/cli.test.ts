import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GZIP_SUFFIX } from '../../src/cli/out-folder';
import { PHASES } from '../../src/cli/phases';
import { MAX_COPY_SHARE } from '../../src/cli/precompress';
import type { RunStats } from '../../src/cli/stats';
import {
  copySamples,
  filesBelow,
  findingsBelow,
  publishedText,
  readCsv,
  run,
  runCli,
  spanText,
  tableRows,
  tempDir,
} from '../helpers';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'encodings');

/** Each report's mentions as the dashboard reads them off its text: indicator=value. */
function mentionsByReport(outDir: string): Map<string, string[]> {
  return new Map(
    [...findingsBelow(outDir)].map(([id, f]) => [
      id,
      f.mentions.map((m) => `${m.indicator}=${m.value}`),
    ]),
  );
}

describe('input robustness', async () => {
  const root = copySamples();
  const inDir = join(root, 'reports');
  for (const name of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, name), join(inDir, name));
  const { result, output, outDir } = await run({ inDir });
  const reports = new Map(readCsv(join(outDir, 'reports.csv')).map((r) => [r['report_id'], r]));

  it('decodes GB18030, UTF-16 with and without BOM, and UTF-8 with BOM and CRLF alike', () => {
    const byReport = mentionsByReport(outDir);
    expect(byReport.get('anhui-huaibei-duanyuan-2024')?.length).toBeGreaterThan(20);
    // Each copy is the same report as the original, by its town, year and every figure:
    // named so and counted once.
    for (const id of ['gb18030', 'utf16le-bom', 'utf16be-nobom', 'utf8-bom-crlf']) {
      expect(reports.get(id)?.['status'], id).toBe('duplicate');
      expect(reports.get(id)?.['message'], id).toContain('anhui-huaibei-duanyuan-2024.txt');
      // Counted once: no value of the town is the copy's.
      expect(
        tableRows(outDir, 'values').filter((v) => v['report_id'] === id),
        id,
      ).toEqual([]);
    }
    expect(reports.get('gb18030')?.['encoding']).toBe('gb18030');
    expect(reports.get('utf16le-bom')?.['encoding']).toBe('utf-16le');
    expect(reports.get('utf16be-nobom')?.['encoding']).toBe('utf-16be');
  });

  it('indexes offsets into the normalised text whatever the input encoding', () => {
    const text = publishedText(outDir, 'gb18030');
    expect(text).not.toBeNull();
    expect(text).toBe(publishedText(outDir, 'anhui-huaibei-duanyuan-2024'));
  });

  it('gives each broken file an error row and a message naming it, and keeps the rest', () => {
    expect(result.exitCode).toBe(1);
    // reports.csv's message is Chinese; the CLI prints English (and Chinese for a document's).
    const expectations: [string, RegExp, RegExp][] = [
      ['empty', /^文件是空的$/, /empty · 文件是空的/],
      ['binary', /二进制文件/, /binary.* · 是二进制文件/],
      ['english', /没有中文/, /no Chinese text.* · 按 .* 读出的文字中没有中文/],
      ['report', /不是有效的 \.docx 文件/, /not a valid \.docx file .* · 不是有效的 \.docx 文件/],
    ];
    for (const [id, message, printed] of expectations) {
      expect(reports.get(id)?.['status'], id).toBe('error');
      expect(reports.get(id)?.['message'], id).toMatch(message);
      expect(
        output.errors.some((e) => e.includes(`${id}.`) && printed.test(e)),
        id,
      ).toBe(true);
    }
    for (const id of ['tianjin-huanghuadian-2024', 'shanghai-jingan-pengpu-2023']) {
      expect(reports.get(id)?.['status']).toBe('ok');
    }
    expect(output.lines.join('\n')).toContain('4 problem(s) above; the rest was written.');
  });
});

describe('manifest', () => {
  it('overrides detected fields and says which', async () => {
    const { result, outDir } = await run({});
    expect(result.exitCode).toBe(0);
    const tianjin = readCsv(join(outDir, 'reports.csv')).find(
      (r) => r['report_id'] === 'tianjin-huanghuadian-2024',
    );
    expect(tianjin?.['county']).toBe('武清区');
    expect(tianjin?.['town']).toBe('黄花店镇');
    expect(tianjin?.['from_manifest']).toBe('county');
    // Detected, the county would be filled from the registry: the manifest's is no inference.
    expect(tianjin?.['inferred']).toBe('');
    const values = tableRows(outDir, 'values');
    expect(
      values.filter((v) => v['town'] === '紫兴街道').every((v) => v['province'] === '贵州省'),
    ).toBe(true);
  });

  it('reports a bad row with file and line, and applies the good ones', async () => {
    const root = copySamples();
    const manifest = join(root, 'reports', 'reports.csv');
    writeFileSync(
      manifest,
      'report_id,town,year\ntianjin-huanghuadian-2024,黄花店,\nno-such-report,某镇,2024\nsichuan-yanbian-hongge-2023,,23\n',
    );
    const { result, output, outDir } = await run({ inDir: join(root, 'reports') });
    expect(result.exitCode).toBe(1);
    expect(output.errors).toContainEqual(`${manifest}:3: error: unknown report "no-such-report"`);
    expect(output.errors).toContainEqual(
      `${manifest}:4: error: year: year must be a four-digit year`,
    );
    const reports = readCsv(join(outDir, 'reports.csv'));
    expect(reports.find((r) => r['report_id'] === 'tianjin-huanghuadian-2024')?.['town']).toBe(
      '黄花店',
    );
  });
});

describe('corrections', async () => {
  const root = copySamples();
  const file = join(root, 'corrections.csv');
  writeFileSync(
    file,
    [
      'report_id,indicator,value,note',
      'anhui-huaibei-duanyuan-2024,mediation.cases,610,区司法局核实为610件',
      'anhui-huaibei-duanyuan-2024,petition.visits_yoy,,同比口径不一致，删除',
      'shanghai-jingan-pengpu-2023,enforcement.cases,12,报告附表',
      'no-such-report,mediation.cases,1,',
      'anhui-huaibei-duanyuan-2024,mediation.nothing,1,',
      'anhui-huaibei-duanyuan-2024,mediation.resolved,许多,',
    ].join('\n'),
  );
  const { result, output, outDir } = await run({ inDir: join(root, 'reports') });
  const values = tableRows(outDir, 'values');
  const find = (town: string, indicator: string): Record<string, string> | undefined =>
    values.find((v) => v['town'] === town && v['indicator'] === indicator);

  it('overrides a value and marks it corrected, keeping its source span', () => {
    const row = find('段园镇', 'mediation.cases');
    expect(row).toMatchObject({ value: '610', correction: 'override' });
    expect(row?.['note']).toBe('区司法局核实为610件');
    expect(spanText(outDir, row ?? {})).toBe('调解矛盾纠纷608件');
  });

  it('deletes a value: the row stays, empty, marked deleted', () => {
    expect(find('段园镇', 'petition.visits_yoy')).toMatchObject({
      value: '',
      correction: 'delete',
    });
  });

  it('adds a value the text does not yield', () => {
    expect(find('彭浦镇', 'enforcement.cases')).toMatchObject({
      value: '12',
      correction: 'add',
      start: '',
    });
  });

  it('names the file and line of each bad correction and exits 1', () => {
    expect(result.exitCode).toBe(1);
    expect(output.errors).toEqual(
      expect.arrayContaining([
        `${file}:5: error: unknown report "no-such-report"`,
        `${file}:6: error: unknown indicator "mediation.nothing"`,
        `${file}:7: error: value "许多" is not a number`,
      ]),
    );
  });

  it('writes the corrections it applied into the data folder, which apply the same again', async () => {
    expect(readFileSync(join(outDir, 'corrections.csv'), 'utf8')).toBe(
      [
        'report_id,indicator,value,qualifier,start,end,note',
        'anhui-huaibei-duanyuan-2024,mediation.cases,610,=,,,区司法局核实为610件',
        'anhui-huaibei-duanyuan-2024,petition.visits_yoy,,,,,同比口径不一致，删除',
        'shanghai-jingan-pengpu-2023,enforcement.cases,12,=,,,报告附表',
        '',
      ].join('\n'),
    );
    const again = await run({
      inDir: join(root, 'reports'),
      corrections: join(outDir, 'corrections.csv'),
      correctionsExplicit: true,
    });
    expect(again.result.exitCode).toBe(0);
    expect(filesBelow(join(again.outDir, 'counties'))).toEqual(
      filesBelow(join(outDir, 'counties')),
    );
  });
});

describe('output folder', () => {
  it('removes texts of reports that are gone', async () => {
    const root = copySamples();
    const inDir = join(root, 'reports');
    const first = await run({ inDir });
    writeFileSync(join(first.outDir, 'texts', '7.txt'), 'x');
    await run({ inDir, outDir: first.outDir });
    expect(existsSync(join(first.outDir, 'texts', '7.txt'))).toBe(false);
    expect(readdirSync(join(first.outDir, 'texts'))).toEqual(['0.txt']);
  });

  it('with --gzip, writes beside each file a gzip copy of its very bytes where that saves a tenth', async () => {
    const inDir = join(copySamples(), 'reports');
    const { result, outDir } = await run({ inDir, quiet: true, gzip: true });
    expect(result.exitCode).toBe(0);
    const files = filesBelow(outDir);
    const copies = [...files.keys()].filter((f) => f.endsWith(GZIP_SUFFIX));
    expect(copies).toEqual(
      expect.arrayContaining(
        ['index.json', 'reports.csv', 'texts/0.txt'].map((f) => f + GZIP_SUFFIX),
      ),
    );
    expect(copies.some((f) => /^counties\/\d+\/values\.csv\.gz$/.test(f))).toBe(true);
    expect(copies.some((f) => /^indicators\/[^/]+\/\d{4}\.csv\.gz$/.test(f))).toBe(true);
    for (const [name, bytes] of files) {
      if (name.endsWith(GZIP_SUFFIX)) {
        const original = files.get(name.slice(0, -GZIP_SUFFIX.length));
        expect(original, name).toBeDefined();
        expect(gunzipSync(bytes).equals(original ?? Buffer.alloc(0)), name).toBe(true);
        expect(bytes.length, name).toBeLessThanOrEqual((original?.length ?? 0) * MAX_COPY_SHARE);
      } else if (!files.has(name + GZIP_SUFFIX)) {
        // No copy: it would not have saved a tenth.
        expect(gzipSync(bytes).length, name).toBeGreaterThan(bytes.length * MAX_COPY_SHARE);
      }
    }
  });

  it('replaces the gzip copies with the folder: a run without --gzip leaves none to be served stale', async () => {
    const inDir = join(copySamples(), 'reports');
    const first = await run({ inDir, quiet: true, gzip: true });
    const copies = (): string[] =>
      [...filesBelow(first.outDir).keys()].filter((f) => f.endsWith(GZIP_SUFFIX));
    expect(copies().length).toBeGreaterThan(0);
    const second = await run({ inDir, outDir: first.outDir, quiet: true });
    expect(second.result.exitCode).toBe(0);
    expect(copies()).toEqual([]);
  });

  it('refuses a folder holding a .gz that is no copy of a file it writes', async () => {
    const inDir = join(copySamples(), 'reports');
    const first = await run({ inDir, quiet: true, gzip: true });
    const mine = `notes.txt${GZIP_SUFFIX}`;
    writeFileSync(join(first.outDir, mine), gzipSync('mine'));
    const second = await run({ inDir, outDir: first.outDir, quiet: true, gzip: true });
    expect(second.result.exitCode).toBe(2);
    expect(second.output.errors.join('\n')).toContain(mine);
    expect(existsSync(join(first.outDir, mine))).toBe(true);
  });

  it('writes the same gzip copies on two worker threads (the built CLI) as on one', async () => {
    const inDir = join(copySamples(), 'reports');
    const one = await run({ inDir, quiet: true, gzip: true, workers: 1 });
    const parallel = tempDir('rol-gzip-2-');
    const r = runCli('--quiet', '--gzip', '--workers', '2', '--in', inDir, '--out', parallel);
    expect(r.status, r.stderr).toBe(0);
    const a = filesBelow(one.outDir);
    const b = filesBelow(parallel);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
  });
});

describe('command line', () => {
  const cli = (...args: string[]) => runCli(...args);

  it('prints help', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: npm run extract');
  });

  it.each([
    ['', PHASES.filter((p) => p !== 'gzip')],
    ['--gzip', PHASES],
  ])('writes where its time went with --stats: every phase, in seconds (%s)', (flag, phases) => {
    const inDir = join(copySamples(), 'reports');
    const out = tempDir('rol-stats-out-');
    const stats = join(tempDir('rol-stats-'), 'stats.json');
    const r = cli(
      '--in',
      inDir,
      '--out',
      out,
      '--quiet',
      '--stats',
      stats,
      ...(flag ? [flag] : []),
    );
    expect(r.status, r.stderr).toBe(0);
    const written = JSON.parse(readFileSync(stats, 'utf8')) as RunStats;
    expect(written.reports).toBe(readdirSync(inDir).filter((f) => f.endsWith('.txt')).length);
    expect(written.maxRssKb).toBeGreaterThan(10_000);
    // Processor time: some, and no more than the process's life on every core.
    const cpu = written.cpuSeconds.user + written.cpuSeconds.system;
    expect(cpu).toBeGreaterThan(0);
    expect(cpu).toBeLessThanOrEqual(written.uptimeSeconds * availableParallelism() + 0.1);
    expect(Object.keys(written.phases)).toEqual([...phases]);
    // Five reports are extracted on the main thread: no worker's time; V8's own threads
    // (its compiler) did some of the work. Per thread only where Linux tells it.
    const threads = written.cpuSeconds.threads;
    if (process.platform === 'linux') {
      expect(threads?.workers).toEqual([]);
      expect(threads?.main).toBeGreaterThan(0.05);
      expect(threads?.main).toBeLessThan(cpu);
    } else expect(threads).toBeNull();
    const sum = Object.values(written.phases).reduce((a, b) => a + b, 0);
    for (const seconds of Object.values(written.phases)) expect(seconds).toBeGreaterThan(0);
    // The phases follow one another from the run's start to its end.
    expect(sum).toBeCloseTo(written.seconds, 1);
  });

  it('exits 2 on an unknown option or a missing folder', () => {
    expect(cli('--nope').status).toBe(2);
    const missing = cli('--in', 'no/such/folder');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no/such/folder does not exist');
  });
});
