/**
 * Every report with its detection status, its notes in the page's language
 * and the extraction counts, so the data's gaps are visible to its users; a
 * count of unused numbers opens them, each in its sentence (UnusedPanel).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { buildCsv, download } from '../../export/csv';
import { notesText } from '../../extract/report-notes';
import { t, type MessageKey } from '../../i18n';
import { EmptyState } from '../../components/EmptyState';
import { VirtualTable } from '../../components/VirtualTable';
import { useAppStore } from '../../store';
import { useReports } from '../../store/hooks';
import { usePrintScope } from '../../store/print-scope';
import { INFERRED, placeOf } from '../../components/place';
import type { ReportInfo } from '../../dataset/model';
import type { ReportStatus } from '../../extract/columns';
import { UnusedPanel } from './UnusedPanel';

const STATUS: Readonly<Record<ReportStatus, MessageKey>> = {
  ok: 'statusOk',
  warning: 'statusWarning',
  duplicate: 'statusDuplicate',
  error: 'statusError',
};

export function QualityPage() {
  const { ready, all, lang, showTown } = useAppStore(
    useShallow((s) => ({
      ready: s.model !== null,
      all: s.model?.reports ?? null,
      lang: s.lang,
      showTown: s.showTown,
    })),
  );
  const reportsState = useReports();
  const towns = useAppStore((s) => s.model?.towns);
  // Printed above it: every report of every town.
  usePrintScope(
    useMemo(
      () =>
        towns === undefined ? null : ({ view: 'quality', towns, period: { kind: 'all' } } as const),
      [towns],
    ),
  );
  // The report whose unused numbers are open, and the button that opened them.
  const [unusedOf, setUnusedOf] = useState<{ report: ReportInfo; noRule: boolean } | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const closeUnused = useCallback(() => {
    setUnusedOf(null);
    opener.current?.focus();
  }, []);
  const reports = useMemo(
    () =>
      all === null
        ? []
        : [...all.values()].sort((a, b) =>
            a.reportId < b.reportId ? -1 : a.reportId > b.reportId ? 1 : 0,
          ),
    [all],
  );
  if (!ready) return null;
  if (all === null) {
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
  // A duplicate's figures are not counted (they are its twin's): shown as not there, not as none.
  const count = (r: ReportInfo, n: number): string => (r.status === 'duplicate' ? '—' : String(n));
  const rows = reports.map((r) => [
    r.reportId,
    r.town,
    r.year === null ? '' : String(r.year),
    placeOf(r),
    t(lang, STATUS[r.status]),
    count(r, r.mentions),
    count(r, r.unused),
    count(r, r.unusedNoRule),
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
              <td>{rows[i]?.[2]}</td>
              <td>{rows[i]?.[3]}</td>
              <td className="quality-status">{rows[i]?.[4]}</td>
              <td>{rows[i]?.[5]}</td>
              {([false, true] as const).map((noRule) => {
                const n = noRule ? r.unusedNoRule : r.unused;
                return (
                  <td key={String(noRule)}>
                    {n === 0 ? (
                      rows[i]?.[noRule ? 7 : 6]
                    ) : (
                      <button
                        type="button"
                        className="cell-link"
                        data-testid={noRule ? 'open-no-rule' : 'open-unused'}
                        aria-label={t(lang, noRule ? 'noRuleShow' : 'unusedShow', { n })}
                        onClick={(e) => {
                          opener.current = e.currentTarget;
                          setUnusedOf({ report: r, noRule });
                        }}
                      >
                        {n}
                      </button>
                    )}
                  </td>
                );
              })}
              <td>{rows[i]?.[8]}</td>
            </tr>
          )}
        />
      </div>
      {unusedOf !== null && (
        <UnusedPanel
          key={`${unusedOf.report.reportId}|${unusedOf.noRule}`}
          lang={lang}
          report={unusedOf.report}
          noRuleFirst={unusedOf.noRule}
          onClose={closeUnused}
        />
      )}
    </section>
  );
}
