/**
 * The CLI's whole output for the five sample reports, compared file by file,
 * byte for byte, with the copy committed in test/golden/samples/. The output
 * holds nothing time- or machine-dependent (no dates, no absolute paths: report
 * files are named relative to the working directory), so any difference is a
 * change of the pipeline's results or format.
 *
 * Only `npm run golden:update` rewrites the expected files (the same command
 * line as below); review its diff like code.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args';
import { runExtract } from '../../src/cli/run';
import { captureOutput, filesBelow, ROOT, SAMPLE_DIR, tempDir } from '../helpers';

const GOLDEN = join(import.meta.dirname, 'samples');

/**
 * The arguments of `npm run golden:update` but the output folder: with the
 * complete tables, whose diffs are the easiest to review (without them the
 * other files are the same, test/integration/pipeline.test.ts).
 */
const ARGS = ['--quiet', '--tables', '--in', relative(ROOT, SAMPLE_DIR)];

/** The first line where two texts differ, for a readable failure. */
function firstDifference(expected: string, actual: string): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) return `line ${i + 1}:\n  expected ${e[i]}\n  actual   ${a[i]}`;
  }
  return 'same lines (line endings or encoding differ)';
}

describe('golden output of the sample reports', async () => {
  const outDir = join(tempDir('rol-golden-'), 'data');
  const parsed = parseCliArgs([...ARGS, '--out', outDir]);
  if (!parsed.ok) throw new Error(parsed.reason);
  // Report files are named relative to the project folder, where npm runs the CLI.
  const result = await runExtract({ ...parsed.data, displayRoot: ROOT }, captureOutput());
  const actual = filesBelow(outDir);
  const expected = filesBelow(GOLDEN);

  it('runs cleanly', () => {
    expect(result.exitCode).toBe(0);
  });

  it('writes exactly the committed files', () => {
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  });

  it.each([...expected.keys()].sort())('%s is byte for byte the committed one', (path) => {
    const want = expected.get(path);
    const got = actual.get(path);
    expect(got, `${path} not written`).toBeDefined();
    if (want === undefined || got === undefined) return;
    if (!got.equals(want)) {
      expect.fail(
        `${path} differs, ${firstDifference(want.toString('utf8'), got.toString('utf8'))}`,
      );
    }
  });
});
