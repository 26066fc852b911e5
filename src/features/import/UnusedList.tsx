/**
 * The numbers no rule's words were near, each in its sentence: a click shows
 * it in the report text, where the reviewer can add a missed figure.
 */
import { useMemo } from 'react';
import { noRuleIndexes, unusedFigureAt } from '../../importer/unused';
import type { ImportedReport } from '../../importer/workspace';
import { t, type Lang } from '../../i18n';
import { UnusedNumberList, type UnusedFigureSpan } from '../../components/UnusedNumberList';
import { importText } from '../../i18n/import';

export function UnusedList({
  lang,
  report,
  onShow,
}: {
  lang: Lang;
  report: ImportedReport;
  /** Show and mark this span of the text. */
  onShow: (span: UnusedFigureSpan) => void;
}) {
  const noRule = useMemo(() => noRuleIndexes(report.unused), [report.unused]);
  return (
    <details className="unused">
      <summary>{t(lang, 'unusedTitle', { n: noRule.length })}</summary>
      <p className="hint">{importText(lang, 'unusedHint')}</p>
      <UnusedNumberList
        lang={lang}
        text={report.text}
        count={noRule.length}
        figureAt={(i) => unusedFigureAt(report.unused, noRule[i] ?? 0)}
        onShow={onShow}
      />
    </details>
  );
}
