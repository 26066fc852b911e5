/**
 * A web page saved as a single file (.mhtml, .mht: "网页，单个文件"): a MIME
 * message whose HTML part is the page. The message is read with postal-mime
 * (its parts, transfer encodings and charsets); the page then as a saved
 * .html page is (html.ts).
 *
 * May import: documents/common.ts, documents/html.ts,
 * extract/report-notes.ts; postal-mime (loaded on first use).
 */
import { note } from '../extract/report-notes';
import { errorMessage, type DocumentText } from './common';
import { readPage } from './html';

export async function readMhtml(bytes: Uint8Array, extension: string): Promise<DocumentText> {
  let html: string | undefined;
  try {
    const { default: PostalMime } = await import('postal-mime');
    // The page's images and styles are parts too: never decoded to text here.
    const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
    html = email.html;
  } catch (error) {
    return { ok: false, note: note('corrupt', { format: extension, detail: errorMessage(error) }) };
  }
  if (html === undefined || html.trim() === '') {
    return { ok: false, note: note('corrupt', { format: extension, detail: 'no HTML part' }) };
  }
  return readPage(html, 'mhtml', '');
}
