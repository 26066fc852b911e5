/**
 * `--gzip`: a gzip copy beside each file of the data folder (`values.csv.gz`
 * beside `values.csv`), for a web server that sends a file's precompressed
 * copy to a browser that accepts it (nginx's `gzip_static on`): the tables
 * then cross the network at a fraction of their size, with no compression
 * work on the server. A report's text the page asks for as a range of its
 * pack, which a browser asks for unencoded (the range counts the file's own
 * bytes); a pack's copy serves the publish package, which fetches packs
 * whole, and a server that ignores ranges.
 *
 * The copies are made in the staging folder, from the files just written,
 * before it is swapped in: a data folder's copies are always those of the
 * files beside them, and the next run replaces both. A copy that would not
 * save a tenth of its file is not kept (the server then sends the file).
 * Each file is streamed through zlib, so a large one (a complete table with
 * `--tables`) is never held whole. The output is the same whatever the
 * number of workers: gzip's header holds no time or name, and the copies are
 * made of the same bytes.
 */
import { createReadStream, createWriteStream, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip } from 'node:zlib';
import { failpoint, GZIP_SUFFIX } from './out-folder';

/** A copy is kept only if it is at most this share of its file. */
export const MAX_COPY_SHARE = 0.9;

/**
 * Files compressed at once: zlib's work runs on libuv's thread pool (four
 * threads), beside the main thread reading and writing.
 */
const IN_FLIGHT = 4;

export interface Precompressed {
  /** Files given a copy. */
  readonly files: number;
  /** The size of those files. */
  readonly bytes: number;
  /** The size of their copies. */
  readonly gzipBytes: number;
}

/** Writes the copy of each of `files` (relative to `dir`) worth one. */
export async function precompress(dir: string, files: readonly string[]): Promise<Precompressed> {
  let next = 0;
  let done = 0;
  let given = 0;
  let bytes = 0;
  let gzipBytes = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const path = join(dir, files[next++] as string);
      const copy = path + GZIP_SUFFIX;
      await pipeline(
        createReadStream(path),
        createGzip({ level: constants.Z_DEFAULT_COMPRESSION }),
        createWriteStream(copy),
      );
      const size = statSync(path).size;
      const packed = statSync(copy).size;
      if (packed > size * MAX_COPY_SHARE) unlinkSync(copy);
      else {
        given++;
        bytes += size;
        gzipBytes += packed;
      }
      if (++done === Math.ceil(files.length / 2)) failpoint('gzip-half');
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, worker));
  return { files: given, bytes, gzipBytes };
}
