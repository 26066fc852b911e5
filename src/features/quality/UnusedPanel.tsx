/**
 * One report's numbers no rule used, each in its sentence with why it was
 * left: what an administrator reads to find phrasings the rules miss. Fetched
 * when asked (the report text, its numbers read off it by the extractor), never
 * with the page.
 */
import { useEffect, useRef, useState } from 'react';
import { CloseButton, reportHeading, SourceHeader } from '../../components/ReportHeader';
import { UnusedNumberList } from '../../components/UnusedNumberList';
import type { ReportInfo, UnusedRow } from '../../dataset/model';
import type { UnusedReason } from '../../extract';
import { t, type Lang, type MessageKey } from '../../i18n';

/** Why a number was left, in words: every reason the extractor gives has its own. */
const REASONS: Readonly<Record<UnusedReason, MessageKey>> = {
  plan: 'reasonPlan',
  quota: 'reasonQuota',
  date: 'reasonDate',
  document_number: 'reasonDocumentNumber',
  title: 'reasonTitle',
  quoted: 'reasonQuoted',
  ordinal: 'reasonOrdinal',
  money: 'reasonMoney',
  measure: 'reasonMeasure',
  no_unit: 'reasonNoUnit',
  no_rule: 'reasonNoRule',
  out_of_range: 'reasonOutOfRange',
};

const reasonText = (lang: Lang, reason: string): string =>
  Object.hasOwn(REASONS, reason) ? t(lang, REASONS[reason as UnusedReason]) : reason;

interface Loaded {
  readonly reportId: string;
  readonly rows: readonly UnusedRow[];
  readonly text: string | null;
  readonly failed: boolean;
}

/** The report's text and the numbers read off it that no rule used. */
function useUnused(report: ReportInfo): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const { reportId, text: at } = report;
  useEffect(() => {
    let live = true;
    const read = async (): Promise<Loaded> => {
      if (at === null) return { reportId, rows: [], text: null, failed: true };
      const { loadReportText } = await import('../../dataset/load');
      const text = await loadReportText(at);
      if (text === null) return { reportId, rows: [], text: null, failed: true };
      const { findingsOf } = await import('../../dataset/findings');
      const { unused } = await findingsOf(reportId, text);
      return { reportId, rows: unused, text, failed: false };
    };
    read()
      .catch((error: unknown): Loaded => {
        console.error(`the unused numbers of ${reportId}:`, error);
        return { reportId, rows: [], text: null, failed: true };
      })
      .then((result) => {
        if (live) setLoaded(result);
      });
    return () => {
      live = false;
    };
  }, [reportId, at]);
  return loaded?.reportId === reportId ? loaded : null;
}

export function UnusedPanel({
  lang,
  report,
  noRuleFirst,
  onClose,
}: {
  lang: Lang;
  report: ReportInfo;
  /** Opened from the "no rule" count: only those at first. */
  noRuleFirst: boolean;
  onClose: () => void;
}) {
  const loaded = useUnused(report);
  const [onlyNoRule, setOnlyNoRule] = useState(noRuleFirst);
  const closeRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const rows = loaded?.rows.filter((u) => !onlyNoRule || u.reason === 'no_rule') ?? [];
  const { title, meta } = reportHeading(lang, report, { town: report.reportId, year: '' });
  return (
    <aside
      className="source-panel unused-panel"
      data-testid="unused-panel"
      role="dialog"
      aria-modal="false"
      aria-label={t(lang, 'unusedTitle', { n: report.unused })}
    >
      <SourceHeader kicker={t(lang, 'unusedTitle', { n: report.unused })} title={title} meta={meta}>
        <CloseButton ref={closeRef} label={t(lang, 'close')} onClose={onClose} />
      </SourceHeader>
      <div className="unused-body">
        <p className="hint">{t(lang, 'unusedPanelHint')}</p>
        {loaded !== null && !loaded.failed && loaded.rows.length !== report.unused && (
          <p className="hint" role="status" data-testid="unused-other-rules">
            {t(lang, 'unusedOtherRules', { n: loaded.rows.length, m: report.unused })}
          </p>
        )}
        <label className="unused-filter">
          <input
            type="checkbox"
            checked={onlyNoRule}
            onChange={(e) => setOnlyNoRule(e.target.checked)}
          />{' '}
          {t(lang, 'unusedOnlyNoRule')} ({report.unusedNoRule})
        </label>
        {loaded === null ? (
          <p className="hint">{t(lang, 'loading')}</p>
        ) : loaded.failed || loaded.text === null ? (
          <p className="hint">{t(lang, 'unusedFailed')}</p>
        ) : rows.length === 0 ? (
          <p className="hint">{t(lang, 'unusedNone')}</p>
        ) : (
          <UnusedNumberList
            // A new list (the filter changed) starts at its first page.
            key={String(onlyNoRule)}
            lang={lang}
            text={loaded.text}
            count={rows.length}
            figureAt={(i) => rows[i] ?? { start: 0, end: 0 }}
            reasonOf={(i) => reasonText(lang, rows[i]?.reason ?? '')}
          />
        )}
      </div>
    </aside>
  );
}
