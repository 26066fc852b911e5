/**
 * What a data folder's first-chart images show (first-chart/chart.json): the
 * page state they were drawn for, the chart's title, notes and height, and
 * the widths drawn. Written by src/preview/first-chart.ts, read by the page's
 * entry (app/first-chart-image.ts), which shows an image only when the
 * descriptor is well formed and its state is the page's.
 *
 * Small and dependency-free but for the catalog: it is in the code that runs
 * before the first paint.
 *
 * May import: catalog, extract/data-index.ts.
 */
import { CATALOG_VERSION, isIndicatorId, type IndicatorId } from '../catalog';
import { firstChartImageOf } from '../extract/data-index';

export const FIRST_CHART_FORMAT = 1;

/**
 * The widths drawn, in CSS pixels: the ranking panel is 240 to 840 px wide
 * from phones to desktops. The page shows the widest that fits, at its own
 * size (no scaling: the text stays the size of the live chart's), so the live
 * chart that takes its place is at most one step wider.
 */
export const FIRST_CHART_WIDTHS: readonly number[] = Array.from(
  { length: 16 },
  (_, n) => 240 + 40 * n,
);

export interface FirstChartDescriptor {
  readonly format: number;
  /** The catalog the data was built with: the page's own, or no image. */
  readonly catalog: string;
  /** The page state drawn: lang, indicator and year (every town, the ranking's top). */
  readonly lang: string;
  readonly indicator: IndicatorId;
  readonly year: number;
  /** The ranking chart's key (rankingKey): the live chart drawn for the same key takes over. */
  readonly key: string;
  readonly title: string;
  readonly notes: readonly string[];
  readonly height: number;
  readonly widths: readonly number[];
  /**
   * A fingerprint of the images: asked for with it, so a browser never shows
   * a cached image of an earlier data folder.
   */
  readonly version: string;
}

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max;

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * The descriptor in this JSON, or null if it is not one this page can use:
 * another format or catalog, a field of the wrong kind, a width not drawn by
 * this code. Never trusted further: its texts are set as text, and image
 * paths are made from FIRST_CHART_WIDTHS, not read from it.
 */
export function readFirstChartDescriptor(json: unknown): FirstChartDescriptor | null {
  if (typeof json !== 'object' || json === null) return null;
  const d = json as Record<string, unknown>;
  const { notes, widths } = d;
  if (
    d['format'] !== FIRST_CHART_FORMAT ||
    d['catalog'] !== CATALOG_VERSION ||
    !isText(d['lang'], 8) ||
    !isText(d['indicator'], 80) ||
    !isIndicatorId(d['indicator']) ||
    !isWhole(d['year'], 1900, 2999) ||
    !isText(d['key'], 200) ||
    !isText(d['title'], 200) ||
    !Array.isArray(notes) ||
    notes.length > 4 ||
    !notes.every((n) => isText(n, 400)) ||
    !isWhole(d['height'], 1, 4000) ||
    !Array.isArray(widths) ||
    widths.length === 0 ||
    !widths.every((w) => FIRST_CHART_WIDTHS.includes(w as number)) ||
    typeof d['version'] !== 'string' ||
    !/^[0-9a-f]{8}$/.test(d['version'])
  ) {
    return null;
  }
  return d as unknown as FirstChartDescriptor;
}

/** Whether this JSON is a descriptor saying the folder has no image (no widths). */
export function saysNoImage(json: unknown): boolean {
  const widths = (json as { widths?: unknown } | null)?.widths;
  return Array.isArray(widths) && widths.length === 0;
}

/**
 * The image to show in a chart `available` px wide: the widest that fits,
 * else the narrowest; `file` is its path in the data folder with the
 * images' version.
 */
export function firstChartImageFor(
  descriptor: FirstChartDescriptor,
  available: number,
): { readonly file: string; readonly width: number } {
  const widths = [...descriptor.widths].sort((a, b) => a - b);
  const fitting = widths.filter((w) => w <= available);
  const width = fitting[fitting.length - 1] ?? widths[0] ?? 0;
  return { file: `${firstChartImageOf(width)}?v=${descriptor.version}`, width };
}

/** The images' fingerprint (FNV-1a, 32 bits, as 8 hex digits). */
export function imagesVersion(images: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const image of images) {
    for (let i = 0; i < image.length; i++) {
      hash ^= image.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash.toString(16).padStart(8, '0');
}
