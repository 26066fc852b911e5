/**
 * Temporary folders a run makes (a publish package unpacked, the output's
 * staging folder) are removed on every way out: a normal end, an error, an
 * uncaught exception, Ctrl+C or `kill`. Only `kill -9` escapes; the next run
 * removes what it left (see out-folder.ts and zip-input.ts).
 */
import { rmSync } from 'node:fs';

const pending = new Set<string>();

function removeAll(): void {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  pending.clear();
}

/** Registers `path` for removal at exit; the returned function removes it now. */
export function removeOnExit(path: string): () => void {
  pending.add(path);
  return () => {
    pending.delete(path);
    rmSync(path, { recursive: true, force: true });
  };
}

/** Forgets `path` (it became the output, say). */
export function keepAtExit(path: string): void {
  pending.delete(path);
}

/** For the CLI's process: signals remove the temporary folders, then exit as signalled. */
export function installExitCleanup(): void {
  process.on('exit', removeAll);
  const signals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
  for (const [signal, number] of Object.entries(signals)) {
    process.once(signal, () => {
      removeAll();
      process.exit(128 + number);
    });
  }
}
