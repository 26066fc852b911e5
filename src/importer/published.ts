/**
 * What the site publishes, fetched for the publish package (in the import
 * worker): its reports table, its corrections and the text of every readable
 * report. Any file that cannot be had stops the package: one made without it
 * would silently unpublish that report when copied over the site's data.
 */
import { errorMessage, fail, ok, type Result } from '../extract/result';
import { textFileOf } from '../extract/data-index';
import { readUtf8 } from '../dataset/fetch';
import { readRows, type PublishedData, type Row } from './publish';

/** Texts fetched at once: enough to hide latency, few enough for a small intranet server. */
const PARALLEL = 6;

/** Why the published data could not be had: a code the import view words (src/i18n/import.ts). */
export type PublishedProblem =
  | { readonly problem: 'not-loaded'; readonly path: string; readonly detail: string }
  | { readonly problem: 'index-not-json' }
  | { readonly problem: 'no-corrections' };

async function fetchFile(base: string, path: string): Promise<Result<Response, PublishedProblem>> {
  const notLoaded = (detail: string) =>
    fail<PublishedProblem>({ problem: 'not-loaded', path: `data/${path}`, detail });
  try {
    const response = await fetch(new URL(path, base), { cache: 'no-cache' });
    return response.ok ? ok(response) : notLoaded(`HTTP ${response.status}`);
  } catch (error) {
    return notLoaded(errorMessage(error));
  }
}

async function fetchString(base: string, path: string): Promise<Result<string, PublishedProblem>> {
  const response = await fetchFile(base, path);
  return response.ok ? ok(await readUtf8(response.data)) : response;
}

export async function fetchPublished(
  base: string,
  /** The published reports the imports replace (their texts are not fetched). */
  replacedIn: (reports: readonly Row[]) => ReadonlySet<string>,
  onProgress: (done: number, total: number, file: string) => void,
): Promise<Result<PublishedData, PublishedProblem>> {
  const index = await fetchString(base, 'index.json');
  if (!index.ok) return index;
  let hasCorrections: boolean;
  try {
    hasCorrections = (JSON.parse(index.data) as { corrections?: unknown }).corrections != null;
  } catch {
    return fail({ problem: 'index-not-json' });
  }
  if (!hasCorrections) {
    // Written before the data folder carried its corrections: they would be lost.
    return fail({ problem: 'no-corrections' });
  }
  const [reports, corrections] = await Promise.all([
    fetchString(base, 'reports.csv'),
    fetchString(base, 'corrections.csv'),
  ]);
  if (!reports.ok) return reports;
  if (!corrections.ok) return corrections;
  const rows = readRows(reports.data);
  const replaced = replacedIn(rows);
  const ids = rows
    .filter((r) => r['status'] !== 'error' && r['report_id'] && !replaced.has(r['report_id']))
    .map((r) => r['report_id'] ?? '');
  const texts = new Map<string, Uint8Array>();
  let next = 0;
  let failed: PublishedProblem | null = null;
  const fetchNext = async (): Promise<void> => {
    while (failed === null && next < ids.length) {
      const id = ids[next++] ?? '';
      const path = textFileOf(encodeURIComponent(id));
      const response = await fetchFile(base, path);
      if (!response.ok) failed = response.reason;
      else texts.set(id, new Uint8Array(await response.data.arrayBuffer()));
      onProgress(texts.size, ids.length, path);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, fetchNext));
  if (failed !== null) return fail(failed);
  return ok({ reports: rows, corrections: readRows(corrections.data), texts });
}
