import type { ReactNode, Ref } from 'react';
import { ECHARTS_HOST } from './handoff';

/**
 * What surrounds a chart on the page: the image export buttons, the element
 * with the chart's accessible name, the element ECharts draws in, and the
 * caption shown when printed. EChart renders it around a live chart; the
 * static page shell (app/shell.tsx) renders it empty, with the same markup,
 * so that the first chart can be drawn into it before React has loaded.
 */
export function ChartFrame({
  testId,
  label,
  exportLabels,
  onExport,
  caption,
  hostRef,
  height,
}: {
  /**
   * Absent in the static shell: a test id on a chart promises a chart that
   * answers clicks, which only React's does (scripts and tests wait for it).
   */
  readonly testId?: string;
  readonly label: string;
  /** No export buttons when absent. */
  readonly exportLabels?: { readonly png: string; readonly svg: string } | undefined;
  readonly onExport?: ((format: 'png' | 'svg') => void) | undefined;
  /** Printed under the chart. */
  readonly caption?: ReactNode;
  readonly hostRef?: Ref<HTMLDivElement>;
  /**
   * The chart's height. The static shell has none: a style attribute is
   * inline style, which the site's Content-Security-Policy blocks, so the
   * page drawn before React sets it through the CSSOM.
   */
  readonly height?: number;
}) {
  return (
    <div className="chart-host">
      {exportLabels !== undefined && (
        <div className="chart-exports no-print">
          <button type="button" data-testid="export-png" onClick={() => onExport?.('png')}>
            {exportLabels.png}
          </button>
          <button type="button" data-testid="export-svg" onClick={() => onExport?.('svg')}>
            {exportLabels.svg}
          </button>
        </div>
      )}
      <div
        {...(testId === undefined ? {} : { 'data-testid': testId })}
        className="chart"
        role="img"
        aria-label={label}
      >
        <div
          ref={hostRef}
          className={ECHARTS_HOST}
          {...(height === undefined ? {} : { style: { height, width: '100%' } })}
        />
      </div>
      {caption !== undefined && <p className="chart-caption print-only">{caption}</p>}
    </div>
  );
}
