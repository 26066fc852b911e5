/**
 * Said before the values are reviewed: a report is its town, county and
 * year, so an import of a published report's town and year is that report's
 * new version — it replaces the published one in every view and total at
 * once, and in the publish package (where it takes the published report's id).
 * Two imports of one town and year: the later one counts.
 */
import { countyKeyOf, townIdOf } from '../../dataset/model';
import type { ImportedReport } from '../../dataset/import/workspace';
import { identityOf } from '../../dataset/import/place';
import { t, type Lang } from '../../i18n';
import { useAppStore } from '../../store';
import { useCountyData } from '../../store/hooks';
import { m } from './messages';

export interface ReportProps {
  readonly lang: Lang;
  readonly report: ImportedReport;
}

export function PublishedTwin({ lang, report }: ReportProps) {
  const towns = useAppStore((s) => s.model?.published.towns);
  const imported = useAppStore((s) => s.imported);
  const { town, year } = report.metadata;
  const identity = identityOf(report);
  const townId =
    identity === null ? '' : townIdOf({ ...report.metadata, reportId: report.reportId });
  const publishedYears = towns?.find((t) => t.id === townId)?.years ?? [];
  const published = year !== null && publishedYears.includes(year);
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
          <strong>{m(lang, 'publishedTownYear', place)}</strong>{' '}
          {m(lang, 'replacesPublished', { notMentioned: t(lang, 'notMentioned') })}
          {twin !== undefined && (
            <>
              {' '}
              {m(lang, 'publishedReport', {
                title: twin.title || twin.reportId,
                id: twin.reportId,
              })}
            </>
          )}
        </p>
      )}
      {later !== undefined && <p>{m(lang, 'laterImport', { ...place, file: later.file })}</p>}
    </div>
  );
}
