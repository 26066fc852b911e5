import { t, type Lang } from '../i18n';
import { EmptyState } from './EmptyState';

/**
 * What a view shows while the data files it needs are on their way, or when
 * one could not be read (the file and reason are in the Data problems panel).
 */
export function DataPending({ lang, failed }: { lang: Lang; failed: boolean }) {
  return (
    <div aria-busy={!failed}>
      <EmptyState title={t(lang, failed ? 'indicatorFailed' : 'loading')} />
    </div>
  );
}
