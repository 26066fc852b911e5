import { closeSync, constants, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isReportExtension, readDocument } from '../documents';
import { formatOfExtension } from '../documents/extensions';
// The extractor's own modules, not its index: a worker thread loads what it runs, and no
// CSV parser or schema library (the manifest and the corrections are read on the main thread).
import { installUtf8Decoder } from '../extract/decode';
import { MAX_REPORT_BYTES } from '../extract/limits';
import {
  failedReport,
  isNotAReport,
  processReports,
  processText,
  refusedReport,
  RUN_BYTES,
  runsOf,
  type ReportOutcome,
} from '../extract/pipeline';
import { note } from '../extract/report-notes';
import { PackWriter } from '../extract/text-packs';
import { errorMessage, megabytes } from './describe';
import type { ReportFile } from './files';
import { nodeUtf8 } from './node-utf8';
import { pack, type Packed } from './spill';

// Whichever thread reads reports (the main one, or a worker) decodes UTF-8 with Node's tools.
installUtf8Decoder(nodeUtf8);

export interface Processed {
  /** The findings, serialised (the text is on disk). */
  readonly packed: Packed;
  readonly bytes: number;
}

const failed = (file: ReportFile, message: string): ReportOutcome =>
  failedReport(file.reportId, file.display, message);

/**
 * The file's bytes, if it is a regular file no larger than a report can be:
 * checked on the open file, so a file swapped for a pipe or a device after
 * it was listed is not read without end.
 */
function readReportBytes(path: string): Uint8Array | string {
  // Opened without waiting: opening a pipe for reading waits for a writer.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return 'not a regular file (a pipe, a socket or a device)';
    if (stats.size > MAX_REPORT_BYTES) {
      return `${megabytes(stats.size)} is more than any report (at most ${megabytes(MAX_REPORT_BYTES)})`;
    }
    const bytes = new Uint8Array(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * A document's findings: its text read (src/documents), then extracted. A
 * document whose text names no town and holds no figure is not a report (a
 * page saved from the wrong link): refused, as the importer refuses it.
 */
async function processDocument(file: ReportFile, bytes: Uint8Array): Promise<ReportOutcome> {
  const read = await readDocument(file.display, bytes);
  if (!read.ok) return refusedReport(file.reportId, file.display, read.note);
  const outcome = processText(file.reportId, file.display, read.text, read.format, read.encoding);
  return isNotAReport(outcome)
    ? refusedReport(file.reportId, file.display, note('not_a_report'))
    : outcome;
}

/** A file's bytes, or why they could not be read; null: not read (not a report's format). */
type Read = Uint8Array | string | null;

function readFile(file: ReportFile): Read {
  // Named by readDocument without reading it: not a report format.
  if (!isReportExtension(file.extension)) return null;
  try {
    return readReportBytes(file.path);
  } catch (error) {
    return `cannot read: ${errorMessage(error)}`;
  }
}

/** A report file's findings, and how many bytes it had. */
interface Found {
  readonly outcome: ReportOutcome;
  readonly bytes: number;
}

/** A report file and what was read of it. */
interface Taken {
  readonly file: ReportFile;
  readonly read: Read;
}

/** Report files extracted (src/extract) from what was read of each, in their order. */
async function outcomesOf(run: readonly Taken[]): Promise<Found[]> {
  const found: Found[] = [];
  // Plain text is decoded by the extractor as bytes (the fast path: most
  // reports), all of them together (processReports); every other file is read
  // by src/documents, as the importer reads it.
  const texts: { readonly at: number; readonly bytes: Uint8Array }[] = [];
  for (const [at, { file, read }] of run.entries()) {
    if (read === null) {
      found[at] = { outcome: await processDocument(file, new Uint8Array()), bytes: 0 };
    } else if (typeof read === 'string') {
      found[at] = { outcome: failed(file, read), bytes: 0 };
    } else if (formatOfExtension(file.extension) === 'txt') {
      texts.push({ at, bytes: read });
    } else {
      found[at] = { outcome: await processDocument(file, read), bytes: read.length };
    }
  }
  const outcomes = processReports(
    texts.map(({ at, bytes }) => {
      const { reportId, display } = (run[at] as Taken).file;
      return { reportId, file: display, bytes };
    }),
  );
  texts.forEach(({ at, bytes }, i) => {
    found[at] = { outcome: outcomes[i] as ReportOutcome, bytes: bytes.length };
  });
  return found;
}

/**
 * The files of one pack (src/extract/text-packs.ts: the `n`th group of
 * TEXTS_PER_PACK reports by id), in order, a run of them at a time (runsOf:
 * `runBytes` of them at most, the whole pack as a rule): read, extracted,
 * then each text appended to the pack and its findings serialised (see
 * spill.ts; `tables`: for the complete tables too) with where the text is;
 * then the pack written into the texts folder of the data folder being
 * written (`outDir`). Runs on the main thread or in a worker alike: `each`
 * takes each file's findings in order, a run's one after another once the
 * run is extracted (the main thread's progress and its chances for Ctrl+C
 * to stop it).
 */
export async function processPack(
  files: readonly ReportFile[],
  n: number,
  outDir: string,
  tables: boolean,
  each: (processed: Processed) => void | Promise<void>,
  runBytes = RUN_BYTES,
): Promise<void> {
  const writer = new PackWriter(n);
  // A run of files read, then extracted, then their findings serialised:
  // each step done for one file at a time, between the others, took longer
  // (each evicted from the processor's caches what the next had there); a
  // read alone four times as long.
  const take = (file: ReportFile): Taken => ({ file, read: readFile(file) });
  const bytesOf = ({ read }: Taken): number => (read instanceof Uint8Array ? read.length : 0);
  for (const run of runsOf(files, take, bytesOf, runBytes)) {
    const found = await outcomesOf(run);
    // The text is kept as bytes until the pack is written; the findings go on at once.
    for (const { outcome, bytes } of found) {
      await each({ packed: pack(writer.place(outcome), tables), bytes });
    }
  }
  // Into the texts folder the run made: never made here, so a worker still
  // busy while a stopped run removes its folder cannot make it again.
  if (!writer.empty) writeFileSync(join(outDir, writer.file), writer.bytes());
}
