/**
 * Temporary folders a run makes (a publish package unpacked, the output's
 * staging folder) are removed on every way out: a normal end, an error, an
 * uncaught exception, Ctrl+C or `kill`. Only `kill -9` escapes; the next run
 * removes what it left (see out-folder.ts and zip-input.ts).
 */
import { rmSync } from 'node:fs';

const pending = new Set<string>();
/** Set when a signal asked the run to stop: work stops at its next step and nothing is swapped in. */
let stopping = false;
/** Set once the new output is in place: the run has done its work. */
let finished = false;
/** What must stop before the folders go: worker threads still writing into them. */
const stoppers = new Set<() => Promise<unknown>>();

/** Worker threads may still be writing into a folder while it goes: retried. */
const REMOVE = { recursive: true, force: true, maxRetries: 5, retryDelay: 20 } as const;

function removeAll(): void {
  for (const path of pending) {
    try {
      rmSync(path, REMOVE);
    } catch (error) {
      process.stderr.write(`warning: could not remove ${path}: ${String(error)}\n`);
    }
  }
  pending.clear();
}

/**
 * Lets a signal's handler run between steps of work done on this thread;
 * once a stop is asked for, never settles: the handler ends the process.
 */
export async function checkpoint(): Promise<void> {
  // Two turns: code resumed from I/O (a worker's last message, a write) runs a
  // first immediate before the event loop next reads signals; the second comes after.
  await new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
  if (stopping) await new Promise<never>(() => undefined);
}

/** Registers a way to stop work that writes into the folders; the returned function forgets it. */
export function stopOnExit(stop: () => Promise<unknown>): () => void {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

/** Registers `path` for removal at exit; the returned function removes it now. */
export function removeOnExit(path: string): () => void {
  pending.add(path);
  return () => {
    pending.delete(path);
    rmSync(path, REMOVE);
  };
}

/**
 * The new output is in place: a signal from now on does not stop the run
 * (it would say "stopped" and exit 130 over a finished output); the run
 * prints its report and ends as it would.
 */
export function outputInPlace(): void {
  finished = true;
}

/** Forgets `path` (it became the output, say). */
export function keepAtExit(path: string): void {
  pending.delete(path);
}

/**
 * For the CLI's process: a signal stops the workers, removes the temporary
 * folders, then exits as signalled.
 */
export function installExitCleanup(): void {
  process.on('exit', removeAll);
  const signals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
  for (const [signal, number] of Object.entries(signals)) {
    // Kept for the whole run (not once): a second Ctrl+C while the folders are
    // removed must not end the process half way, leaving them behind.
    process.on(signal, () => {
      if (finished || stopping) return;
      stopping = true;
      void Promise.allSettled([...stoppers].map((stop) => stop())).then(() => {
        removeAll();
        process.exit(128 + number);
      });
    });
  }
}
