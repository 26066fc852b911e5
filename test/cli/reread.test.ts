/**
 * A report whose values its thread resolved alone keeps no mentions in the
 * spill (src/cli/spill.ts): when its town and year turns out to have another
 * report, its mentions are read off its published text again
 * (src/cli/write-data.ts). Whatever the report was read from — Word 97,
 * .docx, a saved web page, UTF-16, GBK, a BOM and CRLF line ends — they
 * must be the mentions its thread found: the same data folder as a run with
 * the complete tables, which keeps every report's mentions in the spill.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureOutput, filesBelow, options, ROOT, runCli, tempDir } from '../helpers';
import { runExtract } from '../../src/cli/run';
import { docxOf } from '../importer/docx';
import { gbkBytes, portalPage } from '../importer/portal-page';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const real = (id: string): string =>
  readFileSync(join(FIXTURES, 'real', 'docs', `${id}.txt`), 'utf8');
const BOM = '\uFEFF';

/** A different real report in each kind of file the CLI reads, under its id. */
const FILES: readonly (readonly [string, () => Uint8Array | string])[] = [
  ['kaiyang.doc', () => readFileSync(join(FIXTURES, 'word97', 'guizhou-kaiyang-zixing-2021.doc'))],
  ['hongge.doc', () => readFileSync(join(FIXTURES, 'word97', 'sichuan-yanbian-hongge-2023.doc'))],
  ['d101.docx', () => docxOf(real('d101'))],
  ['d102.txt', () => `${BOM}${real('d102').replace(/\n/g, '\r\n')}`],
  ['d103.txt', () => Buffer.from(`${BOM}${real('d103')}`, 'utf16le')],
  ['d104.txt', () => gbkBytes(real('d104'))],
  ['d105.html', () => portalPage(real('d105'))],
  ['d106.html', () => portalPage(real('d106'), { charset: 'gbk' })],
  ['d107.txt', () => real('d107')],
  ['d112.txt', () => real('d112')],
];

let inDir: string;

beforeAll(() => {
  inDir = join(tempDir('rol-reread-'), 'reports');
  mkdirSync(inDir);
  for (const [name, bytes] of FILES) writeFileSync(join(inDir, name), bytes());
  // Two reports to each town and year: every report is resolved with another.
  const ids = FILES.map(([name]) => name.replace(/\.[^.]+$/, ''));
  writeFileSync(
    join(inDir, 'reports.csv'),
    [
      'report_id,town,county,city,province,year,published',
      ...ids.map((id, i) => `${id},第${Math.floor(i / 2) + 1}镇,某县,某市,某省,2023,`),
      '',
    ].join('\n'),
  );
});

describe('mentions read again off a report’s text', () => {
  it('are those its thread found, from every kind of file, on one thread and on two', async () => {
    const once = tempDir('rol-reread-once-');
    const result = await runExtract(options({ inDir, outDir: once, quiet: true }), captureOutput());
    expect(result.exitCode).toBe(0);
    // Every town and year resolved at the end, its reports' mentions read again.
    expect(result.written?.groups).toEqual({ alone: 0, resolved: FILES.length / 2 });
    const rows = result.written?.reports ?? [];
    // Each counted (a warning is a note on a report that is counted).
    expect(rows.filter((r) => r.status !== 'ok' && r.status !== 'warning')).toEqual([]);
    expect(rows.map((r) => r.format).sort()).toEqual([
      'doc',
      'doc',
      'docx',
      'html',
      'html',
      'txt',
      'txt',
      'txt',
      'txt',
      'txt',
    ]);
    // Each with figures to read again.
    expect(rows.filter((r) => r.mentions === 0)).toEqual([]);
    expect(rows.reduce((sum, r) => sum + r.mentions, 0)).toBeGreaterThan(30);

    // With the complete tables every report's mentions wait in the spill.
    const kept = tempDir('rol-reread-kept-');
    const tables = runCli('--quiet', '--tables', '--in', inDir, '--out', kept);
    expect(tables.status, tables.stderr).toBe(0);
    const parallel = tempDir('rol-reread-two-');
    const two = runCli('--quiet', '--workers', '2', '--in', inDir, '--out', parallel);
    expect(two.status, two.stderr).toBe(0);

    const reread = filesBelow(once);
    const spilled = filesBelow(kept);
    for (const [path, bytes] of reread) {
      expect(spilled.get(path)?.equals(bytes), path).toBe(true);
      expect(filesBelow(parallel).get(path)?.equals(bytes), path).toBe(true);
    }
  });
});
