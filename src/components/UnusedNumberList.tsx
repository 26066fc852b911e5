/**
 * Numbers no rule used, each in its sentence (the number marked), a page at a
 * time — a report at the size limit has thousands. Shared by the importer's
 * review (a click shows the number in the text) and the data quality page
 * (each with why it was not used).
 */
import { useState } from 'react';
import { t, type Lang } from '../i18n';
import { NumberInSentence } from './NumberInSentence';

const PAGE = 50;

export interface UnusedFigureSpan {
  readonly start: number;
  readonly end: number;
}

export function UnusedNumberList({
  lang,
  text,
  count,
  figureAt,
  onShow,
  reasonOf,
}: {
  lang: Lang;
  /** The report text the spans index. */
  text: string;
  count: number;
  /** The `i`th figure, in text order. */
  figureAt: (i: number) => UnusedFigureSpan;
  /** Show and mark this span in the report text: the number becomes a button. */
  onShow?: (span: UnusedFigureSpan) => void;
  /** Why the `i`th figure was not used, in words. */
  reasonOf?: (i: number) => string;
}) {
  const [shown, setShown] = useState(PAGE);
  const figures = Array.from({ length: Math.min(shown, count) }, (_, i) => figureAt(i));
  const more = Math.min(PAGE, count - figures.length);
  return (
    <>
      <ul className="unused-list">
        {figures.map((u, i) => (
          <li key={u.start}>
            {onShow !== undefined && (
              <>
                <button
                  type="button"
                  className="cell-link"
                  onClick={() => onShow({ start: u.start, end: u.end })}
                >
                  {text.slice(u.start, u.end)}
                </button>{' '}
              </>
            )}
            <NumberInSentence text={text} start={u.start} end={u.end} />
            {reasonOf !== undefined && <span className="unused-reason"> {reasonOf(i)}</span>}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <button type="button" onClick={() => setShown(shown + PAGE)} data-testid="unused-more">
          {t(lang, 'unusedMore', { n: more, shown: figures.length, total: count })}
        </button>
      )}
    </>
  );
}
