/**
 * What the trend charts add to ECharts (lines on canvas), and the tooltip
 * every chart's option may have; loaded after the first chart.
 */
import { LineChart } from 'echarts/charts';
import { LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);
