/**
 * `npm run extract` runs the bundle in dist-cli/ (scripts/cli.mjs), rebuilt
 * when a source it was made from changes: an edit to src/ must never leave the
 * CLI running old rules.
 */
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli, CLI_DIR, CLI_ENTRY } from '../../scripts/cli.mjs';
import { ROOT, runCli } from '../helpers';

describe('the built CLI', () => {
  it('is rebuilt when a source it was made from is newer, and not otherwise', async () => {
    expect(await builtCli()).toBe(CLI_ENTRY);
    const before = statSync(CLI_ENTRY).mtimeMs;
    expect(await builtCli()).toBe(CLI_ENTRY);
    expect(statSync(CLI_ENTRY).mtimeMs).toBe(before);

    const inputs = JSON.parse(readFileSync(join(CLI_DIR, 'inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('src/extract/numbers.ts');
    // A rule file edited after the build (its content as it is).
    const source = join(ROOT, 'src', 'extract', 'numbers.ts');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = new Date();
    utimesSync(source, now, now);
    await builtCli();
    expect(statSync(CLI_ENTRY).mtimeMs).toBeGreaterThan(before);
  });

  it('runs without TypeScript at run time, its worker threads included', () => {
    const bundle = readFileSync(CLI_ENTRY, 'utf8');
    expect(bundle).not.toMatch(/from ["']tsx/);
    expect(readFileSync(join(CLI_DIR, 'worker.js'), 'utf8')).not.toMatch(/from ["']tsx/);
    const help = runCli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run extract');
  });
});
