/**
 * What `--stats` writes (read by `npm run bench:extract` and the tests):
 * the run's time, its phases, its memory, and its processor time, in all and
 * by thread.
 *
 * May import: src/cli.
 */
import type { Phases } from './phases';
import type { RunResult } from './run';
import { threadCpuSeconds } from './thread-cpu';
import type { WorkerCpuSeconds } from './worker';
import type { Written } from './write-data';

export interface ThreadCpu {
  readonly main: number;
  /** Each worker thread's, in the order they started. */
  readonly workers: readonly number[];
  /**
   * The rest of the process's: V8's own threads (above all its optimising
   * compiler, which compiles the extractor again in each thread that runs
   * it, and the collector's helpers) and Node's I/O threads; also each
   * worker's last message and its end, after it last read its clock (a few
   * milliseconds).
   */
  readonly others: number;
}

export interface RunStats {
  readonly seconds: number;
  readonly bytes: number;
  readonly reports: number;
  readonly maxRssKb: number;
  /**
   * Processor time of every thread: steadier than the wall time on a disk
   * whose cost swings from minute to minute. By thread where the system
   * tells it (Linux), else null.
   */
  readonly cpuSeconds: {
    readonly user: number;
    readonly system: number;
    readonly threads: ThreadCpu | null;
  };
  readonly phases: Phases;
  readonly groups: Written['groups'] | null;
  readonly uptimeSeconds: number;
}

/** The figures of a run that has just ended, taken now. */
export function runStats(result: RunResult): RunStats {
  const usage = process.resourceUsage();
  const user = usage.userCPUTime / 1e6;
  const system = usage.systemCPUTime / 1e6;
  return {
    seconds: result.seconds,
    bytes: result.bytesRead,
    reports: result.written?.reports.length ?? 0,
    maxRssKb: usage.maxRSS,
    cpuSeconds: { user, system, threads: byThread(user + system, result.workerCpuSeconds) },
    phases: result.phases ?? {},
    groups: result.written?.groups ?? null,
    uptimeSeconds: process.uptime(),
  };
}

/** Null where the system does not tell a thread's time, or the run stopped before the reports. */
export function byThread(
  total: number,
  workerSeconds: WorkerCpuSeconds | null,
  main = threadCpuSeconds(),
): ThreadCpu | null {
  if (workerSeconds === null || main === null) return null;
  const workers = workerSeconds.filter((s): s is number => s !== null);
  if (workers.length < workerSeconds.length) return null;
  const others = total - main - workers.reduce((a, b) => a + b, 0);
  // The two clocks are read a moment apart: what they disagree by is no thread's.
  return { main, workers, others: Math.max(0, others) };
}
