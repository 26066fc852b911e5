/**
 * The output folder: whole or untouched whatever stops a run, and never a
 * folder holding anything the tool did not write.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY } from '../../scripts/cli.mjs';
import { commitOutput, prepareOutput } from '../../src/cli/out-folder';
import { isLayoutPath } from '../../src/extract';
import { copySamples, filesBelow, genProvince, ROOT, run, tempDir } from '../helpers';

/** Every file below `dir` with a hash of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const [path, bytes] of filesBelow(dir)) {
    hashes.set(path, createHash('sha1').update(bytes).digest('hex'));
  }
  return hashes;
}

/** What runs left beside `target`: staging folders and previous outputs. */
const leftovers = (target: string): string[] =>
  readdirSync(dirname(target)).filter((n) => n.startsWith(`.${basename(target)}.`));

interface Child {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** The CLI as a separate process; `killAfter` ms kills it with SIGKILL (or `signal`). */
function extractProcess(
  args: readonly string[],
  {
    env = {},
    killAfter,
    signal = 'SIGKILL',
  }: { env?: Record<string, string>; killAfter?: number; signal?: NodeJS.Signals } = {},
): Promise<Child> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (killAfter !== undefined) setTimeout(() => child.kill(signal), killAfter);
    child.on('exit', (code, sig) => resolve({ code, signal: sig, stderr }));
  });
}

describe('an interrupted run over an existing output', () => {
  let corpus = '';
  let target = '';
  let pristine = '';
  let old = new Map<string, string>();
  let next = new Map<string, string>();
  /** How long a whole run of the CLI takes here, start-up included. */
  let duration = 0;

  /** The live folder back to the first run's output, nothing beside it. */
  const restoreOld = (): void => {
    rmSync(target, { recursive: true, force: true });
    for (const name of leftovers(target)) rmSync(join(dirname(target), name), { recursive: true });
    cpSync(pristine, target, { recursive: true });
  };
  const same = (a: Map<string, string>, b: Map<string, string>): boolean =>
    JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

  beforeAll(async () => {
    // A province of 300 reports, then the same with the sample reports added:
    // the second run's output differs from the first's in every table.
    corpus = genProvince(150, 10, 2);
    target = join(tempDir('rol-live-'), 'data');
    const first = await run({ inDir: corpus, outDir: target, quiet: true });
    expect(first.result.exitCode).toBe(0);
    old = snapshot(target);
    pristine = join(tempDir('rol-pristine-'), 'data');
    cpSync(target, pristine, { recursive: true });
    cpSync(join(copySamples(), 'reports'), join(corpus, 'samples'), { recursive: true });
    rmSync(join(corpus, 'samples', 'reports.csv'));
    // The new output, by the CLI as a process: how long a whole run takes here.
    const reference = join(tempDir('rol-next-'), 'data');
    const started = performance.now();
    const whole = await extractProcess(['--in', corpus, '--out', reference, '--quiet']);
    duration = performance.now() - started;
    expect(whole.code).toBe(0);
    next = snapshot(reference);
    expect(same(next, old)).toBe(false);
  }, 300_000);

  const args = (workers = 2, ...more: string[]): string[] => [
    ...['--in', corpus, '--out', target, '--quiet', '--workers', String(workers)],
    ...more,
  ];

  it.each([
    ['texts-written', []],
    ['layout-half', []],
    // Half the gzip copies made: the staging folder holds copies too.
    ['gzip-half', ['--gzip']],
    ['before-swap', []],
  ])(
    'killed at %s, leaves the previous output byte for byte; the next run removes what it left',
    async (point, more) => {
      restoreOld();
      const child = await extractProcess(args(2, ...more), { env: { EXTRACT_FAILPOINT: point } });
      expect(child.signal).toBe('SIGKILL');
      expect(same(snapshot(target), old)).toBe(true);
      expect(leftovers(target)).toHaveLength(1);
      // Its staging folder holds the run's spill of findings too: still the tool's own.
      const prepared = prepareOutput(target, []);
      expect(prepared.ok).toBe(true);
      if (!prepared.ok) return;
      expect(prepared.data.notes.map((n) => n.message)).toEqual([
        'removed what an earlier run left when it stopped',
      ]);
      rmSync(prepared.data.staging, { recursive: true });
      expect(leftovers(target)).toEqual([]);
    },
    60_000,
  );

  it('killed between the two renames, the next run puts the previous output back', async () => {
    restoreOld();
    const child = await extractProcess(args(), { env: { EXTRACT_FAILPOINT: 'between-renames' } });
    expect(child.signal).toBe('SIGKILL');
    expect(existsSync(target)).toBe(false);
    const prepared = prepareOutput(target, []);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.data.notes.map((n) => n.message).join('\n')).toContain(
      'its previous content was put back',
    );
    rmSync(prepared.data.staging, { recursive: true });
    expect(same(snapshot(target), old)).toBe(true);
    expect(leftovers(target)).toEqual([]);
  }, 60_000);

  it('killed after the swap, the new output is whole and the next run removes the old', async () => {
    restoreOld();
    const child = await extractProcess(args(), { env: { EXTRACT_FAILPOINT: 'after-swap' } });
    expect(child.signal).toBe('SIGKILL');
    expect(same(snapshot(target), next)).toBe(true);
    expect(leftovers(target)).toHaveLength(1);
    const again = await extractProcess(args());
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('removed what an earlier run left when it stopped');
    expect(leftovers(target)).toEqual([]);
  }, 60_000);

  it.each([2, 1])(
    'stopped with Ctrl+C just after the swap (%i workers), has finished: the new output, exit 0',
    async (workers) => {
      restoreOld();
      // The signal comes as the new output is in place, before the old one is removed.
      const child = await extractProcess(args(workers), {
        env: { EXTRACT_FAILPOINT: 'after-swap:SIGINT' },
      });
      expect(child.code, child.stderr).toBe(0);
      expect(same(snapshot(target), next)).toBe(true);
      expect(leftovers(target)).toEqual([]);
    },
    60_000,
  );

  it.each([2, 1])(
    'stopped with Ctrl+C as the first chart is drawn (%i workers), does not swap: the old output, exit 130',
    async (workers) => {
      // The last step before the swap, on a run small enough that writing its files
      // never stops for a checkpoint: the run resumes from a write when the signal
      // comes, and the checkpoint before the swap must still see it.
      const root = copySamples();
      const inDir = join(root, 'reports');
      const live = join(root, 'data');
      expect((await run({ inDir, outDir: live, quiet: true })).result.exitCode).toBe(0);
      const before = snapshot(live);
      // With the complete tables: an output that differs from the one in place.
      const child = await extractProcess(
        ['--in', inDir, '--out', live, '--quiet', '--tables', '--workers', String(workers)],
        { env: { EXTRACT_FAILPOINT: 'first-chart:SIGINT' } },
      );
      expect(child.code, child.stderr).toBe(130);
      expect(same(snapshot(live), before)).toBe(true);
      expect(leftovers(live)).toEqual([]);
    },
    60_000,
  );

  it('killed at moments spread over the run, leaves the old output or the new, whole', async () => {
    const seen: string[] = [];
    for (const fraction of [0.3, 0.6, 0.8, 0.95]) {
      restoreOld();
      await extractProcess(args(), { killAfter: duration * fraction });
      const now = snapshot(target);
      const state = same(now, old) ? 'old' : same(now, next) ? 'new' : 'mixed';
      seen.push(state);
      expect(state, `killed after ${Math.round(duration * fraction)} ms`).not.toBe('mixed');
    }
    // The kills fell inside the run (on a very slow machine some may come after it).
    expect(seen).toContain('old');
  }, 300_000);

  it.each([2, 1])(
    'stopped with Ctrl+C (%i workers), removes what it wrote and leaves the previous output',
    async (workers) => {
      // At several moments: the workers may be writing into the folder it removes,
      // and on one thread the run must still notice the signal between files.
      const outcomes: string[] = [];
      for (const fraction of [0.35, 0.55, 0.75]) {
        restoreOld();
        const child = await extractProcess(args(workers), {
          killAfter: duration * fraction,
          signal: 'SIGINT',
        });
        const now = snapshot(target);
        if (child.code === 0) {
          expect(same(now, next)).toBe(true); // the run had finished
          outcomes.push('finished');
        } else {
          // Stopped by the run's handler (exit 130), or ended by the signal itself before
          // the CLI's code had loaded: never after the swap (the CLI ends with process.exit,
          // its handler installed to the last).
          expect(child.code === 130 || child.signal === 'SIGINT', child.stderr).toBe(true);
          expect(same(now, old)).toBe(true);
          outcomes.push('stopped');
        }
        expect(leftovers(target)).toEqual([]);
      }
      expect(outcomes).toContain('stopped');
    },
    180_000,
  );
});

describe('an output folder the tool does not own', () => {
  it.each([
    ['is the input', (root: string) => join(root, 'reports')],
    ['holds the input', (root: string) => root],
    ['is inside the input', (root: string) => join(root, 'reports', 'out')],
  ])('is refused when it %s, and nothing is touched', async (_, outOf) => {
    const root = copySamples();
    const before = snapshot(root);
    const outDir = outOf(root);
    const { result, output } = await run({ inDir: join(root, 'reports'), outDir });
    expect(result.exitCode).toBe(2);
    expect(output.errors.join('\n')).toMatch(/--out .* (is|holds|is inside) the input/);
    expect(snapshot(root)).toEqual(before);
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('is refused when it holds the manifest or the corrections file', async () => {
    const root = copySamples();
    const elsewhere = tempDir('rol-admin-');
    writeFileSync(join(elsewhere, 'corrections.csv'), 'report_id,indicator,value\n');
    const manifest = join(elsewhere, 'manifest.csv');
    writeFileSync(manifest, 'report_id,town\n');
    const before = snapshot(elsewhere);
    const inDir = join(root, 'reports');
    const corrections = join(elsewhere, 'corrections.csv');
    const a = await run({ inDir, outDir: elsewhere, corrections, correctionsExplicit: true });
    expect(a.result.exitCode).toBe(2);
    expect(a.output.errors.join('\n')).toContain('holds the corrections file');
    const b = await run({ inDir, outDir: elsewhere, manifest });
    expect(b.result.exitCode).toBe(2);
    expect(b.output.errors.join('\n')).toContain('holds the manifest');
    expect(snapshot(elsewhere)).toEqual(before);
  });

  it('is refused when it is not empty and no output of this tool', async () => {
    const outDir = tempDir('rol-someones-');
    writeFileSync(join(outDir, 'notes.docx'), 'mine');
    mkdirSync(join(outDir, 'texts'));
    writeFileSync(join(outDir, 'texts', 'draft.txt'), 'mine too');
    const { result, output } = await run({ outDir });
    expect(result.exitCode).toBe(2);
    expect(output.errors.join('\n')).toContain(
      'is not empty and is not a data folder this tool wrote',
    );
    expect(readFileSync(join(outDir, 'texts', 'draft.txt'), 'utf8')).toBe('mine too');
    expect(readdirSync(outDir).sort()).toEqual(['notes.docx', 'texts']);
  });

  it('is refused when an output of this tool holds files it did not write, and they stay', async () => {
    const { outDir } = await run({ quiet: true });
    writeFileSync(join(outDir, 'web.config'), '<configuration/>');
    mkdirSync(join(outDir, 'indicators', 'notes'));
    writeFileSync(join(outDir, 'indicators', 'notes', 'todo.md'), 'x');
    symlinkSync('/etc/hostname', join(outDir, 'counties', 'link'));
    const before = snapshot(outDir);
    const { result, output } = await run({ outDir, quiet: true });
    expect(result.exitCode).toBe(2);
    expect(output.errors.join('\n')).toContain(
      'holds files this tool did not write (counties/link, indicators/notes/todo.md, web.config)',
    );
    expect(snapshot(outDir)).toEqual(before);
  });

  it('is refused before any work when it cannot be written', async () => {
    const file = join(tempDir('rol-blocked-'), 'a-file');
    writeFileSync(file, '');
    const { result, output } = await run({ outDir: join(file, 'data'), quiet: true });
    expect(result.exitCode).toBe(2);
    expect(output.errors.join('\n')).toMatch(
      /cannot write in .*a-file, the folder that holds --out \((EEXIST|ENOTDIR)/,
    );
  });

  it('is refused when it is a link to nothing', async () => {
    const dir = tempDir('rol-dangling-');
    symlinkSync(join(dir, 'gone'), join(dir, 'data'));
    const { result, output } = await run({ outDir: join(dir, 'data'), quiet: true });
    expect(result.exitCode).toBe(2);
    expect(output.errors.join('\n')).toContain('is a link to something that does not exist');
  });

  it('keeps a file that appears in it while the run works, and the previous output with it', async () => {
    const { outDir } = await run({ quiet: true });
    const before = snapshot(outDir);
    const prepared = prepareOutput(outDir, []);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    writeFileSync(join(prepared.data.staging, 'index.json'), '{"format":2}');
    writeFileSync(join(outDir, 'web.config'), '<configuration/>');
    const committed = commitOutput(prepared.data);
    expect(committed.ok).toBe(false);
    if (!committed.ok) expect(committed.reason).toContain('appeared in');
    expect(snapshot(outDir)).toEqual(new Map([...before, ['web.config', expect.any(String)]]));
    rmSync(prepared.data.staging, { recursive: true });
  });

  it('keeps a file named like a temporary one that the tool did not write', async () => {
    const { outDir } = await run({ quiet: true });
    writeFileSync(join(outDir, 'backup-2024.12.tmp'), 'mine');
    const { result, output } = await run({ outDir, quiet: true });
    expect(result.exitCode).toBe(2);
    expect(output.errors.join('\n')).toContain('backup-2024.12.tmp');
    expect(readFileSync(join(outDir, 'backup-2024.12.tmp'), 'utf8')).toBe('mine');
  });

  it('serves as the old one did: the folder keeps its mode, a new one takes the umask', async () => {
    const fresh = join(tempDir('rol-mode-'), 'data');
    await run({ outDir: fresh, quiet: true });
    const made = join(tempDir('rol-mode-'), 'plain');
    mkdirSync(made);
    expect(statSync(fresh).mode & 0o777).toBe(statSync(made).mode & 0o777);
    chmodSync(fresh, 0o750);
    await run({ outDir: fresh, quiet: true });
    expect(statSync(fresh).mode & 0o777).toBe(0o750);
  });

  it('tells its own files by their shape: every file a run writes, and nothing else', async () => {
    const { outDir } = await run({ inDir: genProvince(30, 3, 2), quiet: true });
    const written = [...filesBelow(outDir).keys()].map((f) => f.split(sep).join('/'));
    expect(written.length).toBeGreaterThan(100);
    expect(written.filter((f) => !isLayoutPath(f))).toEqual([]);
    const others = [
      'web.config',
      'texts/a.md',
      'indicators/notes/todo.md',
      'counties/x/values.csv',
    ];
    expect(others.filter(isLayoutPath)).toEqual([]);
  });

  it('that is empty or new is written, and one this tool wrote is replaced whole', async () => {
    const empty = tempDir('rol-empty-');
    const first = await run({ outDir: empty, quiet: true });
    expect(first.result.exitCode).toBe(0);
    const written = snapshot(empty);
    const again = await run({ outDir: empty, quiet: true });
    expect(again.result.exitCode).toBe(0);
    expect(snapshot(empty)).toEqual(written);
    expect(leftovers(empty)).toEqual([]);
  });

  it('replaced, loses a link in the place of a text, never what the link points to', async () => {
    const { outDir } = await run({ quiet: true });
    const elsewhere = tempDir('rol-linked-');
    writeFileSync(join(elsewhere, 'kept.txt'), 'not the tool’s');
    // A link to a file, and one to a folder that a walk following links would empty.
    symlinkSync(join(elsewhere, 'kept.txt'), join(outDir, 'texts', 'linked-file.txt'));
    symlinkSync(elsewhere, join(outDir, 'texts', 'linked-folder.txt'));
    const again = await run({ outDir, quiet: true });
    expect(again.result.exitCode).toBe(0);
    expect(readdirSync(elsewhere)).toEqual(['kept.txt']);
    expect(readFileSync(join(elsewhere, 'kept.txt'), 'utf8')).toBe('not the tool’s');
    expect(leftovers(outDir)).toEqual([]);
  });

  it('removes a dead run’s leftover that is a link, never the data folder it points to', async () => {
    const { outDir } = await run({ quiet: true });
    // Another data folder, every file of it named as the tool names its own.
    const { outDir: other } = await run({ quiet: true });
    const before = snapshot(other);
    const sibling = (kind: string): string =>
      join(dirname(outDir), `.${basename(outDir)}.${kind}-999999-deadbeef`);
    symlinkSync(other, sibling('previous'));
    symlinkSync(join(other, 'no-such-folder'), sibling('partial'));
    const said = (r: Awaited<ReturnType<typeof run>>): string =>
      [...r.output.lines, ...r.output.errors].join('\n');
    const again = await run({ outDir });
    expect(again.result.exitCode).toBe(0);
    expect(said(again).match(/removed what an earlier run left/g)).toHaveLength(2);
    expect(snapshot(other)).toEqual(before);
    expect(leftovers(outDir)).toEqual([]);
    // Removed, so the next run has nothing to say about them.
    expect(said(await run({ outDir }))).not.toContain('an earlier run');
  });
});
