/**
 * The browser side of importing: files → the import worker → a batch, with
 * progress; and the workspace kept in IndexedDB across reloads.
 */
import { del, get, set } from 'idb-keyval';

export { withLocalReports } from '../local';
import { CHANNEL, type ImportReply, type ImportRequest } from './protocol';
// The limit alone: the page must not load the extractor (it runs in the worker).
import { MAX_REPORT_BYTES } from '../../extract/limits';
import type { PublishPackage } from './publish';
import type { DroppedFile, ImportBatch, ImportedReport, ImportProblem } from './workspace';

/**
 * Every file of the batch as a problem: the worker could not start (a server
 * that serves .js with the wrong type, a strict policy). The extractor is not
 * loaded on the page itself: it would double the page's code for a rare case.
 */
function noWorker(files: readonly DroppedFile[]): ImportBatch {
  return {
    reports: [],
    problems: files.map((f) => ({ file: f.name, problem: 'no-worker', detail: '' })),
  };
}

export async function runImport(
  files: readonly File[],
  taken: readonly string[],
  onProgress: (done: number, total: number, file: string) => void,
): Promise<ImportBatch> {
  const dropped: DroppedFile[] = [];
  const tooLarge: ImportProblem[] = [];
  for (const file of files) {
    // A 200 MB file is refused by its size, before a byte of it is read.
    if (file.size > MAX_REPORT_BYTES) {
      tooLarge.push({
        file: file.name,
        problem: 'too-large',
        detail: `${(file.size / 1048576).toFixed(0)} MB`,
      });
    } else dropped.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  const batch = await extractInWorker(dropped, taken, onProgress);
  return { reports: batch.reports, problems: [...tooLarge, ...batch.problems] };
}

type Final = Exclude<ImportReply, { type: 'progress' }>;

/** One request to a fresh import worker; null when no worker could run. */
function inWorker(
  request: ImportRequest,
  transfer: Transferable[],
  onProgress: (done: number, total: number, file: string) => void,
): Promise<Final | null> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(null);
  }
  return new Promise<Final | null>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply?.channel !== CHANNEL) return;
      if (reply.type === 'progress') onProgress(reply.done, reply.total, reply.file);
      else {
        worker.terminate();
        resolve(reply);
      }
    });
    worker.addEventListener('error', () => {
      worker.terminate();
      resolve(null);
    });
    worker.postMessage(request, transfer);
  });
}

async function extractInWorker(
  dropped: readonly DroppedFile[],
  taken: readonly string[],
  onProgress: (done: number, total: number, file: string) => void,
): Promise<ImportBatch> {
  if (dropped.length === 0) return { reports: [], problems: [] };
  const reply = await inWorker(
    { channel: CHANNEL, type: 'import', files: dropped, taken },
    // The files' bytes move to the worker rather than being copied.
    dropped.map((d) => d.bytes.buffer as ArrayBuffer),
    onProgress,
  );
  return reply?.type === 'done' ? reply.batch : noWorker(dropped);
}

/**
 * The publish package (see publish.ts), built in the import worker: the
 * published texts fetched from the site's data folder (`dataUrl`; null when
 * the site publishes nothing yet) and every report extracted again.
 */
export async function runPublish(
  reports: readonly ImportedReport[],
  dataUrl: string | null,
  onProgress: (done: number, total: number, file: string) => void,
): Promise<PublishPackage | { readonly error: string }> {
  const reply = await inWorker(
    { channel: CHANNEL, type: 'publish', reports, dataUrl },
    [],
    onProgress,
  );
  if (reply?.type === 'published') return reply.result;
  return { error: 'no-worker' };
}

const KEY = 'rule-of-law-import-workspace';

/** The imported reports saved in this browser (none when IndexedDB is unavailable). */
export async function loadWorkspace(): Promise<ImportedReport[]> {
  try {
    const saved: unknown = await get(KEY);
    if (!Array.isArray(saved)) return [];
    // Saved by this site, but perhaps by an older version of it: keep what has the right shape.
    return saved.filter(
      (r): r is ImportedReport =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as ImportedReport).reportId === 'string' &&
        typeof (r as ImportedReport).text === 'string' &&
        Array.isArray((r as ImportedReport).values) &&
        typeof (r as ImportedReport).metadata === 'object',
    );
  } catch {
    return [];
  }
}

export async function saveWorkspace(reports: readonly ImportedReport[]): Promise<boolean> {
  try {
    if (reports.length === 0) await del(KEY);
    else await set(KEY, reports);
    return true;
  } catch {
    return false;
  }
}
