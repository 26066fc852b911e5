/**
 * `--stats` splits the process's processor time by thread (src/cli/stats.ts):
 * the main thread's and each worker's own clocks, the rest V8's and Node's.
 */
import { describe, expect, it } from 'vitest';
import { byThread } from '../../src/cli/stats';
import { threadCpuSeconds } from '../../src/cli/thread-cpu';

describe('processor time by thread', () => {
  it('gives the rest of the process to V8 and Node', () => {
    const split = byThread(8, [2.25, 2], 1.5);
    expect(split?.main).toBe(1.5);
    expect(split?.workers).toEqual([2.25, 2]);
    expect(split?.others).toBeCloseTo(2.25, 10);
  });

  it('tells no split when a thread did not tell its time, or no report was read', () => {
    expect(byThread(8, [2.25, null], 1.5)).toBeNull();
    expect(byThread(8, [2.25, 2], null)).toBeNull();
    expect(byThread(8, null, 1.5)).toBeNull();
    // Read on the main thread: no worker's time, which is a split.
    expect(byThread(8, [], 6)?.others).toBe(2);
  });

  it('gives no thread a negative time when the clocks, read a moment apart, disagree', () => {
    expect(byThread(4, [2, 1.5], 0.52)?.others).toBe(0);
  });

  it.runIf(process.platform === 'linux')(
    'reads this thread’s clock, which runs as it works',
    () => {
      // Busy until it has run 20 ms (a loaded machine may take the core away meanwhile).
      const before = threadCpuSeconds() ?? NaN;
      const process0 = process.cpuUsage();
      const until = performance.now() + 2000;
      let now = before;
      while (now - before < 0.02 && performance.now() < until) now = threadCpuSeconds() ?? NaN;
      expect(now - before).toBeGreaterThanOrEqual(0.02);
      // No more than the whole process ran meanwhile.
      const { user, system } = process.cpuUsage(process0);
      expect(now - before).toBeLessThanOrEqual((user + system) / 1e6 + 0.01);
    },
  );
});
