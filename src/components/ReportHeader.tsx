/**
 * The head of a panel that shows a report (a value's source, its full text,
 * its unused numbers): what it shows, the report's title, town · county ·
 * year · date, and the panel's buttons.
 */
import type { ReactNode, Ref } from 'react';
import { t, type Lang } from '../i18n';

interface ReportHeading {
  readonly title: string;
  readonly town: string;
  readonly county: string;
  readonly year: number | null;
  readonly published: string;
}

/** A report's title (or a stand-in) and its town · county · year · date line. */
export function reportHeading(
  lang: Lang,
  report: Partial<ReportHeading> | undefined,
  fallback: { town: string; year: number | '' },
): { title: string; town: string; year: number | ''; meta: string } {
  const town = report?.town || fallback.town;
  const year = report?.year ?? fallback.year;
  const title = report?.title || t(lang, 'reportTitleFallback', { town, year });
  const meta = [
    town,
    report?.county,
    year === '' ? '' : `${year}`,
    report?.published ? `${t(lang, 'published')} ${report.published}` : '',
  ]
    .filter((p) => p !== undefined && p !== '')
    .join(' · ');
  return { title, town, year, meta };
}

/** The panel's head: what it shows, the report's title and place, and its buttons. */
export function SourceHeader({
  kicker,
  title,
  meta,
  children,
}: {
  kicker: string;
  title: string;
  meta: string;
  children: ReactNode;
}) {
  return (
    <header className="source-header">
      <div>
        <p className="source-kicker">{kicker}</p>
        <h2 className="source-title">{title}</h2>
        <p className="source-meta">{meta}</p>
      </div>
      <div className="source-actions">{children}</div>
    </header>
  );
}

/** The × that closes a report panel, named for screen readers. */
export function CloseButton({
  label,
  onClose,
  ref,
}: {
  label: string;
  onClose: () => void;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button ref={ref} type="button" className="close" onClick={onClose} aria-label={label}>
      ×
    </button>
  );
}
