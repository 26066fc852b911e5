/**
 * Vitest global setup: every temporary folder the tests make (built sites,
 * extracted data, packages, corpora; Chromium's profiles) goes under one
 * folder for the run, removed when the run ends — a test run leaves nothing
 * in the system's temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env['TMPDIR'];
  const root = mkdtempSync(join(tmpdir(), 'rol-test-run-'));
  // os.tmpdir() reads TMPDIR on each call, here and in the test workers.
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
