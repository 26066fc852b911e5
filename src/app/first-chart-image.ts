/**
 * The first chart as an image, before any chart code has loaded: a data
 * folder carries the default page's ranking chart drawn as SVG at several
 * widths (src/preview, first-chart/ beside the data). When the link opens
 * that page, the entry shows the overview's shell with the image that fits,
 * as soon as the small descriptor and the image have arrived; the live chart
 * is then drawn under it (app/early-chart.ts, or React) and the image goes.
 *
 * The image is shown only for the page it was drawn for (the descriptor's
 * language, indicator and year; every town; the ranking's top; no panel
 * open) and only while nothing else has drawn; any doubt (no descriptor, a
 * malformed one, another catalog, an image that does not load) shows
 * nothing and the page goes on as without it. It is an <img>: the browser
 * runs no script in it and loads nothing from it, and the descriptor's texts
 * are set as text. Drawn in Node, its text is placed by ECharts' estimate of
 * the text's width, the live chart's by the browser's: the two may differ by
 * a pixel or two, and the live chart is at most one width step (40 px) wider.
 *
 * May import: store, dataset/fetch, extract/data-index, preview/descriptor,
 * components/chart/first-chart, app's shell modules — nothing heavy: it runs
 * before the first paint.
 */
import { markFirstChartImage } from '../components/chart/first-chart';
import { dataPath, dataUrl, fetchData } from '../dataset/fetch';
import { FIRST_CHART_DESCRIPTOR } from '../extract/data-index';
import {
  firstChartImageFor,
  readFirstChartDescriptor,
  saysNoImage,
  type FirstChartDescriptor,
} from '../preview/descriptor';
import { DEFAULT_URL_STATE, useAppStore, type AppState } from '../store';
import { fillOverviewShell, shellCopy } from './early-shell';

/** The class of the image (styles.css lays it over the chart's element). */
const IMAGE_CLASS = 'first-chart-image';

/**
 * A plain overview: no panel over it. Only such a page is drawn before React
 * (early-chart.ts), and only its default is drawn as an image.
 */
export function isPlainOverview(state: AppState): boolean {
  return state.view === 'overview' && state.source === null && state.fullText === null;
}

/** Whether the page in this state is the one a data folder draws (the year is the descriptor's to say). */
function couldBeDrawn(state: AppState): boolean {
  const drawn = DEFAULT_URL_STATE;
  return (
    isPlainOverview(state) &&
    state.lang === drawn.lang &&
    state.indicator === drawn.indicator &&
    state.towns === drawn.towns &&
    state.rankStart === drawn.rankStart
  );
}

/** Whether the image is of the page in this state. */
function isOfPage(state: AppState, d: FirstChartDescriptor): boolean {
  return (
    couldBeDrawn(state) &&
    state.lang === d.lang &&
    state.indicator === d.indicator &&
    (state.year === null || state.year === d.year)
  );
}

async function readDescriptor(): Promise<FirstChartDescriptor | null> {
  const fetched = await fetchData(FIRST_CHART_DESCRIPTOR);
  if (!fetched.ok) return null;
  let json: unknown = null;
  try {
    json = JSON.parse(fetched.data);
  } catch {
    // Said below, with the other ways it can be wrong.
  }
  const descriptor = readFirstChartDescriptor(json);
  if (descriptor === null && !saysNoImage(json)) {
    console.warn(`${dataPath(FIRST_CHART_DESCRIPTOR)}: not a first chart this page can show`);
  }
  return descriptor;
}

/**
 * Shows the first chart's image in the overview's shell if the data folder
 * has one for the page in the link; resolves true once it is on screen.
 * `drawn()` says whether a live chart or React has started meanwhile (then
 * nothing is shown).
 */
export async function showFirstChartImage(
  root: HTMLElement,
  drawn: () => boolean,
): Promise<boolean> {
  if (!couldBeDrawn(useAppStore.getState())) return false;
  const descriptor = await readDescriptor();
  const state = useAppStore.getState();
  if (descriptor === null || drawn() || !isOfPage(state, descriptor)) return false;
  const page = shellCopy('overview', state.lang);
  const host = page === null ? null : fillOverviewShell(page, descriptor.year, descriptor);
  if (page === null || host === null) return false;
  root.replaceChildren(page);
  const { file, width } = firstChartImageFor(descriptor, host.clientWidth);
  const image = new Image(width, descriptor.height);
  image.className = IMAGE_CLASS;
  // The chart's element carries the title as its label; the live chart replaces the picture.
  image.alt = '';
  image.dataset['chartKey'] = descriptor.key;
  image.src = dataUrl(file);
  host.append(image);
  try {
    await image.decode();
  } catch {
    // Not there, or not an image: the live chart comes as without it.
    image.remove();
    return false;
  }
  if (!image.isConnected) return false;
  markFirstChartImage();
  return true;
}

/** The image shown for the chart of this key, if it is on the page. */
export function shownImage(root: ParentNode, key: string): HTMLImageElement | null {
  const image = root.querySelector(`img.${IMAGE_CLASS}`);
  return image instanceof HTMLImageElement && image.dataset['chartKey'] === key ? image : null;
}

/** The live chart is drawn over the image: it goes. */
export function removeImage(host: ParentNode): void {
  host.querySelector(`img.${IMAGE_CLASS}`)?.remove();
}
