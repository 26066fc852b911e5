/**
 * ECharts for the CLI: the library's prebuilt file, which Node loads in about
 * a tenth of the time its hundreds of modules take (0.1 s against 1.3 s
 * through tsx) — the CLI draws one chart per run. The same version as the
 * app's modules, and the same bytes (test/importer/publish.test.ts compares
 * the CLI's data folder with the one the import view builds).
 *
 * May import: node:*, preview/first-chart (types).
 */
import { createRequire } from 'node:module';
import type { ChartLibrary } from './first-chart';

let loaded: ChartLibrary | undefined;

/** Loaded on the first call, when a run draws its chart: `--help` and refusals start without it. */
export function nodeCharts(): ChartLibrary {
  loaded ??= createRequire(import.meta.url)('echarts/dist/echarts.min.js') as ChartLibrary;
  return loaded;
}
