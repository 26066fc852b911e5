/**
 * Charts load in their own chunk. The import starts when this module loads,
 * not when a chart first renders, and the chart mounts once it has arrived:
 * no Suspense boundary delays the first chart.
 */
import { useEffect, useState, type ComponentType } from 'react';
import type { EChartProps } from './EChart';

type ChartComponent = ComponentType<EChartProps>;

let loaded: ChartComponent | null = null;
const loading: Promise<ChartComponent> = import('./EChart').then((m) => {
  loaded = m.default;
  return m.default;
});

export type { ChartClick, EChartProps } from './EChart';

export function LazyChart(props: EChartProps) {
  const [Chart, setChart] = useState<ChartComponent | null>(() => loaded);
  useEffect(() => {
    if (Chart === null) void loading.then((c) => setChart(() => c));
  }, [Chart]);
  if (Chart === null) {
    return (
      <div
        data-testid={props.testId}
        className="chart chart-pending"
        style={{ height: props.height }}
        aria-busy="true"
      />
    );
  }
  return <Chart {...props} />;
}
