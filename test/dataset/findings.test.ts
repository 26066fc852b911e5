/**
 * findingsOf: a report's figures read in a worker, on the page's thread when
 * none can start or it breaks, the last few reports' kept.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFindings, type Findings } from '../../src/dataset/read-findings';
import type { FindingsReply, FindingsRequest } from '../../src/dataset/findings';

const TEXT = '2024年，全镇共调解矛盾纠纷120件，调解成功率98%。';

/** A stand-in for the browser's Worker: what was posted, and a way to answer or fail. */
class StubWorker {
  static made: StubWorker[] = [];
  readonly posted: FindingsRequest[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  constructor() {
    StubWorker.made.push(this);
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(request: FindingsRequest): void {
    this.posted.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(reply: FindingsReply): void {
    for (const l of this.listeners.get('message') ?? []) l({ data: reply });
  }
  fail(): void {
    for (const l of this.listeners.get('error') ?? []) l({});
  }
  /** Answers every request posted so far as the real worker would. */
  answerAll(): void {
    for (const r of this.posted.splice(0)) {
      this.reply({ id: r.id, ok: true, findings: readFindings(r.reportId, r.text) });
    }
  }
}

const load = async () => {
  vi.resetModules();
  return import('../../src/dataset/findings');
};

beforeEach(() => {
  StubWorker.made = [];
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('findingsOf', () => {
  it('reads on the page’s thread when no worker can start', async () => {
    vi.stubGlobal('Worker', undefined);
    const { findingsOf } = await load();
    const found = await findingsOf('r1', TEXT);
    expect(found).toEqual(readFindings('r1', TEXT));
    expect(found.mentions.length).toBeGreaterThan(0);
  });

  it('reads in the worker, and keeps what it read for the same text', async () => {
    vi.stubGlobal('Worker', StubWorker);
    const { findingsOf } = await load();
    const first = findingsOf('r1', TEXT);
    const worker = StubWorker.made[0]!;
    expect(worker.posted.map((r) => r.reportId)).toEqual(['r1']);
    worker.answerAll();
    expect(await first).toEqual(readFindings('r1', TEXT));
    // Asked again: the same answer, nothing posted.
    expect(await findingsOf('r1', TEXT)).toBe(await first);
    expect(worker.posted).toEqual([]);
    // Another text under the same id (an imported report): read again.
    void findingsOf('r1', `${TEXT}\n另有信访事项42件。`);
    expect(worker.posted).toHaveLength(1);
  });

  it('reads the jobs of a worker that breaks, and every later one, on the page’s thread', async () => {
    vi.stubGlobal('Worker', StubWorker);
    const { findingsOf } = await load();
    const waiting = findingsOf('r1', TEXT);
    const worker = StubWorker.made[0]!;
    worker.fail();
    expect(worker.terminated).toBe(true);
    expect(await waiting).toEqual(readFindings('r1', TEXT));
    expect(await findingsOf('r2', TEXT)).toEqual(readFindings('r2', TEXT));
    expect(StubWorker.made).toHaveLength(1);
  });

  it('takes a worker silent while jobs wait for dead, and reads them on the page’s thread', async () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal('Worker', StubWorker);
      // No answer at all.
      const silent = await load();
      const unanswered = silent.findingsOf('r0', TEXT);
      vi.advanceTimersByTime(silent.WORKER_SILENT_MS);
      expect(StubWorker.made[0]!.terminated).toBe(true);
      expect(await unanswered).toEqual(readFindings('r0', TEXT));
      // An answer within the wait keeps it.
      const { findingsOf, WORKER_SILENT_MS } = await load();
      const first = findingsOf('r1', TEXT);
      const worker = StubWorker.made[1]!;
      // The wait starts again with each answer, for the jobs still there.
      vi.advanceTimersByTime(WORKER_SILENT_MS - 1);
      const second = findingsOf('r2', TEXT);
      const [request] = worker.posted.splice(0, 1);
      worker.reply({ id: request!.id, ok: true, findings: readFindings('r1', TEXT) });
      expect(await first).toEqual(readFindings('r1', TEXT));
      vi.advanceTimersByTime(WORKER_SILENT_MS - 1);
      expect(worker.terminated).toBe(false);
      // Then nothing more (a worker out of memory ends without an error event).
      vi.advanceTimersByTime(1);
      expect(worker.terminated).toBe(true);
      expect(await second).toEqual(readFindings('r2', TEXT));
      expect(await findingsOf('r3', TEXT)).toEqual(readFindings('r3', TEXT));
      expect(StubWorker.made).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not keep a failed read: the next panel tries again', async () => {
    vi.stubGlobal('Worker', StubWorker);
    const { findingsOf } = await load();
    const failed = findingsOf('r1', TEXT);
    const worker = StubWorker.made[0]!;
    const [request] = worker.posted.splice(0);
    worker.reply({ id: request!.id, ok: false, message: 'RangeError: out of memory' });
    await expect(failed).rejects.toThrow('out of memory');
    const again = findingsOf('r1', TEXT);
    expect(worker.posted).toHaveLength(1);
    worker.answerAll();
    expect((await again).mentions.length).toBeGreaterThan(0);
  });

  it('keeps the 16 reports last asked for', async () => {
    vi.stubGlobal('Worker', StubWorker);
    const { findingsOf } = await load();
    const ask = (n: number): Promise<Findings> => findingsOf(`r${n}`, TEXT);
    for (let n = 0; n < 16; n++) void ask(n);
    const worker = StubWorker.made[0]!;
    worker.answerAll();
    // r0 asked again: now the most recent; r1 the oldest, gone when a 17th comes.
    void ask(0);
    void ask(16);
    worker.answerAll();
    void ask(0);
    void ask(2);
    expect(worker.posted).toEqual([]);
    void ask(1);
    expect(worker.posted.map((r) => r.reportId)).toEqual(['r1']);
  });
});
