/**
 * A pack's files are read a run at a time (up to a number of bytes), then
 * extracted, then serialised (src/cli/process-file.ts): whatever the run's
 * size, every file gives the findings it gives alone, in the files' order,
 * and the pack holds the same bytes. Runs of one file, of a few, and the
 * whole pack in one, over reports of several sizes, a file that cannot be
 * decoded, an empty one, one removed after it was listed and a document of
 * a format no report has. A file swapped for a pipe after it was listed is
 * named, not waited on.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listReportFiles, type ReportFile } from '../../src/cli/files';
import { processPack, type Processed } from '../../src/cli/process-file';
import { TEXTS_FOLDER } from '../../src/extract';
import { runNode, SAMPLE_DIR, tempDir } from '../helpers';

let files: readonly ReportFile[];

beforeAll(() => {
  const dir = tempDir('rol-pack-in-');
  const sample = readFileSync(join(SAMPLE_DIR, 'shanghai-jingan-pengpu-2023.txt'));
  writeFileSync(join(dir, 'a-sample.txt'), sample);
  writeFileSync(
    join(dir, 'b-short.txt'),
    '某镇2024年法治政府建设情况报告\n全年共调解矛盾纠纷12件。\n',
  );
  writeFileSync(join(dir, 'c-broken.txt'), Buffer.from([0x00, 0x01, 0xff, 0x00]));
  writeFileSync(join(dir, 'd-empty.txt'), '');
  writeFileSync(join(dir, 'e-gone.txt'), sample);
  writeFileSync(join(dir, 'f-twice.txt'), Buffer.concat([sample, sample]));
  writeFileSync(join(dir, 'g-sheet.xlsx'), 'not a report format');
  writeFileSync(
    join(dir, 'h-last.txt'),
    '某乡2023年法治政府建设情况报告\n开展普法宣传活动8场次。\n',
  );
  files = listReportFiles(dir).files;
  // Listed, then removed: it cannot be read when its turn comes.
  rmSync(join(dir, 'e-gone.txt'));
});

/** Each file's findings as processPack gives them, in order, and the pack's bytes. */
async function packed(readAhead?: number): Promise<{ found: Processed[]; pack: Buffer }> {
  const out = tempDir('rol-pack-out-');
  mkdirSync(join(out, TEXTS_FOLDER));
  const found: Processed[] = [];
  await processPack(files, 0, out, true, (p) => void found.push(p), readAhead);
  return { found, pack: readFileSync(join(out, TEXTS_FOLDER, '0.txt')) };
}

describe('a pack read a run of files at a time', () => {
  it('gives each file what it gives alone, whatever the run', async () => {
    expect(files.map((f) => f.reportId)).toHaveLength(8);
    const whole = await packed();
    const ids = whole.found.map((p) => p.packed.summary.reportId);
    expect(ids).toEqual(files.map((f) => f.reportId));
    const statuses = whole.found.map((p) => p.packed.summary.status);
    expect(statuses.filter((s) => s === 'ok').length).toBe(4);
    // One file a run (any number of bytes is past the first), then a few.
    for (const readAhead of [1, 5_000, 30_000]) {
      const run = await packed(readAhead);
      expect(run.found).toEqual(whole.found);
      expect(run.pack.equals(whole.pack)).toBe(true);
    }
  });
});

describe('a file swapped after it was listed', () => {
  it('for a pipe is named and not waited on: the rest of the pack is read', () => {
    const dir = tempDir('rol-pack-pipe-');
    writeFileSync(join(dir, 'a-pipe.txt'), '某镇2024年法治政府建设情况报告\n');
    writeFileSync(
      join(dir, 'b-next.txt'),
      '某乡2023年法治政府建设情况报告\n开展普法宣传活动8场次。\n',
    );
    const out = tempDir('rol-pack-pipe-out-');
    mkdirSync(join(out, TEXTS_FOLDER));
    // In a process of its own: opening a pipe for reading waits for a writer,
    // which would hold this test's process rather than fail the test.
    const script = `
      import { execFileSync } from 'node:child_process';
      import { rmSync } from 'node:fs';
      import { join } from 'node:path';
      import { listReportFiles } from './src/cli/files.ts';
      import { processPack } from './src/cli/process-file.ts';
      const dir = ${JSON.stringify(dir)};
      const { files } = listReportFiles(dir);
      rmSync(join(dir, 'a-pipe.txt'));
      execFileSync('mkfifo', [join(dir, 'a-pipe.txt')]);
      const found = [];
      await processPack(files, 0, ${JSON.stringify(out)}, false, (p) => void found.push(p.packed.summary));
      console.log(JSON.stringify(found.map((s) => [s.reportId, s.status, s.error])));
    `;
    const r = runNode(['--import', 'tsx', '--input-type=module', '-e', script], 30_000);
    expect(r.status, r.stderr).toBe(0);
    const found = JSON.parse(r.stdout) as [string, string, string][];
    expect(found.map(([id, status]) => [id, status])).toEqual([
      ['a-pipe', 'error'],
      ['b-next', 'ok'],
    ]);
    expect(found[0]?.[2]).toContain('not a regular file');
  });
});
