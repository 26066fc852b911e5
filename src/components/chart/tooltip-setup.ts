/** Tooltips (the ranking's bars): loaded after the first chart, which draws without them. */
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

echarts.use([TooltipComponent]);
