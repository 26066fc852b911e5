/** A worker thread of the extraction CLI: processes the files of one pack of texts at a time. */
import { parentPort } from 'node:worker_threads';
import type { ReportFile } from './files';
import { processPack, type Processed } from './process-file';
import { threadCpuSeconds } from './thread-cpu';

/** A pack's results, with the thread's processor time so far (`--stats`). */
export interface BatchDone {
  readonly results: Processed[];
  readonly cpuSeconds: number | null;
}

/** Each worker thread's processor time, in the order they started (src/cli/stats.ts). */
export type WorkerCpuSeconds = readonly BatchDone['cpuSeconds'][];

export interface Batch {
  /** The pack's number (src/extract/text-packs.ts). */
  readonly pack: number;
  /** Its files, in report id order. */
  readonly files: readonly ReportFile[];
  readonly outDir: string;
  /** Serialise the complete tables' lines too. */
  readonly tables: boolean;
}

/**
 * The pool sends the next batch before this one is done (IN_FLIGHT in
 * pool.ts): each waits for the one before, so a pack's files stay in order
 * and one pack is written at a time.
 */
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (batch: Batch) => {
  queue = queue.then(async () => {
    const results: Processed[] = [];
    await processPack(batch.files, batch.pack, batch.outDir, batch.tables, (r) => {
      results.push(r);
    });
    const done: BatchDone = { results, cpuSeconds: threadCpuSeconds() };
    parentPort?.postMessage(done);
  });
});
