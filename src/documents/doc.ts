/**
 * A Word 97–2003 (.doc) report's text, read with word-extractor's reader of
 * Word's binary format: the main text, its smart quotes and dashes kept as
 * written. The same OLE container holds an encrypted .docx, an encrypted
 * .doc, or an old Excel or PowerPoint file renamed: each is named.
 *
 * In the browser the reader needs Node's Buffer and stream, which the
 * import worker's build provides (vite.config.ts).
 *
 * May import: documents/common.ts, extract/report-notes.ts; word-extractor
 * (loaded on first use).
 */
import { note } from '../extract/report-notes';
import { errorText, type DocumentText } from './common';

/** The File Information Block's flags: fEncrypted (a password-protected document). */
const FIB_FLAGS = 0x0a;
const F_ENCRYPTED = 0x0100;

/** Why an OLE file gives no Word text. */
class Refused extends Error {
  constructor(readonly why: 'encrypted' | 'not-word') {
    super(why);
  }
}

export async function readDoc(bytes: Uint8Array, extension: string): Promise<DocumentText> {
  const [{ default: WordOleExtractor }, { default: BufferReader }] = await Promise.all([
    import('word-extractor/lib/word-ole-extractor.js'),
    import('word-extractor/lib/buffer-reader.js'),
  ]);
  const stream = (
    extractor: InstanceType<typeof WordOleExtractor>,
    document: unknown,
    name: string,
  ) => extractor.streamBuffer((document as { stream(n: string): never }).stream(name));

  class Reader extends WordOleExtractor {
    override async extractWordDocument(
      document: Parameters<InstanceType<typeof WordOleExtractor>['extractWordDocument']>[0],
      buffer: Uint8Array,
    ) {
      if (buffer.length <= FIB_FLAGS + 1) {
        // No WordDocument stream: an encrypted .docx (its package sealed in
        // an OLE file), or another Office file.
        const sealed = (await stream(this, document, 'EncryptionInfo')).length > 0;
        throw new Refused(sealed ? 'encrypted' : 'not-word');
      }
      const flags = (buffer[FIB_FLAGS] ?? 0) | ((buffer[FIB_FLAGS + 1] ?? 0) << 8);
      if ((flags & F_ENCRYPTED) !== 0) throw new Refused('encrypted');
      return super.extractWordDocument(document, buffer);
    }
  }

  try {
    const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    await reader.open();
    const document = await new Reader().extract(reader);
    return {
      ok: true,
      text: document.getBody({ filterUnicode: false }),
      format: 'doc',
      encoding: '',
    };
  } catch (error) {
    if (error instanceof Refused && error.why === 'encrypted') {
      return { ok: false, note: note('encrypted', { format: extension }) };
    }
    return {
      ok: false,
      note: note('corrupt', {
        format: extension,
        detail:
          error instanceof Refused
            ? 'an Office file that is not a Word document'
            : errorText(error),
      }),
    };
  }
}
