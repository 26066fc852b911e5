/**
 * The page laid out for paper. A browser prints straight after `beforeprint`
 * (the print button's window.print() or the reader's Ctrl+P), with no frame
 * in between in which a ResizeObserver could answer: a chart drawn for the
 * screen would print at the screen's width, cut at the paper's edge. So on
 * `beforeprint` the root gets PRINT_LAYOUT, which gives the page the
 * printable width of A4 (styles.css, beside its @page margins), the views
 * that lay out by their measured width measure again, and every chart is
 * redrawn for its new place — all before the event returns. `afterprint`
 * gives the screen its layout back.
 *
 * Imports no ECharts: the app installs it before any chart has loaded.
 */
import type { EChartsType } from 'echarts/core';

/** The root's class while the page is laid out for paper (styles.css). */
export const PRINT_LAYOUT = 'print-layout';

const charts = new Set<EChartsType>();
const measurers = new Set<() => void>();

/** Whether the page is laid out for paper now: charts then draw without animation. */
export function isPrintLayout(): boolean {
  return document.documentElement.classList.contains(PRINT_LAYOUT);
}

/** A live chart, redrawn for paper and back; the returned function forgets it. */
export function trackChart(chart: EChartsType): () => void {
  charts.add(chart);
  return () => charts.delete(chart);
}

/**
 * A view laid out by its measured width measures again, synchronously (with
 * flushSync), when the page changes between screen and paper.
 */
export function onPrintLayout(measure: () => void): () => void {
  measurers.add(measure);
  return () => measurers.delete(measure);
}

/** Each chart at the size of its element now, drawn at once (no animation, no waiting for a frame). */
function redrawCharts(): void {
  for (const chart of charts) {
    if (chart.isDisposed()) continue;
    const dom = chart.getDom();
    const width = dom.clientWidth;
    const height = dom.clientHeight;
    if (width > 0 && height > 0 && (width !== chart.getWidth() || height !== chart.getHeight())) {
      chart.resize();
    }
    chart.getZr().flush();
  }
}

function lay(forPaper: boolean): void {
  document.documentElement.classList.toggle(PRINT_LAYOUT, forPaper);
  for (const measure of measurers) measure();
  redrawCharts();
}

let installed = false;

/** Listen for the browser's print events (once). */
export function installPrintLayout(win: Window = window): void {
  if (installed) return;
  installed = true;
  win.addEventListener('beforeprint', () => lay(true));
  win.addEventListener('afterprint', () => lay(false));
}
