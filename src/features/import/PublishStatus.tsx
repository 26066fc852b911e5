/** The publish button, and below the view's actions: progress, problems, what to do with the package. */
import type { Lang } from '../../i18n';
import { useAppStore } from '../../store';
import { importText } from '../../i18n/import';
import { publishProblemText } from './problems';
import type { Publishing } from './usePublish';

export function PublishButton({
  lang,
  publishing,
  onPublish,
}: {
  lang: Lang;
  publishing: Publishing;
  onPublish: () => void;
}) {
  const status = useAppStore((s) => s.status);
  return (
    <button
      type="button"
      data-testid="publish-export"
      disabled={publishing.state === 'running' || status === 'loading'}
      onClick={onPublish}
    >
      {importText(lang, 'publishExport')}
    </button>
  );
}

export function PublishStatus({ lang, publishing }: { lang: Lang; publishing: Publishing }) {
  const status = useAppStore((s) => s.status);
  return (
    <div className="publish-status" data-testid="publish-status" role="status">
      {status === 'failed' && <p className="note">{importText(lang, 'publishNoData')}</p>}
      {publishing.state === 'running' && (
        <p>
          <progress value={publishing.done} max={Math.max(publishing.total, 1)} />{' '}
          {importText(lang, 'publishProgress', publishing)}
        </p>
      )}
      {publishing.state === 'failed' && (
        <p role="alert">
          {importText(lang, 'publishFailed', {
            detail: publishProblemText(lang, publishing.problem),
          })}
        </p>
      )}
      {publishing.state === 'done' && (
        <>
          <p>{importText(lang, 'publishDone')}</p>
          {publishing.unreadable.length > 0 && (
            <p className="note">
              {importText(lang, 'publishUnreadable', {
                ids: publishing.unreadable.join(importText(lang, 'idSeparator')),
              })}
            </p>
          )}
          {publishing.superseded.length > 0 && (
            <p className="note">
              {importText(lang, 'publishSuperseded', {
                ids: publishing.superseded.join(importText(lang, 'idSeparator')),
              })}
            </p>
          )}
          {publishing.issues.length > 0 && (
            <div className="import-problems">
              <p>{importText(lang, 'publishIssues')}</p>
              <ul>
                {publishing.issues.map((issue) => (
                  <li key={issue}>
                    <code>{issue}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </div>
  );
}
