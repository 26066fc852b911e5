/**
 * Report files → report text, at the edge: every file the CLI reads and every
 * file a person drops on the site goes through `readDocument` before the
 * extractor sees it, so both see the same text for the same document. A file
 * that cannot be read comes back as a note saying why and what to do (in
 * Chinese and English, extract/report-notes.ts), never a throw, so one bad
 * file never stops a batch.
 *
 * The name says which files are reports; the first bytes say how one is
 * read, so a .docx saved with a .doc name, or a page Word saved as .doc, is
 * read for what it is. .txt is decoded with the extractor's decoder (BOMs,
 * UTF-8, GB18030 … by chardet) and never sniffed; .docx is read by docx.ts,
 * .doc by doc.ts, a PDF's text layer by pdf.ts, a saved web page's article by
 * html.ts (mhtml.ts for a page saved as one file).
 *
 * May import: extract, catalog, its own modules; mammoth, word-extractor,
 * pdf.js, postal-mime, linkedom and readability (loaded on first use).
 */
import { decodeReport } from '../extract/decode';
import { note } from '../extract/report-notes';
import {
  DOCUMENT_FORMATS,
  errorMessage,
  OLE,
  PDF,
  startsWith,
  tooLarge,
  ZIP,
  type DocumentFormat,
  type DocumentText,
} from './common';
import { readDoc } from './doc';
import { formatOfExtension, REPORT_EXTENSIONS } from './extensions';
import { readDocx } from './docx';
import { readHtml } from './html';
import { readMhtml } from './mhtml';
import { readPdf } from './pdf';

export { DOCUMENT_FORMATS } from './common';
export { REPORT_EXTENSIONS } from './extensions';
export type { DocumentFormat, DocumentText } from './common';
export { unifyRadicals } from './pdf';

/** A file name's extension: lower case, with its dot ('' for none). */
export function extensionOf(name: string): string {
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const dot = name.lastIndexOf('.');
  return dot <= slash + 1 ? '' : name.slice(dot).toLowerCase();
}

type Reader = (bytes: Uint8Array, extension: string) => Promise<DocumentText>;

/** Each format's reader, when the bytes do not say. Plain text is decoded, never sniffed. */
const READERS: Readonly<Record<DocumentFormat, Reader>> = {
  txt: readText,
  docx: readDocx,
  doc: readDoc,
  pdf: readPdf,
  html: readHtml,
  mhtml: readMhtml,
};

/** Whether files with this extension (lower case, with its dot; '' for none) are reports. */
export const isReportExtension = (extension: string): boolean =>
  formatOfExtension(extension) !== undefined;

/**
 * How a file of this extension ranks when a report came in two formats
 * (DOCUMENT_FORMATS' order: text first); not a report extension last.
 */
export function preferenceOf(extension: string): number {
  const format = formatOfExtension(extension);
  return format === undefined ? DOCUMENT_FORMATS.length : DOCUMENT_FORMATS.indexOf(format);
}

const ascii = (bytes: Uint8Array, length: number): string =>
  String.fromCharCode(...bytes.subarray(0, length));

/** The reader the first bytes call for, if they name one. */
function byContent(bytes: Uint8Array, extension: string): Promise<DocumentText> | null {
  if (startsWith(bytes, OLE)) return readDoc(bytes, extension);
  if (startsWith(bytes, ZIP)) return readDocx(bytes, extension);
  if (startsWith(bytes, PDF)) return readPdf(bytes, extension);
  const head = ascii(bytes, 1024)
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '')
    .trimStart();
  if (/^MIME-Version:/im.test(head) && /multipart\/related/i.test(head)) {
    return readMhtml(bytes, extension);
  }
  if (head.startsWith('<')) return readHtml(bytes);
  return null;
}

function readText(bytes: Uint8Array): Promise<DocumentText> {
  const decoded = decodeReport(bytes);
  return Promise.resolve(
    decoded.ok
      ? { ok: true, text: decoded.data.text, format: 'txt', encoding: decoded.data.encoding }
      : { ok: false, note: decoded.reason },
  );
}

export async function readDocument(name: string, bytes: Uint8Array): Promise<DocumentText> {
  const extension = extensionOf(name);
  if (!isReportExtension(extension)) {
    return {
      ok: false,
      note: note('not_report_format', {
        extension: extension === '' ? name : extension,
        accepted: REPORT_EXTENSIONS.join(' '),
      }),
    };
  }
  const large = tooLarge(bytes.length);
  if (large !== null) return { ok: false, note: large };
  const format = formatOfExtension(extension) ?? 'txt';
  try {
    if (format === 'txt') return await readText(bytes);
    return await (byContent(bytes, extension) ?? READERS[format](bytes, extension));
  } catch (error) {
    // A reader that could not even load (a chunk the server lost): this file is named, the batch goes on.
    return { ok: false, note: note('unreadable', { detail: errorMessage(error) }) };
  }
}
