/**
 * A .docx report's text, read with mammoth (its raw text, paragraph by
 * paragraph). An OLE compound file (an encrypted .docx, or an old binary
 * .doc) is refused with its reason.
 *
 * May import: documents/common.ts; mammoth (loaded on first use).
 */
import { OLE, startsWith, ZIP, type DocumentText } from './common';

export async function readDocx(bytes: Uint8Array): Promise<DocumentText> {
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
