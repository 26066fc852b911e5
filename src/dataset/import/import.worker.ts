/**
 * The import worker: reads and extracts dropped files off the main thread,
 * posting progress after each file, so the page stays responsive with fifty
 * reports dropped at once.
 */
import type { DroppedFile, ImportBatch } from './workspace';
import { importFiles } from './workspace';

/**
 * Every message of ours carries this: pdf.js, loaded here to read PDFs, sets
 * itself up on the same worker scope and posts and receives its own.
 */
export const CHANNEL = 'rule-of-law-import';

export interface ImportRequest {
  readonly channel: typeof CHANNEL;
  readonly files: readonly DroppedFile[];
  readonly taken: readonly string[];
}

export type ImportReply = { readonly channel: typeof CHANNEL } & (
  | {
      readonly type: 'progress';
      readonly done: number;
      readonly total: number;
      readonly file: string;
    }
  | { readonly type: 'done'; readonly batch: ImportBatch }
);

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
