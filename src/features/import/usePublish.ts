/**
 * Publishing: the package is built in the import worker (the published texts
 * fetched and extracted again with the imports), then downloaded.
 */
import { useState } from 'react';
import type { PublishProblem } from '../../importer/protocol';
import type { ImportedReport } from '../../importer/workspace';
import { useAppStore } from '../../store';

export type Publishing =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly done: number; readonly total: number }
  | { readonly state: 'failed'; readonly problem: PublishProblem }
  | {
      readonly state: 'done';
      readonly issues: readonly string[];
      readonly unreadable: readonly string[];
      readonly superseded: readonly string[];
    };

export function usePublish(reports: readonly ImportedReport[]): {
  readonly publishing: Publishing;
  readonly start: () => Promise<void>;
} {
  const status = useAppStore((s) => s.status);
  const [publishing, setPublishing] = useState<Publishing>({ state: 'idle' });
  const start = async (): Promise<void> => {
    setPublishing({ state: 'running', done: 0, total: 0 });
    const [{ runPublish }, { download }] = await Promise.all([
      import('../../importer/run'),
      import('../../export/csv'),
    ]);
    const dataUrl = status === 'ready' ? new URL('data/', document.baseURI).href : null;
    const result = await runPublish(reports, dataUrl, (done, total) =>
      setPublishing({ state: 'running', done, total }),
    );
    if ('error' in result) {
      setPublishing({ state: 'failed', problem: result.error });
      return;
    }
    const { zip } = result;
    download(
      'publish.zip',
      new Blob([zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer], {
        type: 'application/zip',
      }),
    );
    setPublishing({
      state: 'done',
      issues: result.issues,
      unreadable: result.unreadable,
      superseded: result.superseded,
    });
  };
  return { publishing, start };
}
