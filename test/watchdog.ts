/**
 * A Vitest reporter that ends a run held by one test file. A test's timeout
 * cannot fire while the file's process is busy without pause (a loop, a
 * process waited for synchronously), and then the run would wait until CI's
 * limit and end with nothing said. Here a file still running after
 * FILE_LIMIT_MS is named, with its last test reported begun, on stderr; the
 * run ends with an error, its test processes killed (a busy one would not
 * see its parent go).
 */
import { readFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * The slowest file takes about 30 s alone, twice that on a busy machine.
 * ROL_FILE_LIMIT_S sets another limit (to try the watchdog on a file that spins).
 */
const FILE_LIMIT_MS = Number(process.env['ROL_FILE_LIMIT_S'] ?? 600) * 1000;
const CHECK_EVERY_MS = 15_000;

export default class Watchdog implements Reporter {
  /**
   * Files begun and not ended (Vitest's "queued": a test process has begun
   * to load the file): since when, and the last test reported begun.
   */
  private readonly running = new Map<string, { since: number; test: string }>();
  private timer: NodeJS.Timeout | undefined;

  onTestRunStart(): void {
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onTestModuleQueued(module: TestModule): void {
    this.running.set(module.moduleId, { since: Date.now(), test: 'none reported' });
  }

  onTestCaseReady(test: TestCase): void {
    const file = this.running.get(test.module.moduleId);
    if (file !== undefined) file.test = test.fullName;
  }

  onTestModuleEnd(module: TestModule): void {
    this.running.delete(module.moduleId);
  }

  onTestRunEnd(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    const now = Date.now();
    const stuck = [...this.running].filter(([, { since }]) => now - since > FILE_LIMIT_MS);
    if (stuck.length === 0) return;
    for (const [file, { since, test }] of stuck) {
      process.stderr.write(
        `\n[watchdog] ${file} still running after ${Math.round((now - since) / 1000)} s; last test begun: ${test}\n`,
      );
    }
    process.stderr.write('[watchdog] the run is ended: a file that never ends would hold it\n');
    for (const child of childProcesses()) {
      try {
        process.kill(child, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    process.exit(1);
  }
}

/** This process's children (Linux; none found elsewhere). */
function childProcesses(): number[] {
  try {
    const list = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8');
    return list.split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
