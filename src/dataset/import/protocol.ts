/**
 * Messages between the page and the import worker. No runtime imports: the
 * page reads this without loading the extractor.
 */
import type { DroppedFile, ImportBatch } from './workspace';

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
