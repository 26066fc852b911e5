import type { EChartsType } from 'echarts/core';
import { download, downloadUrl } from '../../export/csv';
import { captionedPng, captionedSvg, type ChartCaption } from './captioned-image';
import { ChartFrame } from './ChartFrame';
import { echarts } from './echarts-setup';
import { markFirstChart } from './first-chart';
import { useEChart, type EChartEvents } from './use-echart';

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
  /**
   * The option's parts (ECharts main types) replaced whole when the option
   * changes, the rest merged into the chart drawn: ECharts then keeps its
   * tooltip, grid and axes. Only for options whose other parts have the same
   * keys every time. Default: the whole option replaced.
   */
  readonly replaceMerge?: readonly string[];
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
  const width = instance.getWidth();
  const height = instance.getHeight();
  // The SVG drawn as a string (ssr), never as elements: their style
  // attributes would break the page's policy (style-src 'self').
  const copy =
    format === 'png'
      ? echarts.init(document.createElement('div'), null, {
          renderer: 'canvas',
          width,
          height,
          locale,
        })
      : echarts.init(null, null, { renderer: 'svg', ssr: true, width, height, locale });
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
  replaceMerge,
}: EChartProps) {
  const events: EChartEvents = {
    click: (p) => {
      if (p.seriesIndex !== undefined && p.dataIndex !== undefined) {
        onClick?.({ seriesIndex: p.seriesIndex, dataIndex: p.dataIndex });
      }
    },
    rendered: markFirstChart,
    datazoom: () => {
      const current = instanceRef.current?.getOption() as
        { dataZoom?: { startValue?: unknown; endValue?: unknown }[] } | undefined;
      const zoom = current?.dataZoom?.[0];
      if (typeof zoom?.startValue === 'number' && typeof zoom.endValue === 'number') {
        onZoom?.({ startValue: zoom.startValue, endValue: zoom.endValue });
      }
    },
  };
  const [hostRef, instanceRef] = useEChart({
    option,
    locale,
    renderer,
    adopt,
    replaceMerge,
    events,
  });
  const save = (format: 'png' | 'svg'): void => {
    const instance = instanceRef.current;
    if (instance !== null && exportName !== undefined) {
      void exportImage(instance, format, `${exportName}.${format}`, locale, caption);
    }
  };
  return (
    <ChartFrame
      testId={testId}
      label={label}
      exportLabels={exportName === undefined ? undefined : exportLabels}
      onExport={save}
      caption={caption?.lines.join(' · ')}
      hostRef={hostRef}
      height={height}
    />
  );
}
