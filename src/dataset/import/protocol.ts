/**
 * Messages between the page and the import worker. No runtime imports: the
 * page reads this without loading the extractor.
 */
import type { PublishPackage } from './publish';
import type { DroppedFile, ImportBatch, ImportedReport } from './workspace';

/**
 * Every message of ours carries this: pdf.js, loaded here to read PDFs, sets
 * itself up on the same worker scope and posts and receives its own.
 */
export const CHANNEL = 'rule-of-law-import';

export type ImportRequest = { readonly channel: typeof CHANNEL } & (
  | {
      readonly type: 'import';
      readonly files: readonly DroppedFile[];
      readonly taken: readonly string[];
    }
  | {
      readonly type: 'publish';
      readonly reports: readonly ImportedReport[];
      /** The site's data folder as an absolute URL (ending in /); null when it publishes nothing. */
      readonly dataUrl: string | null;
    }
);

export type ImportReply = { readonly channel: typeof CHANNEL } & (
  | {
      readonly type: 'progress';
      readonly done: number;
      readonly total: number;
      readonly file: string;
    }
  | { readonly type: 'done'; readonly batch: ImportBatch }
  | { readonly type: 'published'; readonly result: PublishPackage | { readonly error: string } }
);
