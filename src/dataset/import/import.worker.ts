/**
 * The import worker: reads and extracts dropped files off the main thread,
 * posting progress after each file, so the page stays responsive with fifty
 * reports dropped at once; and builds the publish package, which extracts
 * every published report again.
 */
import { CHANNEL, type ImportReply, type ImportRequest } from './protocol';
import { buildPackage } from './publish';
import { fetchPublished } from './published';
import { importFiles } from './workspace';

const scope = self as unknown as {
  postMessage(message: ImportReply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void;
};

const progress = (done: number, total: number, file: string): void =>
  scope.postMessage({ channel: CHANNEL, type: 'progress', done, total, file });

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request?.channel !== CHANNEL) return;
  if (request.type === 'import') {
    void importFiles(request.files, new Set(request.taken), progress).then((batch) =>
      scope.postMessage({ channel: CHANNEL, type: 'done', batch }),
    );
    return;
  }
  // One bar for both steps: fetching the published texts, then extracting every report.
  const replaced = new Set(request.reports.map((r) => r.reportId));
  const imported = request.reports.length;
  void (
    request.dataUrl === null
      ? Promise.resolve({ ok: true as const, data: null })
      : fetchPublished(request.dataUrl, replaced, (done, total, file) =>
          progress(done, 2 * total + imported, file),
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
    const result = buildPackage(request.reports, published.data, (done, total, file) =>
      progress(fetched + done, fetched + total, file),
    );
    scope.postMessage({ channel: CHANNEL, type: 'published', result }, [
      result.zip.buffer as ArrayBuffer,
    ]);
  });
});
