/**
 * The live chart's and the data layer's chunks, preloaded when the page is
 * ready for them. The build lists their files (with their static imports) in
 * a `<meta name="lazy-chunks">` of index.html (vite.config.ts); modulepreload
 * links for them let the browser fetch and compile them in parallel, not one
 * import after another. components/chart/first-chart.ts adds the links at
 * once on a page no image is drawn for, and on the page whose first chart is
 * the data folder's image once the image is on screen (or after a second):
 * compiling half a megabyte of chart code would hold the image back.
 *
 * May import: nothing (read by vite.config.ts too).
 */

/** The meta element's name, written by the build and read here. */
export const LAZY_CHUNKS_META = 'lazy-chunks';

let added = false;

/** Adds the modulepreload links (once). */
export function preloadLazyChunks(): void {
  if (added) return;
  added = true;
  const meta = document.querySelector(`meta[name="${LAZY_CHUNKS_META}"]`);
  const files = meta?.getAttribute('content')?.split(' ') ?? [];
  for (const file of files) {
    if (file === '') continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(file, document.baseURI).href;
    document.head.append(link);
  }
}
