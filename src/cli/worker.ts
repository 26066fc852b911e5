/** A worker thread of the extraction CLI: processes batches of report files. */
import { parentPort } from 'node:worker_threads';
import type { ReportFile } from './files';
import { processFile } from './process-file';

export interface Batch {
  readonly id: number;
  readonly files: readonly ReportFile[];
  readonly outDir: string;
}

parentPort?.on('message', (batch: Batch) => {
  const results = batch.files.map((file) => processFile(file, batch.outDir));
  parentPort?.postMessage({ id: batch.id, results });
});
