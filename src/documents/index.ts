/**
 * Report files → report text, at the edge: every file the CLI reads and every
 * file a person drops on the site goes through `readDocument` before the
 * extractor sees it, so both see the same text for the same document. A file
 * that cannot be read comes back as a value with a reason, never a throw, so
 * one bad file never stops a batch.
 *
 * .txt is decoded with the extractor's decoder (BOMs, UTF-8, GB18030 … by
 * chardet); .docx is read by docx.ts, a PDF's text layer by pdf.ts, a saved
 * web page's article by html.ts.
 *
 * May import: extract, catalog, its own modules; mammoth, pdf.js, linkedom
 * and readability (loaded on first use).
 */
import { decodeReport } from '../extract';
import { MAX_REPORT_BYTES } from '../extract/limits';
import type { DocumentText } from './common';
import { readDocx } from './docx';
import { readHtml } from './html';
import { readPdf } from './pdf';

export type { DocumentProblem, DocumentText } from './common';
export { unifyRadicals } from './pdf';

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** .txt, decoded with the extractor's decoder. */
async function readText(bytes: Uint8Array): Promise<DocumentText> {
  const decoded = decodeReport(bytes);
  return decoded.ok
    ? { ok: true, text: decoded.data.text, encoding: decoded.data.encoding }
    : { ok: false, problem: 'unreadable', detail: decoded.reason };
}

/**
 * The reader of each extension (lower case, no dot). A .doc goes to the
 * .docx reader, which names an old binary .doc (an OLE file, as an
 * encrypted .docx is) for what to do.
 */
const READERS: Readonly<Record<string, (bytes: Uint8Array) => Promise<DocumentText>>> = {
  txt: readText,
  docx: readDocx,
  doc: readDocx,
  pdf: readPdf,
  html: readHtml,
  htm: readHtml,
};

/** Whether files with this extension (lower case, no dot) are read as documents. */
export const isDocumentExtension = (extension: string): boolean =>
  Object.hasOwn(READERS, extension);

export async function readDocument(name: string, bytes: Uint8Array): Promise<DocumentText> {
  if (bytes.length > MAX_REPORT_BYTES) {
    return { ok: false, problem: 'too-large', detail: `${(bytes.length / 1048576).toFixed(0)} MB` };
  }
  const extension = extensionOf(name);
  const read = Object.hasOwn(READERS, extension) ? READERS[extension] : undefined;
  return read === undefined
    ? { ok: false, problem: 'unsupported', detail: extension }
    : read(bytes);
}
