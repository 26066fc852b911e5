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

export const nodeCharts = createRequire(import.meta.url)(
  'echarts/dist/echarts.min.js',
) as ChartLibrary;
