/**
 * `--in <file>.zip`: a zip of report files as towns send them (any formats,
 * any folders: unpacked and read as a folder is, each file named
 * `<file>.zip/<path>`), or a publish package from the dashboard's importer
 * (see src/importer/publish.ts; it holds data/reports/) read as it is. It is laid out like the
 * project: its data/ (reports/ with the texts and the reports.csv manifest,
 * corrections.csv) is unpacked into a folder beside the output
 * (`.<name>.package-<pid>-…`, see out-folder.ts) and read by the usual
 * defaults, with file names given relative to the package as they are
 * relative to the project in a normal run. Its public/data/ (what the
 * browser built) is not read.
 *
 * A zip is untrusted: its central directory is read first (yauzl) and the
 * whole zip refused before anything is inflated if an entry is named twice
 * or with a path that leaves the folder, or the entries or their total are
 * too many or too large; a package is also refused for an unexpected,
 * encrypted or oversized entry, while a zip of reports names such an entry
 * and reads the rest. Then the entries it reads are inflated one by one,
 * each held to its declared size and its CRC checked. Names are UTF-8 when
 * the zip says so or they are valid UTF-8, else GBK (Windows' own zip
 * writes Chinese names in GBK). The unpacked folder is removed on every way
 * out (see cleanup.ts); one left by a killed run is removed by the next.
 */
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { MAX_PACKAGE_BYTES, MAX_PACKAGE_ENTRIES, MAX_REPORT_BYTES } from '../extract/limits';
import { fail, ok, type Issue, type Result } from '../extract/result';
import type { CliOptions } from './args';
import { removeOnExit } from './cleanup';
import { errorMessage, megabytes } from './describe';
import { makeSibling } from './out-folder';

/** Entries read from a package. */
const INPUT = /^data\/(reports\/[^/\\]+\.(txt|csv)|corrections\.csv)$/;
/** A zip holding this folder is a publish package. */
const PACKAGE_REPORTS = 'data/reports/';
/** Entries of a zip of reports that zip tools add and nobody sent: never read, never named. */
const TOOL_ENTRY = /(^|\/)(__MACOSX\/|\.|Thumbs\.db$|desktop\.ini$)/i;
/** Entries a package may hold besides; anything else (a path going up, say) is refused. */
const OTHER = /^(README\.txt|public\/data\/([\w.-]+\/)*[^/\\]+)$/;

export interface OpenedInput {
  /** The options with the input resolved (a package's unpacked data/reports). */
  readonly options: CliOptions;
  /** Entries of a zip of reports not read, each with why. */
  readonly issues: readonly Issue[];
  /** Removes what opening made (the unpacked package). */
  readonly close: () => void;
}

/** An entry with its name decoded. */
interface Named {
  readonly entry: yauzl.Entry;
  readonly name: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GBK = new TextDecoder('gbk');

/** An entry's name: UTF-8 when flagged or valid, else GBK. */
function nameOf(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Uint8Array;
  if ((entry.generalPurposeBitFlag & 0x800) !== 0) return new TextDecoder().decode(raw);
  try {
    return UTF8.decode(raw);
  } catch {
    return GBK.decode(raw);
  }
}

/**
 * Inflates one entry to `path`: yauzl holds it to its declared size (so a
 * bomb stops at the cap checked before), the CRC is checked here.
 */
async function unpackEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  name: string,
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
    return fail(`${name} cannot be inflated (${errorMessage(error)})`);
  }
  return crc >>> 0 === entry.crc32 >>> 0
    ? ok(null)
    : fail(`${name} is damaged (its CRC does not match); get the zip again`);
}

/** Every entry, named, each name once and inside the folder; the count held to the cap. */
async function namedEntries(zip: yauzl.ZipFile, file: string): Promise<Result<Named[]>> {
  if (zip.entryCount > MAX_PACKAGE_ENTRIES) {
    return fail(
      `${file} has ${zip.entryCount} entries; a zip is read with at most ${MAX_PACKAGE_ENTRIES}`,
    );
  }
  const seen = new Set<string>();
  const named: Named[] = [];
  for await (const entry of zip.eachEntry()) {
    const name = nameOf(entry);
    const invalid = yauzl.validateFileName(name);
    if (invalid !== null) return fail(`${file}: ${invalid}`);
    if (seen.has(name))
      return fail(`${file} holds ${name} twice; which one is meant cannot be told`);
    seen.add(name);
    if (!name.endsWith('/')) named.push({ entry, name });
  }
  return ok(named);
}

/** The package's entries to read, all checked before any is inflated. */
function packageEntries(named: readonly Named[], file: string): Result<Named[]> {
  const refused: string[] = [];
  const inputs: Named[] = [];
  let total = 0;
  for (const { entry, name } of named) {
    if (!INPUT.test(name)) {
      if (!OTHER.test(name)) refused.push(name);
      continue;
    }
    if (entry.isEncrypted()) return fail(`${file}: ${name} is encrypted`);
    if (entry.uncompressedSize > MAX_REPORT_BYTES) {
      return fail(
        `${file}: ${name} inflates to ${megabytes(entry.uncompressedSize)}; no report or table is over ${megabytes(MAX_REPORT_BYTES)}`,
      );
    }
    total += entry.uncompressedSize;
    inputs.push({ entry, name });
  }
  if (refused.length > 0)
    return fail(`${file}: unexpected entries ${refused.slice(0, 5).join(', ')}`);
  if (total > MAX_PACKAGE_BYTES) {
    return fail(
      `${file}: its reports inflate to ${megabytes(total)}, more than a package holds (${megabytes(MAX_PACKAGE_BYTES)})`,
    );
  }
  if (!inputs.some((e) => e.name.endsWith('.txt')))
    return fail(`${file} holds no data/reports/*.txt`);
  return ok(inputs);
}

/**
 * A zip of reports' entries to read: every file but the zip tools' own; one
 * encrypted or larger than any report is named and left.
 */
function reportEntries(
  named: readonly Named[],
  file: string,
): Result<{ entries: Named[]; issues: Issue[] }> {
  const entries: Named[] = [];
  const issues: Issue[] = [];
  let total = 0;
  for (const { entry, name } of named) {
    if (TOOL_ENTRY.test(name)) continue;
    const notRead = (why: string): void => {
      issues.push({
        file: `${basename(file)}/${name}`,
        severity: 'error',
        message: `not read: ${why}`,
      });
    };
    if (entry.isEncrypted()) {
      notRead('the zip encrypts it (a password); unpack it and add the file itself');
    } else if (entry.uncompressedSize > MAX_REPORT_BYTES) {
      notRead(`it inflates to ${megabytes(entry.uncompressedSize)}, more than any report`);
    } else {
      total += entry.uncompressedSize;
      entries.push({ entry, name });
    }
  }
  if (total > MAX_PACKAGE_BYTES) {
    return fail(
      `${file}: its files inflate to ${megabytes(total)}, more than a zip of reports is read with (${megabytes(MAX_PACKAGE_BYTES)})`,
    );
  }
  return ok({ entries, issues });
}

/** What unpacking made: the folder to read, where names start, entries not read. */
interface Unpacked {
  readonly inDir: string;
  readonly displayRoot: string;
  readonly issues: readonly Issue[];
}

async function unpack(file: string, root: string): Promise<Result<Unpacked>> {
  const zip = await yauzl.openPromise(file, {
    autoClose: false,
    decodeStrings: false,
    validateEntrySizes: true,
  });
  try {
    const named = await namedEntries(zip, file);
    if (!named.ok) return named;
    const isPackage = named.data.some((e) => e.name.startsWith(PACKAGE_REPORTS));
    let read: Result<{ entries: Named[]; issues: Issue[] }>;
    let unpacked: Unpacked;
    if (isPackage) {
      const entries = packageEntries(named.data, file);
      read = entries.ok ? ok({ entries: entries.data, issues: [] }) : entries;
      unpacked = { inDir: join(root, 'data', 'reports'), displayRoot: root, issues: [] };
    } else {
      // Unpacked into a folder named as the zip: files are named <file>.zip/<path>.
      read = reportEntries(named.data, file);
      const inDir = join(root, basename(file));
      mkdirSync(inDir, { recursive: true });
      unpacked = { inDir, displayRoot: root, issues: read.ok ? read.data.issues : [] };
    }
    if (!read.ok) return read;
    for (const { entry, name } of read.data.entries) {
      const base = isPackage ? root : unpacked.inDir;
      const done = await unpackEntry(zip, entry, name, join(base, name));
      if (!done.ok) return fail(`${file}: ${done.reason}`);
    }
    return ok(unpacked);
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
      ? ok({ options, issues: [], close: nothing })
      : fail(
          `--in ${file} is a file; give a folder of reports, a zip of them or a publish package`,
        );
  }
  if (!statSync(file).isFile()) return fail(`${file} is not a file`);
  const root = makeSibling(target, 'package');
  const close = removeOnExit(root);
  let unpacked: Result<Unpacked>;
  try {
    unpacked = await unpack(file, root);
  } catch (error) {
    unpacked = fail(`${file} could not be read as a zip (${errorMessage(error)})`);
  }
  if (!unpacked.ok) {
    close();
    return unpacked;
  }
  const { inDir, displayRoot, issues } = unpacked.data;
  return ok({ options: { ...options, inDir, displayRoot }, issues, close });
}
