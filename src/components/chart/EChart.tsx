import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { ECharts } from 'echarts';
import type { EChartsType } from 'echarts/core';
import { useMemo, useRef } from 'react';
import { download, downloadUrl } from '../../export/csv';
import { captionedPng, captionedSvg, type ChartCaption } from './captioned-image';
import { echarts } from './echarts-setup';
import { markFirstChart } from './first-chart';
import { takeChart } from './handoff';

/**
 * echarts-for-react (3.x) first creates a throw-away instance, waits a frame
 * for its 'finished' event to read the element's size, disposes it and creates
 * the real one. The host's size is set by CSS (width 100%, a fixed height), so
 * one instance, created at once, is enough: the first chart skips an ECharts
 * start-up and a frame.
 *
 * A chart already drawn before React under the key in `data-adopt` (see
 * handoff.ts) is taken over: its element moves in, its instance is this one.
 */
class ReactECharts extends ReactEChartsCore {
  private adopted: ECharts | null = null;

  override initEchartsInstance(): Promise<ECharts> {
    // A new instance (first mount, or new opts): any taken-over one goes first.
    this.release();
    const drawn = takeChart(this.ele.dataset['adopt']);
    if (drawn !== null) {
      drawn.dom.style.width = '100%';
      drawn.dom.style.height = '100%';
      this.ele.append(drawn.dom);
      this.adopted = drawn.instance as ECharts;
      return Promise.resolve(this.adopted);
    }
    // The props' opts type allows null sizes that init's does not; EChart passes neither.
    const opts = this.props.opts as Parameters<typeof echarts.init>[2];
    return Promise.resolve(
      (this.echarts as typeof echarts).init(this.ele, this.props.theme, opts) as ECharts,
    );
  }

  override getEchartsInstance(): ECharts {
    return this.adopted ?? super.getEchartsInstance();
  }

  override componentWillUnmount(): void {
    super.componentWillUnmount();
    this.release();
  }

  private release(): void {
    if (this.adopted === null) return;
    this.adopted.getDom()?.remove();
    this.adopted.dispose();
    this.adopted = null;
  }
}

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
  /** The reader moved the chart's data zoom: the first zoom's window now. */
  readonly onZoom?: (window: { readonly startValue: number; readonly endValue: number }) => void;
  /** Mount only after the first chart is drawn: secondary charts must not delay it. */
  readonly defer?: boolean;
  /** The option has a dataZoom: its ECharts component is loaded first. */
  readonly zoom?: boolean;
  /**
   * With `zoom`: a smaller option without the dataZoom, drawn until its code
   * has loaded (after the first chart), so the first chart neither waits for
   * it nor pays for it in one long task. Its data index i is i + indexOffset
   * of the full option (clicks are reported in the full option's indexes).
   * While `hold`, the preview stays (the page is still loading other data),
   * unless the reader points at or focuses the chart.
   */
  readonly preview?: {
    readonly option: object;
    readonly indexOffset: number;
    readonly hold?: boolean;
  };
  /**
   * The key of a chart drawn before React that this one is (handoff.ts): it
   * is taken over, not drawn again.
   */
  readonly adopt?: string;
  /** SVG (default) starts faster for a few bars; canvas copes with many lines. */
  readonly renderer?: 'svg' | 'canvas';
  /** File name (without extension) for the image exports; no export buttons when absent. */
  readonly exportName?: string;
  /** Labels of the export buttons, in the page's language. */
  readonly exportLabels?: { readonly png: string; readonly svg: string };
  /**
   * What the image says of itself: a title above it, the towns' count and the
   * source below — in the exported files, and under the chart when printed.
   */
  readonly caption?: ChartCaption;
}

/**
 * An image of the chart: an off-screen copy drawn by the renderer the format
 * needs (canvas for PNG, SVG for SVG), whichever the chart on screen uses.
 */
async function exportImage(
  instance: EChartsType,
  format: 'png' | 'svg',
  fileName: string,
  locale: 'ZH' | 'EN',
  caption: ChartCaption | undefined,
): Promise<void> {
  const { CanvasRenderer, SVGRenderer } = await import('echarts/renderers');
  echarts.use([CanvasRenderer, SVGRenderer]);
  const host = document.createElement('div');
  const width = instance.getWidth();
  const height = instance.getHeight();
  const renderer = format === 'png' ? 'canvas' : 'svg';
  const copy = echarts.init(host, null, { renderer, width, height, locale });
  copy.setOption({ ...instance.getOption(), animation: false });
  try {
    if (format === 'png') {
      const url = copy.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
      downloadUrl(
        caption === undefined ? url : await captionedPng(url, width, height, 2, caption),
        fileName,
      );
    } else {
      const svg = copy.renderToSVGString();
      download(
        fileName,
        caption === undefined ? svg : captionedSvg(svg, width, height, caption),
        'image/svg+xml',
      );
    }
  } finally {
    copy.dispose();
  }
}

export default function EChart({
  option,
  testId,
  height,
  locale,
  label,
  onClick,
  onZoom,
  exportName,
  exportLabels,
  caption,
  renderer = 'svg',
  adopt,
}: EChartProps) {
  const instanceRef = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const zoomRef = useRef(onZoom);
  zoomRef.current = onZoom;
  // One handler object for the chart's lifetime: a new one re-initialises the chart.
  const onEvents = useMemo(
    () => ({
      click: (p: { seriesIndex?: number; dataIndex?: number }) => {
        if (p.seriesIndex !== undefined && p.dataIndex !== undefined) {
          clickRef.current?.({ seriesIndex: p.seriesIndex, dataIndex: p.dataIndex });
        }
      },
      rendered: markFirstChart,
      datazoom: () => {
        const option = instanceRef.current?.getOption() as
          { dataZoom?: { startValue?: unknown; endValue?: unknown }[] } | undefined;
        const zoom = option?.dataZoom?.[0];
        if (typeof zoom?.startValue === 'number' && typeof zoom.endValue === 'number') {
          zoomRef.current?.({ startValue: zoom.startValue, endValue: zoom.endValue });
        }
      },
    }),
    [],
  );
  const onReady = useMemo(
    () => (instance: EChartsType) => {
      // Tests reach the instance through the component's element (a chart
      // taken over from before React draws in an element inside it).
      instanceRef.current = instance;
      const dom = instance.getDom();
      const host = (dom.closest('.echarts-for-react') ?? dom) as HTMLElement & {
        chart?: EChartsType;
      };
      host.chart = instance;
    },
    [],
  );
  const save = (format: 'png' | 'svg'): void => {
    const instance = instanceRef.current;
    if (instance !== null && exportName !== undefined) {
      void exportImage(instance, format, `${exportName}.${format}`, locale, caption);
    }
  };
  return (
    <div className="chart-host">
      {exportName !== undefined && exportLabels !== undefined && (
        <div className="chart-exports no-print">
          <button type="button" data-testid="export-png" onClick={() => save('png')}>
            {exportLabels.png}
          </button>
          <button type="button" data-testid="export-svg" onClick={() => save('svg')}>
            {exportLabels.svg}
          </button>
        </div>
      )}
      <div data-testid={testId} className="chart" role="img" aria-label={label}>
        <ReactECharts
          key={`${locale}-${renderer}`}
          echarts={echarts}
          option={option}
          notMerge
          // Not lazy: a lazy setOption replaces the series at once but builds
          // their data a frame later, and a pointer moving over a bar in that
          // frame made ECharts read the data that was not there yet (an
          // uncaught error when the tooltip arrived while the reader hovered).
          lazyUpdate={false}
          onEvents={onEvents}
          onChartReady={onReady}
          opts={{ locale, renderer }}
          style={{ height, width: '100%' }}
          data-adopt={adopt}
        />
      </div>
      {caption !== undefined && (
        <p className="chart-caption print-only">{caption.lines.join(' · ')}</p>
      )}
    </div>
  );
}
