/**
 * Imported files → report text, at the edge: every file a person drops on the
 * site goes through `readDocument` before the extractor sees it. A file that
 * cannot be read comes back as a value with a reason, never a throw, so one
 * bad file never stops a batch.
 *
 * .txt is decoded as the CLI decodes it (BOMs, UTF-8, GB18030 … by chardet);
 * .docx is read with mammoth (its raw text, paragraph by paragraph).
 */
import { decodeReport } from '../../extract';

import { MAX_BYTES } from './limits';

export { MAX_BYTES };

export type DocumentProblem =
  'too-large' | 'unsupported' | 'pdf' | 'encrypted' | 'not-docx' | 'unreadable';

export type DocumentText =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly problem: DocumentProblem; readonly detail: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((b, i) => bytes[i] === b);

/** An OLE compound file: an encrypted .docx, or an old binary .doc. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export async function readDocument(name: string, bytes: Uint8Array): Promise<DocumentText> {
  if (bytes.length > MAX_BYTES) {
    return { ok: false, problem: 'too-large', detail: `${(bytes.length / 1048576).toFixed(0)} MB` };
  }
  const extension = extensionOf(name);
  if (extension === 'txt') {
    const decoded = decodeReport(bytes);
    return decoded.ok
      ? { ok: true, text: decoded.data.text, encoding: decoded.data.encoding }
      : { ok: false, problem: 'unreadable', detail: decoded.reason };
  }
  if (extension === 'docx' || extension === 'doc') {
    if (startsWith(bytes, OLE)) return { ok: false, problem: 'encrypted', detail: '' };
    if (!startsWith(bytes, ZIP)) return { ok: false, problem: 'not-docx', detail: '' };
    try {
      const { default: mammoth } = await import('mammoth');
      // Node's mammoth reads `buffer`, the browser build `arrayBuffer`: give both.
      const input = {
        buffer: bytes,
        arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      } as unknown as { arrayBuffer: ArrayBuffer };
      const result = await mammoth.extractRawText(input);
      return { ok: true, text: result.value, encoding: 'docx' };
    } catch (error) {
      return {
        ok: false,
        problem: 'not-docx',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
  }
  if (extension === 'pdf') return { ok: false, problem: 'pdf', detail: '' };
  return { ok: false, problem: 'unsupported', detail: extension };
}
