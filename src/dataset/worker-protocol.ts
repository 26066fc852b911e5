/**
 * Messages between the data layer and its parsing worker. The worker fetches
 * a file, parses and validates it, and posts the rows back in batches as it
 * goes, so no single message (and no main-thread task) is large.
 */
import type { Issue } from './model';
import type { NumberedTown, ParseJob } from './parse';

export interface ParseRequest {
  readonly id: number;
  /** The file's kind and what its place gives its rows. */
  readonly job: ParseJob;
  /** Absolute URL: a worker has no document to resolve against. */
  readonly url: string;
  /** The name shown in messages, e.g. data/indicators/mediation.cases/2024.csv. */
  readonly file: string;
  /** Its size as index.json lists it, which it must have (see fetchText). */
  readonly bytes: number;
}

/**
 * What the main thread posts: index.json's towns (before the first job that
 * numbers them, and again whenever they change), or a file to parse.
 */
export type ToWorker = { readonly towns: readonly NumberedTown[] } | ParseRequest;

export type ParseReply =
  /** Posted once, when the worker's code has loaded (id 0). */
  | { readonly id: number; readonly type: 'ready' }
  | { readonly id: number; readonly type: 'rows'; readonly rows: readonly unknown[] }
  | { readonly id: number; readonly type: 'done'; readonly errors: readonly Issue[] };
