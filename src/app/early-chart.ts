/**
 * The overview's ranking chart, drawn before React has loaded, in the page
 * shell React's components rendered at build time (early-shell.ts): the
 * overview around an empty chart, whose title, note and chart size are set
 * here from the same functions the ranking view uses, and the chart from the
 * same option builder. React's first render takes the chart over
 * (components/chart/handoff.ts): same element and instance, same position,
 * no flash (React then sets its own option, the same chart). On a slow PC
 * this takes React's start-up (its code and first render, a quarter of a
 * second at 4× CPU throttling) off the first chart's path. When to draw and
 * when React comes is decided in components/chart/first-chart.ts.
 *
 * Anything but a plain overview (another view, a source panel in the link,
 * data problems to list, nothing to rank) is left to React.
 *
 * May import: store, dataset/select, features/ranking/ranking-chart, i18n,
 * components/chart, app's shell modules — never React.
 */
import { earlyChartRendered } from '../components/chart/first-chart';
import { echarts } from '../components/chart/echarts-setup';
import { ECHARTS_HOST, leaveChart } from '../components/chart/handoff';
import { rankTowns, selectedTowns } from '../dataset/select';
import {
  rankingHeight,
  rankingKey,
  rankingNotes,
  rankingOptions,
  rankingTitle,
} from '../features/ranking/ranking-chart';
import { indicatorsState, useAppStore, type AppState } from '../store';
import { shellCopy } from './early-shell';

interface Drawing {
  readonly key: string;
  readonly title: string;
  readonly notes: readonly string[];
  readonly height: number;
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
  const drawing = {
    title: rankingTitle(lang, indicator, year),
    notes: rankingNotes(lang, count),
    height: rankingHeight(count),
  };
  // A long ranking starts with its preview (no data zoom), as in the view.
  return options.preview === undefined
    ? { ...drawing, key, option: options.full }
    : { ...drawing, key: `${key}|preview`, option: options.preview.option };
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

/**
 * The overview's shell, filled in for this state: the year in its heading,
 * the ranking's title and note. Returns the element to draw the chart in;
 * null if the page carries no shell (then React draws it).
 */
function fillShell(page: DocumentFragment, state: AppState, drawing: Drawing): HTMLElement | null {
  const heading = page.querySelector('.overview h2');
  const panel = page.querySelector('.panel.ranking');
  const title = panel?.querySelector('h2');
  const chart = panel?.querySelector('.chart');
  const host = chart?.querySelector(`.${ECHARTS_HOST}`);
  const note = panel?.querySelector('.note');
  if (
    heading == null ||
    panel == null ||
    title == null ||
    chart == null ||
    !(host instanceof HTMLElement)
  ) {
    return null;
  }
  // The overview's heading ends with the year, which the build did not know.
  heading.append(String(state.year ?? ''));
  title.textContent = drawing.title;
  panel.setAttribute('aria-label', drawing.title);
  chart.setAttribute('aria-label', drawing.title);
  // The shell holds one note: a ranking has at most one.
  const [text] = drawing.notes;
  if (text === undefined) note?.remove();
  else if (note != null) note.textContent = text;
  // Sizes through the CSSOM: a style attribute is inline style, which the
  // site's Content-Security-Policy (src/csp.ts) blocks.
  host.style.height = `${drawing.height}px`;
  host.style.width = '100%';
  return host;
}

/** Shows the overview and draws its chart; resolves once ECharts has rendered it (first-chart.ts). */
function draw(state: AppState, drawing: Drawing, root: HTMLElement): Promise<void> {
  const page = shellCopy('overview', state.lang);
  const dom = page === null ? null : fillShell(page, state, drawing);
  if (page === null || dom === null) return Promise.resolve();
  root.replaceChildren(page);
  const instance = echarts.init(dom, null, {
    locale: state.lang === 'zh' ? 'ZH' : 'EN',
    renderer: 'svg',
  });
  // React's first render takes it over, or App discards it.
  leaveChart({ key: drawing.key, dom, instance });
  const rendered = earlyChartRendered(instance);
  // The option builders return plain objects.
  instance.setOption(drawing.option as Parameters<typeof instance.setOption>[0], {
    notMerge: true,
    lazyUpdate: true,
  });
  return rendered;
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
