/**
 * The in-browser importer (src/importer): files → the import worker → a
 * batch, with progress; the publish package built there; (storage.ts) the
 * workspace kept in IndexedDB across reloads; (local.ts) the reviewed values
 * laid over the published model. This file is the importer's chunk: the
 * store loads it when the import view opens or a saved workspace is read.
 *
 * May import: src/extract, src/catalog, src/dataset. Used only by
 * src/features/import and src/store/import-slice.ts.
 */
export { withLocalReports } from './local';
export { withoutCopies } from './copies';
export { forgetSourcesBut, loadWorkspace, saveReview, saveSources } from './storage';
import { nextTask } from './pieces';
import {
  CHANNEL,
  textCollector,
  textPieces,
  type ImportReply,
  type ImportRequest,
  type PublishProblem,
} from './protocol';
// The limit alone: the page must not load the extractor (it runs in the worker).
import { tooLarge as tooLargeNote } from '../documents/common';
import type { PublishPackage } from './publish';
import { newSourceKey } from './storage';
import type { ImportBatch, ImportedReport, ImportProblem } from './workspace';

/** A batch as the page keeps it: each report with the key its source is saved under. */
export interface ImportedBatch {
  readonly reports: readonly ImportedReport[];
  readonly problems: readonly ImportProblem[];
}

/**
 * Every file of the batch as a problem: the worker could not start (a server
 * that serves .js with the wrong type, a strict policy). The extractor is not
 * loaded on the page itself: it would double the page's code for a rare case.
 */
function noWorker(files: readonly File[]): ImportBatch {
  return {
    reports: [],
    problems: files.map((f) => ({ file: f.name, problem: 'no-worker' })),
  };
}

export async function runImport(
  files: readonly File[],
  taken: readonly string[],
  onProgress: (done: number, total: number, file: string) => void,
): Promise<ImportedBatch> {
  const dropped: File[] = [];
  const tooLarge: ImportProblem[] = [];
  for (const file of files) {
    // A 200 MB file is refused by its size, before a byte of it is read.
    const large = tooLargeNote(file.size);
    if (large !== null) tooLarge.push({ file: file.name, note: large });
    else dropped.push(file);
  }
  const batch = await extractInWorker(dropped, taken, onProgress);
  return {
    reports: batch.reports.map((r) => ({ ...r, sourceKey: newSourceKey(r.reportId) })),
    problems: [...tooLarge, ...batch.problems],
  };
}

type Final = Exclude<ImportReply, { type: 'progress' }>;

/**
 * One request to a fresh import worker, after the `texts` it needs (in
 * pieces); null when no worker could run. The reply's texts come in pieces
 * too: they are put back in its reports.
 */
async function inWorker(
  request: ImportRequest,
  transfer: Transferable[],
  onProgress: (done: number, total: number, file: string) => void,
  texts: readonly string[] = [],
): Promise<Final | null> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  const replyTexts = textCollector();
  const reply = new Promise<Final | null>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply?.channel !== CHANNEL) return;
      if (reply.type === 'progress') onProgress(reply.done, reply.total, reply.file);
      else if (reply.type === 'text') replyTexts.add(reply);
      else {
        worker.terminate();
        if (reply.type !== 'done') resolve(reply);
        else void withTexts(reply.batch, replyTexts).then((batch) => resolve({ ...reply, batch }));
      }
    });
    worker.addEventListener('error', () => {
      worker.terminate();
      resolve(null);
    });
  });
  // Each piece is copied into its message on this thread: one per task.
  for (const piece of textPieces(texts)) {
    worker.postMessage({ channel: CHANNEL, ...piece });
    await nextTask();
  }
  worker.postMessage(request, transfer);
  return reply;
}

/**
 * The batch's reports with their texts put together, one text per task (a
 * text at the size limit takes 50–150 ms to put together), and a task
 * between the last one and what the page does with the batch.
 */
async function withTexts(
  batch: ImportBatch,
  texts: ReturnType<typeof textCollector>,
): Promise<ImportBatch> {
  const reports = [];
  for (const [i, r] of batch.reports.entries()) {
    reports.push({ ...r, text: texts.take(i) });
    await nextTask();
  }
  return { ...batch, reports };
}

async function extractInWorker(
  dropped: readonly File[],
  taken: readonly string[],
  onProgress: (done: number, total: number, file: string) => void,
): Promise<ImportBatch> {
  if (dropped.length === 0) return { reports: [], problems: [] };
  // The files themselves (handles): the worker reads them, not this thread
  // (a 50 MB file read here held it for 100 ms).
  const reply = await inWorker(
    { channel: CHANNEL, type: 'import', files: dropped, taken },
    [],
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
): Promise<PublishPackage | { readonly error: PublishProblem }> {
  const reply = await inWorker(
    {
      channel: CHANNEL,
      type: 'publish',
      // What the package needs; the texts go ahead in pieces.
      reports: reports.map((r) => ({
        reportId: r.reportId,
        metadata: r.metadata,
        values: r.values,
        text: '',
      })),
      dataUrl,
    },
    [],
    onProgress,
    reports.map((r) => r.text),
  );
  if (reply?.type === 'published') return reply.result;
  return { error: { problem: 'no-worker' } };
}
