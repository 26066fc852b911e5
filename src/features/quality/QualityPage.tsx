/**
 * Every report with its detection status and the extraction counts, so the
 * data's gaps are visible to its users.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { buildCsv, download } from '../../export/csv';
import { notesText } from '../../extract/report-notes';
import { t, type MessageKey } from '../../i18n';
import { EmptyState } from '../../components/EmptyState';
import { VirtualTable } from '../../components/VirtualTable';
import { useAppStore } from '../../store';
import { useReports } from '../../store/hooks';
import { INFERRED, placeOf } from '../../components/place';

const STATUS: Readonly<Record<'ok' | 'warning' | 'error', MessageKey>> = {
  ok: 'statusOk',
  warning: 'statusWarning',
  error: 'statusError',
};

export function QualityPage() {
  const { model, lang, showTown } = useAppStore(
    useShallow((s) => ({ model: s.model, lang: s.lang, showTown: s.showTown })),
  );
  const reportsState = useReports();
  const all = model?.reports ?? null;
  const reports = useMemo(
    () =>
      all === null
        ? []
        : [...all.values()].sort((a, b) =>
            a.reportId < b.reportId ? -1 : a.reportId > b.reportId ? 1 : 0,
          ),
    [all],
  );
  if (model === null) return null;
  if (model.reports === null) {
    return <EmptyState title={t(lang, reportsState === 'failed' ? 'reportsFailed' : 'loading')} />;
  }
  const header = [
    t(lang, 'reports'),
    t(lang, 'town'),
    t(lang, 'year'),
    t(lang, 'place'),
    t(lang, 'status'),
    t(lang, 'mentionsCount'),
    t(lang, 'unusedCount'),
    t(lang, 'noRuleCount'),
    t(lang, 'message'),
  ];
  const rows = reports.map((r) => [
    r.reportId,
    r.town,
    r.year === null ? '' : String(r.year),
    placeOf(r),
    t(lang, STATUS[r.status]),
    String(r.mentions),
    String(r.unused),
    String(r.unusedNoRule),
    // Worded in the page's language; a folder written before notes has its message as written.
    r.notes === null ? r.message : notesText(lang, r.notes),
  ]);
  return (
    <section className="panel quality" data-testid="quality-page" aria-label={t(lang, 'quality')}>
      <div className="panel-head">
        <h2>{t(lang, 'quality')}</h2>
        <div className="panel-actions no-print">
          <button
            type="button"
            data-testid="export-csv"
            onClick={() => download('reports-quality.csv', buildCsv([header, ...rows]))}
          >
            {t(lang, 'exportCsv')}
          </button>
        </div>
      </div>
      <p className="hint">{t(lang, 'qualityHint')}</p>
      {reports.some((r) => r.inferred.length > 0) && (
        <p className="hint print-too">{t(lang, 'inferredPlace', { mark: INFERRED })}</p>
      )}
      <div className="matrix-scroll">
        {/* A province has tens of thousands of reports: only the rows in view are rendered. */}
        <VirtualTable
          items={reports}
          columns={header.length}
          className="quality-table"
          label={t(lang, 'quality')}
          head={
            <tr>
              {header.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          }
          row={(r, i) => (
            <tr key={r.reportId} className={`status-${r.status}`}>
              <th scope="row">{r.reportId}</th>
              <td>
                {r.town === '' ? (
                  '—'
                ) : (
                  <button type="button" className="cell-link" onClick={() => showTown(r.townId)}>
                    {r.town}
                  </button>
                )}
              </td>
              {rows[i]?.slice(2).map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          )}
        />
      </div>
    </section>
  );
}
