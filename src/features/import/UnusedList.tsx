/**
 * The numbers no rule's words were near, each with a few words around it: a
 * click shows it in the report text. A page at a time — a report at the size
 * limit has thousands.
 */
import { useMemo, useState } from 'react';
import { noRuleIndexes, unusedFigureAt } from '../../dataset/import/unused';
import type { ImportedReport } from '../../dataset/import/workspace';
import type { Lang } from '../../i18n';
import { m } from './messages';
import { excerpt } from '../../dataset/text-spans';

const PAGE = 50;

export function UnusedList({
  lang,
  report,
  onShow,
}: {
  lang: Lang;
  report: ImportedReport;
  /** Show and mark this span of the text. */
  onShow: (span: { start: number; end: number }) => void;
}) {
  const noRule = useMemo(() => noRuleIndexes(report.unused), [report.unused]);
  const [shown, setShown] = useState(PAGE);
  const figures = Array.from(noRule.subarray(0, shown), (i) => unusedFigureAt(report.unused, i));
  const more = Math.min(PAGE, noRule.length - figures.length);
  return (
    <details className="unused">
      <summary>{m(lang, 'unusedTitle', { n: noRule.length })}</summary>
      <p className="hint">{m(lang, 'unusedHint')}</p>
      <ul>
        {figures.map((u) => (
          <li key={u.start}>
            <button
              type="button"
              className="cell-link"
              onClick={() => onShow({ start: u.start, end: u.end })}
            >
              {report.text.slice(u.start, u.end)}
            </button>{' '}
            <span className="th-meta">{excerpt(report.text, u.start, u.end)}</span>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <button type="button" onClick={() => setShown(shown + PAGE)} data-testid="unused-more">
          {m(lang, 'unusedMore', { n: more, shown: figures.length, total: noRule.length })}
        </button>
      )}
    </details>
  );
}
