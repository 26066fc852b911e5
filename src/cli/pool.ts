import { Worker } from 'node:worker_threads';
import { packGroups } from '../extract';
import { stopOnExit } from './cleanup';
import type { ReportFile } from './files';
import type { Processed } from './process-file';
import type { Batch, BatchDone, WorkerCpuSeconds } from './worker';

/**
 * The worker thread's module: beside the bundle in dist-cli/ (scripts/cli.mjs
 * builds both); run from the TypeScript sources (tests, tsx), worker-entry.mjs
 * registers tsx in the thread first.
 */
const WORKER = new URL(
  import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './worker.js',
  import.meta.url,
);

/**
 * Batches a thread holds at once: it starts its next pack as soon as one is
 * done, rather than waiting for the main thread to take the results and
 * send another (a busy machine may not run the main thread at once).
 */
const IN_FLIGHT = 2;

/**
 * Processes files (in report id order) on `workers` threads, a pack of texts
 * at a time: each pack is written by one thread, its files in order. Results
 * come back in any order; callers sort by report id, so the output does not
 * depend on the number of workers. Gives each thread's processor time, as
 * its last results told it (null where the system does not tell it).
 */
export async function processInWorkers(
  files: readonly ReportFile[],
  outDir: string,
  tables: boolean,
  workers: number,
  onResults: (results: readonly Processed[]) => void,
): Promise<WorkerCpuSeconds> {
  const batches: Batch[] = packGroups(files).map((group, pack) => ({
    pack,
    files: group,
    outDir,
    tables,
  }));
  let next = 0;
  const threads = Array.from(
    { length: Math.min(workers, batches.length) },
    () => new Worker(WORKER),
  );
  // Stopped before a stopped run removes the folder they write into; the run
  // then waits here for the exit that follows, rather than going on to write.
  let stopping = false;
  const cpuSeconds: BatchDone['cpuSeconds'][] = threads.map(() => null);
  const forget = stopOnExit(() => {
    stopping = true;
    return Promise.all(threads.map((t) => t.terminate()));
  });
  try {
    const feeds: (() => void)[] = [];
    const finished = threads.map(
      (thread, n) =>
        new Promise<void>((resolve, reject) => {
          let sent = 0;
          const feed = (): void => {
            const batch = batches[next];
            if (batch === undefined) {
              if (sent === 0) resolve();
              return;
            }
            next++;
            sent++;
            thread.postMessage(batch);
          };
          thread.on('message', (message: BatchDone) => {
            sent--;
            cpuSeconds[n] = message.cpuSeconds;
            // The next batch first: the thread goes on while these results are spilled.
            feed();
            onResults(message.results);
          });
          thread.on('error', (error) => {
            if (!stopping) reject(error);
          });
          thread.on('exit', (code) => {
            if (code !== 0 && !stopping) {
              reject(new Error(`extraction worker stopped with code ${code}`));
            }
          });
          feeds.push(feed);
        }),
    );
    // A pack to every thread, then a second to each: never two to one while another has none.
    for (let round = 0; round < IN_FLIGHT; round++) for (const feed of feeds) feed();
    await Promise.all(finished);
    return cpuSeconds;
  } finally {
    forget();
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
