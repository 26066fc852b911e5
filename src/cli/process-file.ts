import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDocumentExtension, readDocument, type DocumentProblem } from '../documents';
import {
  failedReport,
  processReport,
  processText,
  textFileOf,
  type ReportOutcome,
} from '../extract';
import { MAX_REPORT_BYTES } from '../extract/limits';
import { errorMessage, megabytes } from './describe';
import type { ReportFile } from './files';

export interface Processed {
  /** The outcome without its text: the text is on disk. */
  readonly outcome: ReportOutcome;
  readonly bytes: number;
}

/**
 * Plain text, decoded by the extractor as bytes (a name without an extension
 * is text too); every other report file is read first by src/documents, as
 * the browser's importer reads it.
 */
const TEXT = new Set(['.txt', '.text', '']);

/** Word 97–2003 files: the importer's .docx reader only tells them apart from an encrypted .docx. */
const NOT_READ_YET = '.doc';

function unsupportedMessage(extension: string): string {
  return extension === NOT_READ_YET
    ? '.doc (Word 97–2003) files are not read yet; save the report as .docx or .txt'
    : `unsupported file type "${extension}"; reports are .txt, .docx, text .pdf or saved .html files`;
}

/** Why a document gave no text, and what to do. */
const DOCUMENT_PROBLEM: Readonly<Record<DocumentProblem, string>> = {
  'too-large': 'is larger than any report',
  unsupported: 'is not a report format',
  encrypted: 'is encrypted (password-protected): save an unprotected copy',
  'not-docx': 'is not a Word .docx document (corrupt, or another format renamed)',
  'no-text': 'has no text layer (a scan): run OCR on it, or ask the town for the text version',
  'empty-page': 'has no main text (an empty page, or links only): save the page the report is on',
  unreadable: 'could not be read',
};

function documentMessage(problem: DocumentProblem, detail: string): string {
  return `${DOCUMENT_PROBLEM[problem]}${detail === '' ? '' : ` (${detail})`}`;
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

/** A document's findings: its text read (src/documents), then extracted. */
async function processDocument(file: ReportFile, bytes: Uint8Array): Promise<ReportOutcome> {
  const read = await readDocument(file.display, bytes);
  if (!read.ok)
    return failedReport(file.reportId, file.display, documentMessage(read.problem, read.detail));
  return processText(file.reportId, file.display, read.text, read.encoding);
}

/**
 * One report file: read, extract, write its text into the texts folder of
 * the data folder being written (`outDir`), keep the findings. Runs on the
 * main thread or in a worker alike.
 */
export async function processFile(file: ReportFile, outDir: string): Promise<Processed> {
  const isText = TEXT.has(file.extension);
  if (
    file.extension === NOT_READ_YET ||
    (!isText && !isDocumentExtension(file.extension.slice(1)))
  ) {
    return failed(file, unsupportedMessage(file.extension));
  }
  let bytes: Uint8Array;
  try {
    const read = readReportBytes(file.path);
    if (typeof read === 'string') return failed(file, read);
    bytes = read;
  } catch (error) {
    return failed(file, `cannot read: ${errorMessage(error)}`);
  }
  const outcome = isText
    ? processReport(file.reportId, file.display, bytes)
    : await processDocument(file, bytes);
  if (outcome.status !== 'ok') return { outcome, bytes: bytes.length };
  // Written at once and dropped: memory stays flat however many reports there are.
  // Into the texts folder the run made: never made here, so a worker still
  // busy while a stopped run removes its folder cannot make it again.
  writeFileSync(join(outDir, textFileOf(outcome.reportId)), outcome.text);
  return { outcome: { ...outcome, text: '' }, bytes: bytes.length };
}
