/**
 * One value under review: the figure, its sentence (a click shows it in the
 * report text), and the reviewer's decision.
 */
import { useState } from 'react';
import { INDICATORS } from '../../catalog';
import type { ImportedReport, ReviewValue } from '../../importer/workspace';
import { formatValue, indicatorName, type Lang } from '../../i18n';
import { importText } from '../../i18n/import';
import { sentenceAround } from '../../components/text-spans';

export function ValueRow({
  lang,
  report,
  value,
  withdrawn,
  onShow,
  onDecide,
}: {
  lang: Lang;
  report: ImportedReport;
  value: ReviewValue;
  /** Derived from a figure the reviewer edited or rejected (withdrawnValues): neither shown nor published. */
  withdrawn: boolean;
  /** Show the value's words in the report text. */
  onShow: () => void;
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
  const status = withdrawn
    ? importText(lang, 'decisionWithdrawn')
    : value.decision === 'pending'
      ? importText(lang, 'decisionPending')
      : value.decision === 'accepted'
        ? importText(lang, 'decisionAccepted')
        : value.decision === 'rejected'
          ? importText(lang, 'decisionRejected')
          : importText(lang, 'decisionEdited', {
              value: formatValue(lang, value.edited ?? 0, value.qualifier, unit),
            });
  return (
    <tr
      className={`decision-${withdrawn ? 'withdrawn' : value.decision}`}
      data-indicator={value.indicator}
      role="row"
    >
      <th scope="row" role="rowheader">
        {indicatorName(lang, value.indicator)}
      </th>
      <td role="cell">
        {shown === null ? '—' : formatValue(lang, shown, value.qualifier, unit)}
        {value.found === null && <span className="th-meta"> {importText(lang, 'addedValue')}</span>}
        {value.derived && <span className="th-meta"> {importText(lang, 'derivedValue')}</span>}
      </td>
      <td className="review-sentence" role="cell">
        {sentence === null || value.start === null || value.end === null ? (
          '—'
        ) : (
          <button type="button" className="sentence-link" onClick={onShow}>
            {report.text.slice(sentence.start, value.start)}
            <mark className="mention-current" data-testid="source-highlight">
              {report.text.slice(value.start, value.end)}
            </mark>
            {report.text.slice(value.end, sentence.end)}
          </button>
        )}
      </td>
      <td className="review-decision" role="cell">
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
              aria-label={importText(lang, 'edit')}
              data-testid="review-edit-value"
              onChange={(e) => setDraft(e.currentTarget.value)}
              autoFocus
            />
            <button type="submit">{importText(lang, 'save')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {importText(lang, 'cancel')}
            </button>
          </form>
        ) : (
          <span className="decision-buttons">
            <button
              type="button"
              aria-pressed={value.decision === 'accepted'}
              onClick={() => decide('accepted')}
            >
              {importText(lang, 'accept')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(String(value.edited ?? value.found ?? ''));
                setEditing(true);
              }}
            >
              {importText(lang, 'edit')}
            </button>
            <button
              type="button"
              aria-pressed={value.decision === 'rejected'}
              onClick={() => decide('rejected')}
            >
              {importText(lang, 'reject')}
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}
