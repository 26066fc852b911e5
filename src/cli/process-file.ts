import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failedReport, processReport, textFileOf, type ReportOutcome } from '../extract';
import { MAX_REPORT_BYTES } from '../extract/limits';
import { errorMessage, megabytes } from './describe';
import type { ReportFile } from './files';

export interface Processed {
  /** The outcome without its text: the text is on disk. */
  readonly outcome: ReportOutcome;
  readonly bytes: number;
}

const SUPPORTED = new Set(['.txt', '.text', '']);

function unsupportedMessage(extension: string): string {
  return extension === '.docx' || extension === '.doc' || extension === '.pdf'
    ? `${extension} files are not read by the CLI yet; save the report as .txt`
    : `unsupported file type "${extension}"; reports are .txt files`;
}

function failed(file: ReportFile, message: string): Processed {
  return { outcome: failedReport(file.reportId, file.display, message), bytes: 0 };
}

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
 * One report file: read, extract, write its text into the texts folder of
 * the data folder being written (`outDir`), keep the findings. Runs on the
 * main thread or in a worker alike.
 */
export function processFile(file: ReportFile, outDir: string): Processed {
  if (!SUPPORTED.has(file.extension)) return failed(file, unsupportedMessage(file.extension));
  let bytes: Uint8Array;
  try {
    const read = readReportBytes(file.path);
    if (typeof read === 'string') return failed(file, read);
    bytes = read;
  } catch (error) {
    return failed(file, `cannot read: ${errorMessage(error)}`);
  }
  const outcome = processReport(file.reportId, file.display, bytes);
  if (outcome.status !== 'ok') return { outcome, bytes: bytes.length };
  // Written at once and dropped: memory stays flat however many reports there are.
  // Into the texts folder the run made: never made here, so a worker still
  // busy while a stopped run removes its folder cannot make it again.
  writeFileSync(join(outDir, textFileOf(outcome.reportId)), outcome.text);
  return { outcome: { ...outcome, text: '' }, bytes: bytes.length };
}
