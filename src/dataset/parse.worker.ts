/**
 * The parsing worker (a module Web Worker): large data files are fetched,
 * parsed and validated here, off the main thread, and their rows streamed
 * back in batches. The same parsers run on the main thread for small files.
 */
import { fetchText } from './fetch';
import { PARSERS } from './parse';
import type { ParseReply, ParseRequest } from './worker-protocol';

// The project's typings are the DOM's; a dedicated worker's scope needs only these two.
const scope = self as unknown as {
  postMessage(message: ParseReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseRequest>) => void): void;
};
const post = (reply: ParseReply): void => scope.postMessage(reply);

scope.addEventListener('message', (event) => {
  const { id, kind, url, file } = event.data;
  void fetchText(url, file).then((fetched) => {
    if (!fetched.ok) {
      post({ id, type: 'done', errors: [fetched.reason] });
      return;
    }
    const parsed = PARSERS[kind](fetched.data, file, (rows: readonly unknown[]) =>
      post({ id, type: 'rows', rows }),
    );
    post({ id, type: 'done', errors: parsed.errors });
  });
});

post({ id: 0, type: 'ready' });
