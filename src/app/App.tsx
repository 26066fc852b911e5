/**
 * The shell: header, language switch, filters, load problems and the views.
 * The only place features meet.
 *
 * May import: everything in src except src/cli.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { afterFirstChart, noPrimaryChart } from '../components/chart/first-chart';
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../components/EmptyState';
// The evaluators' views are their own chunks: the overview's first chart must not wait for them.
const BriefView = lazy(() =>
  import('../features/brief/BriefView').then((m) => ({ default: m.BriefView })),
);
const CompareMatrix = lazy(() =>
  import('../features/compare/CompareMatrix').then((m) => ({ default: m.CompareMatrix })),
);
const SideBySide = lazy(() =>
  import('../features/side-by-side/SideBySide').then((m) => ({ default: m.SideBySide })),
);
const TownProfile = lazy(() =>
  import('../features/town/TownProfile').then((m) => ({ default: m.TownProfile })),
);
const QualityPage = lazy(() =>
  import('../features/quality/QualityPage').then((m) => ({ default: m.QualityPage })),
);
const ImportView = lazy(() =>
  import('../features/import/ImportView').then((m) => ({ default: m.ImportView })),
);
import { OverviewCards, OverviewPlaceholder } from '../features/overview/OverviewCards';
import { RankingView } from '../features/ranking/RankingView';
// Drawn after the first chart, or on a click: not part of the entry chunk.
const SourcePanel = lazy(() =>
  import('../features/source/SourcePanel').then((m) => ({ default: m.SourcePanel })),
);
const FilterBar = lazy(() =>
  import('../features/filters/FilterBar').then((m) => ({ default: m.FilterBar })),
);
const TrendView = lazy(() =>
  import('../features/trends/TrendView').then((m) => ({ default: m.TrendView })),
);
import { discardChart } from '../components/chart/handoff';
import { installPrintLayout } from '../components/chart/print-layout';
import { issueMessage, t, type MessageKey } from '../i18n';
import type { Issue } from '../dataset/model';
import { dataFilesLoading, useAppStore } from '../store';
import {
  AppHeader,
  AppLayout,
  FilterBarPending,
  Navigation,
  OverviewLayout,
  TrendsPending,
} from './frame';
import { useAfterFirstChart } from './after-first-chart';
import { PrintHeader } from './print-header';

// The page is laid out for paper on the browser's beforeprint, whoever prints.
installPrintLayout();

/** What the problems listed did: warnings only, rows skipped, or also whole files not read. */
function loadHint(errors: readonly Issue[]): MessageKey {
  if (errors.every((e) => e.severity === 'warning')) return 'loadWarningsHint';
  return errors.every((e) => e.line !== undefined) ? 'loadErrorsHint' : 'loadProblemsHint';
}

function LoadErrors() {
  const { errors, lang, failed } = useAppStore(
    useShallow((s) => ({ errors: s.loadErrors, lang: s.lang, failed: s.status === 'failed' })),
  );
  if (errors.length === 0) return null;
  return (
    <details className="load-errors" data-testid="load-errors" open={errors.length <= 5}>
      <summary>
        {t(lang, 'loadErrors')} ({errors.length})
      </summary>
      {/* Without the index nothing displays: not "the rest" as for bad rows. */}
      <p>
        {failed
          ? t(lang, 'loadFailedHint', { file: errors[0]?.file ?? 'data/index.json' })
          : t(lang, loadHint(errors))}
      </p>
      <ul>
        {errors.slice(0, 200).map((e, i) => (
          <li key={i}>
            <code>
              {e.file}
              {e.line === undefined ? '' : `:${e.line}`}
            </code>{' '}
            {issueMessage(lang, e)}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Renders `children` once the first chart is drawn (lazy chunks among them);
 * `pending` holds the place. The cards wait so: the first chart is what a
 * reader looks for first, and the space kept means nothing moves.
 */
function AfterFirstChart({ pending, children }: { pending: ReactNode; children: ReactNode }) {
  const ready = useAfterFirstChart();
  return ready ? <Suspense fallback={pending}>{children}</Suspense> : pending;
}

/** The source panel's code loads when a source or a full text is first opened (by a click or a link). */
function DeferredSourcePanel() {
  const open = useAppStore((s) => s.source !== null || s.fullText !== null);
  // Once wanted, kept: closing the panel does not unload its code.
  const [wanted, setWanted] = useState(open);
  if (open && !wanted) setWanted(true);
  return wanted ? (
    <Suspense fallback={null}>
      <SourcePanel />
    </Suspense>
  ) : null;
}

/**
 * Printing: lazy parts of the page (large data below the fold) and the
 * report list (the print header's date) load first, the charts draw, then the
 * browser's print dialog opens (its beforeprint lays the page out for paper).
 */
function usePrintWhenReady(): void {
  const printing = useAppStore((s) => s.printing);
  const setPrinting = useAppStore((s) => s.setPrinting);
  const pending = useAppStore((s) => dataFilesLoading(s) || s.reportsLoad === 'loading');
  useEffect(() => {
    if (!printing || pending) return;
    // Charts draw after their data (and lazily loaded chart code) arrive.
    const timer = setTimeout(() => {
      setPrinting(false);
      window.print();
    }, 400);
    return () => clearTimeout(timer);
  }, [printing, pending, setPrinting]);
}

export function App() {
  const { status, lang, setLang, view, setView, year, printing, setPrinting } = useAppStore(
    useShallow((s) => ({
      status: s.status,
      lang: s.lang,
      setLang: s.setLang,
      view: s.view,
      setView: s.setView,
      year: s.year,
      printing: s.printing,
      setPrinting: s.setPrinting,
    })),
  );
  usePrintWhenReady();
  useEffect(() => {
    // Views without a ranking chart must not hold back the parts that wait for it.
    if (view !== 'overview') noPrimaryChart();
  }, [view]);
  useEffect(() => {
    // A chart drawn before React that the first render did not take over.
    discardChart();
    // For timing tools: from here the page answers clicks.
    performance.mark('app-ready');
  }, []);
  const loadWorkspace = useAppStore((s) => s.loadWorkspace);
  useEffect(() => {
    // Reports imported in this browser join the views, after the first chart.
    void afterFirstChart().then(loadWorkspace);
  }, [loadWorkspace]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'appTitle');
  }, [lang]);
  return (
    <AppLayout
      header={
        <AppHeader
          lang={lang}
          printing={printing}
          onPrint={() => setPrinting(true)}
          onSwitchLang={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        />
      }
      nav={<Navigation lang={lang} view={view} onView={setView} />}
      // The filters choose what the published data shows; importing has none.
      filters={
        view !== 'import' && (
          <AfterFirstChart pending={<FilterBarPending />}>
            <FilterBar />
          </AfterFirstChart>
        )
      }
      problems={<LoadErrors />}
      main={
        <>
          {view !== 'import' && <PrintHeader />}
          {/* Importing needs no published data: the first year's reports start there. */}
          {view === 'import' && (
            <Suspense fallback={<EmptyState title={t(lang, 'loading')} />}>
              <ImportView />
            </Suspense>
          )}
          {view !== 'import' && status === 'loading' && <EmptyState title={t(lang, 'loading')} />}
          {view !== 'import' && status === 'failed' && <EmptyState title={t(lang, 'loadFailed')} />}
          {status === 'ready' && view === 'overview' && (
            <OverviewLayout
              cards={
                <AfterFirstChart pending={<OverviewPlaceholder lang={lang} year={year} />}>
                  <OverviewCards />
                </AfterFirstChart>
              }
              ranking={<RankingView />}
              trends={
                <AfterFirstChart pending={<TrendsPending />}>
                  <TrendView />
                </AfterFirstChart>
              }
            />
          )}
          {status === 'ready' && view !== 'overview' && view !== 'import' && (
            <Suspense fallback={<EmptyState title={t(lang, 'loading')} />}>
              {view === 'brief' && <BriefView />}
              {view === 'compare' && <CompareMatrix />}
              {view === 'side' && <SideBySide />}
              {view === 'town' && <TownProfile />}
              {view === 'quality' && <QualityPage />}
            </Suspense>
          )}
        </>
      }
      after={<DeferredSourcePanel />}
    />
  );
}
