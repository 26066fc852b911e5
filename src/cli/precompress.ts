/**
 * `--gzip`: a gzip copy beside each file of the data folder (`values.csv.gz`
 * beside `values.csv`), for a web server that sends a file's precompressed
 * copy to a browser that accepts it (nginx's `gzip_static on`): the report
 * texts and tables then cross the network at a fraction of their size, with
 * no compression work on the server.
 *
 * The copies are made in the staging folder, from the files just written,
 * before it is swapped in: a data folder's copies are always those of the
 * files beside them, and the next run replaces both. A copy that would not
 * save a tenth of its file is not written (the server then sends the file).
 * The output is the same whatever the number of workers: gzip's header holds
 * no time or name, and the copies are made of the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzip } from 'node:zlib';

/** What a precompressed copy's name adds to its file's. */
export const GZIP_SUFFIX = '.gz';

/** A copy is kept only if it is at most this share of its file. */
const MAX_SHARE = 0.9;

/**
 * Files compressed at once: zlib's asynchronous work runs on libuv's thread
 * pool (four threads), beside the main thread reading and writing.
 */
const IN_FLIGHT = 4;

export interface Precompressed {
  /** Files given a copy. */
  readonly files: number;
  /** Their size, and their copies'. */
  readonly bytes: number;
  readonly gzipBytes: number;
}

function compress(data: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gzip(data, { level: constants.Z_DEFAULT_COMPRESSION }, (error, result) => {
      if (error === null) resolve(result);
      else reject(error);
    });
  });
}

/** Writes the copy of each of `files` (relative to `dir`) worth one. */
export async function precompress(dir: string, files: readonly string[]): Promise<Precompressed> {
  let next = 0;
  let given = 0;
  let bytes = 0;
  let gzipBytes = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const path = join(dir, files[next++] as string);
      const data = readFileSync(path);
      const packed = await compress(data);
      if (packed.length > data.length * MAX_SHARE) continue;
      writeFileSync(path + GZIP_SUFFIX, packed);
      given++;
      bytes += data.length;
      gzipBytes += packed.length;
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, worker));
  return { files: given, bytes, gzipBytes };
}
