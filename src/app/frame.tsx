/**
 * The page's frame, without the store: the header, the navigation, the
 * places kept for parts that load later, and the order they stand in. App
 * renders them live; the static shell (shell.tsx) renders them at build
 * time, so the page painted before any script runs is React's own markup.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { t, type Lang } from '../i18n';
import type { View } from '../store';
import { IS_DEMO } from './demo';
import { NAV } from './nav';
import { HEADER_BUTTON, navButtonState, navTestId } from './nav-state';

export function AppHeader({
  lang,
  printing = false,
  onPrint,
  onSwitchLang,
}: {
  readonly lang: Lang;
  readonly printing?: boolean;
  readonly onPrint?: () => void;
  readonly onSwitchLang?: () => void;
}) {
  return (
    <header className="app-header">
      <div>
        <h1>{t(lang, 'appTitle')}</h1>
        <p className="subtitle">{t(lang, 'appSubtitle')}</p>
        {IS_DEMO && (
          <p className="demo-badge" data-testid="demo-badge">
            {t(lang, 'demoData')}
          </p>
        )}
      </div>
      <div className="header-actions">
        <button
          type="button"
          data-testid={HEADER_BUTTON.print}
          onClick={onPrint}
          className="no-print"
          aria-busy={printing}
          disabled={printing}
        >
          {t(lang, 'print')}
        </button>
        <button
          type="button"
          data-testid={HEADER_BUTTON.lang}
          className="no-print"
          onClick={onSwitchLang}
        >
          {t(lang, 'switchLang')}
        </button>
      </div>
    </header>
  );
}

export function Navigation({
  lang,
  view,
  onView,
}: {
  readonly lang: Lang;
  readonly view: View;
  readonly onView?: (view: View) => void;
}) {
  const nav = useRef<HTMLElement>(null);
  // Tabs beyond the right edge (a phone): the row fades out there, so it is
  // seen to scroll.
  const [more, setMore] = useState(false);
  const measure = (): void => {
    const box = nav.current;
    if (box !== null) setMore(box.scrollLeft + box.clientWidth < box.scrollWidth - 1);
  };
  // On a phone the tabs scroll sideways: the view shown is brought into sight.
  useEffect(() => {
    const active = nav.current?.querySelector<HTMLElement>(`[data-testid="${navTestId(view)}"]`);
    const box = nav.current;
    if (active === null || active === undefined || box === null) return;
    if (box.scrollWidth > box.clientWidth) {
      box.scrollLeft = Math.max(0, active.offsetLeft - (box.clientWidth - active.offsetWidth) / 2);
    }
    measure();
  }, [view, lang]);
  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return (
    <nav
      ref={nav}
      className={`nav no-print${more ? ' nav-more' : ''}`}
      aria-label={t(lang, 'appTitle')}
      onScroll={measure}
    >
      {NAV.map((item) => (
        <button
          key={item.view}
          type="button"
          data-testid={navTestId(item.view)}
          {...navButtonState(view === item.view)}
          onClick={() => onView?.(item.view)}
        >
          {t(lang, item.label)}
        </button>
      ))}
    </nav>
  );
}

/** The filter bar's place until its code and the first chart are in. */
export function FilterBarPending() {
  return <div className="filter-bar filter-bar-pending" aria-busy="true" />;
}

/** The trends' place until the first chart is drawn. */
export function TrendsPending() {
  return <div className="panel trends-pending" aria-busy="true" />;
}

/** The page's parts in their order. */
export function AppLayout({
  header,
  nav,
  filters,
  problems,
  main,
  after,
}: {
  readonly header: ReactNode;
  readonly nav: ReactNode;
  readonly filters?: ReactNode;
  readonly problems?: ReactNode;
  readonly main: ReactNode;
  readonly after?: ReactNode;
}) {
  return (
    <div className="app">
      {header}
      {nav}
      {filters}
      {problems}
      <main>{main}</main>
      {after}
    </div>
  );
}

/** The overview: the cards, then the ranking and the trends side by side. */
export function OverviewLayout({
  cards,
  ranking,
  trends,
}: {
  readonly cards: ReactNode;
  readonly ranking: ReactNode;
  readonly trends: ReactNode;
}) {
  return (
    <>
      {cards}
      <div className="views">
        {ranking}
        {trends}
      </div>
    </>
  );
}
