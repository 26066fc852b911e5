/**
 * The report's place and year as detected, for the reviewer to correct.
 * Place names are checked as names when a field is left: a refused one is
 * not saved, and the message says why beside the field.
 */
import { useState } from 'react';
import type { ImportedReport, ReportMetadata } from '../../importer/workspace';
import { t, type Lang } from '../../i18n';
import { importText } from '../../i18n/import';
import { checkPlaceName } from './place-names';

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
  const [refused, setRefused] = useState<Partial<Record<PlaceField, string>>>({});
  const field = (key: PlaceField, label: string) => {
    const message = refused[key];
    const messageId = `review-${key}-message`;
    return (
      <div className="review-field">
        <label>
          <span className="filter-label">{label}</span>
          <input
            // A new value from outside (a published town's city) shows.
            key={meta[key]}
            type="text"
            defaultValue={meta[key]}
            data-testid={`review-${key}`}
            aria-invalid={message === undefined ? undefined : true}
            aria-describedby={message === undefined ? undefined : messageId}
            onBlur={(e) => {
              const input = e.currentTarget;
              const checked = checkPlaceName(input.value, lang);
              setRefused((r) => ({ ...r, [key]: checked.ok ? undefined : checked.message }));
              if (!checked.ok) return;
              input.value = checked.name;
              if (checked.name !== meta[key]) onChange({ [key]: checked.name });
            }}
          />
        </label>
        {message !== undefined && (
          <span className="field-error" id={messageId} role="alert" data-testid={messageId}>
            {message}
          </span>
        )}
      </div>
    );
  };
  return (
    <fieldset className="review-metadata">
      <legend>{importText(lang, 'detected')}</legend>
      {field('town', t(lang, 'town'))}
      {field('county', importText(lang, 'county'))}
      {field('city', importText(lang, 'city'))}
      {field('province', importText(lang, 'province'))}
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
