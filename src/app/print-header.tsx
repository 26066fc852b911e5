/**
 * The header printed above every view (never shown on screen): the view, the
 * towns and the year or years it shows, and the data's date — the newest
 * publication date among the reports it shows (the data folder states no
 * date of its own), said as such. Every word comes from src/i18n; the names
 * and dates from the data are text, never markup.
 */
import { useShallow } from 'zustand/react/shallow';
import type { ReportInfo, Town } from '../dataset/model';
import {
  newestPublished,
  printTownsOf,
  reportsInScope,
  type PrintScope,
} from '../dataset/print-scope';
import { t, type Lang } from '../i18n';
import { useAppStore } from '../store';
import { LAZY_BYTES, useReports } from '../store/hooks';
import { useAfterFirstChart } from './after-first-chart';

function townsWords(lang: Lang, all: readonly Town[], scope: PrintScope): string {
  const towns = printTownsOf(all, scope.towns);
  switch (towns.kind) {
    case 'all':
      return t(lang, 'printTownsAll', { n: towns.count });
    case 'county':
      return t(lang, 'printTownsCounty', { county: towns.county, n: towns.count });
    case 'some': {
      const names = towns.names.join(t(lang, 'listSeparator'));
      return towns.count > towns.names.length
        ? t(lang, 'printTownsMore', { names, n: towns.count })
        : names;
    }
  }
}

function periodWords(lang: Lang, scope: PrintScope, reports: readonly ReportInfo[] | null): string {
  const { period } = scope;
  switch (period.kind) {
    case 'year':
      return t(lang, 'printYear', { year: period.year });
    case 'latest':
      return t(lang, 'printLatest');
    case 'years':
      return t(lang, 'printYears', { years: period.years.join(t(lang, 'listSeparator')) });
    case 'all':
      return t(lang, 'printAllReports', { n: reports?.length ?? '—' });
  }
}

function dateWords(lang: Lang, reports: readonly ReportInfo[] | null): string {
  if (reports === null) return t(lang, 'printDateNotLoaded');
  const date = newestPublished(reports);
  return date === null ? t(lang, 'printNoDate') : t(lang, 'printDate', { date });
}

/**
 * reports.csv is read for the date (when the view has not loaded its reports
 * itself) once the first chart is drawn when it is small, else only when the
 * print button is pressed (which waits for it).
 */
function useReportsForPrint(wanted: boolean): void {
  const { printing, small } = useAppStore(
    useShallow((s) => ({
      printing: s.printing,
      small: s.model !== null && s.model.reportsFile.bytes <= LAZY_BYTES,
    })),
  );
  const afterFirst = useAfterFirstChart();
  useReports(wanted && (printing || (small && afterFirst)));
}

export function PrintHeader() {
  const { lang, scope, all, reports } = useAppStore(
    useShallow((s) => ({
      lang: s.lang,
      scope: s.printScope,
      all: s.model?.towns,
      reports: s.model?.reports ?? null,
    })),
  );
  useReportsForPrint(scope !== null && scope.reports === undefined);
  if (scope === null || all === undefined) return null;
  const from = scope.reports ?? reports?.values() ?? null;
  const shown = from === null ? null : reportsInScope(from, scope);
  return (
    <header className="print-header print-only" data-testid="print-header">
      <p className="print-title">
        <strong>{t(lang, scope.view)}</strong>
        {' · '}
        {t(lang, 'printScope')}
        {townsWords(lang, all, scope)}
        {' · '}
        {periodWords(lang, scope, shown)}
      </p>
      <p className="print-date">{dateWords(lang, shown)}</p>
    </header>
  );
}
