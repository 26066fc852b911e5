/**
 * Fetching the published files, with no dependencies (types only), so the
 * entry chunk can start the downloads at once while the parsing code is still
 * on its way.
 */
import { FIRST_CHART_DESCRIPTOR, INDEX_FILE } from '../extract/data-index';
import { errorMessage, type Issue, type Result } from '../extract/result';

/** A file's text, or the problem naming the file. */
export type Fetched = Result<string, Issue>;

function notLoaded(file: string, why: string): { readonly ok: false; readonly reason: Issue } {
  return {
    ok: false,
    reason: { file, severity: 'error', message: `could not be loaded (${why})` },
  };
}

/**
 * A data file of another size than index.json lists is not the file it
 * lists: the data folder was replaced since the page read index.json, or
 * copied in part. Its rows are not read against that index (an indicator's
 * file names its towns by their number in it).
 */
function notListed(file: string, bytes: number, listed: number): Fetched {
  return {
    ok: false,
    reason: {
      file,
      severity: 'error',
      message: `is ${bytes} bytes, index.json lists ${listed}: the data folder changed after this page read index.json, or was copied in part; reload the page, and if it stays, copy the whole folder again`,
      wording: { key: 'notListedFile', params: { file, bytes, listed } },
    },
  };
}

const UTF8 = new TextDecoder('utf-8');

/**
 * A data file's bytes as text, read as UTF-8 whatever charset the server's
 * Content-Type names: the pipeline writes every file in UTF-8, and intranet
 * servers often send text/plain or text/csv with no charset (or a wrong one).
 * The one place the app turns the bytes of a data file into text.
 */
const utf8Text = (bytes: ArrayBuffer): string => UTF8.decode(bytes);

/** A data file's response as text (see utf8Text). */
export async function readUtf8(response: Response): Promise<string> {
  return utf8Text(await response.arrayBuffer());
}

/** A data file's path from the page (`index.json` → `data/index.json`). */
export const dataPath = (path: string): string => `data/${path}`;

export function dataUrl(path: string): string {
  return new URL(dataPath(path), document.baseURI).toString();
}

/**
 * The data files every load asks for first: public/boot.js requests them
 * before the app's scripts have arrived (the build writes this list into its
 * tag, src/app/shell.tsx), and the app takes those requests over.
 */
export const EARLY_DATA_FILES: readonly string[] = [INDEX_FILE, FIRST_CHART_DESCRIPTOR];

/** The request boot.js started for this data file, once; undefined if none. */
function earlyRequest(path: string): Promise<Response> | undefined {
  const early = (globalThis as { __early?: Record<string, Promise<Response> | undefined> }).__early;
  const request = early?.[dataPath(path)];
  if (early !== undefined) delete early[dataPath(path)];
  return request;
}

/**
 * A file's text, or why it could not be had, naming it as `file` (e.g.
 * data/index.json); with `listed`, the size index.json gives it, which it
 * must have. Works in a worker too (absolute URLs).
 */
export async function fetchText(
  url: string,
  file: string,
  listed?: number,
  started?: Promise<Response>,
): Promise<Fetched> {
  try {
    // Revalidate every time: replacing the files on the server must show at once.
    const response = await (started ?? fetch(url, { cache: 'no-cache' }));
    if (!response.ok) return notLoaded(file, `HTTP ${response.status}`);
    const bytes = await response.arrayBuffer();
    if (listed !== undefined && bytes.byteLength !== listed) {
      return notListed(file, bytes.byteLength, listed);
    }
    return { ok: true, data: utf8Text(bytes) };
  } catch (error) {
    return notLoaded(file, errorMessage(error));
  }
}

/**
 * A data file's text: the request public/boot.js started for it, if any, or
 * a new one; with `listed`, the size index.json gives it (see fetchText).
 */
export function fetchData(path: string, listed?: number): Promise<Fetched> {
  return fetchText(dataUrl(path), dataPath(path), listed, earlyRequest(path));
}

/** The index of the published data. */
export function fetchIndex(): Promise<Fetched> {
  return fetchData(INDEX_FILE);
}

/** Some bytes of a data file: those asked for (`partial`), or the whole file from a server that ignores ranges. */
export interface FetchedBytes {
  readonly bytes: Uint8Array;
  readonly partial: boolean;
  /** The whole file's size, as the server gives it (Content-Range's, or the whole body's); null if it gives none. */
  readonly total: number | null;
}

/**
 * Bytes of a data file by an HTTP Range (`range`, e.g. bytes=0-99): a pack
 * of report texts holds many, and a page needs one (src/extract/text-packs.ts).
 * A browser asks for such a range unencoded, so a server's gzip copy is not
 * what it gets.
 */
export async function fetchDataRange(
  path: string,
  range: string,
): Promise<Result<FetchedBytes, Issue>> {
  const file = dataPath(path);
  try {
    const response = await fetch(dataUrl(path), { cache: 'no-cache', headers: { Range: range } });
    if (!response.ok) return notLoaded(file, `HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const partial = response.status === 206;
    const ofRange = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
    const total = partial ? (ofRange === null ? null : Number(ofRange[1])) : bytes.length;
    return { ok: true, data: { bytes, partial, total } };
  } catch (error) {
    return notLoaded(file, errorMessage(error));
  }
}
