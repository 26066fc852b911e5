/**
 * The default page's first chart, drawn as SVG images where the data is
 * written: by the CLI into its output folder and by the import view into its
 * publish package, from the files just written, read back through the data
 * layer's own parsers and drawn by the functions the page draws it with
 * (features/ranking/ranking-chart.ts) and ECharts' server-side renderer. The
 * page shows the image that fits at once (app/first-chart-image.ts) and the
 * live chart takes its place; a data folder replaced by a new run brings its
 * own images, so nothing is rebuilt.
 *
 * The images are for the page a plain link opens (DEFAULT_URL_STATE: the
 * overview in Chinese, every town, the latest year). A folder with problems
 * (a file that does not parse, a row the index does not know) gets none: the
 * page shows those problems instead of a chart.
 *
 * May import: catalog, extract, dataset, i18n, store/url.ts,
 * features/ranking/ranking-chart.ts; ECharts' types (the caller hands it the library).
 */
import { CATALOG_VERSION } from '../catalog';
import type { echarts } from '../components/chart/echarts-setup';
import { dataPath } from '../dataset/fetch';
import { latestYear, modelFromIndex, withIndicatorYear, type Issue } from '../dataset/model';
import { parseIndicatorFile } from '../dataset/parse';
import { parseIndex } from '../dataset/parse-index';
import { FIRST_CHART_DESCRIPTOR, firstChartImageOf, INDEX_FILE } from '../extract/data-index';
import { errorMessage } from '../extract/result';
import {
  rankingDrawing,
  type RankingDrawing,
  type RankingFilters,
} from '../features/ranking/ranking-chart';
import { echartsLocale, type Lang } from '../i18n';
import { DEFAULT_URL_STATE } from '../store/url';
import {
  FIRST_CHART_FORMAT,
  FIRST_CHART_WIDTHS,
  imagesVersion,
  type FirstChartDescriptor,
} from './descriptor';

/**
 * ECharts numbers the style classes of an SVG with counters shared by every
 * chart it draws in the process: numbered here in their order in the image,
 * so the same chart gives the same bytes in any run (CLI, tests, publish).
 */
function withOwnClassNames(svg: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-cls-\d+\b/g, (name) => {
    let own = names.get(name);
    if (own === undefined) {
      own = `c${names.size}`;
      names.set(name, own);
    }
    return own;
  });
}

/**
 * The ECharts that draws the images: in the browser the app's own (core with
 * what the first chart draws, components/chart/echarts-setup.ts), in Node the
 * library's prebuilt file (preview/node.ts). Both give the same bytes.
 */
export type ChartLibrary = Pick<typeof echarts, 'init'>;

/** One image of the drawing, `width` px wide. */
function svgOf(charts: ChartLibrary, drawing: RankingDrawing, width: number, lang: Lang): string {
  const chart = charts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width,
    height: drawing.height,
    locale: echartsLocale(lang),
  });
  // An image answers no pointer: the live chart's tooltip is left out.
  const option: Record<string, unknown> = { ...drawing.option };
  delete option['tooltip'];
  try {
    chart.setOption(option, { notMerge: true });
    return `${withOwnClassNames(chart.renderToSVGString())}\n`;
  } finally {
    chart.dispose();
  }
}

export interface FirstChartFiles {
  /** Path in the data folder → content. */
  readonly files: ReadonlyMap<string, string>;
  /** A drawing that failed: named, the run goes on without images. */
  readonly issues: readonly Issue[];
}

/**
 * The first chart's files for the data folder whose files `read` returns
 * (undefined: no such file). When the default page draws no ranking, or the
 * folder has problems, or drawing fails, the descriptor alone says so (no
 * widths): the page asks for it on every plain load, and shows no image.
 */
export function firstChartFiles(
  read: (path: string) => string | undefined,
  charts: ChartLibrary,
): FirstChartFiles {
  const none = { format: FIRST_CHART_FORMAT, catalog: CATALOG_VERSION, widths: [] };
  const alone = (issues: Issue[]): FirstChartFiles => ({
    files: new Map([[FIRST_CHART_DESCRIPTOR, `${JSON.stringify(none)}\n`]]),
    issues,
  });
  const drawing = defaultDrawing(read);
  if (drawing === null) return alone([]);
  const { lang, indicator, year } = drawing.filters;
  const images = new Map<string, string>();
  try {
    for (const width of FIRST_CHART_WIDTHS) {
      images.set(firstChartImageOf(width), svgOf(charts, drawing, width, lang));
    }
  } catch (error) {
    const why = errorMessage(error);
    return alone([
      {
        file: dataPath(FIRST_CHART_DESCRIPTOR),
        severity: 'warning',
        message: `the first chart could not be drawn as images (${why}); the page draws it live`,
      },
    ]);
  }
  const descriptor: FirstChartDescriptor = {
    format: FIRST_CHART_FORMAT,
    catalog: CATALOG_VERSION,
    lang,
    indicator,
    year,
    key: drawing.key,
    title: drawing.title,
    notes: drawing.notes,
    height: drawing.height,
    widths: FIRST_CHART_WIDTHS,
    version: imagesVersion([...images.values()]),
  };
  const files = new Map(images);
  files.set(FIRST_CHART_DESCRIPTOR, `${JSON.stringify(descriptor)}\n`);
  return { files, issues: [] };
}

/** The default page's ranking chart for this data folder; null if none or the folder has problems. */
function defaultDrawing(
  read: (path: string) => string | undefined,
): (RankingDrawing & { readonly filters: RankingFilters }) | null {
  const indexText = read(INDEX_FILE);
  if (indexText === undefined) return null;
  const { index, errors } = parseIndex(indexText, dataPath(INDEX_FILE));
  if (index === null || errors.length > 0) return null;
  const model = modelFromIndex(index);
  const year = latestYear(model);
  const { lang, indicator, towns, rankStart } = DEFAULT_URL_STATE;
  const file = model.files.get(indicator)?.years.find((f) => f.year === year);
  if (file === undefined || year === null) return null;
  const text = read(file.file);
  if (text === undefined) return null;
  const name = dataPath(file.file);
  const { rows, errors: rowErrors } = parseIndicatorFile(text, name, {
    indicator,
    year,
    towns: model.published.towns,
  });
  if (rowErrors.length > 0) return null;
  const filters = { lang, indicator, year, towns, rankStart };
  const drawing = rankingDrawing(withIndicatorYear(model, indicator, year, rows), filters);
  return drawing === null ? null : { ...drawing, filters };
}
