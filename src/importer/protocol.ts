/**
 * Messages between the page and the import worker. Nothing here loads the
 * extractor: the page reads this.
 *
 * Report texts cross in pieces (see pieces.ts), each its own message, before
 * the message that needs them, where their place is left empty.
 */
import { piecesOf } from './pieces';
import type { PublishedImport, PublishPackage } from './publish';
import type { PublishedProblem } from './published';
import type { ImportBatch } from './workspace';

/** Why no publish package was built: the worker did not start, or the published data could not be had. */
export type PublishProblem = PublishedProblem | { readonly problem: 'no-worker' };

/**
 * Every message of ours carries this: pdf.js, loaded here to read PDFs, sets
 * itself up on the same worker scope and posts and receives its own.
 */
export const CHANNEL = 'rule-of-law-import';

/** A piece of the text of the `report`th report of the message that follows. */
interface TextPiece {
  readonly type: 'text';
  readonly report: number;
  readonly piece: string;
}

export type ImportRequest = { readonly channel: typeof CHANNEL } & (
  | TextPiece
  | {
      readonly type: 'import';
      /** Read in the worker. */
      readonly files: readonly File[];
      readonly taken: readonly string[];
    }
  | {
      readonly type: 'publish';
      /** Their texts came before, in pieces. */
      readonly reports: readonly PublishedImport[];
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
  | TextPiece
  /** The reports' texts came before, in pieces. */
  | { readonly type: 'done'; readonly batch: ImportBatch }
  | {
      readonly type: 'published';
      readonly result: PublishPackage | { readonly error: PublishProblem };
    }
);

/** The text messages for these texts, in order. */
export function textPieces(texts: readonly string[]): TextPiece[] {
  return texts.flatMap((text, report) =>
    piecesOf(text).map((piece): TextPiece => ({ type: 'text', report, piece })),
  );
}

/** Collects the pieces as they arrive; `take` gives a report's whole text (and forgets it). */
export function textCollector(): {
  add(piece: TextPiece): void;
  take(report: number): string;
} {
  const pieces = new Map<number, string[]>();
  return {
    add: (p) => {
      const list = pieces.get(p.report) ?? [];
      list.push(p.piece);
      pieces.set(p.report, list);
    },
    take: (report) => {
      const text = (pieces.get(report) ?? []).join('');
      pieces.delete(report);
      return text;
    },
  };
}
