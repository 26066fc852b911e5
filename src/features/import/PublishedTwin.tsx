/**
 * Said before the values are reviewed: a report is its town, county and
 * year, so an import of a published report's town and year is that report's
 * new version — it replaces the published one in every view and total at
 * once, and in the publish package (where it takes the published report's id).
 * Two imports of one town and year: the later one counts.
 */
import { countyKeyOf, townIdOf } from '../../dataset/model';
import type { ImportedReport } from '../../importer/workspace';
import { identityOf } from '../../importer/place';
import { t, type Lang } from '../../i18n';
import { useAppStore } from '../../store';
import { useCountyData } from '../../store/hooks';
import { importText } from '../../i18n/import';

export interface ReportProps {
  readonly lang: Lang;
  readonly report: ImportedReport;
}

/** Whether the published data has a report of this import's town and year (index.json's towns). */
function usePublishedTownYear(report: ImportedReport): { townId: string; published: boolean } {
  const towns = useAppStore((s) => s.model?.published.towns);
  const { year } = report.metadata;
  const townId =
    identityOf(report) === null ? '' : townIdOf({ ...report.metadata, reportId: report.reportId });
  const years = towns?.find((t) => t.id === townId)?.years ?? [];
  return { townId, published: year !== null && years.includes(year) };
}

/** In the list of imports: this one replaces a published report. */
export function ReplacesTag({ lang, report }: ReportProps) {
  const { published } = usePublishedTownYear(report);
  return published ? <span className="replaces-tag">{importText(lang, 'replacesTag')}</span> : null;
}

export function PublishedTwin({ lang, report }: ReportProps) {
  const imported = useAppStore((s) => s.imported);
  const { town, year } = report.metadata;
  const identity = identityOf(report);
  const { townId, published } = usePublishedTownYear(report);
  // The published report's title and id, from its county's files.
  const { data } = useCountyData(published ? countyKeyOf(report.metadata) : null);
  const twin = data?.reports.find((r) => r.townId === townId && r.year === year);
  const later =
    identity === null
      ? undefined
      : imported.slice(imported.indexOf(report) + 1).find((r) => identityOf(r) === identity);
  if (!published && later === undefined) return null;
  const place = { town, year: year ?? '' };
  return (
    <div className="twin-banner" role="note" data-testid="review-twin">
      {published && (
        <p>
          <strong>{importText(lang, 'publishedTownYear', place)}</strong>{' '}
          {importText(lang, 'replacesPublished', { notMentioned: t(lang, 'notMentioned') })}
          {twin !== undefined && (
            <>
              {' '}
              {importText(lang, 'publishedReport', {
                title: twin.title || twin.reportId,
                id: twin.reportId,
              })}
            </>
          )}
        </p>
      )}
      {later !== undefined && (
        <p>{importText(lang, 'laterImport', { ...place, file: later.file })}</p>
      )}
    </div>
  );
}
