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

export async function readDocument(name: string, bytes: Uint8Array): Promise<DocumentText> {
  if (bytes.length > MAX_REPORT_BYTES) {
    return { ok: false, problem: 'too-large', detail: `${(bytes.length / 1048576).toFixed(0)} MB` };
  }
  const extension = extensionOf(name);
  if (extension === 'txt') {
    const decoded = decodeReport(bytes);
    return decoded.ok
      ? { ok: true, text: decoded.data.text, encoding: decoded.data.encoding }
      : { ok: false, problem: 'unreadable', detail: decoded.reason };
  }
  if (extension === 'docx' || extension === 'doc') return readDocx(bytes);
  if (extension === 'pdf') return readPdf(bytes);
  if (extension === 'html' || extension === 'htm') return readHtml(bytes);
  return { ok: false, problem: 'unsupported', detail: extension };
}
