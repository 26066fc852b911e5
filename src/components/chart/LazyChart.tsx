/**
 * Charts load in their own chunk. The import starts when this module loads,
 * not when a chart first renders, and the chart mounts once it has arrived:
 * no Suspense boundary delays the first chart.
 */
import { useEffect, useState, type ComponentType } from 'react';
import type { EChartProps } from './EChart';
import { afterFirstChart } from './first-chart';

type ChartComponent = ComponentType<EChartProps>;

let loaded: ChartComponent | null = null;
const loading: Promise<ChartComponent> = import('./EChart').then((m) => {
  loaded = m.default;
  return m.default;
});

export type { ChartClick, EChartProps } from './EChart';

export function LazyChart(props: EChartProps) {
  const [Chart, setChart] = useState<ChartComponent | null>(() =>
    props.defer === true ? null : loaded,
  );
  const defer = props.defer === true;
  useEffect(() => {
    if (Chart !== null) return;
    let live = true;
    // Deferred charts are the line charts: their ECharts parts come with them.
    const ready = defer
      ? afterFirstChart().then(() =>
          Promise.all([loading, import('./line-setup')]).then(([c]) => c),
        )
      : loading;
    void ready.then((c) => {
      if (live) setChart(() => c);
    });
    return () => {
      live = false;
    };
  }, [Chart, defer]);
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
