/**
 * ECharts through echarts/core with only what the first chart draws (bars
 * labelled with their values, SVG renderer: it starts faster than canvas for a
 * handful of bars), so the chunk before the first chart stays small. Line charts, legends and tooltips register later, from
 * line-setup.ts. The chart element carries its own aria-label, and every chart
 * has a data table. Chinese and English locales are
 * built into the core.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, SVGRenderer]);

export { echarts };
