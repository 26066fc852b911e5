/**
 * The import worker: reads and extracts dropped files off the main thread,
 * posting progress after each file, so the page stays responsive with fifty
 * reports dropped at once.
 */
import { CHANNEL, type ImportReply, type ImportRequest } from './protocol';
import { importFiles } from './workspace';

const scope = self as unknown as {
  postMessage(message: ImportReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void;
};

scope.addEventListener('message', (event) => {
  if (event.data?.channel !== CHANNEL) return;
  const { files, taken } = event.data;
  void importFiles(files, new Set(taken), (done, total, file) =>
    scope.postMessage({ channel: CHANNEL, type: 'progress', done, total, file }),
  ).then((batch) => scope.postMessage({ channel: CHANNEL, type: 'done', batch }));
});
