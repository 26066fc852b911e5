/**
 * A report's mentions and unused numbers, for the source panel and the data
 * quality page: read off the text in a worker (findings.worker.ts), loaded
 * the first time a panel asks; on the main thread when no worker can start
 * (a server without the right MIME type, a strict policy), or once the
 * worker breaks or goes silent. The last few reports asked for are kept.
 */
import type { Findings } from './read-findings';

export type { Findings };

export interface FindingsRequest {
  readonly id: number;
  readonly reportId: string;
  readonly text: string;
}

export type FindingsReply =
  | { readonly id: number; readonly ok: true; readonly findings: Findings }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** Reports whose findings are kept (a panel stepping back and forth between a few). */
const KEPT = 16;
const kept = new Map<string, { readonly text: string; readonly findings: Promise<Findings> }>();

/**
 * Jobs waiting and no answer from the worker for this long: it is taken for
 * dead (one that runs out of memory ends without an error event) and its
 * jobs are read here. A report is read in well under a second, a few
 * seconds on a slow PC.
 */
export const WORKER_SILENT_MS = 30_000;

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const waiting = new Map<
  number,
  { request: FindingsRequest; settle: (f: Promise<Findings>) => void }
>();
let watchdog: ReturnType<typeof setTimeout> | undefined;

const onMainThread = (reportId: string, text: string): Promise<Findings> =>
  import('./read-findings').then((m) => m.readFindings(reportId, text));

/** Waits WORKER_SILENT_MS more for the worker while it has jobs. */
function watch(): void {
  clearTimeout(watchdog);
  watchdog = waiting.size > 0 ? setTimeout(giveUp, WORKER_SILENT_MS) : undefined;
}

/** The worker broke or went silent: every job waiting, and every later one, runs here. */
function giveUp(): void {
  broken = true;
  worker?.terminate();
  worker = null;
  const jobs = [...waiting.values()];
  waiting.clear();
  watch();
  for (const { request, settle } of jobs) settle(onMainThread(request.reportId, request.text));
}

function findingsWorker(): Worker | null {
  if (worker !== null || broken) return worker;
  try {
    worker = new Worker(new URL('./findings.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    broken = true;
    return null;
  }
  worker.addEventListener('message', (event: MessageEvent<FindingsReply>) => {
    const reply = event.data;
    const job = waiting.get(reply.id);
    if (job === undefined) return;
    waiting.delete(reply.id);
    watch();
    job.settle(
      reply.ok ? Promise.resolve(reply.findings) : Promise.reject(new Error(reply.message)),
    );
  });
  // Its code could not load, or it failed.
  worker.addEventListener('error', giveUp);
  return worker;
}

function read(reportId: string, text: string): Promise<Findings> {
  const w = findingsWorker();
  if (w === null) return onMainThread(reportId, text);
  return new Promise<Findings>((resolve, reject) => {
    const request: FindingsRequest = { id: nextId++, reportId, text };
    waiting.set(request.id, { request, settle: (f) => f.then(resolve, reject) });
    if (watchdog === undefined) watch();
    w.postMessage(request);
  });
}

/** The mentions and unused numbers of report `reportId`, whose published text is `text`. */
export function findingsOf(reportId: string, text: string): Promise<Findings> {
  const hit = kept.get(reportId);
  if (hit !== undefined && hit.text === text) {
    // The most recently asked for is the last to go.
    kept.delete(reportId);
    kept.set(reportId, hit);
    return hit.findings;
  }
  const findings = read(reportId, text);
  // A failed read is not kept: the next panel tries again.
  findings.catch(() => {
    if (kept.get(reportId)?.findings === findings) kept.delete(reportId);
  });
  kept.delete(reportId);
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value as string);
  kept.set(reportId, { text, findings });
  return findings;
}
