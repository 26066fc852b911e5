/**
 * The compare views' year mode, as a checkbox: each town's latest report, or
 * the filters' year only. The compare matrix and side by side both show it,
 * so the note they show in the automatic mode (取消勾选只看 …) has its box.
 */
import { t, type Lang } from '../i18n';

export function LatestYearToggle({
  lang,
  mode,
  onChange,
}: {
  readonly lang: Lang;
  readonly mode: 'year' | 'latest';
  readonly onChange: (mode: 'year' | 'latest') => void;
}) {
  return (
    <label>
      <input
        type="checkbox"
        checked={mode === 'latest'}
        onChange={(e) => onChange(e.target.checked ? 'latest' : 'year')}
      />{' '}
      {t(lang, 'useLatestYear')}
    </label>
  );
}
