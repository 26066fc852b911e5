/**
 * The overview's ranking chart, drawn before React has loaded: the page
 * around it as React will render it at first (header, navigation, the places
 * kept for the filters, cards and trends), the chart from the same option
 * builder the ranking view uses. React's first render takes the chart over
 * (components/chart/handoff.ts): same element and instance, same position,
 * no flash (React then sets its own option, the same chart). On a slow PC
 * this takes React's start-up (its code and first render, a quarter of a
 * second at 4× CPU throttling) off the first chart's path.
 *
 * Anything but a plain overview (another view, a source panel in the link,
 * data problems to list, nothing to rank) is left to React.
 *
 * May import: store, dataset/select, features/ranking/ranking-chart, i18n,
 * components/chart — never React.
 */
import { CATEGORY_IDS } from '../catalog';
import { echarts } from '../components/chart/echarts-setup';
import { markFirstChart } from '../components/chart/first-chart';
import { leaveChart } from '../components/chart/handoff';
import { MIN_RANKED, rankTowns, selectedTowns } from '../dataset/select';
import {
  RANKING_WINDOW,
  rankingHeight,
  rankingKey,
  rankingOptions,
  rankingTitle,
} from '../features/ranking/ranking-chart';
import { t, type Lang } from '../i18n';
import { indicatorsState, useAppStore, type AppState } from '../store';
import { NAV } from './nav';

interface Drawing {
  readonly key: string;
  readonly title: string;
  readonly count: number;
  readonly option: object;
}

/**
 * Cheap, checked on every store change while the page loads: 'wait' until
 * the data decides, 'react' if React draws this page, 'ready' to draw.
 */
function earlyChartState(state: AppState): 'wait' | 'react' | 'ready' {
  if (state.status === 'failed') return 'react';
  const { model, year, indicator } = state;
  if (model === null) return 'wait';
  if (
    state.view !== 'overview' ||
    state.source !== null ||
    state.fullText !== null ||
    state.loadErrors.length > 0
  ) {
    return 'react';
  }
  if (year === null) return 'react';
  const loadState = indicatorsState(state, [indicator], [year]);
  return loadState === 'loading' ? 'wait' : loadState === 'failed' ? 'react' : 'ready';
}

/** The chart to draw in a 'ready' state; null if there is nothing to rank. */
function earlyChartOf(state: AppState): Drawing | null {
  const { model, year, indicator, lang } = state;
  if (model === null || year === null) return null;
  const towns = selectedTowns(model, state.towns);
  const ranking = rankTowns(model, indicator, year, towns);
  const count = ranking.reported.length;
  if (count === 0) return null;
  const options = rankingOptions(ranking, lang, indicator, state.rankStart);
  const key = rankingKey(lang, indicator, year, state.towns, count);
  const title = rankingTitle(lang, indicator, year);
  // A long ranking starts with its preview (no data zoom), as in the view.
  return options.preview === undefined
    ? { key, title, count, option: options.full }
    : { key: `${key}|preview`, title, count, option: options.preview.option };
}

/**
 * Runs `f` in a task of its own, soon: the store change that makes the data
 * ready comes at the end of parsing a file, and drawing in the same task
 * would make one long task of both (a province's first file takes 100 ms).
 */
function inNextTask(f: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    f();
  };
  channel.port2.postMessage(null);
}

type Child = Node | string;

function h(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  // Text is appended as text: report data never becomes markup.
  element.append(...children);
  return element;
}

/**
 * A button of the page before React. Those that only change the store
 * (language, view, print) work at once: React renders what they chose.
 * The export buttons wait for React.
 */
function button(label: string, className?: string, onClick?: () => void): HTMLElement {
  const element = h(
    'button',
    className === undefined ? { type: 'button' } : { type: 'button', class: className },
    label,
  );
  if (onClick !== undefined) element.addEventListener('click', onClick);
  return element;
}

/** The page as App and RankingView render it before their data-dependent parts arrive. */
function pageAround(state: AppState, drawing: Drawing, chart: HTMLElement): HTMLElement {
  const lang: Lang = state.lang;
  const { title, count } = drawing;
  const notes: Child[] = [];
  if (count > 0 && count < MIN_RANKED) {
    notes.push(h('p', { class: 'note' }, t(lang, 'fewToRank', { n: count, min: MIN_RANKED })));
  }
  if (count > RANKING_WINDOW) {
    notes.push(
      h('p', { class: 'note' }, t(lang, 'rankingWindow', { n: RANKING_WINDOW, total: count })),
    );
  }
  return h(
    'div',
    { class: 'app' },
    h(
      'header',
      { class: 'app-header' },
      h(
        'div',
        {},
        h('h1', {}, t(lang, 'appTitle')),
        h('p', { class: 'subtitle' }, t(lang, 'appSubtitle')),
      ),
      h(
        'div',
        { class: 'header-actions' },
        button(t(lang, 'print'), 'no-print', () => useAppStore.getState().setPrinting(true)),
        button(t(lang, 'switchLang'), 'no-print', () =>
          useAppStore.getState().setLang(lang === 'zh' ? 'en' : 'zh'),
        ),
      ),
    ),
    h(
      'nav',
      { class: 'nav no-print', 'aria-label': t(lang, 'appTitle') },
      ...NAV.map((item) =>
        button(t(lang, item.label), item.view === state.view ? 'nav-active' : '', () =>
          useAppStore.getState().setView(item.view),
        ),
      ),
    ),
    h('div', { class: 'filter-bar filter-bar-pending', 'aria-busy': 'true' }),
    h(
      'main',
      {},
      h(
        'section',
        { class: 'overview', 'aria-label': t(lang, 'overview'), 'aria-busy': 'true' },
        h('h2', {}, `${t(lang, 'overview')} · ${state.year ?? ''}`),
        h(
          'div',
          { class: 'cards' },
          ...CATEGORY_IDS.map(() => h('div', { class: 'card card-pending' })),
        ),
      ),
      h(
        'div',
        { class: 'views' },
        h(
          'section',
          { class: 'panel ranking', 'aria-label': title },
          h(
            'div',
            { class: 'panel-head' },
            h('h2', {}, title),
            h(
              'div',
              { class: 'panel-actions no-print' },
              h(
                'span',
                { class: 'export-csv' },
                button(t(lang, 'exportCsv')),
                h(
                  'label',
                  { class: 'export-headers' },
                  h('input', { type: 'checkbox' }),
                  ` ${t(lang, 'chineseHeaders')}`,
                ),
              ),
            ),
          ),
          h('p', { class: 'hint' }, t(lang, 'clickHint')),
          ...notes,
          h(
            'div',
            { class: 'chart-host' },
            h(
              'div',
              { class: 'chart-exports no-print' },
              button(t(lang, 'exportPng')),
              button(t(lang, 'exportSvg')),
            ),
            h('div', { class: 'chart', role: 'img', 'aria-label': title }, chart),
          ),
        ),
        h('div', { class: 'panel trends-pending', 'aria-busy': 'true' }),
      ),
    ),
  );
}

/**
 * Draws the page and its chart; resolves once ECharts has rendered it (or
 * after 3 s: a hidden tab draws no frame, and React must come regardless).
 */
function draw(state: AppState, drawing: Drawing, root: HTMLElement): Promise<void> {
  // Sizes through the CSSOM: a style attribute is inline style, which the
  // site's Content-Security-Policy (src/csp.ts) blocks.
  const dom = h('div', {});
  dom.style.height = `${rankingHeight(drawing.count)}px`;
  dom.style.width = '100%';
  root.replaceChildren(pageAround(state, drawing, dom));
  const instance = echarts.init(dom, null, {
    locale: state.lang === 'zh' ? 'ZH' : 'EN',
    renderer: 'svg',
  });
  // React's first render takes it over, or App discards it.
  leaveChart({ key: drawing.key, dom, instance });
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 3000);
    const rendered = (): void => {
      instance.off('rendered', rendered);
      clearTimeout(timer);
      markFirstChart();
      resolve();
    };
    instance.on('rendered', rendered);
    // The option builders return plain objects (echarts-for-react takes them as they are).
    instance.setOption(drawing.option as Parameters<typeof instance.setOption>[0], {
      notMerge: true,
      lazyUpdate: true,
    });
  });
}

/**
 * Waits for the data of the page in the URL and draws its ranking chart if
 * it is a plain overview. Resolves when drawn, or as soon as it is clear that
 * React draws this page; draws nothing once `reactStarted()` is true, and
 * calls `drawing()` when it starts to draw.
 */
export function drawEarlyChart(reactStarted: () => boolean, drawing: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const decide = (state: AppState): void => {
      if (done) return;
      const next = reactStarted() ? 'react' : earlyChartState(state);
      if (next === 'wait') return;
      done = true;
      stop();
      if (next === 'react') {
        resolve();
        return;
      }
      drawing();
      inNextTask(() => {
        const now = useAppStore.getState();
        const root = document.getElementById('root');
        const chart = earlyChartState(now) === 'ready' ? earlyChartOf(now) : null;
        if (chart === null || root === null) {
          resolve();
          return;
        }
        // A failure here leaves the page to React (the entry logs it).
        try {
          draw(now, chart, root).then(resolve, reject);
        } catch (error: unknown) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    };
    const stop = useAppStore.subscribe(decide);
    decide(useAppStore.getState());
  });
}
