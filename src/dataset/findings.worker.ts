/**
 * The findings worker (a module Web Worker): reads a report's mentions and
 * unused numbers off its text (read-findings.ts) off the main thread, where
 * the extractor's first run (building its tables) would be a long task.
 */
import { readFindings } from './read-findings';
import type { FindingsReply, FindingsRequest } from './findings';

// The project's typings are the DOM's; a dedicated worker's scope needs only these two.
const scope = self as unknown as {
  postMessage(message: FindingsReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FindingsRequest>) => void): void;
};

scope.addEventListener('message', (event) => {
  const { id, reportId, text } = event.data;
  try {
    scope.postMessage({ id, ok: true, findings: readFindings(reportId, text) });
  } catch (error) {
    scope.postMessage({ id, ok: false, message: String(error) });
  }
});
