/**
 * The shell: header, language switch, filters, load problems and the views.
 * The only place features meet.
 *
 * May import: everything in src except src/cli.
 */
import { useEffect, useState } from 'react';
import { afterFirstChart } from '../components/chart/first-chart';
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../components/EmptyState';
import { FilterBar } from '../features/filters/FilterBar';
import { OverviewCards } from '../features/overview/OverviewCards';
import { RankingView } from '../features/ranking/RankingView';
import { SourcePanel } from '../features/source/SourcePanel';
import { TrendView } from '../features/trends/TrendView';
import { t } from '../i18n';
import { useAppStore } from '../store';

function LoadErrors() {
  const { errors, lang } = useAppStore(useShallow((s) => ({ errors: s.loadErrors, lang: s.lang })));
  if (errors.length === 0) return null;
  return (
    <details className="load-errors" data-testid="load-errors" open={errors.length <= 5}>
      <summary>
        {t(lang, 'loadErrors')} ({errors.length})
      </summary>
      <p>{t(lang, 'loadErrorsHint')}</p>
      <ul>
        {errors.slice(0, 200).map((e, i) => (
          <li key={i}>
            <code>
              {e.file}
              {e.line === undefined ? '' : `:${e.line}`}
            </code>{' '}
            {e.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The cards wait for the first chart: it is what a reader looks for first, and
 * it should not queue behind the rest of the page. The space is kept so
 * nothing moves when they arrive.
 */
function useAfterFirstChart(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void afterFirstChart().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

function DeferredOverview() {
  const ready = useAfterFirstChart();
  return ready ? <OverviewCards /> : <div className="overview overview-pending" aria-busy="true" />;
}

function DeferredFilterBar() {
  const ready = useAfterFirstChart();
  return ready ? <FilterBar /> : <div className="filter-bar filter-bar-pending" aria-busy="true" />;
}

function DeferredTrends() {
  const ready = useAfterFirstChart();
  return ready ? <TrendView /> : <div className="panel trends-pending" aria-busy="true" />;
}

export function App() {
  const { status, lang, setLang } = useAppStore(
    useShallow((s) => ({ status: s.status, lang: s.lang, setLang: s.setLang })),
  );
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'appTitle');
  }, [lang]);
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{t(lang, 'appTitle')}</h1>
          <p className="subtitle">{t(lang, 'appSubtitle')}</p>
        </div>
        <div className="header-actions">
          <button type="button" onClick={() => window.print()} className="no-print">
            {t(lang, 'print')}
          </button>
          <button
            type="button"
            data-testid="lang-switch"
            className="no-print"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t(lang, 'switchLang')}
          </button>
        </div>
      </header>
      <DeferredFilterBar />
      <LoadErrors />
      <main>
        {status === 'loading' && <EmptyState title={t(lang, 'loading')} />}
        {status === 'failed' && <EmptyState title={t(lang, 'loadFailed')} />}
        {status === 'ready' && (
          <>
            <DeferredOverview />
            <div className="views">
              <RankingView />
              <DeferredTrends />
            </div>
          </>
        )}
      </main>
      <SourcePanel />
    </div>
  );
}
