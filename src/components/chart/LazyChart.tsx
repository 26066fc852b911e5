/**
 * Charts load in their own chunk. The import starts when this module loads,
 * not when a chart first renders, and the chart mounts once it has arrived:
 * no Suspense boundary delays the first chart.
 */
import { useEffect, useMemo, useState, type ComponentType } from 'react';
import type { ChartClick, EChartProps } from './EChart';
import { afterFirstChart } from './first-chart';

type ChartComponent = ComponentType<EChartProps>;

let loaded: ChartComponent | null = null;
const loading: Promise<ChartComponent> = import('./EChart').then((m) => {
  loaded = m.default;
  return m.default;
});

/**
 * Resolves once the chart code is in: React's first render, awaiting it,
 * mounts the charts at once (and takes over a chart drawn before React).
 */
export const chartCode: Promise<void> = loading.then(() => undefined);

export type { ChartClick, EChartProps } from './EChart';

let zoomLoaded = false;
/** Data zoom registers with ECharts only when a chart needs it (a long ranking). */
function loadZoom(): Promise<void> {
  return import('./zoom-setup').then(() => {
    zoomLoaded = true;
  });
}

let tooltipLoaded = false;
let tooltipLoading: Promise<void> | null = null;
/**
 * Tooltips register with ECharts after the first chart, with the line
 * charts' parts (which the overview's trend loads anyway; a chunk of their
 * own would split ECharts' shared code differently and add to the first
 * chart's): until then a chart draws its option without one (ECharts would
 * keep an unregistered one unused), then with it, which sets the option again.
 */
function loadTooltip(): Promise<void> {
  tooltipLoading ??= afterFirstChart()
    .then(() => import('./line-setup'))
    .then(() => {
      tooltipLoaded = true;
    });
  return tooltipLoading;
}

function withoutTooltip(option: object): object {
  if (!('tooltip' in option)) return option;
  const rest: Record<string, unknown> = { ...option };
  delete rest['tooltip'];
  return rest;
}

export function LazyChart(props: EChartProps) {
  const [Chart, setChart] = useState<ChartComponent | null>(() =>
    props.defer === true ? null : loaded,
  );
  const defer = props.defer === true;
  const zoom = props.zoom === true;
  const hasPreview = props.preview !== undefined;
  const [zoomReady, setZoomReady] = useState(zoomLoaded);
  // The reader reached for the chart: the full one (with its slider) now.
  const [wanted, setWanted] = useState(false);
  const holding = props.preview?.hold === true && !wanted;
  // Once the full chart is up it stays, whatever loads later.
  const [upgraded, setUpgraded] = useState(false);
  if (zoomReady && !holding && !upgraded) setUpgraded(true);
  const wantsTooltip = 'tooltip' in props.option;
  const [tooltipReady, setTooltipReady] = useState(tooltipLoaded);
  useEffect(() => {
    if (!wantsTooltip || tooltipReady) return;
    let live = true;
    void loadTooltip().then(() => {
      if (live) setTooltipReady(true);
    });
    return () => {
      live = false;
    };
  }, [wantsTooltip, tooltipReady]);
  const previewOption = props.preview?.option;
  const shown = useMemo(
    () => ({
      option: tooltipReady ? props.option : withoutTooltip(props.option),
      preview:
        previewOption === undefined || tooltipReady ? previewOption : withoutTooltip(previewOption),
    }),
    [props.option, previewOption, tooltipReady],
  );
  useEffect(() => {
    if (!zoom || zoomReady) return;
    let live = true;
    // With a preview to draw meanwhile, the zoom comes after the first chart.
    void (hasPreview ? afterFirstChart().then(loadZoom) : loadZoom()).then(() => {
      if (live) setZoomReady(true);
    });
    return () => {
      live = false;
    };
  }, [zoom, zoomReady, hasPreview]);
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
      // The line charts' parts include the tooltip: they draw with it at once.
      if (defer) tooltipLoaded = true;
      if (!live) return;
      if (defer) setTooltipReady(true);
      setChart(() => c);
    });
    return () => {
      live = false;
    };
  }, [Chart, defer]);
  // The preview sits in its own element, so the full chart mounts a new
  // ECharts instance: one created before the data zoom was registered
  // throws on an option that has one.
  if (Chart !== null && zoom && !upgraded && props.preview !== undefined) {
    const { option, indexOffset } = props.preview;
    const onClick = props.onClick;
    return (
      <div onPointerEnter={() => setWanted(true)} onFocus={() => setWanted(true)}>
        <Chart
          {...props}
          option={shown.preview ?? option}
          {...(props.adopt === undefined ? {} : { adopt: `${props.adopt}|preview` })}
          {...(onClick === undefined
            ? {}
            : {
                onClick: (c: ChartClick) =>
                  onClick({ seriesIndex: c.seriesIndex, dataIndex: c.dataIndex + indexOffset }),
              })}
        />
      </div>
    );
  }
  if (Chart === null || (zoom && !zoomReady)) {
    return (
      <div
        data-testid={props.testId}
        className="chart chart-pending"
        style={{ height: props.height }}
        aria-busy="true"
      />
    );
  }
  return <Chart {...props} option={shown.option} />;
}
