import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { failedReport, processReport, type ReportOutcome } from '../extract';
import { writeFileAtomic, type ReportFile } from './files';

export interface Processed {
  /** The outcome without its text: the text is on disk. */
  readonly outcome: ReportOutcome;
  readonly bytes: number;
  /** File name written under texts/, '' for a failed report. */
  readonly written: string;
}

const SUPPORTED = new Set(['.txt', '.text', '']);

function unsupportedMessage(extension: string): string {
  return extension === '.docx' || extension === '.doc' || extension === '.pdf'
    ? `${extension} files are not read by the CLI yet; save the report as .txt`
    : `unsupported file type "${extension}"; reports are .txt files`;
}

/**
 * One report file: read, extract, write its text, keep the findings. Runs on
 * the main thread or in a worker alike.
 */
export function processFile(file: ReportFile, textDir: string): Processed {
  if (!SUPPORTED.has(file.extension)) {
    const outcome = failedReport(file.reportId, file.display, unsupportedMessage(file.extension));
    return { outcome, bytes: 0, written: '' };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file.path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      outcome: failedReport(file.reportId, file.display, `cannot read: ${reason}`),
      bytes: 0,
      written: '',
    };
  }
  const outcome = processReport(file.reportId, file.display, bytes);
  if (outcome.status !== 'ok') return { outcome, bytes: bytes.length, written: '' };
  // Written at once and dropped: memory stays flat however many reports there are.
  const name = `${outcome.reportId}.txt`;
  writeFileAtomic(join(textDir, name), outcome.text);
  return { outcome: { ...outcome, text: '' }, bytes: bytes.length, written: name };
}
