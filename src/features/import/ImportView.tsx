/**
 * Import and review: a person drops this year's reports on the site, the
 * extractor runs in a worker, and every value is checked against its
 * sentence — accepted, edited or rejected; a missed figure is added by
 * selecting the words that state it. Everything stays in this browser
 * (IndexedDB) until it is published.
 *
 * May import: src/store, src/dataset, src/extract (number reading), src/i18n,
 * src/catalog, src/components.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../../catalog';
import { EmptyState } from '../../components/EmptyState';
import { segmentText, type Mark } from '../../components/segments';
import type { ImportedReport, ImportProblem, ReviewValue } from '../../dataset/import/workspace';
import { formatValue, indicatorName, t, type Lang } from '../../i18n';
import { m, type ImportMessage } from './messages';
import { countyKeyOf, townIdOf } from '../../dataset/model';
import { useAppStore } from '../../store';
import { useCountyData } from '../../store/hooks';
import { figureIn, sentenceAround } from './text-spans';

const PROBLEM_MESSAGE: Readonly<Record<ImportProblem['problem'], ImportMessage>> = {
  'too-large': 'problemTooLarge',
  unsupported: 'problemUnsupported',
  'no-text': 'problemNoText',
  encrypted: 'problemEncrypted',
  'not-docx': 'problemNotDocx',
  unreadable: 'problemUnreadable',
  'not-a-report': 'problemNotAReport',
  'no-worker': 'problemNoWorker',
};

const isDone = (v: ReviewValue): boolean => v.decision !== 'pending';

type Publishing =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly done: number; readonly total: number }
  | { readonly state: 'failed'; readonly detail: string }
  | {
      readonly state: 'done';
      readonly issues: readonly string[];
      readonly unreadable: readonly string[];
    };

/**
 * Publishing: the package is built in the import worker (the published texts
 * fetched and extracted again with the imports), then downloaded. The button
 * sits with the view's actions; progress, problems and what to do with the
 * package below them.
 */
function usePublish(lang: Lang, reports: readonly ImportedReport[]) {
  const status = useAppStore((s) => s.status);
  const [publishing, setPublishing] = useState<Publishing>({ state: 'idle' });
  const start = async (): Promise<void> => {
    setPublishing({ state: 'running', done: 0, total: 0 });
    const [{ runPublish }, { download }] = await Promise.all([
      import('../../dataset/import/run'),
      import('../../export/csv'),
    ]);
    const dataUrl = status === 'ready' ? new URL('data/', document.baseURI).href : null;
    const result = await runPublish(reports, dataUrl, (done, total) =>
      setPublishing({ state: 'running', done, total }),
    );
    if ('error' in result) {
      setPublishing({
        state: 'failed',
        detail: result.error === 'no-worker' ? m(lang, 'publishNoWorker') : result.error,
      });
      return;
    }
    const { zip } = result;
    download(
      'publish.zip',
      new Blob([zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer], {
        type: 'application/zip',
      }),
    );
    setPublishing({ state: 'done', issues: result.issues, unreadable: result.unreadable });
  };
  const button = (
    <button
      type="button"
      data-testid="publish-export"
      disabled={publishing.state === 'running' || status === 'loading'}
      onClick={() => void start()}
    >
      {m(lang, 'publishExport')}
    </button>
  );
  const report = (
    <div className="publish-status" data-testid="publish-status" role="status">
      {status === 'failed' && <p className="note">{m(lang, 'publishNoData')}</p>}
      {publishing.state === 'running' && (
        <p>
          <progress value={publishing.done} max={Math.max(publishing.total, 1)} />{' '}
          {m(lang, 'publishProgress', publishing)}
        </p>
      )}
      {publishing.state === 'failed' && (
        <p role="alert">{m(lang, 'publishFailed', { detail: publishing.detail })}</p>
      )}
      {publishing.state === 'done' && (
        <>
          <p>{m(lang, 'publishDone')}</p>
          {publishing.unreadable.length > 0 && (
            <p className="note">
              {m(lang, 'publishUnreadable', { ids: publishing.unreadable.join('、') })}
            </p>
          )}
          {publishing.issues.length > 0 && (
            <div className="import-problems">
              <p>{m(lang, 'publishIssues')}</p>
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
  return { button, report };
}

function reportName(r: ImportedReport): string {
  return [r.metadata.town || r.reportId, r.metadata.year ?? ''].filter((p) => p !== '').join(' ');
}

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
  const publish = usePublish(lang, imported);
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
    <section className="panel import" aria-label={m(lang, 'importTitle')} data-testid="import-view">
      <div className="panel-head">
        <h2>{m(lang, 'importTitle')}</h2>
        {imported.length > 0 && (
          <div className="panel-actions">
            {publish.button}
            <button type="button" onClick={discardImports}>
              {m(lang, 'discardAll')}
            </button>
          </div>
        )}
      </div>
      {imported.length > 0 && publish.report}
      <label
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="drop-title">{m(lang, 'importDrop')}</span>
        <span className="hint">{m(lang, 'importHint')}</span>
        <input
          type="file"
          multiple
          accept=".txt,.docx,.pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf"
          data-testid="import-input"
          aria-label={m(lang, 'importPick')}
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
          {m(lang, 'importProgress', { done: progress.done, total: progress.total })}
        </div>
      )}
      {problems.length > 0 && (
        <div className="import-problems" data-testid="import-problems" role="alert">
          <p>{m(lang, 'importProblems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.file}-${i}`}>
                <code>{p.file}</code> {m(lang, PROBLEM_MESSAGE[p.problem], { detail: p.detail })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {imported.length > 0 && (
        <p className="local-banner">
          {m(lang, 'localBanner')}{' '}
          {pending > 0 ? m(lang, 'pendingBeforePublish', { n: pending }) : m(lang, 'allReviewed')}
        </p>
      )}
      {!saved && <p className="note">{m(lang, 'workspaceNotSaved')}</p>}
      {imported.length === 0 ? (
        progress === null && <EmptyState title={m(lang, 'noImports')} />
      ) : (
        <div className="import-layout">
          <nav className="import-list" aria-label={m(lang, 'importedReports')}>
            <h3>{m(lang, 'importedReports')}</h3>
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
                      <span>{reportName(r)}</span>
                      <span className="th-meta">
                        {r.file} ·{' '}
                        {m(lang, 'reviewCounts', { pending: r.values.length - done, done })}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </nav>
          {selected !== null && (
            <Review
              key={selected.reportId}
              lang={lang}
              report={selected}
              onRenamed={setSelectedId}
            />
          )}
        </div>
      )}
    </section>
  );
}

/** One imported report under review. */
interface ReportProps {
  readonly lang: Lang;
  readonly report: ImportedReport;
  /** The report took another id (it replaces a published one): keep it selected. */
  readonly onRenamed: (reportId: string) => void;
}

function Review({ lang, report, onRenamed }: ReportProps) {
  const { reviewValue, addValue, editReport, discardReport } = useAppStore(
    useShallow((s) => ({
      reviewValue: s.reviewValue,
      addValue: s.addValue,
      editReport: s.editReport,
      discardReport: s.discardReport,
    })),
  );
  const textRef = useRef<HTMLDivElement | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const unusedNoRule = report.unused.filter((u) => u.reason === 'no_rule');
  // The values' spans in the report text; the one whose sentence was clicked is current.
  const segments = useMemo(
    () =>
      segmentText(
        report.text.length,
        report.values.flatMap((v, i): Mark[] =>
          v.start === null || v.end === null
            ? []
            : [{ start: v.start, end: v.end, kind: i === focus ? 'current' : 'other' }],
        ),
      ),
    [report.text, report.values, focus],
  );
  return (
    <div className="review" data-testid="review-panel">
      <div className="panel-head">
        <h3>{m(lang, 'reviewTitle', { name: reportName(report) })}</h3>
        <div className="panel-actions">
          <button
            type="button"
            onClick={() =>
              report.values.forEach((v, i) => {
                if (v.decision === 'pending')
                  reviewValue(report.reportId, i, { decision: 'accepted' });
              })
            }
          >
            {m(lang, 'acceptAll')}
          </button>
          <button type="button" onClick={() => discardReport(report.reportId)}>
            {m(lang, 'discardReport')}
          </button>
        </div>
      </div>
      <MetadataForm lang={lang} report={report} onChange={(m) => editReport(report.reportId, m)} />
      <PublishedTwin lang={lang} report={report} onRenamed={onRenamed} />
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'indicator')}</th>
            <th scope="col">{m(lang, 'valueFound')}</th>
            <th scope="col">{m(lang, 'sentence')}</th>
            <th scope="col">{m(lang, 'decision')}</th>
          </tr>
        </thead>
        <tbody>
          {report.values.map((v, i) => (
            <ValueRowView
              key={`${v.indicator}-${i}`}
              lang={lang}
              report={report}
              value={v}
              onFocus={() => setFocus(i)}
              onDecide={(change) => reviewValue(report.reportId, i, change)}
            />
          ))}
        </tbody>
      </table>
      <details className="unused">
        <summary>{m(lang, 'unusedTitle', { n: unusedNoRule.length })}</summary>
        <p className="hint">{m(lang, 'unusedHint')}</p>
        <ul>
          {unusedNoRule.map((u) => (
            <li key={u.start}>
              <button
                type="button"
                className="cell-link"
                onClick={() => scrollToOffset(textRef.current, u.start)}
              >
                {report.text.slice(u.start, u.end)}
              </button>{' '}
              <span className="th-meta">{excerpt(report.text, u.start, u.end)}</span>
            </li>
          ))}
        </ul>
      </details>
      <AddFromSelection
        lang={lang}
        report={report}
        textRef={textRef}
        onAdd={(value) => addValue(report.reportId, value)}
      />
      <h4>{m(lang, 'reportText')}</h4>
      <div
        className="review-text"
        ref={textRef}
        lang="zh-CN"
        tabIndex={0}
        data-testid="review-text"
      >
        {segments.map((s) =>
          s.kind === 'plain' ? (
            <span key={s.start}>{report.text.slice(s.start, s.end)}</span>
          ) : (
            <mark key={s.start} className={`mention-${s.kind}`}>
              {report.text.slice(s.start, s.end)}
            </mark>
          ),
        )}
      </div>
    </div>
  );
}

function MetadataForm({
  lang,
  report,
  onChange,
}: {
  lang: Lang;
  report: ImportedReport;
  onChange: (metadata: Partial<ImportedReport['metadata']>) => void;
}) {
  const meta = report.metadata;
  const field = (key: 'town' | 'county' | 'city' | 'province', label: string) => (
    <label>
      <span className="filter-label">{label}</span>
      <input
        type="text"
        defaultValue={meta[key]}
        data-testid={`review-${key}`}
        onBlur={(e) => {
          if (e.currentTarget.value.trim() !== meta[key])
            onChange({ [key]: e.currentTarget.value.trim() });
        }}
      />
    </label>
  );
  return (
    <fieldset className="review-metadata">
      <legend>{m(lang, 'detected')}</legend>
      {field('town', t(lang, 'town'))}
      {field('county', lang === 'zh' ? '县区' : 'County')}
      {field('city', lang === 'zh' ? '市' : 'City')}
      {field('province', lang === 'zh' ? '省' : 'Province')}
      <label>
        <span className="filter-label">{t(lang, 'year')}</span>
        <input
          type="number"
          min={1990}
          max={2100}
          defaultValue={meta.year ?? ''}
          data-testid="review-year"
          onBlur={(e) => {
            const year = e.currentTarget.value === '' ? null : Number(e.currentTarget.value);
            if (year !== meta.year && (year === null || Number.isInteger(year))) onChange({ year });
          }}
        />
      </label>
    </fieldset>
  );
}

function ValueRowView({
  lang,
  report,
  value,
  onFocus,
  onDecide,
}: {
  lang: Lang;
  report: ImportedReport;
  value: ReviewValue;
  onFocus: () => void;
  onDecide: (change: Partial<ReviewValue>) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  // A value added by hand keeps its number whatever the decision.
  const decide = (decision: 'accepted' | 'rejected'): void =>
    onDecide({ decision, edited: value.found === null ? value.edited : null });
  const unit = value.unit === '%' ? '%' : INDICATORS[value.indicator].unit;
  const shown = value.found ?? value.edited;
  const sentence =
    value.start === null || value.end === null
      ? null
      : sentenceAround(report.text, value.start, value.end);
  const status =
    value.decision === 'pending'
      ? m(lang, 'decisionPending')
      : value.decision === 'accepted'
        ? m(lang, 'decisionAccepted')
        : value.decision === 'rejected'
          ? m(lang, 'decisionRejected')
          : m(lang, 'decisionEdited', {
              value: formatValue(lang, value.edited ?? 0, value.qualifier, unit),
            });
  return (
    <tr className={`decision-${value.decision}`} data-indicator={value.indicator}>
      <th scope="row">{indicatorName(lang, value.indicator)}</th>
      <td>
        {shown === null ? '—' : formatValue(lang, shown, value.qualifier, unit)}
        {value.found === null && <span className="th-meta"> {m(lang, 'addedValue')}</span>}
      </td>
      <td className="review-sentence">
        {sentence === null || value.start === null || value.end === null ? (
          '—'
        ) : (
          <button type="button" className="sentence-link" onClick={onFocus}>
            {report.text.slice(sentence.start, value.start)}
            <mark className="mention-current" data-testid="source-highlight">
              {report.text.slice(value.start, value.end)}
            </mark>
            {report.text.slice(value.end, sentence.end)}
          </button>
        )}
      </td>
      <td className="review-decision">
        <span className="decision-status">{status}</span>
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const number = Number(draft);
              if (draft.trim() === '' || !Number.isFinite(number)) return;
              onDecide({ decision: 'edited', edited: number });
              setEditing(false);
            }}
          >
            <input
              type="number"
              step="any"
              value={draft}
              aria-label={m(lang, 'edit')}
              data-testid="review-edit-value"
              onChange={(e) => setDraft(e.currentTarget.value)}
              autoFocus
            />
            <button type="submit">{m(lang, 'save')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {m(lang, 'cancel')}
            </button>
          </form>
        ) : (
          <span className="decision-buttons">
            <button
              type="button"
              aria-pressed={value.decision === 'accepted'}
              onClick={() => decide('accepted')}
            >
              {m(lang, 'accept')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(String(value.edited ?? value.found ?? ''));
                setEditing(true);
              }}
            >
              {m(lang, 'edit')}
            </button>
            <button
              type="button"
              aria-pressed={value.decision === 'rejected'}
              onClick={() => decide('rejected')}
            >
              {m(lang, 'reject')}
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}

/**
 * A value the extractor missed: the reviewer selects the words that state it
 * in the report text, picks the indicator, and the selection becomes its span.
 */
function AddFromSelection({
  lang,
  report,
  textRef,
  onAdd,
}: {
  lang: Lang;
  report: ImportedReport;
  textRef: RefObject<HTMLDivElement | null>;
  onAdd: (value: ReviewValue) => void;
}) {
  // Only indicators the report does not state yet: a stated one is edited in its row
  // (one value per report and indicator, as in the published data).
  const free = INDICATOR_IDS.filter((id) => !report.values.some((v) => v.indicator === id));
  const [chosen, setIndicator] = useState<IndicatorId | null>(null);
  const indicator = chosen !== null && free.includes(chosen) ? chosen : (free[0] ?? null);
  const [message, setMessage] = useState('');
  const add = (): void => {
    const span = selectionIn(textRef.current);
    const figure = span === null ? null : figureIn(span, report.unused);
    if (indicator === null) return;
    if (span === null || figure === null) {
      setMessage(m(lang, 'selectFirst'));
      return;
    }
    setMessage('');
    onAdd({
      indicator,
      found: null,
      unit: figure.unit,
      qualifier: figure.qualifier,
      // The selected words are the provenance: they state the value.
      start: span.start,
      end: span.end,
      derived: false,
      decision: 'edited',
      edited: figure.value,
    });
  };
  return (
    <div className="add-value">
      <select
        value={indicator ?? ''}
        aria-label={t(lang, 'indicator')}
        data-testid="add-indicator"
        onChange={(e) => setIndicator(e.currentTarget.value as IndicatorId)}
      >
        {free.map((id) => (
          <option key={id} value={id}>
            {indicatorName(lang, id)}
          </option>
        ))}
      </select>{' '}
      {/* mousedown would move the selection away before the click */}
      <button
        type="button"
        onMouseDown={(e) => e.preventDefault()}
        onClick={add}
        data-testid="add-from-selection"
      >
        {m(lang, 'addFromSelection')}
      </button>
      {message !== '' && <span className="note"> {message}</span>}
    </div>
  );
}

/** The selected span as offsets into the report text shown in `root` (its text content). */
function selectionIn(root: HTMLElement | null): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (root === null || selection === null || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (
    range.collapsed ||
    !root.contains(range.startContainer) ||
    !root.contains(range.endContainer)
  ) {
    return null;
  }
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

function scrollToOffset(root: HTMLElement | null, offset: number): void {
  if (root === null) return;
  let seen = 0;
  for (const child of root.childNodes) {
    const length = child.textContent?.length ?? 0;
    if (seen + length > offset) {
      (child as HTMLElement).scrollIntoView?.({ block: 'center' });
      return;
    }
    seen += length;
  }
}

function excerpt(text: string, start: number, end: number): string {
  return `…${text.slice(Math.max(0, start - 16), start)}【${text.slice(start, end)}】${text.slice(end, end + 16)}…`.replace(
    /\n/g,
    ' ',
  );
}

/**
 * A published report of the same town and year (from its county's file):
 * published together they would be merged; a revised version replaces it.
 */
function PublishedTwin({ lang, report, onRenamed }: ReportProps) {
  const replacePublished = useAppStore((s) => s.replacePublished);
  const imported = useAppStore((s) => s.imported);
  const { town, year } = report.metadata;
  const placed = town !== '' && year !== null;
  const townId = placed ? townIdOf({ ...report.metadata, reportId: report.reportId }) : '';
  const { data } = useCountyData(placed ? countyKeyOf(report.metadata) : null);
  const twins = (data?.reports ?? []).filter((r) => r.townId === townId && r.year === year);
  if (twins.some((r) => r.reportId === report.reportId)) {
    return (
      <p className="note" data-testid="review-twin">
        {m(lang, 'replacesTwin', { id: report.reportId })}
      </p>
    );
  }
  const twin = twins[0];
  if (twin === undefined) return null;
  return (
    <div className="twin-banner" data-testid="review-twin">
      <p>
        {m(lang, 'publishedTwin', {
          place: `${town} ${year ?? ''}`,
          title: twin.title || twin.reportId,
          id: twin.reportId,
        })}
      </p>
      {/* Another import may have replaced it already: one replacement only. */}
      {!imported.some((r) => r.reportId === twin.reportId) && (
        <button
          type="button"
          onClick={() => {
            replacePublished(report.reportId, twin.reportId);
            onRenamed(twin.reportId);
          }}
        >
          {m(lang, 'replaceTwin')}
        </button>
      )}
    </div>
  );
}
