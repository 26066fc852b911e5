/**
 * Messages between the data layer and its parsing worker. The worker fetches
 * a file, parses and validates it, and posts the rows back in batches as it
 * goes, so no single message (and no main-thread task) is large.
 */
import type { Issue } from './model';

export type ParseKind = 'values' | 'reports';

export interface ParseRequest {
  readonly id: number;
  readonly kind: ParseKind;
  /** Absolute URL: a worker has no document to resolve against. */
  readonly url: string;
  /** The name shown in messages, e.g. data/indicators/mediation.cases.csv. */
  readonly file: string;
}

export type ParseReply =
  /** Posted once, when the worker's code has loaded (id 0). */
  | { readonly id: number; readonly type: 'ready' }
  | { readonly id: number; readonly type: 'rows'; readonly rows: readonly unknown[] }
  | { readonly id: number; readonly type: 'done'; readonly errors: readonly Issue[] };
