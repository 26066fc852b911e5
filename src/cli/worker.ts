/** A worker thread of the extraction CLI: processes batches of report files. */
import { parentPort } from 'node:worker_threads';
import type { ReportFile } from './files';
import { processFile } from './process-file';

export interface Batch {
  readonly id: number;
  readonly files: readonly ReportFile[];
  readonly outDir: string;
  /** Serialise the complete tables' lines too. */
  readonly tables: boolean;
}

parentPort?.on('message', (batch: Batch) => {
  void (async () => {
    // One file at a time: the order of the results is the batch's.
    const results = [];
    for (const file of batch.files)
      results.push(await processFile(file, batch.outDir, batch.tables));
    parentPort?.postMessage({ id: batch.id, results });
  })();
});
