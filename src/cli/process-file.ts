import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failedReport, processReport, textFileOf, type ReportOutcome } from '../extract';
import { MAX_REPORT_BYTES } from '../extract/limits';
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
 * One report file: read, extract, write its text into the texts folder of
 * the data folder being written (`outDir`), keep the findings. Runs on the main thread or in a
 * worker alike.
 */
export function processFile(file: ReportFile, outDir: string): Processed {
  if (!SUPPORTED.has(file.extension)) return failed(file, unsupportedMessage(file.extension));
  let bytes: Uint8Array;
  try {
    const size = statSync(file.path).size;
    if (size > MAX_REPORT_BYTES) {
      const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;
      return failed(file, `${mb(size)} is more than any report (at most ${mb(MAX_REPORT_BYTES)})`);
    }
    bytes = readFileSync(file.path);
  } catch (error) {
    return failed(file, `cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const outcome = processReport(file.reportId, file.display, bytes);
  if (outcome.status !== 'ok') return { outcome, bytes: bytes.length };
  // Written at once and dropped: memory stays flat however many reports there are.
  // Into the texts folder the run made: never made here, so a worker still
  // busy while a stopped run removes its folder cannot make it again.
  writeFileSync(join(outDir, textFileOf(outcome.reportId)), outcome.text);
  return { outcome: { ...outcome, text: '' }, bytes: bytes.length };
}
