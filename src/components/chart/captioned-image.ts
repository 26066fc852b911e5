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

/** The space the caption adds above and below the chart, in CSS pixels. */
export function captionBands(caption: ChartCaption): { top: number; bottom: number } {
  return { top: TITLE_BAND, bottom: caption.lines.length * LINE_HEIGHT + PAD };
}

/**
 * The chart's SVG made taller, its drawing moved down under the title and the
 * caption lines added below as text elements (of the chart's own namespace).
 */
export function captionedSvg(
  chartSvg: string,
  width: number,
  height: number,
  caption: ChartCaption,
): string {
  const doc = new DOMParser().parseFromString(chartSvg, 'image/svg+xml');
  const root = doc.documentElement;
  const ns = root.namespaceURI;
  const { top, bottom } = captionBands(caption);
  const total = top + height + bottom;
  const drawing = doc.createElementNS(ns, 'g');
  drawing.setAttribute('transform', `translate(0,${top})`);
  while (root.firstChild !== null) drawing.appendChild(root.firstChild);
  const text = (y: number, size: number, content: string, weight = 'normal'): Element => {
    const element = doc.createElementNS(ns, 'text');
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
  const background = doc.createElementNS(ns, 'rect');
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
  return new XMLSerializer().serializeToString(doc);
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
