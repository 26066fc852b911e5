/**
 * The page shells, rendered to static markup at build time (shell-plugin.ts)
 * from the components App renders: what the page shows before any script
 * has run, and the overview into which the first chart is drawn before
 * React has loaded. React then renders the same markup over it.
 *
 * Runs in Node (Vite's module runner), never in the browser.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { ChartFrame } from '../components/chart/ChartFrame';
import { EmptyState } from '../components/EmptyState';
import { ExportCsv } from '../components/ExportCsv';
import { EARLY_DATA_FILES, dataPath } from '../dataset/fetch';
import { OverviewPlaceholder } from '../features/overview/OverviewCards';
import { RankingFrame, RankingIntro } from '../features/ranking/RankingFrame';
import { LANGS, t, type Lang } from '../i18n';
import {
  AppHeader,
  AppLayout,
  FilterBarPending,
  Navigation,
  OverviewLayout,
  TrendsPending,
} from './frame';
import { PAINTED_SHELL, shellTemplateId, type ShellKind } from './shell-ids';

const none = () => Promise.resolve({ quotes: new Map<string, string>(), unread: [] });

/**
 * The overview's ranking as RankingView renders it, before the data: its
 * title, its one possible note and its chart's size are set by the page
 * drawn before React (early-chart.ts), which draws the chart in it.
 */
function RankingShell({ lang }: { lang: Lang }) {
  return (
    <RankingFrame
      title=""
      actions={
        <ExportCsv lang={lang} fileName="" items={() => []} quotesOf={none} textOf={() => null} />
      }
    >
      <RankingIntro lang={lang} notes={['']} />
      <ChartFrame
        label=""
        exportLabels={{ png: t(lang, 'exportPng'), svg: t(lang, 'exportSvg') }}
      />
    </RankingFrame>
  );
}

function Shell({ kind, lang }: { kind: ShellKind; lang: Lang }) {
  return (
    <AppLayout
      header={<AppHeader lang={lang} />}
      nav={<Navigation lang={lang} view="overview" />}
      filters={<FilterBarPending />}
      main={
        kind === 'loading' ? (
          <EmptyState title={t(lang, 'loading')} />
        ) : (
          <OverviewLayout
            cards={<OverviewPlaceholder lang={lang} year={null} />}
            ranking={<RankingShell lang={lang} />}
            trends={<TrendsPending />}
          />
        )
      }
    />
  );
}

export interface Shells {
  /** The page's title (in the painted shell's language). */
  readonly title: string;
  /**
   * The tag of public/boot.js, which requests these data files at once (the
   * app picks the requests up: dataset/fetch.ts).
   */
  readonly boot: string;
  /** What a browser without JavaScript shows, in both languages. */
  readonly noscript: string;
  /** The shell painted before any script runs. */
  readonly painted: string;
  /** The others, each in a `<template>` under its id. */
  readonly templates: readonly { readonly id: string; readonly markup: string }[];
}

const KINDS: readonly ShellKind[] = ['loading', 'overview'];

export function renderShells(): Shells {
  const markup = (kind: ShellKind, lang: Lang): string =>
    renderToStaticMarkup(<Shell kind={kind} lang={lang} />);
  return {
    title: t(PAINTED_SHELL.lang, 'appTitle'),
    boot: renderToStaticMarkup(
      <script async src="./boot.js" data-files={EARLY_DATA_FILES.map(dataPath).join(' ')} />,
    ),
    noscript: LANGS.map((lang) => t(lang, 'needsScript')).join(' '),
    painted: markup(PAINTED_SHELL.kind, PAINTED_SHELL.lang),
    templates: KINDS.flatMap((kind) =>
      LANGS.filter((lang) => kind !== PAINTED_SHELL.kind || lang !== PAINTED_SHELL.lang).map(
        (lang) => ({ id: shellTemplateId(kind, lang), markup: markup(kind, lang) }),
      ),
    ),
  };
}
