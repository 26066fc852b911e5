/**
 * The import worker: reads and extracts dropped files off the main thread,
 * posting progress after each file, so the page stays responsive with fifty
 * reports dropped at once.
 */
import type { DroppedFile, ImportBatch } from './workspace';
import { importFiles } from './workspace';

export interface ImportRequest {
  readonly files: readonly DroppedFile[];
  readonly taken: readonly string[];
}

export type ImportReply =
  | {
      readonly type: 'progress';
      readonly done: number;
      readonly total: number;
      readonly file: string;
    }
  | { readonly type: 'done'; readonly batch: ImportBatch };

const scope = self as unknown as {
  postMessage(message: ImportReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void;
};

scope.addEventListener('message', (event) => {
  const { files, taken } = event.data;
  void importFiles(files, new Set(taken), (done, total, file) =>
    scope.postMessage({ type: 'progress', done, total, file }),
  ).then((batch) => scope.postMessage({ type: 'done', batch }));
});
