/**
 * A zip writer for hostile packages: entries with a wrong CRC, a size that
 * lies, a name given twice — what a well-behaved zip library will not write.
 */
import { deflateRawSync, crc32 } from 'node:zlib';

export interface CraftedEntry {
  readonly name: string;
  readonly content: Uint8Array;
  /** Deflate the content (default) or store it as it is. */
  readonly store?: boolean;
  /** Written instead of the content's CRC. */
  readonly crc?: number;
  /** Written instead of the content's size (local header and central directory). */
  readonly declaredSize?: number;
  /** Written instead of the content's compressed bytes (with `declaredSize`: a bomb). */
  readonly data?: Uint8Array;
}

export function craftZip(entries: readonly CraftedEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.store === true ? 0 : 8;
    const data = Buffer.from(
      entry.data ?? (method === 0 ? entry.content : deflateRawSync(entry.content)),
    );
    const crc = entry.crc ?? crc32(entry.content);
    const size = entry.declaredSize ?? entry.content.length;
    // The fields the local header and the central record share, in order.
    const shared = (buffer: Buffer, at: number): Buffer => {
      buffer.writeUInt16LE(0x0800, at); // UTF-8 names
      buffer.writeUInt16LE(method, at + 2);
      buffer.writeUInt16LE(0, at + 4); // time
      buffer.writeUInt16LE(0x21, at + 6); // 1980-01-01
      buffer.writeUInt32LE(crc >>> 0, at + 8);
      buffer.writeUInt32LE(data.length, at + 12);
      buffer.writeUInt32LE(size, at + 16);
      buffer.writeUInt16LE(name.length, at + 20);
      return buffer;
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    shared(local, 6);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    shared(record, 8);
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(record, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}
