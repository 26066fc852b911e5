/**
 * Fetching the published files, with no dependencies (types only), so the
 * entry chunk can start the downloads at once while the parsing code is still
 * on its way.
 */
import type { Issue, Result } from '../extract/result';

/** A file's text, or the problem naming the file. */
export type Fetched = Result<string, Issue>;

function notLoaded(file: string, why: string): Fetched {
  return {
    ok: false,
    reason: { file, severity: 'error', message: `could not be loaded (${why})` },
  };
}

const UTF8 = new TextDecoder('utf-8');

/**
 * A data file's text, read as UTF-8 whatever charset the server's
 * Content-Type names: the pipeline writes every file in UTF-8, and intranet
 * servers often send text/plain or text/csv with no charset (or a wrong one).
 * The one place the app turns the bytes of a data file into text.
 */
export async function readUtf8(response: Response): Promise<string> {
  return UTF8.decode(await response.arrayBuffer());
}

export function dataUrl(path: string): string {
  return new URL(`data/${path}`, document.baseURI).toString();
}

/**
 * A file's text, or why it could not be had, naming it as `file` (e.g.
 * data/index.json). Works in a worker too (absolute URLs).
 */
export async function fetchText(
  url: string,
  file: string,
  started?: Promise<Response>,
): Promise<Fetched> {
  try {
    // Revalidate every time: replacing the files on the server must show at once.
    const response = await (started ?? fetch(url, { cache: 'no-cache' }));
    if (!response.ok) return notLoaded(file, `HTTP ${response.status}`);
    return { ok: true, data: await readUtf8(response) };
  } catch (error) {
    return notLoaded(file, error instanceof Error ? error.message : String(error));
  }
}

export function fetchData(path: string): Promise<Fetched> {
  return fetchText(dataUrl(path), `data/${path}`);
}

/** The index of the published data: the request public/boot.js started, or a new one. */
export function fetchIndex(): Promise<Fetched> {
  const started = (globalThis as { __dataIndex?: Promise<Response> }).__dataIndex;
  return fetchText(dataUrl('index.json'), 'data/index.json', started);
}
