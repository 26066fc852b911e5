/**
 * `--in <file>.zip`: a publish package from the dashboard's importer (see
 * src/dataset/import/publish.ts) read as it is. It is laid out like the
 * project: its data/ (reports/ with the texts and the reports.csv manifest,
 * corrections.csv) is unpacked into a temporary folder and read by the usual
 * defaults, with file names given relative to the package as they are
 * relative to the project in a normal run. Its public/data/ (what the
 * browser built) is not read.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { fail, ok, type Result } from '../extract/result';
import type { CliOptions } from './args';

/** Entries read from a package. */
const INPUT = /^data\/(reports\/[^/\\]+\.(txt|csv)|corrections\.csv)$/;
/** Entries a package may hold besides; anything else (a path going up, say) is refused. */
const OTHER = /^(README\.txt|public\/data\/([\w.-]+\/)*[^/\\]+)$/;

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
  const refused = names.filter((n) => !INPUT.test(n) && !(OTHER.test(n) && !n.includes('..')));
  if (refused.length > 0) {
    return fail(`${options.inDir}: unexpected entries ${refused.slice(0, 5).join(', ')}`);
  }
  const inputs = names.filter((n) => INPUT.test(n));
  if (!inputs.some((n) => n.endsWith('.txt'))) {
    return fail(`${options.inDir} holds no data/reports/*.txt`);
  }
  const root = mkdtempSync(join(tmpdir(), 'rol-package-'));
  for (const name of inputs) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entries[name] ?? new Uint8Array());
  }
  return ok({ ...options, inDir: join(root, 'data', 'reports'), displayRoot: root });
}
