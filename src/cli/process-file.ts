import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isReportExtension, readDocument } from '../documents';
import { formatOfExtension } from '../documents/extensions';
import {
  failedReport,
  installUtf8Decoder,
  isNotAReport,
  processReport,
  processText,
  PackWriter,
  refusedReport,
  type ReportOutcome,
} from '../extract';
import { MAX_REPORT_BYTES } from '../extract/limits';
import { note } from '../extract/report-notes';
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
  const fd = openSync(path, 'r');
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

/** One report file read and extracted (src/extract), and how many bytes it had. */
async function outcomeOf(
  file: ReportFile,
): Promise<{ readonly outcome: ReportOutcome; readonly bytes: number }> {
  // Plain text is decoded by the extractor as bytes (the fast path: most
  // reports); every other file is read by src/documents, as the importer reads it.
  const isText = formatOfExtension(file.extension) === 'txt';
  // Named by readDocument without reading it: not a report format.
  if (!isReportExtension(file.extension)) {
    return { outcome: await processDocument(file, new Uint8Array()), bytes: 0 };
  }
  let bytes: Uint8Array;
  try {
    const read = readReportBytes(file.path);
    if (typeof read === 'string') return { outcome: failed(file, read), bytes: 0 };
    bytes = read;
  } catch (error) {
    return { outcome: failed(file, `cannot read: ${errorMessage(error)}`), bytes: 0 };
  }
  const outcome = isText
    ? processReport(file.reportId, file.display, bytes)
    : await processDocument(file, bytes);
  return { outcome, bytes: bytes.length };
}

/**
 * The files of one pack (src/extract/text-packs.ts: the `n`th group of
 * TEXTS_PER_PACK reports by id), in order: each read and extracted, its text
 * appended to the pack and its findings serialised (see spill.ts; `tables`:
 * for the complete tables too) with where the text is; then the pack
 * written into the texts folder of the data folder being written (`outDir`).
 * Runs on the main thread or in a worker alike: `each` takes each file's
 * findings as they come (the main thread's progress and its chances for
 * Ctrl+C to stop it).
 */
export async function processPack(
  files: readonly ReportFile[],
  n: number,
  outDir: string,
  tables: boolean,
  each: (processed: Processed) => void | Promise<void>,
): Promise<void> {
  const writer = new PackWriter(n);
  for (const file of files) {
    const { outcome, bytes } = await outcomeOf(file);
    // The text is kept as bytes until the pack is written; the findings go on at once.
    await each({ packed: pack(writer.place(outcome), tables), bytes });
  }
  // Into the texts folder the run made: never made here, so a worker still
  // busy while a stopped run removes its folder cannot make it again.
  if (!writer.empty) writeFileSync(join(outDir, writer.file), writer.bytes());
}
