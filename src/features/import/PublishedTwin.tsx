/**
 * A published report of the same town and year (from its county's file):
 * published together they would be merged; a revised version replaces it.
 */
import { countyKeyOf, townIdOf } from '../../dataset/model';
import type { ImportedReport } from '../../dataset/import/workspace';
import type { Lang } from '../../i18n';
import { useAppStore } from '../../store';
import { useCountyData } from '../../store/hooks';
import { m } from './messages';

export interface ReportProps {
  readonly lang: Lang;
  readonly report: ImportedReport;
  /** The report took another id (it replaces a published one): keep it selected. */
  readonly onRenamed: (reportId: string) => void;
}

export function PublishedTwin({ lang, report, onRenamed }: ReportProps) {
  const replacePublished = useAppStore((s) => s.replacePublished);
  const imported = useAppStore((s) => s.imported);
  const { town, year } = report.metadata;
  const placed = town !== '' && year !== null;
  const townId = placed ? townIdOf({ ...report.metadata, reportId: report.reportId }) : '';
  const { data } = useCountyData(placed ? countyKeyOf(report.metadata) : null);
  const twins = (data?.reports ?? []).filter((r) => r.townId === townId && r.year === year);
  if (twins.some((r) => r.reportId === report.reportId)) {
    return (
      <p className="note" data-testid="review-twin">
        {m(lang, 'replacesTwin', { id: report.reportId })}
      </p>
    );
  }
  const twin = twins[0];
  if (twin === undefined) return null;
  return (
    <div className="twin-banner" data-testid="review-twin">
      <p>
        {m(lang, 'publishedTwin', {
          place: `${town} ${year ?? ''}`,
          title: twin.title || twin.reportId,
          id: twin.reportId,
        })}
      </p>
      {/* Another import may have replaced it already: one replacement only. */}
      {!imported.some((r) => r.reportId === twin.reportId) && (
        <button
          type="button"
          onClick={() => {
            replacePublished(report.reportId, twin.reportId);
            onRenamed(twin.reportId);
          }}
        >
          {m(lang, 'replaceTwin')}
        </button>
      )}
    </div>
  );
}
