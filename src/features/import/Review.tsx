/**
 * One imported report under review: its place and year, its values beside
 * their sentences, the numbers no rule used, and its text — where a value's
 * words are marked, and where a missed figure is selected to be added.
 */
import { useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Mark } from '../../components/segments';
import { WindowedText, type GoTo } from '../../components/WindowedText';
import { t } from '../../i18n';
import { useAppStore } from '../../store';
import { AddFromSelection } from './AddFromSelection';
import { importText } from '../../i18n/import';
import { MetadataForm } from './MetadataForm';
import { PublishedTwin, type ReportProps } from './PublishedTwin';
import { reportName } from './reports';
import { UnusedList } from './UnusedList';
import { ValueRow } from './ValueRow';
import { withdrawnValues } from '../../importer/local';

export function Review({ lang, report }: ReportProps) {
  const { reviewValue, acceptPending, addValue, editReport, discardReport } = useAppStore(
    useShallow((s) => ({
      reviewValue: s.reviewValue,
      acceptPending: s.acceptPending,
      addValue: s.addValue,
      editReport: s.editReport,
      discardReport: s.discardReport,
    })),
  );
  const textRef = useRef<HTMLDivElement | null>(null);
  // The value whose sentence was clicked, or the unused figure: its words are marked apart, and shown.
  const [focus, setFocus] = useState<number | null>(null);
  const [figure, setFigure] = useState<{ start: number; end: number } | null>(null);
  const [goTo, setGoTo] = useState<GoTo | null>(null);
  const withdrawn = useMemo(() => withdrawnValues(report), [report]);
  const marks = useMemo(
    () => [
      ...report.values.flatMap((v, i): Mark[] =>
        v.start === null || v.end === null
          ? []
          : [{ start: v.start, end: v.end, kind: i === focus ? 'current' : 'other' }],
      ),
      ...(figure === null ? [] : [{ ...figure, kind: 'current' as const }]),
    ],
    [report.values, focus, figure],
  );
  return (
    <div className="review" data-testid="review-panel">
      <div className="panel-head">
        <h3>{importText(lang, 'reviewTitle', { name: reportName(report) })}</h3>
        <div className="panel-actions">
          <button type="button" onClick={() => acceptPending(report.reportId)}>
            {importText(lang, 'acceptAll')}
          </button>
          <button type="button" onClick={() => discardReport(report.reportId)}>
            {importText(lang, 'discardReport')}
          </button>
        </div>
      </div>
      <MetadataForm lang={lang} report={report} onChange={(m) => editReport(report.reportId, m)} />
      <PublishedTwin lang={lang} report={report} />
      <div className="review-table-wrap">
        {/* The roles are the elements' own: they stay when a narrow screen lays rows out as cards. */}
        <table className="review-table" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {t(lang, 'indicator')}
              </th>
              <th scope="col" role="columnheader">
                {importText(lang, 'valueFound')}
              </th>
              <th scope="col" role="columnheader">
                {importText(lang, 'sentence')}
              </th>
              <th scope="col" role="columnheader">
                {importText(lang, 'decision')}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {report.values.map((v, i) => (
              <ValueRow
                key={`${v.indicator}-${i}`}
                lang={lang}
                report={report}
                value={v}
                withdrawn={withdrawn.has(v)}
                onShow={() => {
                  setFocus(i);
                  setFigure(null);
                  if (v.start !== null) setGoTo({ offset: v.start });
                }}
                onDecide={(change) => reviewValue(report.reportId, i, change)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <UnusedList
        lang={lang}
        report={report}
        onShow={(span) => {
          setFocus(null);
          setFigure(span);
          setGoTo({ offset: span.start });
        }}
      />
      <AddFromSelection
        lang={lang}
        report={report}
        textRef={textRef}
        onAdd={(value) => addValue(report.reportId, value)}
      />
      <h4>{importText(lang, 'reportText')}</h4>
      <WindowedText
        text={report.text}
        marks={marks}
        goTo={goTo}
        boxRef={textRef}
        lang={lang}
        label={importText(lang, 'reportText')}
        className="review-text"
        testId="review-text"
      />
    </div>
  );
}
