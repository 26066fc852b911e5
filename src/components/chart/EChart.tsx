import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsType } from 'echarts/core';
import { useMemo, useRef } from 'react';
import { echarts } from './echarts-setup';
import { markFirstChart } from './first-chart';

export interface ChartClick {
  readonly seriesIndex: number;
  readonly dataIndex: number;
}

export interface EChartProps {
  readonly option: object;
  readonly testId: string;
  readonly height: number;
  readonly locale: 'ZH' | 'EN';
  readonly label: string;
  readonly onClick?: (click: ChartClick) => void;
  /** Mount only after the first chart is drawn: secondary charts must not delay it. */
  readonly defer?: boolean;
}

export default function EChart({ option, testId, height, locale, label, onClick }: EChartProps) {
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  // One handler object for the chart's lifetime: a new one re-initialises the chart.
  const onEvents = useMemo(
    () => ({
      click: (p: { seriesIndex?: number; dataIndex?: number }) => {
        if (p.seriesIndex !== undefined && p.dataIndex !== undefined) {
          clickRef.current?.({ seriesIndex: p.seriesIndex, dataIndex: p.dataIndex });
        }
      },
      rendered: markFirstChart,
    }),
    [],
  );
  const onReady = useMemo(
    () => (instance: EChartsType) => {
      // Tests and the export code reach the instance through the element.
      (instance.getDom() as HTMLElement & { chart?: EChartsType }).chart = instance;
    },
    [],
  );
  return (
    <div data-testid={testId} className="chart" role="img" aria-label={label}>
      <ReactEChartsCore
        key={locale}
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        onEvents={onEvents}
        onChartReady={onReady}
        opts={{ locale, renderer: 'canvas' }}
        style={{ height, width: '100%' }}
      />
    </div>
  );
}
