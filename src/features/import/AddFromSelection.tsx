/**
 * A value the extractor missed: the reviewer selects the words that state it
 * in the report text, picks the indicator, and the selection becomes its span.
 */
import { useState, type RefObject } from 'react';
import { INDICATOR_IDS, type IndicatorId } from '../../catalog';
import { selectedSpan } from '../../components/WindowedText';
import { figureIn } from '../../importer/unused';
import type { ImportedReport, ReviewValue } from '../../importer/workspace';
import { indicatorName, t, type Lang } from '../../i18n';
import { importText } from '../../i18n/import';

export function AddFromSelection({
  lang,
  report,
  textRef,
  onAdd,
}: {
  lang: Lang;
  report: ImportedReport;
  /** The box the report text is shown in. */
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
    const span = selectedSpan(textRef.current);
    const figure = span === null ? null : figureIn(span, report.unused);
    if (indicator === null) return;
    if (span === null || figure === null) {
      setMessage(importText(lang, 'selectFirst'));
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
        {importText(lang, 'addFromSelection')}
      </button>
      {message !== '' && <span className="note"> {message}</span>}
    </div>
  );
}
