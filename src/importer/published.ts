/**
 * What the site publishes, fetched for the publish package (in the import
 * worker): its reports table, its corrections and the text of every readable
 * report (each pack of texts fetched whole, once). Any file that cannot be had stops the package: one made without it
 * would silently unpublish that report when copied over the site's data.
 */
import { errorMessage, fail, ok, type Result } from '../extract/result';
import { INDEX_FORMAT, type DataIndex } from '../extract/data-index';
import { listedPackSize, parseLocator, textOfPack, type TextLocator } from '../extract/text-packs';
import { readUtf8 } from '../dataset/fetch';
import { readRows, type PublishedData, type Row } from './publish';

/** Packs fetched at once: enough to hide latency, few enough for a small intranet server. */
const PARALLEL = 6;

/** Why the published data could not be had: a code the import view words (src/i18n/import.ts). */
export type PublishedProblem =
  | { readonly problem: 'not-loaded'; readonly path: string; readonly detail: string }
  | { readonly problem: 'index-not-json' }
  | { readonly problem: 'no-corrections' }
  | { readonly problem: 'old-format' };

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
  let listed: Partial<Pick<DataIndex, 'format' | 'corrections' | 'texts'>>;
  try {
    listed = JSON.parse(index.data) as typeof listed;
  } catch {
    return fail({ problem: 'index-not-json' });
  }
  if (listed.corrections == null) {
    // Written before the data folder carried its corrections: they would be lost.
    return fail({ problem: 'no-corrections' });
  }
  const packSizes = listed.texts;
  if (listed.format !== INDEX_FORMAT || !Array.isArray(packSizes)) {
    // Its texts are where an older version put them: a package of it would lose them.
    return fail({ problem: 'old-format' });
  }
  const [reports, corrections] = await Promise.all([
    fetchString(base, 'reports.csv'),
    fetchString(base, 'corrections.csv'),
  ]);
  if (!reports.ok) return reports;
  if (!corrections.ok) return corrections;
  const rows = readRows(reports.data);
  const replaced = replacedIn(rows);
  const located: { readonly id: string; readonly at: TextLocator }[] = [];
  for (const row of rows) {
    const id = row['report_id'] ?? '';
    if (row['status'] === 'error' || id === '' || replaced.has(id)) continue;
    const at = parseLocator(row);
    if (at === null || typeof at === 'string') {
      const detail = `report ${id}: ${at ?? 'no text_file'}`;
      return fail({ problem: 'not-loaded', path: 'data/reports.csv', detail });
    }
    located.push({ id, at });
  }
  const packs = [...new Set(located.map((l) => l.at.file))];
  const fetched = new Map<string, Uint8Array>();
  let next = 0;
  let failed: PublishedProblem | null = null;
  const fetchNext = async (): Promise<void> => {
    while (failed === null && next < packs.length) {
      const path = packs[next++] ?? '';
      const response = await fetchFile(base, path);
      if (!response.ok) failed = response.reason;
      else fetched.set(path, new Uint8Array(await response.data.arrayBuffer()));
      onProgress(fetched.size, packs.length, path);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, fetchNext));
  if (failed !== null) return fail(failed);
  const texts = new Map<string, Uint8Array>();
  for (const { id, at } of located) {
    const pack = fetched.get(at.file) ?? new Uint8Array();
    // The pack the rows point into, and the report's text in it (see text-packs.ts).
    if (textOfPack(packSizes, at, { bytes: pack, partial: false, total: pack.length }) === null) {
      const size = listedPackSize(packSizes, at);
      const detail = `${pack.length} bytes (index.json lists ${size ?? 'none'}): not where report ${id}'s text is`;
      return fail({ problem: 'not-loaded', path: `data/${at.file}`, detail });
    }
    texts.set(id, pack.slice(at.offset, at.offset + at.length));
  }
  return ok({ reports: rows, corrections: readRows(corrections.data), texts });
}
