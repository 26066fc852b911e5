/**
 * A .docx report's text, read with mammoth (its raw text, paragraph by
 * paragraph).
 *
 * May import: documents/common.ts, extract/report-notes.ts; mammoth (loaded
 * on first use).
 */
import { note } from '../extract/report-notes';
import { errorMessage, type DocumentText } from './common';

export async function readDocx(bytes: Uint8Array, extension: string): Promise<DocumentText> {
  try {
    const { default: mammoth } = await import('mammoth');
    // Node's mammoth reads `buffer`, the browser build `arrayBuffer`: give both.
    const input = {
      buffer: bytes,
      arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    } as unknown as { arrayBuffer: ArrayBuffer };
    const result = await mammoth.extractRawText(input);
    return { ok: true, text: result.value, format: 'docx', encoding: '' };
  } catch (error) {
    return { ok: false, note: note('corrupt', { format: extension, detail: errorMessage(error) }) };
  }
}
