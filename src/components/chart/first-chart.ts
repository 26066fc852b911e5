/**
 * Every timing decision about the page's first chart, in one place:
 *  - who draws it: an image the data folder carries (app/first-chart-image.ts)
 *    at once, then the page drawn before React (app/early-chart.ts) if the
 *    data allows, else React; and when React starts regardless (the fallbacks);
 *  - how long a chart drawn before React may take to render (a hidden tab
 *    draws no frame);
 *  - the `first-chart` performance mark, for timing tools: the first chart
 *    on screen, image or live;
 *  - the secondary parts (cards, filters, trends, tooltips, data zoom) that
 *    wait for it, and for how long at most.
 *
 * It knows nothing of the store or React: the entry (main.ts) hands it the
 * functions that start each path.
 */

/** Secondary parts wait this long at most for the first chart. */
const FIRST_CHART_WAIT_MS = 3000;
/** Without the data index by then, the network is slow: React shows the loading page. */
const SLOW_NETWORK_MS = 1000;
/** Without a chart by then React comes in any case (the data is slow, or the PC). */
const REACT_AT_THE_LATEST_MS = 3000;
/**
 * The live chart's code waits this long at most for the chart's image: on a
 * slow PC its evaluation (ECharts) would hold the image back.
 */
const IMAGE_WAIT_MS = 1000;
/** With the chart's image on screen and the data still not decided by then, React comes. */
const IMAGE_HOLDS_MS = 10_000;
/** A chart drawn before React that has not rendered by then (a hidden tab) lets React come. */
const EARLY_RENDER_WAIT_MS = 3000;

let resolveFirst: () => void = () => undefined;

const firstChartRendered: Promise<void> = new Promise((resolve) => {
  resolveFirst = resolve;
});

let marked = false;

function mark(): void {
  if (marked) return;
  marked = true;
  performance.mark('first-chart');
}

/**
 * The first chart is on screen as an image: marked. The parts that wait for
 * the first chart go on waiting for the live one, which has the page's
 * main thread first.
 */
export function markFirstChartImage(): void {
  mark();
}

/** A chart has rendered: the first one is marked. Called on every chart's 'rendered' event. */
export function markFirstChart(): void {
  mark();
  resolveFirst();
}

/**
 * The primary view has nothing to draw (an empty state): secondary charts
 * need not wait for it.
 */
export function noPrimaryChart(): void {
  resolveFirst();
}

/** Resolves once the first chart is drawn or known not to come (3 s at most). */
export function afterFirstChart(): Promise<void> {
  return Promise.race([
    firstChartRendered,
    new Promise<void>((r) => setTimeout(r, FIRST_CHART_WAIT_MS)),
  ]);
}

/** The least of an ECharts instance the page before React needs here. */
interface Rendering {
  on(event: 'rendered', handler: () => void): void;
  off(event: 'rendered', handler: () => void): void;
}

/**
 * Resolves once a chart drawn before React has rendered (and marks it), or
 * after a while without it: React must come regardless.
 */
export function earlyChartRendered(instance: Rendering): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, EARLY_RENDER_WAIT_MS);
    const rendered = (): void => {
      instance.off('rendered', rendered);
      clearTimeout(timer);
      markFirstChart();
      resolve();
    };
    instance.on('rendered', rendered);
  });
}

export interface FirstChartPaths {
  /**
   * Shows the first chart as an image if the data folder has one for this
   * page, unless a live chart or React has started (`drawn()`); resolves
   * true once it is on screen, false if it is not shown.
   */
  readonly showImage: (drawn: () => boolean) => Promise<boolean>;
  /** Reads the data index and the files of the page in the link (its code is a chunk of its own). */
  readonly loadData: () => void;
  /** Starts fetching the live chart's code (ECharts) in parallel, before it is imported. */
  readonly preloadChartCode: () => void;
  /** The data index's download: its arrival tells a slow network from a slow PC. */
  readonly indexArrived: Promise<unknown>;
  /**
   * Draws the first chart before React if the page allows; resolves when it
   * is drawn or left to React. Draws nothing once `reactStarted()` is true,
   * and calls `drawing()` when it begins to draw.
   */
  readonly drawEarly: (reactStarted: () => boolean, drawing: () => void) => Promise<void>;
  /** Loads React and renders the app (it takes a chart drawn before it over). */
  readonly startReact: () => void;
}

/**
 * Starts the page: the data, the image of the chart if the data folder has
 * one for it, then the chart before React, then React. On a slow network
 * React comes after a second, to show the page while the data is coming; a
 * slow PC is no reason (React would only come between the data and the
 * chart), so the first second waits for the index's download alone. After
 * three seconds without a chart, React comes in any case — unless the
 * chart's image is on screen: then React comes when the data has decided
 * (or after ten seconds).
 */
export function startFirstChart({
  showImage,
  loadData,
  preloadChartCode,
  indexArrived,
  drawEarly,
  startReact,
}: FirstChartPaths): void {
  let reactStarted = false;
  let chartStarted = false;
  let imageShown = false;
  const react = (): void => {
    if (reactStarted) return;
    reactStarted = true;
    startReact();
  };
  // The data at once (its requests are out already: boot.js); the live
  // chart's code (ECharts), even its download and compiling, after the
  // image, whose showing it would hold back on a slow PC — a second at most.
  loadData();
  const image = showImage(() => reactStarted || chartStarted).then(
    (shown) => {
      imageShown = shown;
    },
    (error: unknown) => console.error(error),
  );
  const imageWait = new Promise<void>((r) => setTimeout(r, IMAGE_WAIT_MS));
  void Promise.race([image, imageWait]).then(() => {
    preloadChartCode();
    void drawEarly(
      () => reactStarted,
      () => {
        chartStarted = true;
      },
    )
      .catch((error: unknown) => console.error(error))
      .finally(react);
  });
  let arrived = false;
  void indexArrived.then(
    () => {
      arrived = true;
    },
    () => undefined,
  );
  // With the chart's image on screen, React (whose first render replaces
  // the page) would only show its loading state: it waits for the data to
  // decide, or for a request that never ends.
  setTimeout(() => {
    if (!chartStarted && !imageShown && !arrived) react();
  }, SLOW_NETWORK_MS);
  setTimeout(() => {
    if (!chartStarted && !imageShown) react();
  }, REACT_AT_THE_LATEST_MS);
  setTimeout(react, IMAGE_HOLDS_MS);
}
