/**
 * Office files the tests need and no converter is at hand for: an OLE
 * container with the streams given (an encrypted .docx is its package sealed
 * in one, beside an EncryptionInfo stream), and a Word 97 fixture with its
 * "encrypted" flag set, as Word writes a password-protected .doc. Written
 * with cfb (SheetJS's compound-file reader and writer).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as CFB from 'cfb';

export const WORD97 = join(import.meta.dirname, '..', 'fixtures', 'word97');

/** A sample report as a real Word 97 file (test/fixtures/word97). */
export const word97 = (id: string): Uint8Array =>
  new Uint8Array(readFileSync(join(WORD97, `${id}.doc`)));

/** An OLE file holding these streams, as Office writes one. */
export function oleFile(streams: Readonly<Record<string, Uint8Array>>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) {
    CFB.utils.cfb_add(container, name, Buffer.from(content));
  }
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}

/** A .docx saved with a password: its package encrypted inside an OLE file. */
export const encryptedDocx = (): Uint8Array =>
  oleFile({ EncryptionInfo: new Uint8Array([4, 0, 4, 0]), EncryptedPackage: new Uint8Array(64) });

/** A Word 97 file with its "encrypted" flag set (FIB flags at 0x0A, fEncrypted 0x0100). */
export function lockedDoc(id: string): Uint8Array {
  const container = CFB.read(Buffer.from(word97(id)), { type: 'buffer' });
  const entry = CFB.find(container, 'WordDocument');
  if (entry === null) throw new Error('no WordDocument stream');
  const content = Buffer.from(entry.content as Uint8Array);
  content.writeUInt16LE(content.readUInt16LE(0x0a) | 0x0100, 0x0a);
  entry.content = content;
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}

/**
 * A Word 97 file whose directory's chain of sectors loops through two
 * sectors (its allocation table edited), as a damaged or hostile file may.
 */
export function loopedDoc(id: string): Uint8Array {
  const bytes = Buffer.from(word97(id));
  if (bytes.readUInt16LE(30) !== 9) throw new Error('expected 512-byte sectors');
  const firstTableSector = bytes.readInt32LE(76);
  const directory = bytes.readInt32LE(48);
  const other = directory === 0 ? 1 : 0;
  const entry = (sector: number): number => 512 + firstTableSector * 512 + sector * 4;
  bytes.writeInt32LE(other, entry(directory));
  bytes.writeInt32LE(directory, entry(other));
  return new Uint8Array(bytes);
}

/** A Word 97 file whose header claims sectors of a gigabyte. */
export function hugeSectorDoc(id: string): Uint8Array {
  const bytes = Buffer.from(word97(id));
  bytes.writeUInt16LE(30, 30);
  return new Uint8Array(bytes);
}
