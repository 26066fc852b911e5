/**
 * A report text in a scrolling box, drawn only near the view: the blocks in
 * view and a screen above and below, with spacers for the rest (heights
 * estimated until a block is drawn, then measured). A 10 MB report drawn
 * whole held the page for 50 seconds; drawn this way, any report takes a few
 * milliseconds. A text past a million characters is shown a part at a time
 * (see text-blocks.ts). Up to WHOLE_TEXT characters — any real report — the
 * text is drawn whole, as the page's search and printing expect.
 *
 * Marks highlight spans; `goTo` brings an offset into view; selectedSpan
 * (text-selection.ts) reads the reader's selection as offsets into the text.
 */
import type { RefObject } from 'react';
import { useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { t, type Lang } from '../i18n';
import { segmentText, type Mark } from './segments';
import {
  blockAt,
  blockCount,
  estimateHeight,
  lastAtOrBefore,
  lineStats,
  partCount,
  partOf,
  splitBlocks,
  type LineStats,
  type TextBlocks,
} from './text-blocks';
import { rectAt } from './text-selection';

export { selectedSpan } from './text-selection';

/** Characters drawn whole (a long real report is about 300 000). */
export const WHOLE_TEXT = 400_000;

/** A request to show an offset: a new object each time, even for the same offset. */
export interface GoTo {
  readonly offset: number;
}

export interface WindowedTextProps {
  readonly text: string;
  readonly marks: readonly Mark[];
  readonly goTo: GoTo | null;
  readonly boxRef: RefObject<HTMLDivElement | null>;
  readonly lang: Lang;
  /** Names the scrolling box for screen readers. */
  readonly label: string;
  readonly className?: string;
  readonly testId?: string;
  /** A test id for the first current mark. */
  readonly currentTestId?: string;
}

/** How the box lays text out: read from its style when it is drawn or resized. */
interface Metrics {
  readonly width: number;
  readonly perLine: number;
  readonly lineHeight: number;
  readonly paddingTop: number;
}

const UNKNOWN = 0;
const ESTIMATED = 1;
const MEASURED = 2;

/** Block heights for one width: estimated for the parts shown so far, measured once drawn. */
interface Sizes {
  readonly metrics: Metrics;
  readonly heights: Float64Array;
  readonly known: Uint8Array;
}

interface Layout {
  readonly part: number;
  /** Tops of the part's blocks from its first, and the part's height last. */
  readonly tops: Float64Array;
  /** The blocks drawn: [from, to). */
  readonly from: number;
  readonly to: number;
}

const NOTHING: Layout = { part: 0, tops: new Float64Array(1), from: 0, to: 0 };

function metricsOf(box: HTMLElement): Metrics {
  const style = getComputedStyle(box);
  const fontSize = parseFloat(style.fontSize) || 16;
  const width =
    box.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  return {
    width,
    perLine: Math.max(1, Math.floor(width / fontSize)),
    lineHeight: parseFloat(style.lineHeight) || fontSize * 1.5,
    paddingTop: parseFloat(style.paddingTop) || 0,
  };
}

/** The blocks to draw for a view whose top is at `scrollTop`: those in it and a screen either side. */
function layoutAt(
  blocks: TextBlocks,
  part: number,
  tops: Float64Array,
  scrollTop: number,
  viewHeight: number,
  paddingTop: number,
): Layout {
  const first = blocks.partStarts[part] ?? 0;
  const end = blocks.partStarts[part + 1] ?? first;
  if ((blocks.starts[blockCount(blocks)] ?? 0) <= WHOLE_TEXT)
    return { part, tops, from: first, to: end };
  const y = scrollTop - paddingTop;
  const from = first + lastAtOrBefore(tops, Math.max(0, y - viewHeight));
  const to = Math.min(end, first + lastAtOrBefore(tops, y + 2 * viewHeight) + 1);
  return { part, tops, from: Math.min(from, to), to };
}

export function WindowedText({
  text,
  marks,
  goTo,
  boxRef,
  lang,
  label,
  className,
  testId,
  currentTestId,
}: WindowedTextProps) {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  const stats = useRef(new Map<number, LineStats>());
  const sizes = useRef<Sizes | null>(null);
  /** Where to scroll once the spacers of the next render are in place. */
  const scrollAfterRender = useRef<number | null>(null);
  /** The offset `goTo` asked for, until it is in view. */
  const target = useRef<number | null>(null);
  const whole = text.length <= WHOLE_TEXT;
  // Drawn whole at once; a long text once the page around it is drawn (below).
  const [layout, setLayout] = useState<Layout>(() =>
    whole ? layoutAt(blocks, 0, new Float64Array(blockCount(blocks) + 1), 0, 0, 0) : NOTHING,
  );
  const current = useRef(layout);

  /** The heights for the box's width (estimated again when it changed). */
  const sizesFor = (box: HTMLElement): Sizes => {
    const metrics = metricsOf(box);
    if (sizes.current === null || sizes.current.metrics.width !== metrics.width) {
      const n = blockCount(blocks);
      sizes.current = { metrics, heights: new Float64Array(n), known: new Uint8Array(n) };
    }
    return sizes.current;
  };

  /** The tops of a part's blocks, its blocks' heights estimated first where unknown. */
  const topsOf = (s: Sizes, part: number): Float64Array => {
    const first = blocks.partStarts[part] ?? 0;
    const end = blocks.partStarts[part + 1] ?? first;
    for (let i = first; i < end; i++) {
      if (s.known[i] !== UNKNOWN) continue;
      let partStats = stats.current.get(part);
      if (partStats === undefined) {
        partStats = lineStats(text, blocks, part);
        stats.current.set(part, partStats);
      }
      s.heights[i] = estimateHeight(partStats, i, s.metrics.perLine, s.metrics.lineHeight);
      s.known[i] = ESTIMATED;
    }
    const tops = new Float64Array(end - first + 1);
    for (let i = first; i < end; i++) {
      tops[i - first + 1] = (tops[i - first] ?? 0) + (s.heights[i] ?? 0);
    }
    return tops;
  };

  /** Draws part `part` with the view's top at `scrollTop`. */
  const show = (part: number, scrollTop: number, tops?: Float64Array): void => {
    const box = boxRef.current;
    if (box === null) return;
    const s = sizesFor(box);
    const partTops = tops ?? topsOf(s, part);
    scrollAfterRender.current = scrollTop;
    setLayout(layoutAt(blocks, part, partTops, scrollTop, box.clientHeight, s.metrics.paddingTop));
  };

  // The next three effects run on their own cue (a new text, a width, a goTo): effect events.
  // A new text: its first part, from the top, in a task of its own — the page
  // around it (a review's table, say) is drawn first, each in well under 100 ms.
  const startText = useEffectEvent((): (() => void) | undefined => {
    stats.current = new Map();
    sizes.current = null;
    if (whole) {
      show(0, 0);
      return;
    }
    current.current = NOTHING;
    setLayout(NOTHING);
    const first = setTimeout(() => {
      if (current.current === NOTHING) show(0, 0);
    }, 0);
    return () => clearTimeout(first);
  });
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a new text is cleared before paint
  useLayoutEffect(() => startText(), [blocks]);

  // A new width: lines wrap elsewhere; heights are estimated again, the view
  // keeps its text. (Drawn whole, the browser keeps it.)
  const watchWidth = useEffectEvent((): (() => void) | undefined => {
    const box = boxRef.current;
    if (box === null || whole || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const old = sizes.current;
      if (old === null || metricsOf(box).width === old.metrics.width) return;
      const { part, tops: oldTops } = current.current;
      const anchor = lastAtOrBefore(oldTops, box.scrollTop - old.metrics.paddingTop);
      const s = sizesFor(box);
      const tops = topsOf(s, part);
      show(part, s.metrics.paddingTop + (tops[anchor] ?? 0), tops);
    });
    observer.observe(box);
    return () => observer.disconnect();
  });
  useEffect(() => watchWidth(), [blocks]);

  const showOffset = useEffectEvent((goTo: GoTo | null): void => {
    if (goTo === null || blockCount(blocks) === 0) return;
    const box = boxRef.current;
    if (box === null) return;
    const block = blockAt(blocks, goTo.offset);
    const part = partOf(blocks, block);
    const s = sizesFor(box);
    const tops = part === current.current.part ? current.current.tops : topsOf(s, part);
    const top = tops[block - (blocks.partStarts[part] ?? 0)] ?? 0;
    target.current = goTo.offset;
    show(part, Math.max(0, s.metrics.paddingTop + top - box.clientHeight / 3), tops);
    // Asked from elsewhere on the page (a value's sentence): the box comes into view too.
    box.scrollIntoView?.({ block: 'nearest' });
  });
  useLayoutEffect(() => showOffset(goTo), [goTo]);

  // After each render: scroll where asked, measure what was drawn, then bring the target into view.
  useLayoutEffect(() => {
    current.current = layout;
    const box = boxRef.current;
    const s = sizes.current;
    if (box === null || s === null) return;
    if (scrollAfterRender.current !== null) {
      box.scrollTop = scrollAfterRender.current;
      scrollAfterRender.current = null;
    }
    const start = blocks.partStarts[layout.part] ?? 0;
    const y = box.scrollTop - s.metrics.paddingTop;
    const anchor = start + lastAtOrBefore(layout.tops, y);
    let changed = false;
    // Drawn whole, the blocks are where they are: nothing to measure.
    const drawnBlocks = whole ? [] : box.querySelectorAll<HTMLElement>(':scope > [data-block]');
    for (const element of drawnBlocks) {
      const i = Number(element.dataset['block']);
      const height = element.getBoundingClientRect().height;
      if (s.known[i] === MEASURED && Math.abs((s.heights[i] ?? 0) - height) < 0.5) continue;
      s.heights[i] = height;
      s.known[i] = MEASURED;
      changed = true;
    }
    if (changed) {
      // The text at the view's top stays there while the heights above it change.
      const tops = topsOf(s, layout.part);
      const shift = (tops[anchor - start] ?? 0) - (layout.tops[anchor - start] ?? 0);
      show(layout.part, y > 0 ? box.scrollTop + shift : box.scrollTop, tops);
      return;
    }
    if (target.current !== null) {
      const rect = rectAt(box, target.current);
      if (rect !== null) {
        const view = box.getBoundingClientRect();
        box.scrollTop += rect.top - view.top - box.clientHeight / 2 + rect.height / 2;
        target.current = null;
      }
    }
  });

  const onScroll = (): void => {
    const box = boxRef.current;
    const s = sizes.current;
    if (box === null || s === null) return;
    const next = layoutAt(
      blocks,
      layout.part,
      layout.tops,
      box.scrollTop,
      box.clientHeight,
      s.metrics.paddingTop,
    );
    if (next.from !== layout.from || next.to !== layout.to) setLayout(next);
  };

  const parts = partCount(blocks);
  const partHeight = layout.tops[layout.tops.length - 1] ?? 0;
  const partStart = blocks.partStarts[layout.part] ?? 0;
  const firstCurrent = marks.reduce(
    (first, m) => (m.kind === 'current' && m.start < first ? m.start : first),
    Infinity,
  );
  const drawn: number[] = [];
  for (let i = layout.from; i < layout.to; i++) drawn.push(i);
  return (
    <>
      {parts > 1 && (
        <nav
          className="text-parts"
          aria-label={`${label} · ${t(lang, 'textPart', { i: layout.part + 1, n: parts })}`}
        >
          <button
            type="button"
            disabled={layout.part === 0}
            onClick={() => show(layout.part - 1, 0)}
          >
            ‹ {t(lang, 'previousPart')}
          </button>
          <span>{t(lang, 'textPart', { i: layout.part + 1, n: parts })}</span>
          <button
            type="button"
            disabled={layout.part >= parts - 1}
            onClick={() => show(layout.part + 1, 0)}
          >
            {t(lang, 'nextPart')} ›
          </button>
        </nav>
      )}
      <div
        className={className}
        ref={boxRef}
        lang="zh-CN"
        // The box scrolls: keyboard users reach it with Tab.
        tabIndex={0}
        role="region"
        aria-label={label}
        data-testid={testId}
        onScroll={onScroll}
      >
        <div aria-hidden="true" style={{ height: layout.tops[layout.from - partStart] ?? 0 }} />
        {drawn.map((i) => (
          <Block
            key={i}
            index={i}
            blocks={blocks}
            text={text}
            marks={marks}
            currentAt={firstCurrent}
            currentTestId={currentTestId}
          />
        ))}
        <div
          aria-hidden="true"
          style={{ height: partHeight - (layout.tops[layout.to - partStart] ?? partHeight) }}
        />
      </div>
    </>
  );
}

function Block({
  index,
  blocks,
  text,
  marks,
  currentAt,
  currentTestId,
}: {
  index: number;
  blocks: TextBlocks;
  text: string;
  marks: readonly Mark[];
  /** Where the first current mark starts: it carries `currentTestId`. */
  currentAt: number;
  currentTestId: string | undefined;
}) {
  const start = blocks.starts[index] ?? 0;
  const end = blocks.starts[index + 1] ?? start;
  const inBlock = marks
    .filter((m) => m.start < end && m.end > start)
    .map((m) => ({
      ...m,
      start: Math.max(m.start, start) - start,
      end: Math.min(m.end, end) - start,
    }));
  return (
    <div className="text-block" data-block={index} data-start={start} data-end={end}>
      {segmentText(end - start, inBlock).map((s) =>
        s.kind === 'plain' ? (
          text.slice(start + s.start, start + s.end)
        ) : (
          <mark
            key={s.start}
            className={`mention-${s.kind}`}
            data-testid={start + s.start === currentAt ? currentTestId : undefined}
          >
            {text.slice(start + s.start, start + s.end)}
          </mark>
        ),
      )}
    </div>
  );
}
