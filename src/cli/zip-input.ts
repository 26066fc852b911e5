/**
 * `--in <file>.zip`: a publish package from the dashboard's importer (see
 * src/dataset/import/publish.ts) read as it is. Its reports/ folder (texts
 * and the reports.csv manifest) and its corrections.csv are unpacked into a
 * temporary folder laid out as data/ is, so the run reads them by the usual
 * defaults.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { fail, ok, type Result } from '../extract/result';
import type { CliOptions } from './args';

/** Entries a package may hold; anything else (a path going up, say) is refused. */
const ENTRY = /^(reports\/[^/\\]+\.(txt|csv)|corrections\.csv|README\.txt)$/;

export function openInput(options: CliOptions): Result<CliOptions> {
  if (!options.inDir.toLowerCase().endsWith('.zip')) return ok(options);
  let entries: Record<string, Uint8Array>;
  try {
    if (!statSync(options.inDir).isFile()) return fail(`${options.inDir} is not a file`);
    entries = unzipSync(new Uint8Array(readFileSync(options.inDir)));
  } catch (error) {
    return fail(
      `${options.inDir} could not be read as a zip (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const refused = names.filter((n) => !ENTRY.test(n));
  if (refused.length > 0) {
    return fail(`${options.inDir}: unexpected entries ${refused.slice(0, 5).join(', ')}`);
  }
  if (!names.some((n) => n.startsWith('reports/') && n.endsWith('.txt'))) {
    return fail(`${options.inDir} holds no reports/*.txt`);
  }
  const root = mkdtempSync(join(tmpdir(), 'rol-package-'));
  for (const name of names) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entries[name] ?? new Uint8Array());
  }
  return ok({ ...options, inDir: join(root, 'reports') });
}
