/**
 * The parsing worker (a module Web Worker): large data files are fetched,
 * parsed and validated here, off the main thread, and their rows streamed
 * back in batches. The same parsers run on the main thread for small files.
 */
import { errorMessage, fileError } from '../extract/result';
import { fetchText } from './fetch';
import { parseJob, type NumberedTown } from './parse';
import type { ParseReply, ToWorker } from './worker-protocol';

// The project's typings are the DOM's; a dedicated worker's scope needs only these two.
const scope = self as unknown as {
  postMessage(message: ParseReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
};
const post = (reply: ParseReply): void => scope.postMessage(reply);

/** index.json's towns, as the main thread last posted them. */
let towns: readonly NumberedTown[] = [];

scope.addEventListener('message', (event) => {
  const message = event.data;
  if ('towns' in message) {
    towns = message.towns;
    return;
  }
  const { id, job, url, file, bytes } = message;
  // The towns the job was asked with: a later message may replace them while it fetches.
  const numbered = towns;
  void fetchText(url, file, bytes)
    .then((fetched) => {
      if (!fetched.ok) {
        post({ id, type: 'done', errors: [fetched.reason] });
        return;
      }
      const parsed = parseJob(job, numbered, fetched.data, file, (rows: readonly unknown[]) =>
        post({ id, type: 'rows', rows }),
      );
      post({ id, type: 'done', errors: parsed.errors });
    })
    // A job always ends: a load waiting for it would keep the page busy for good.
    .catch((error: unknown) =>
      post({
        id,
        type: 'done',
        errors: [fileError(file, `could not be read (${errorMessage(error)})`)],
      }),
    );
});

post({ id: 0, type: 'ready' });
