import type { Output } from './run';

/**
 * Progress on stderr: a live line on a terminal, a line every few seconds in
 * logs (CI), nothing for small runs that finish at once.
 */
export class Progress {
  private readonly started = performance.now();
  private lastPrint = performance.now();
  private count = 0;

  constructor(
    private readonly total: number,
    private readonly output: Output,
    private readonly enabled: boolean,
  ) {}

  tick(bytes: number): void {
    this.count++;
    if (!this.enabled) return;
    const now = performance.now();
    const interval = this.output.isTTY ? 200 : 5000;
    if (now - this.lastPrint < interval) return;
    this.lastPrint = now;
    this.print(bytes, now);
  }

  done(bytes: number): void {
    if (!this.enabled) return;
    if (this.output.isTTY && performance.now() - this.started > 200) {
      this.print(bytes, performance.now());
      process.stderr.write('\n');
    }
  }

  private print(bytes: number, now: number): void {
    const seconds = (now - this.started) / 1000;
    const percent = this.total === 0 ? 100 : Math.round((this.count / this.total) * 100);
    const rate = bytes / 1e6 / Math.max(seconds, 1e-9);
    const line = `extracting ${this.count}/${this.total} reports (${percent}%), ${rate.toFixed(1)} MB/s`;
    if (this.output.isTTY) process.stderr.write(`\r${line}`);
    else this.output.err(line);
  }
}
