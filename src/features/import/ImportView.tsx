/**
 * Import and review: a person drops this year's reports on the site, the
 * extractor runs in a worker, and every value is checked against its
 * sentence — accepted, edited or rejected; a missed figure is added by
 * selecting the words that state it. Everything stays in this browser
 * (IndexedDB) until it is published.
 *
 * This file is the view: the drop zone, the imported reports, the one under
 * review (Review.tsx and the files it names), publishing (usePublish.ts).
 *
 * May import: src/store, src/dataset, src/importer, src/extract (names), src/i18n,
 * src/catalog, src/components; src/documents/extensions.ts only (the readers
 * load in the import worker, not with this view).
 */
import { useEffect, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../components/EmptyState';
import { REPORT_EXTENSIONS } from '../../documents/extensions';
import { useAppStore } from '../../store';
import { useReports } from '../../store/hooks';
import { importText } from '../../i18n/import';
import { importProblemText } from './problems';
import { PublishButton, PublishStatus } from './PublishStatus';
import { ReplacesTag } from './PublishedTwin';
import { isDone, reportName } from './reports';
import { Review } from './Review';
import { usePublish } from './usePublish';
import { WorkspaceState } from './WorkspaceState';

/** The file picker offers the files the importer reads as reports, and only those. */
const ACCEPT = REPORT_EXTENSIONS.join(',');

export function ImportView() {
  const { lang, imported, problems, progress, saved, loadWorkspace, importFiles, discardImports } =
    useAppStore(
      useShallow((s) => ({
        lang: s.lang,
        imported: s.imported,
        problems: s.importProblems,
        progress: s.importProgress,
        saved: s.workspaceSaved,
        loadWorkspace: s.loadWorkspace,
        importFiles: s.importFiles,
        discardImports: s.discardImports,
      })),
    );
  useEffect(() => loadWorkspace(), [loadWorkspace]);
  // The published reports, so a dropped file of one lands on its town (see placeImport).
  useReports();
  const { publishing, start: publish } = usePublish(imported);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const selected = imported.find((r) => r.reportId === selectedId) ?? imported[0] ?? null;
  const pending = imported.reduce((n, r) => n + r.values.filter((v) => !isDone(v)).length, 0);
  const onDrop = (e: DragEvent<HTMLElement>): void => {
    e.preventDefault();
    setDragging(false);
    importFiles([...e.dataTransfer.files]);
  };
  return (
    <section
      className="panel import"
      aria-label={importText(lang, 'importTitle')}
      data-testid="import-view"
    >
      <WorkspaceState />
      <div className="panel-head">
        <h2>{importText(lang, 'importTitle')}</h2>
        {imported.length > 0 && (
          <div className="panel-actions">
            <PublishButton lang={lang} publishing={publishing} onPublish={() => void publish()} />
            <button type="button" onClick={discardImports}>
              {importText(lang, 'discardAll')}
            </button>
          </div>
        )}
      </div>
      {imported.length > 0 && <PublishStatus lang={lang} publishing={publishing} />}
      <label
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="drop-title">{importText(lang, 'importDrop')}</span>
        <span className="hint">{importText(lang, 'importHint')}</span>
        <input
          type="file"
          multiple
          accept={ACCEPT}
          data-testid="import-input"
          aria-label={importText(lang, 'importPick')}
          disabled={progress !== null}
          onChange={(e) => {
            importFiles([...(e.currentTarget.files ?? [])]);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {progress !== null && (
        <div className="import-progress" role="status">
          <progress value={progress.done} max={progress.total} data-testid="import-progress" />{' '}
          {importText(lang, 'importProgress', { done: progress.done, total: progress.total })}
        </div>
      )}
      {problems.length > 0 && (
        <div className="import-problems" data-testid="import-problems" role="alert">
          <p>{importText(lang, 'importProblems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.file}-${i}`}>
                <code>{p.file}</code> {importProblemText(lang, p)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {imported.length > 0 && (
        <p className="local-banner">
          {importText(lang, 'localBanner')}{' '}
          {pending > 0
            ? importText(lang, 'pendingBeforePublish', { n: pending })
            : importText(lang, 'allReviewed')}
        </p>
      )}
      {!saved && <p className="note">{importText(lang, 'workspaceNotSaved')}</p>}
      {imported.length === 0 ? (
        progress === null && <EmptyState title={importText(lang, 'noImports')} />
      ) : (
        <div className="import-layout">
          <nav className="import-list" aria-label={importText(lang, 'importedReports')}>
            <h3>{importText(lang, 'importedReports')}</h3>
            <ul>
              {imported.map((r) => {
                const done = r.values.filter(isDone).length;
                return (
                  <li key={r.reportId}>
                    <button
                      type="button"
                      aria-current={r === selected ? 'true' : undefined}
                      className={r === selected ? 'import-current' : ''}
                      onClick={() => setSelectedId(r.reportId)}
                    >
                      <span>
                        {reportName(r)} <ReplacesTag lang={lang} report={r} />
                      </span>
                      <span className="th-meta">
                        {importText(lang, 'reviewCounts', {
                          file: r.file,
                          pending: r.values.length - done,
                          done,
                        })}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </nav>
          {selected !== null && <Review key={selected.reportId} lang={lang} report={selected} />}
        </div>
      )}
    </section>
  );
}
