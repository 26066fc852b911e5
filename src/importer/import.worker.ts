/**
 * The import worker: reads and extracts dropped files off the main thread,
 * posting progress after each file, so the page stays responsive with fifty
 * reports dropped at once; and builds the publish package, which extracts
 * every published report again.
 */
import {
  CHANNEL,
  textCollector,
  textPieces,
  type ImportReply,
  type ImportRequest,
} from './protocol';
import { buildPackage, replacedBy } from './publish';
import { fetchPublished } from './published';
import { importFiles, type DroppedFile } from './workspace';

const scope = self as unknown as {
  postMessage(message: ImportReply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void;
};

const progress = (done: number, total: number, file: string): void =>
  scope.postMessage({ channel: CHANNEL, type: 'progress', done, total, file });

/** The dropped files' bytes (read here, not on the page). */
async function readFiles(files: readonly File[]): Promise<DroppedFile[]> {
  const dropped: DroppedFile[] = [];
  for (const file of files) {
    dropped.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  return dropped;
}

/** Texts of the publish request to come. */
const texts = textCollector();

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request?.channel !== CHANNEL) return;
  if (request.type === 'text') {
    texts.add(request);
    return;
  }
  if (request.type === 'import') {
    void readFiles(request.files)
      .then((files) => importFiles(files, new Set(request.taken), progress))
      .then(({ reports, problems }) => {
        for (const piece of textPieces(reports.map((r) => r.text))) {
          scope.postMessage({ channel: CHANNEL, ...piece });
        }
        const batch = { reports: reports.map((r) => ({ ...r, text: '' })), problems };
        // The figures' columns move to the page rather than being copied.
        const columns = reports.flatMap((r) => [
          r.unused.starts.buffer,
          r.unused.ends.buffer,
          r.unused.values.buffer,
          r.unused.kinds.buffer,
        ]);
        scope.postMessage({ channel: CHANNEL, type: 'done', batch }, columns as ArrayBuffer[]);
      })
      .catch((error: unknown) => {
        // Thrown from a task, it reaches the page as the worker's error: never a batch left waiting.
        setTimeout(() => {
          throw error;
        });
      });
    return;
  }
  const reports = request.reports.map((r, i) => ({ ...r, text: texts.take(i) }));
  // One bar for both steps: fetching the published texts, then extracting every report.
  const imported = reports.length;
  void (
    request.dataUrl === null
      ? Promise.resolve({ ok: true as const, data: null })
      : fetchPublished(
          request.dataUrl,
          (rows) => replacedBy(reports, rows),
          (done, total, file) => progress(done, 2 * total + imported, file),
        )
  ).then((published) => {
    if (!published.ok) {
      scope.postMessage({
        channel: CHANNEL,
        type: 'published',
        result: { error: published.reason },
      });
      return;
    }
    const fetched = published.data?.texts.size ?? 0;
    const result = buildPackage(reports, published.data, (done, total, file) =>
      progress(fetched + done, fetched + total, file),
    );
    scope.postMessage({ channel: CHANNEL, type: 'published', result }, [
      result.zip.buffer as ArrayBuffer,
    ]);
  });
});
