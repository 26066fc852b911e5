/**
 * Text normalisation. `normalizeReportText` produces the text every offset
 * indexes into (and that the app shows); `foldForMatching` makes a same-length
 * copy in which full-width ASCII is folded, so rules see one spelling while
 * offsets stay valid in the shown text.
 */

/** Markup lines left by document converters, e.g. `[bookmark: _GoBack]`. */
const CONVERTER_MARKUP = /\[(?:bookmark|image|footnote|comment)\b[^\]\n]*\]/gi;

export function normalizeReportText(raw: string): string {
  let text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, '\n');
  text = text.replace(CONVERTER_MARKUP, '');
  // Zero-width characters break matching and are invisible to readers.
  text = text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  return text;
}

/**
 * Full-width forms (U+FF01–U+FF5E) become ASCII, the ideographic space a space,
 * and non-breaking spaces a space. One character in, one character out.
 */
export function foldForMatching(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let mapped = -1;
    if (code >= 0xff01 && code <= 0xff5e) mapped = code - 0xfee0;
    else if (code === 0x3000 || code === 0x00a0) mapped = 0x20;
    if (mapped >= 0) {
      out += text.slice(last, i) + String.fromCharCode(mapped);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}
