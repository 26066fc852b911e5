/**
 * The workspace kept in this browser (IndexedDB), in two parts. The review —
 * each report's place, year and values with their decisions — is small and
 * saved after every decision. The source — a report's text and the figures
 * no rule used — never changes after the import: it is saved once, in
 * pieces, under a key of its own. (Saved together, accepting 40 values of a
 * 50 MB report wrote its text 40 times, each write holding the page.)
 */
import { del, delMany, get, keys, set } from 'idb-keyval';
import { nextTask, piecesOf } from './pieces';
import { isUnusedFigures, unusedFiguresOf, type UnusedFigure, type UnusedFigures } from './unused';
import type { ImportedReport } from './workspace';

const REVIEW_KEY = 'rule-of-law-import-review';
/** Where versions before the split kept everything, texts included. */
const LEGACY_KEY = 'rule-of-law-import-workspace';
const SOURCE_PREFIX = 'rule-of-law-import-source:';

type StoredReview = Omit<ImportedReport, 'text' | 'unused'>;

interface StoredSource {
  readonly pieces: number;
  readonly unused: UnusedFigures;
}

const sourceEntry = (sourceKey: string): string => `${SOURCE_PREFIX}${sourceKey}`;
const pieceEntry = (sourceKey: string, i: number): string => `${sourceEntry(sourceKey)}#${i}`;
const ofSource = (entry: IDBValidKey, sourceKey: string): boolean =>
  entry === sourceEntry(sourceKey) ||
  (typeof entry === 'string' && entry.startsWith(`${sourceEntry(sourceKey)}#`));

/** A key for a new report's source: unique in this browser, whatever ids come and go. */
export function newSourceKey(reportId: string): string {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return `${reportId}~${stamp}`;
}

/** Saves the reports' sources; true when all were saved. */
export async function saveSources(reports: readonly ImportedReport[]): Promise<boolean> {
  try {
    for (const r of reports) {
      const pieces = piecesOf(r.text);
      for (const [i, piece] of pieces.entries()) {
        await set(pieceEntry(r.sourceKey, i), piece);
        await nextTask();
      }
      // Written last: a source without it is incomplete and is not read.
      const source: StoredSource = { pieces: pieces.length, unused: r.unused };
      await set(sourceEntry(r.sourceKey), source);
    }
    return true;
  } catch {
    return false;
  }
}

/** Saves the review of the reports (not their sources); true when it was saved. */
export async function saveReview(reports: readonly ImportedReport[]): Promise<boolean> {
  try {
    // Written even when empty: it marks the workspace as of this version (see migrateLegacy).
    const review: StoredReview[] = reports.map((r) => ({
      reportId: r.reportId,
      file: r.file,
      format: r.format,
      encoding: r.encoding,
      metadata: r.metadata,
      values: r.values,
      sourceKey: r.sourceKey,
    }));
    await set(REVIEW_KEY, review);
    return true;
  } catch {
    return false;
  }
}

/**
 * Deletes every saved source but those of the reports `kept` gives (asked
 * once the saved keys are known: a report imported meanwhile is in it).
 */
export async function forgetSourcesBut(kept: () => readonly string[]): Promise<void> {
  try {
    const saved = await keys();
    const keep = kept();
    const unkept = saved.filter(
      (k) =>
        typeof k === 'string' &&
        k.startsWith(SOURCE_PREFIX) &&
        !keep.some((sourceKey) => ofSource(k, sourceKey)),
    );
    if (unkept.length > 0) await delMany(unkept);
  } catch {
    // Left for the next start to delete.
  }
}

async function readSource(
  sourceKey: string,
): Promise<Pick<ImportedReport, 'text' | 'unused'> | null> {
  const source: unknown = await get(sourceEntry(sourceKey));
  if (typeof source !== 'object' || source === null) return null;
  const { pieces, unused } = source as Partial<StoredSource>;
  if (typeof pieces !== 'number' || !isUnusedFigures(unused)) return null;
  const parts: string[] = [];
  for (let i = 0; i < pieces; i++) {
    const piece: unknown = await get(pieceEntry(sourceKey, i));
    if (typeof piece !== 'string') return null;
    parts.push(piece);
  }
  const text = parts.join('');
  // Put together, a text at the size limit took a task of its own.
  await nextTask();
  return { text, unused };
}

/** Saved by this site, but perhaps by an older version of it: what has the right shape. */
function isStoredReview(value: unknown): value is StoredReview {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<StoredReview>;
  return (
    typeof r.reportId === 'string' &&
    typeof r.sourceKey === 'string' &&
    typeof r.file === 'string' &&
    Array.isArray(r.values) &&
    typeof r.metadata === 'object' &&
    r.metadata !== null
  );
}

/** The imported reports saved in this browser (none when IndexedDB is unavailable). */
export async function loadWorkspace(): Promise<ImportedReport[]> {
  try {
    const review: unknown = await get(REVIEW_KEY);
    if (review === undefined) return await migrateLegacy();
    if (!Array.isArray(review)) return [];
    const reports: ImportedReport[] = [];
    for (const r of review) {
      if (!isStoredReview(r)) continue;
      // A report whose text was not saved whole cannot be reviewed: left out.
      const source = await readSource(r.sourceKey);
      if (source !== null) reports.push({ ...r, ...source });
    }
    return reports;
  } catch {
    return [];
  }
}

/** A workspace saved whole by an earlier version, moved to the two parts. */
async function migrateLegacy(): Promise<ImportedReport[]> {
  const saved: unknown = await get(LEGACY_KEY);
  if (!Array.isArray(saved)) return [];
  const reports = saved.flatMap((r: unknown): ImportedReport[] => {
    if (typeof r !== 'object' || r === null) return [];
    const old = r as Omit<ImportedReport, 'sourceKey' | 'unused'> & { unused?: unknown };
    if (
      typeof old.reportId !== 'string' ||
      typeof old.text !== 'string' ||
      !Array.isArray(old.values) ||
      typeof old.metadata !== 'object'
    ) {
      return [];
    }
    const unused = Array.isArray(old.unused) ? (old.unused as UnusedFigure[]) : [];
    return [
      {
        ...old,
        file: typeof old.file === 'string' ? old.file : '',
        format: typeof old.format === 'string' ? old.format : '',
        encoding: typeof old.encoding === 'string' ? old.encoding : '',
        unused: unusedFiguresOf(unused.filter((u) => typeof u?.start === 'number')),
        sourceKey: newSourceKey(old.reportId),
      },
    ];
  });
  if ((await saveSources(reports)) && (await saveReview(reports))) await del(LEGACY_KEY);
  return reports;
}
