/**
 * ECharts through echarts/core with only what the first chart draws (bars),
 * so the chunk before the first chart stays small. Line charts and their
 * legends register later, from line-setup.ts. Chinese and English locales are
 * built into the core.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, AriaComponent, GridComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
