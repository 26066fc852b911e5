/**
 * Hostile publish packages (`npm run extract -- --in package.zip`): each is
 * refused with a message naming the package and the entry, before anything
 * is written, and leaves no temporary folder behind. Hostile zips of reports
 * (no data/reports/ in them): a path going up or a bomb refuses the zip, an
 * entry larger than any report is named and left while the rest is read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PACKAGE_BYTES, MAX_REPORT_BYTES } from '../../src/extract/limits';
import { captureOutput, options, readCsv, SAMPLE_DIR, tableRows, tempDir } from '../helpers';
import { runExtract } from '../../src/cli/run';
import { craftZip, type CraftedEntry } from './zip-writer';

const SAMPLE = 'sichuan-yanbian-hongge-2023';

/** The sample reports as a package's entries, the one above stored (not deflated). */
function sampleEntries(): CraftedEntry[] {
  return readdirSync(SAMPLE_DIR)
    .sort()
    .map((name) => ({
      name: `data/reports/${name}`,
      content: readFileSync(join(SAMPLE_DIR, name)),
      store: name === `${SAMPLE}.txt`,
    }));
}

let dir = '';

async function extract(
  entries: readonly CraftedEntry[] | Uint8Array,
  outDir = join(dir, `out-${readdirSync(dir).length}`),
) {
  const zip = join(dir, `package-${readdirSync(dir).length}.zip`);
  writeFileSync(zip, entries instanceof Uint8Array ? entries : craftZip(entries));
  const output = captureOutput();
  const result = await runExtract(options({ inDir: zip, outDir, quiet: true }), output);
  return { result, output, outDir, zip, error: output.errors.join('\n') };
}

/** Folders a run left beside its output: an unpacked package, a staging folder. */
const unpackedLeft = (): string[] => readdirSync(dir).filter((n) => n.startsWith('.'));

beforeAll(() => {
  dir = tempDir('rol-packages-');
});

describe('a publish package', () => {
  it('is read when it is whole (the crafted zips below differ from it in one thing)', async () => {
    const { result, outDir, error } = await extract(sampleEntries());
    expect(error).toBe('');
    expect(result.exitCode).toBe(0);
    const hongge = tableRows(outDir, 'values').find(
      (v) => v['report_id'] === SAMPLE && v['indicator'] === 'mediation.cases',
    );
    expect(hongge?.['value']).toBe('208');
    expect(unpackedLeft()).toEqual([]);
  });

  it('is refused when one byte of a report changed (CRC): 208 does not become 908', async () => {
    const entries = sampleEntries().map((e) => {
      if (e.name !== `data/reports/${SAMPLE}.txt`) return e;
      const text = Buffer.from(e.content).toString('utf8');
      const at = Buffer.byteLength(text.slice(0, text.indexOf('208件')));
      const flipped = Buffer.from(e.content);
      flipped[at] = '9'.charCodeAt(0);
      // The CRC of the original, the bytes of the changed copy: damage in transit.
      return { ...e, content: e.content, data: flipped };
    });
    const { result, outDir, zip, error } = await extract(entries);
    expect(result.exitCode).toBe(2);
    expect(error).toContain(
      `${zip}: data/reports/${SAMPLE}.txt is damaged (its CRC does not match)`,
    );
    expect(existsSync(outDir)).toBe(false);
    expect(unpackedLeft()).toEqual([]);
  });

  it('is refused when it names an entry twice', async () => {
    const entries = sampleEntries();
    const twice = [...entries, { name: `data/reports/${SAMPLE}.txt`, content: new Uint8Array(1) }];
    const { result, zip, error } = await extract(twice);
    expect(result.exitCode).toBe(2);
    expect(error).toContain(`${zip} holds data/reports/${SAMPLE}.txt twice`);
    expect(unpackedLeft()).toEqual([]);
  });

  it('is refused, before inflating anything, when an entry is larger than any report', async () => {
    const bomb = new Uint8Array(MAX_REPORT_BYTES + 1024 * 1024);
    const { result, zip, error } = await extract([
      ...sampleEntries(),
      { name: 'data/reports/bomb.txt', content: bomb },
    ]);
    expect(result.exitCode).toBe(2);
    expect(error).toContain(`${zip}: data/reports/bomb.txt inflates to 51 MB`);
    expect(unpackedLeft()).toEqual([]);
  });

  it('is refused when an entry inflates to more than it declares', async () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x41);
    const { result, zip, error } = await extract([
      ...sampleEntries(),
      { name: 'data/reports/liar.txt', content: big, declaredSize: 1000 },
    ]);
    expect(result.exitCode).toBe(2);
    expect(error).toContain(`${zip}: data/reports/liar.txt cannot be inflated (too many bytes`);
    expect(unpackedLeft()).toEqual([]);
  });

  it('is refused, before inflating anything, when its reports together are too large', async () => {
    const small = deflateRawSync(Buffer.from('x'));
    const count = Math.floor(MAX_PACKAGE_BYTES / MAX_REPORT_BYTES) + 1;
    const { result, zip, error } = await extract([
      ...sampleEntries(),
      ...Array.from({ length: count }, (_, i) => ({
        name: `data/reports/part-${i}.txt`,
        content: new Uint8Array(0),
        data: small,
        declaredSize: MAX_REPORT_BYTES,
      })),
    ]);
    expect(result.exitCode).toBe(2);
    expect(error).toMatch(
      new RegExp(`${zip}: its reports inflate to \\d+ MB, more than a package holds`),
    );
    expect(unpackedLeft()).toEqual([]);
  });

  it('is refused when it holds a path going up or an unexpected file', async () => {
    const { result, error } = await extract([
      ...sampleEntries(),
      { name: 'data/reports/../../../evil.txt', content: new Uint8Array(1) },
    ]);
    expect(result.exitCode).toBe(2);
    expect(error).toContain('invalid relative path: data/reports/../../../evil.txt');
    const other = await extract([
      ...sampleEntries(),
      { name: 'run.sh', content: new Uint8Array(1) },
    ]);
    expect(other.result.exitCode).toBe(2);
    expect(other.error).toContain(`${other.zip}: unexpected entries run.sh`);
    expect(unpackedLeft()).toEqual([]);
  });

  it('with a hidden report name is an error: the importer never writes one', async () => {
    const { result, error } = await extract([
      ...sampleEntries(),
      {
        name: 'data/reports/.hidden.txt',
        content: readFileSync(join(SAMPLE_DIR, `${SAMPLE}.txt`)),
      },
    ]);
    expect(result.exitCode).toBe(1);
    expect(error).toMatch(/\.hidden\.txt: error: not read: hidden name/);
  });

  it('that a killed run unpacked is removed by the next run', async () => {
    // The pid of a process that has ended: its folder is a dead run's.
    const ended = spawnSync(process.execPath, ['-e', 'process.pid'], { encoding: 'utf8' }).pid;
    const left = join(dir, `.killed.package-${ended}-abcdef`);
    mkdirSync(join(left, 'data', 'reports'), { recursive: true });
    const { result } = await extract(sampleEntries(), join(dir, 'killed'));
    expect(result.exitCode).toBe(0);
    expect(existsSync(left)).toBe(false);
    expect(unpackedLeft()).toEqual([]);
  });
});

/** The sample reports as a town's zip: loose in its root. */
const looseEntries = (): CraftedEntry[] =>
  sampleEntries().map((e) => ({ ...e, name: e.name.replace('data/reports/', '') }));

describe('a zip of reports', () => {
  it('is read: every report in it, named by the zip and its path', async () => {
    const { result, outDir, zip, error } = await extract(looseEntries());
    expect(error).toBe('');
    expect(result.exitCode).toBe(0);
    const reports = readCsv(join(outDir, 'reports.csv'));
    expect(reports).toHaveLength(5);
    const name = zip.slice(zip.lastIndexOf('/') + 1);
    expect(reports.find((r) => r['report_id'] === SAMPLE)?.['file']).toBe(`${name}/${SAMPLE}.txt`);
    expect(unpackedLeft()).toEqual([]);
  });

  it('is refused, before anything is written, when a name goes up a folder', async () => {
    const { result, outDir, error } = await extract([
      ...looseEntries(),
      { name: '../../evil.txt', content: new Uint8Array(1) },
    ]);
    expect(result.exitCode).toBe(2);
    expect(error).toContain('invalid relative path: ../../evil.txt');
    expect(existsSync(outDir)).toBe(false);
    expect(unpackedLeft()).toEqual([]);
  });

  it('names an entry larger than any report, never inflates it, and reads the rest', async () => {
    const { result, outDir, zip, error } = await extract([
      ...looseEntries(),
      { name: '全年汇编.txt', content: new Uint8Array(MAX_REPORT_BYTES + 1024 * 1024) },
    ]);
    expect(result.exitCode).toBe(1);
    const name = zip.slice(zip.lastIndexOf('/') + 1);
    expect(error).toContain(`${name}/全年汇编.txt: error: not read: it inflates to 51 MB`);
    expect(readCsv(join(outDir, 'reports.csv'))).toHaveLength(5);
    expect(unpackedLeft()).toEqual([]);
  });

  it('is refused when an entry inflates to more than it declares (a bomb)', async () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x41);
    const { result, error } = await extract([
      ...looseEntries(),
      { name: 'liar.txt', content: big, declaredSize: 1000 },
    ]);
    expect(result.exitCode).toBe(2);
    expect(error).toContain('liar.txt cannot be inflated (too many bytes');
    expect(unpackedLeft()).toEqual([]);
  });
});
