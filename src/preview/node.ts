/**
 * ECharts for the CLI: the library's prebuilt file, which Node loads in about
 * a tenth of the time its hundreds of modules take (0.1 s against 1.3 s
 * through tsx) — the CLI draws one chart per run. The same version as the
 * app's modules, and the same bytes (test/importer/publish.test.ts compares
 * the CLI's data folder with the one the import view builds).
 *
 * Loaded with V8's compiled code of it when the build left that beside the
 * bundle (CHARTS_CACHE, written by writeChartsCache after each build of
 * dist-cli/, scripts/cli.mjs): its load takes a third of the time. A cache
 * V8 does not take (another Node, other flags, another ECharts) is ignored
 * and the file compiled as it would be without one.
 *
 * May import: node:*, preview/first-chart (types).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { ChartLibrary } from './first-chart';

const require = createRequire(import.meta.url);

/** The prebuilt library's path, as a CommonJS module (scripts/cli.mjs fingerprints it): looked up when drawing. */
export const echartsFile = (): string => require.resolve('echarts/dist/echarts.min.js');

/** V8's compiled code of the library, beside the bundle that loads it. */
export const CHARTS_CACHE = fileURLToPath(new URL('./echarts.cache', import.meta.url));

/** The file compiled as Node compiles a CommonJS module (its wrapper), with `cachedData` if given. */
function load(cachedData: Buffer | undefined): { charts: ChartLibrary; script: Script } {
  const file = echartsFile();
  const source = readFileSync(file, 'utf8');
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: file, ...(cachedData === undefined ? {} : { cachedData }) },
  );
  const module = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, require, module, file, dirname(file));
  return { charts: module.exports as ChartLibrary, script };
}

function readCache(): Buffer | undefined {
  try {
    return readFileSync(CHARTS_CACHE);
  } catch {
    return undefined;
  }
}

let loaded: { charts: ChartLibrary; cached: boolean } | undefined;

function loadOnce(): { charts: ChartLibrary; cached: boolean } {
  if (loaded === undefined) {
    const cache = readCache();
    const { charts, script } = load(cache);
    loaded = { charts, cached: cache !== undefined && !script.cachedDataRejected };
  }
  return loaded;
}

/** Loaded on the first call, when a run draws its chart: `--help` and refusals start without it. */
export const nodeCharts = (): ChartLibrary => loadOnce().charts;

/** Whether ECharts was loaded with V8's compiled code of it (CHARTS_CACHE), not compiled here. */
export const chartsFromCache = (): boolean => loadOnce().cached;

/**
 * Writes CHARTS_CACHE: the library loaded and a ranking-like chart drawn
 * (bars with their labels on a category axis), so the code a first chart
 * runs is compiled and kept too, not only the file's outer code.
 */
export function writeChartsCache(): void {
  const { charts, script } = load(undefined);
  const chart = charts.init(null, null, { renderer: 'svg', ssr: true, width: 480, height: 200 });
  chart.setOption({
    title: { text: '排名' },
    grid: { containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: ['甲镇', '乙镇', '丙街道'] },
    series: [{ type: 'bar', data: [30, 20, 10], label: { show: true, position: 'right' } }],
  });
  chart.renderToSVGString();
  chart.dispose();
  const partial = `${CHARTS_CACHE}.${process.pid}.partial`;
  writeFileSync(partial, script.createCachedData());
  renameSync(partial, CHARTS_CACHE);
}
