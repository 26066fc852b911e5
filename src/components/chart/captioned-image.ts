/**
 * A chart's image export with what a reader of the file alone needs: a title
 * (indicator, year, unit) above, and below the towns' count and a source
 * line. The caption is drawn around the chart's own image, so it is the same
 * for every kind of chart. Text is set as text (SVG text nodes, canvas
 * fillText): a town's name never becomes markup.
 */

export interface ChartCaption {
  /** Indicator, year and unit. */
  readonly title: string;
  /** Below the chart: the towns' count, the source. */
  readonly lines: readonly string[];
}

const FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const TITLE_SIZE = 16;
const LINE_SIZE = 12;
const PAD = 12;
const TITLE_BAND = TITLE_SIZE + 2 * PAD;
const LINE_HEIGHT = LINE_SIZE + 6;
const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** The space the caption adds above and below the chart, in CSS pixels. */
export function captionBands(caption: ChartCaption): { top: number; bottom: number } {
  return { top: TITLE_BAND, bottom: caption.lines.length * LINE_HEIGHT + PAD };
}

/**
 * The chart's SVG made taller: the caption built as elements (its words are
 * text nodes), the title above and the lines below, and the chart's own SVG,
 * as ECharts wrote it, nested between them, moved down under the title. The
 * chart's markup is never parsed on the page, whose policy (style-src 'self')
 * would refuse each of its style attributes with a console error.
 */
export function captionedSvg(
  chartSvg: string,
  width: number,
  height: number,
  caption: ChartCaption,
): string {
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  root.setAttributeNS(XMLNS_NS, 'xmlns:xlink', XLINK_NS);
  const { top, bottom } = captionBands(caption);
  const total = top + height + bottom;
  const drawing = doc.createElementNS(SVG_NS, 'g');
  drawing.setAttribute('transform', `translate(0,${top})`);
  // Where the chart's SVG goes: a comment, which no caption text can be.
  const place = doc.createComment('the chart');
  drawing.appendChild(place);
  const text = (y: number, size: number, content: string, weight = 'normal'): Element => {
    const element = doc.createElementNS(SVG_NS, 'text');
    for (const [name, value] of Object.entries({
      x: String(PAD),
      y: String(y),
      'font-family': FONT,
      'font-size': String(size),
      'font-weight': weight,
      fill: '#1a1a1a',
    })) {
      element.setAttribute(name, value);
    }
    element.textContent = content;
    return element;
  };
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.append(
    background,
    text(PAD + TITLE_SIZE, TITLE_SIZE, caption.title, 'bold'),
    drawing,
    ...caption.lines.map((line, i) =>
      text(top + height + PAD / 2 + (i + 1) * LINE_HEIGHT - 4, LINE_SIZE, line),
    ),
  );
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(total));
  root.setAttribute('viewBox', `0 0 ${width} ${total}`);
  const serializer = new XMLSerializer();
  const framed = serializer.serializeToString(doc);
  const mark = serializer.serializeToString(place);
  const at = framed.indexOf(mark);
  // The frame's one comment: the caption's words are text, escaped, never a comment.
  if (at < 0 || framed.includes(mark, at + 1)) throw new Error('no single place for the chart');
  return `${framed.slice(0, at)}${chartSvg}${framed.slice(at + mark.length)}`;
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the chart image could not be drawn'));
    image.src = url;
  });
}

/** The chart's PNG (a data URL at `ratio`) on a taller canvas with the caption; a PNG data URL. */
export async function captionedPng(
  chartUrl: string,
  width: number,
  height: number,
  ratio: number,
  caption: ChartCaption,
): Promise<string> {
  const { top, bottom } = captionBands(caption);
  const canvas = document.createElement('canvas');
  canvas.width = width * ratio;
  canvas.height = (top + height + bottom) * ratio;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return chartUrl;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, top + height + bottom);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `bold ${TITLE_SIZE}px ${FONT}`;
  ctx.fillText(caption.title, PAD, PAD + TITLE_SIZE, width - 2 * PAD);
  ctx.drawImage(await loadImage(chartUrl), 0, top, width, height);
  ctx.font = `${LINE_SIZE}px ${FONT}`;
  caption.lines.forEach((line, i) => {
    ctx.fillText(line, PAD, top + height + PAD / 2 + (i + 1) * LINE_HEIGHT - 4, width - 2 * PAD);
  });
  return canvas.toDataURL('image/png');
}
