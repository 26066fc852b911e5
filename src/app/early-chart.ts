/**
 * The overview's ranking chart, drawn before React has loaded, in the page
 * shell React's components rendered at build time (early-shell.ts): the
 * overview around an empty chart, whose title, note and chart size are set
 * here from the same functions the ranking view uses, and the chart from the
 * same option builder. If the data folder's image of this very chart is on
 * screen (first-chart-image.ts), the chart is drawn under it and it goes.
 * React's first render takes the chart over
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
import { leaveChart } from '../components/chart/handoff';
import { echartsLocale } from '../i18n';
import { rankingDrawing, type RankingDrawing } from '../features/ranking/ranking-chart';
import { indicatorsState, useAppStore, type AppState } from '../store';
import { fillOverviewShell, fillRanking, shellCopy } from './early-shell';
import { isPlainOverview, removeImage, shownImage } from './first-chart-image';

/**
 * Cheap, checked on every store change while the page loads: 'wait' until
 * the data decides, 'react' if React draws this page, 'ready' to draw.
 */
function earlyChartState(state: AppState): 'wait' | 'react' | 'ready' {
  if (state.status === 'failed') return 'react';
  const { model, year, indicator } = state;
  if (model === null) return 'wait';
  if (!isPlainOverview(state) || state.loadErrors.length > 0) {
    return 'react';
  }
  if (year === null) return 'react';
  const loadState = indicatorsState(state, [indicator], [year]);
  return loadState === 'loading' ? 'wait' : loadState === 'failed' ? 'react' : 'ready';
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
 * The element to draw in: the chart's image shown at first paint
 * (first-chart-image.ts) if it is this chart's, which the live chart then
 * covers; else a new copy of the overview's shell. Null if the page has no
 * shell.
 */
function hostFor(state: AppState, drawing: RankingDrawing, root: HTMLElement): HTMLElement | null {
  // The image's page, with this code's title, note and size (the image may
  // have been drawn by another version of it).
  if (shownImage(root, drawing.key) !== null) return fillRanking(root, drawing);
  const page = shellCopy('overview', state.lang);
  const dom =
    page === null || state.year === null ? null : fillOverviewShell(page, state.year, drawing);
  if (page === null || dom === null) return null;
  root.replaceChildren(page);
  return dom;
}

/** Shows the overview and draws its chart; resolves once ECharts has rendered it (first-chart.ts). */
function draw(state: AppState, drawing: RankingDrawing, root: HTMLElement): Promise<void> {
  const dom = hostFor(state, drawing, root);
  if (dom === null) return Promise.resolve();
  const instance = echarts.init(dom, null, {
    locale: echartsLocale(state.lang),
    renderer: 'svg',
  });
  // React's first render takes it over, or App discards it.
  leaveChart({ key: drawing.key, dom, instance });
  // The image, if any, goes once the live chart is drawn over it.
  const rendered = earlyChartRendered(instance).then(() => removeImage(dom));
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
        const chart =
          earlyChartState(now) === 'ready' && now.model !== null && now.year !== null
            ? rankingDrawing(now.model, { ...now, year: now.year })
            : null;
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
