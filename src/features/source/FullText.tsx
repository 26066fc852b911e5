/**
 * The source panel's full-text mode: a report read whole, in the app (never
 * the raw file, which a server without a charset shows garbled), its title,
 * town and year at the top. Opened from a town's report list, or from a
 * value's source panel, whose marks it keeps (SourcePanel.tsx).
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { countyKeyOf } from '../../dataset/model';
import { t } from '../../i18n';
import { useAppStore, type FullTextRef } from '../../store';
import { useCountyData, useReports } from '../../store/hooks';
import { WindowedText } from '../../components/WindowedText';
import { CloseButton, reportHeading, SourceHeader } from '../../components/ReportHeader';
import { useReportText } from './report-text';

/** A report whole, with no value of it in view (opened from a town's report list). */
export function ReportFullText({ report: ref }: { report: FullTextRef }) {
  const { townById, counties, reports, lang, closeFullText } = useAppStore(
    useShallow((s) => ({
      townById: s.model?.townById,
      counties: s.model?.counties,
      reports: s.model?.reports,
      lang: s.lang,
      closeFullText: s.closeFullText,
    })),
  );
  const local = useAppStore((s) => s.imported.find((r) => r.reportId === ref.reportId));
  // With the town known, its county's reports name the report; else the full list.
  const place = ref.town === undefined ? undefined : townById?.get(ref.town);
  const countyKey = place === undefined ? null : countyKeyOf(place);
  const byCounty = local === undefined && countyKey !== null && counties?.has(countyKey);
  const { data: county, state: countyState } = useCountyData(byCounty === true ? countyKey : null);
  const reportsState = useReports(local === undefined && byCounty !== true);
  const published =
    byCounty === true
      ? county?.reports.find((r) => r.reportId === ref.reportId)
      : reports?.get(ref.reportId);
  // The row that says where the text is: undefined while its files load, null if none names it.
  const lookedUp = byCounty === true ? countyState !== 'loading' : reportsState !== 'loading';
  const text = useReportText(ref.reportId, local?.text ?? null, published, lookedUp);
  const info = local?.metadata ?? published;
  const closeRef = useRef<HTMLButtonElement | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') closeFullText();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closeFullText]);
  const { title, meta } = reportHeading(lang, info, { town: ref.reportId, year: '' });
  return (
    <aside
      className="source-panel full-text"
      data-testid="full-text"
      role="dialog"
      aria-modal="true"
      aria-label={title}
    >
      <SourceHeader kicker={t(lang, 'fullText')} title={title} meta={meta}>
        <CloseButton ref={closeRef} label={t(lang, 'closeFullText')} onClose={closeFullText} />
      </SourceHeader>
      {text == null ? (
        <div className="source-text" lang="zh-CN" tabIndex={0} role="region" aria-label={title}>
          <p className="hint">{t(lang, text === undefined ? 'loadingText' : 'textMissing')}</p>
        </div>
      ) : (
        <WindowedText
          text={text}
          marks={[]}
          goTo={null}
          boxRef={boxRef}
          lang={lang}
          label={title}
          className="source-text"
          testId="full-text-body"
        />
      )}
    </aside>
  );
}
