/**
 * The one way chart code builds tooltip content. ECharts puts a tooltip
 * formatter's string into the page with innerHTML, so every piece of data in
 * it (town names, units, anything read from the data folder) is escaped here
 * and joined by line breaks — the only markup a tooltip has. No inline styles
 * either: the site's Content-Security-Policy blocks them, which is also why
 * every tooltip has a formatter of its own (ECharts' default one draws its
 * colour markers with style attributes).
 *
 * Own rather than ECharts' `format.encodeHTML` (which escapes the same five
 * characters): the option builders stay free of the library, testable as
 * plain functions.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text: it shows as written, never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A tooltip's content: each line escaped, one line each. */
export function tooltipHtml(lines: readonly string[]): string {
  return lines.map(escapeHtml).join('<br/>');
}

/**
 * How a tooltip box looks: dark text, and long lines (a report id, a long
 * town name) wrapped within a phone's width rather than running off it.
 * ECharts sets these through the element's style object, which the
 * Content-Security-Policy allows (unlike a style attribute in markup).
 */
export const TOOLTIP_BOX = {
  confine: true,
  textStyle: { color: '#1a1a1a' },
  extraCssText: 'white-space: normal; overflow-wrap: anywhere; max-width: 300px;',
} as const;
