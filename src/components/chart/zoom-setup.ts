/** Data zoom (slider and wheel), for rankings of more bars than fit: loaded only for them. */
import { DataZoomComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

echarts.use([DataZoomComponent]);
