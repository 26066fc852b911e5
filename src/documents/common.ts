/** What reading a document gives, and the first bytes that tell a file's kind whatever its name says. */
import type { DocumentFormat } from '../extract/columns';
import { MAX_REPORT_BYTES, megabytes } from '../extract/limits';
import { note, type ReportNote } from '../extract/report-notes';

export { DOCUMENT_FORMATS, type DocumentFormat } from '../extract/columns';

export type DocumentText =
  | {
      readonly ok: true;
      readonly text: string;
      readonly format: DocumentFormat;
      /** The character encoding the text was decoded from (.txt, web pages); '' for the others. */
      readonly encoding: string;
    }
  /** Why the file gives no report text, and what to do (worded in Chinese and English). */
  | { readonly ok: false; readonly note: ReportNote };

export const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((b, i) => bytes[i] === b);

/** An OLE compound file: a Word 97–2003 .doc, an encrypted .docx, an old Excel or WPS file. */
export const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const ZIP = [0x50, 0x4b, 0x03, 0x04];
export const PDF = [0x25, 0x50, 0x44, 0x46];

export { errorMessage } from '../extract/result';

/** Whether a file of this many bytes is larger than any report, and the note that says so. */
export const tooLarge = (size: number): ReportNote | null =>
  size > MAX_REPORT_BYTES
    ? note('too_large', { size: megabytes(size), limit: megabytes(MAX_REPORT_BYTES) })
    : null;
