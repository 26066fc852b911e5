/**
 * The processor time of the calling thread, for `--stats` (ThreadCpu in
 * stats.ts).
 *
 * May import: node:*.
 */
import { readFileSync } from 'node:fs';

/** Linux: the thread's time on a processor, in nanoseconds, first of three numbers. */
const SCHEDSTAT = '/proc/thread-self/schedstat';

/** The calling thread's processor time so far, in seconds; null where the system does not tell it. */
export function threadCpuSeconds(): number | null {
  let text: string;
  try {
    text = readFileSync(SCHEDSTAT, 'latin1');
  } catch {
    return null;
  }
  const ns = Number(text.split(' ', 1)[0]);
  return Number.isFinite(ns) && ns >= 0 ? ns / 1e9 : null;
}
