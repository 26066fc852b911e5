/** What the trend charts add to ECharts; loaded after the first chart. */
import { LineChart } from 'echarts/charts';
import { LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

echarts.use([LineChart, LegendComponent, TitleComponent, TooltipComponent]);
