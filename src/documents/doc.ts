/**
 * A Word 97–2003 (.doc) report's text, read with word-extractor's reader of
 * Word's binary format: the main text, its smart quotes and dashes kept as
 * written. The same OLE container holds an encrypted .docx, an encrypted
 * .doc, or an old Excel or PowerPoint file renamed: each is named.
 *
 * In the browser the reader needs Node's Buffer and stream, which the
 * import worker's build provides (vite.config.ts: readerPolyfills).
 *
 * May import: documents/common.ts, extract/report-notes.ts; word-extractor
 * (loaded on first use).
 */
import { note } from '../extract/report-notes';
import { errorMessage, type DocumentText } from './common';

/** The File Information Block's flags: fEncrypted (a password-protected document). */
const FIB_FLAGS = 0x0a;
const F_ENCRYPTED = 0x0100;

/** Why an OLE file gives no Word text. */
class Refused extends Error {
  constructor(readonly why: 'encrypted' | 'not-word') {
    super(why);
  }
}

/**
 * Whether the OLE header's sizes fit the file: sectors of 512 or 4,096 bytes,
 * and no table longer than the file has sectors. word-extractor trusts them
 * (a sector size of a gigabyte would be allocated, a table of 2^31 sectors
 * walked), so a file that lies is refused before it reads it.
 */
function headerFits(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if ((shift !== 9 && shift !== 12) || view.getUint16(32, true) !== 6) return false;
  const sectors = Math.ceil((bytes.length - 512) / (1 << shift));
  // The sector allocation table, the short one and the master one: counts at 44, 64, 72.
  return [44, 64, 72].every((at) => view.getUint32(at, true) <= sectors);
}

/**
 * word-extractor follows a chain of sectors until it ends, stopping only at a
 * sector that names itself: a file whose chain loops through two sectors
 * would be followed until memory runs out. Its chains are made to stop at
 * the first sector seen twice (the file is then refused as damaged, its
 * streams being short). Done once, on the library's own class.
 */
function boundChains(table: { prototype: { getSecIdChain(start: number): number[] } }): void {
  const proto = table.prototype as { getSecIdChain(start: number): number[]; bounded?: true };
  if (proto.bounded === true) return;
  proto.getSecIdChain = function (this: { _table: number[] }, start: number): number[] {
    const seen = new Set<number>();
    const chain: number[] = [];
    for (let id = start; id >= 0 && !seen.has(id); id = this._table[id] ?? -1) {
      seen.add(id);
      chain.push(id);
    }
    return chain;
  };
  proto.bounded = true;
}

/** Whether the bytes name a WordDocument stream (its name is in the OLE directory, in UTF-16). */
function namesWordStream(bytes: Uint8Array): boolean {
  const name = [...'WordDocument'].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let at = bytes.indexOf(0x57); at >= 0; at = bytes.indexOf(0x57, at + 1)) {
    for (let k = 1; k < name.length; k++) if (bytes[at + k] !== name[k]) continue outer;
    return true;
  }
  return false;
}

export async function readDoc(bytes: Uint8Array, extension: string): Promise<DocumentText> {
  try {
    // Buffer from its module, not the global: the import worker has no global Buffer.
    if (!headerFits(bytes)) throw new Error('its OLE header does not fit the file');
    const [
      { default: WordOleExtractor },
      { default: BufferReader },
      { default: AllocationTable },
      { Buffer },
    ] = await Promise.all([
      import('word-extractor/lib/word-ole-extractor.js'),
      import('word-extractor/lib/buffer-reader.js'),
      import('word-extractor/lib/ole-allocation-table.js'),
      import('buffer'),
    ]);
    boundChains(AllocationTable);

    class Reader extends WordOleExtractor {
      override async extractWordDocument(
        document: Parameters<InstanceType<typeof WordOleExtractor>['extractWordDocument']>[0],
        buffer: Uint8Array,
      ) {
        if (buffer.length <= FIB_FLAGS + 1) {
          // No WordDocument stream: an encrypted .docx (its package sealed in
          // an OLE file), or another Office file.
          const info = await this.streamBuffer(document.stream('EncryptionInfo'));
          throw new Refused(info.length > 0 ? 'encrypted' : 'not-word');
        }
        const flags = (buffer[FIB_FLAGS] ?? 0) | ((buffer[FIB_FLAGS + 1] ?? 0) << 8);
        if ((flags & F_ENCRYPTED) !== 0) throw new Refused('encrypted');
        return super.extractWordDocument(document, buffer);
      }
    }

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
    // A damaged Word file still names its WordDocument stream; another Office file does not.
    const notWord = error instanceof Refused && !namesWordStream(bytes);
    return {
      ok: false,
      note: note('corrupt', {
        format: extension,
        detail: notWord
          ? 'an Office file that is not a Word document'
          : error instanceof Refused
            ? 'its Word text is missing or cut short'
            : errorMessage(error),
      }),
    };
  }
}
