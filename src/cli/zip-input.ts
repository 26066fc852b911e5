/**
 * `--in <file>.zip`: a publish package from the dashboard's importer (see
 * src/importer/publish.ts) read as it is. It is laid out like the
 * project: its data/ (reports/ with the texts and the reports.csv manifest,
 * corrections.csv) is unpacked into a folder beside the output
 * (`.<name>.package-<pid>-…`, see out-folder.ts) and read by the usual
 * defaults, with file names given relative to the package as they are
 * relative to the project in a normal run. Its public/data/ (what the
 * browser built) is not read.
 *
 * A package is untrusted: its central directory is read first (yauzl) and
 * the whole package refused before anything is inflated if an entry is
 * unexpected, named twice, encrypted or too large, or the total is; then
 * the entries it reads are inflated one by one, each held to its declared
 * size and its CRC checked. The unpacked folder is removed on every way out
 * (see cleanup.ts); one left by a killed run is removed by the next.
 */
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { MAX_PACKAGE_BYTES, MAX_PACKAGE_ENTRIES, MAX_REPORT_BYTES } from '../extract/limits';
import { fail, ok, type Result } from '../extract/result';
import type { CliOptions } from './args';
import { removeOnExit } from './cleanup';
import { errorMessage, megabytes } from './describe';
import { makeSibling } from './out-folder';

/** Entries read from a package. */
const INPUT = /^data\/(reports\/[^/\\]+\.(txt|csv)|corrections\.csv)$/;
/** Entries a package may hold besides; anything else (a path going up, say) is refused. */
const OTHER = /^(README\.txt|public\/data\/([\w.-]+\/)*[^/\\]+)$/;

export interface OpenedInput {
  /** The options with the input resolved (a package's unpacked data/reports). */
  readonly options: CliOptions;
  /** Removes what opening made (the unpacked package). */
  readonly close: () => void;
}

/**
 * Inflates one entry to `path`: yauzl holds it to its declared size (so a
 * bomb stops at the cap checked before), the CRC is checked here.
 */
async function unpackEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  path: string,
): Promise<Result<null>> {
  mkdirSync(dirname(path), { recursive: true });
  let crc = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
  });
  try {
    await pipeline(await zip.openReadStreamPromise(entry), check, createWriteStream(path));
  } catch (error) {
    return fail(`${entry.fileName} cannot be inflated (${errorMessage(error)})`);
  }
  return crc >>> 0 === entry.crc32 >>> 0
    ? ok(null)
    : fail(`${entry.fileName} is damaged (its CRC does not match); download the package again`);
}

/** The package's entries, all checked from its central directory before any is inflated. */
async function checkedEntries(zip: yauzl.ZipFile, file: string): Promise<Result<yauzl.Entry[]>> {
  if (zip.entryCount > MAX_PACKAGE_ENTRIES) {
    return fail(
      `${file} has ${zip.entryCount} entries; a package holds at most ${MAX_PACKAGE_ENTRIES}`,
    );
  }
  const seen = new Set<string>();
  const refused: string[] = [];
  const inputs: yauzl.Entry[] = [];
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    const name = entry.fileName;
    if (seen.has(name))
      return fail(`${file} holds ${name} twice; which one is meant cannot be told`);
    seen.add(name);
    if (name.endsWith('/')) continue;
    if (!INPUT.test(name)) {
      if (!OTHER.test(name) || name.includes('..')) refused.push(name);
      continue;
    }
    if (entry.isEncrypted()) return fail(`${file}: ${name} is encrypted`);
    if (entry.uncompressedSize > MAX_REPORT_BYTES) {
      return fail(
        `${file}: ${name} inflates to ${megabytes(entry.uncompressedSize)}; no report or table is over ${megabytes(MAX_REPORT_BYTES)}`,
      );
    }
    total += entry.uncompressedSize;
    inputs.push(entry);
  }
  if (refused.length > 0)
    return fail(`${file}: unexpected entries ${refused.slice(0, 5).join(', ')}`);
  if (total > MAX_PACKAGE_BYTES) {
    return fail(
      `${file}: its reports inflate to ${megabytes(total)}, more than a package holds (${megabytes(MAX_PACKAGE_BYTES)})`,
    );
  }
  if (!inputs.some((e) => e.fileName.endsWith('.txt')))
    return fail(`${file} holds no data/reports/*.txt`);
  return ok(inputs);
}

async function unpack(file: string, root: string): Promise<Result<null>> {
  const zip = await yauzl.openPromise(file, {
    autoClose: false,
    strictFileNames: true,
    validateEntrySizes: true,
  });
  try {
    const entries = await checkedEntries(zip, file);
    if (!entries.ok) return entries;
    for (const entry of entries.data) {
      const unpacked = await unpackEntry(zip, entry, join(root, entry.fileName));
      if (!unpacked.ok) return fail(`${file}: ${unpacked.reason}`);
    }
    return ok(null);
  } finally {
    zip.close();
  }
}

/** The input as given; a package is unpacked beside the output folder `target`. */
export async function openInput(options: CliOptions, target: string): Promise<Result<OpenedInput>> {
  const nothing = (): void => undefined;
  const file = options.inDir;
  if (!file.toLowerCase().endsWith('.zip')) {
    return statSync(file).isDirectory()
      ? ok({ options, close: nothing })
      : fail(`--in ${file} is a file; give a folder of reports or a publish package (.zip)`);
  }
  if (!statSync(file).isFile()) return fail(`${file} is not a file`);
  const root = makeSibling(target, 'package');
  const close = removeOnExit(root);
  let unpacked: Result<null>;
  try {
    unpacked = await unpack(file, root);
  } catch (error) {
    unpacked = fail(`${file} could not be read as a zip (${errorMessage(error)})`);
  }
  if (!unpacked.ok) {
    close();
    return unpacked;
  }
  return ok({
    options: { ...options, inDir: join(root, 'data', 'reports'), displayRoot: root },
    close,
  });
}
