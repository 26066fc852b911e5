/**
 * The report's place and year as detected, for the reviewer to correct.
 */
import type { ImportedReport, ReportMetadata } from '../../dataset/import/workspace';
import { t, type Lang } from '../../i18n';
import { m } from './messages';

type PlaceField = 'town' | 'county' | 'city' | 'province';

export function MetadataForm({
  lang,
  report,
  onChange,
}: {
  lang: Lang;
  report: ImportedReport;
  onChange: (metadata: Partial<ReportMetadata>) => void;
}) {
  const meta = report.metadata;
  const field = (key: PlaceField, label: string) => (
    <label>
      <span className="filter-label">{label}</span>
      <input
        type="text"
        defaultValue={meta[key]}
        data-testid={`review-${key}`}
        onBlur={(e) => {
          if (e.currentTarget.value.trim() !== meta[key])
            onChange({ [key]: e.currentTarget.value.trim() });
        }}
      />
    </label>
  );
  return (
    <fieldset className="review-metadata">
      <legend>{m(lang, 'detected')}</legend>
      {field('town', t(lang, 'town'))}
      {field('county', m(lang, 'county'))}
      {field('city', m(lang, 'city'))}
      {field('province', m(lang, 'province'))}
      <label>
        <span className="filter-label">{t(lang, 'year')}</span>
        <input
          type="number"
          min={1990}
          max={2100}
          defaultValue={meta.year ?? ''}
          data-testid="review-year"
          onBlur={(e) => {
            const year = e.currentTarget.value === '' ? null : Number(e.currentTarget.value);
            if (year !== meta.year && (year === null || Number.isInteger(year))) onChange({ year });
          }}
        />
      </label>
    </fieldset>
  );
}
