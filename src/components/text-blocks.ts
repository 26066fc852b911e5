/**
 * A long text cut for a windowed view (see WindowedText): blocks of about
 * two thousand characters, ended at a line break where there is one near, or
 * else after a sentence; blocks grouped in parts of about a million
 * characters, each part one scrolling box. (A browser's box has a height
 * limit — about 17.9 million pixels in Firefox, 33.5 in Chromium — and a
 * 50 MB text on a phone would be 25 million pixels tall.)
 *
 * Pure: offsets are UTF-16 code units, as everywhere in the app.
 */
import { SHOWN_SENTENCE_MARKS } from '../catalog/sentences';

/** Characters a block is cut after, at the earliest. */
export const BLOCK_CHARS = 2000;
/** Characters a part ends after, at the earliest. */
export const PART_CHARS = 1 << 20;

/** A line this short takes one line of the box at any width it has. */
const SHORT_LINE = 16;

export interface TextBlocks {
  /** Block i is [starts[i], starts[i + 1]); the last entry is the text's length. */
  readonly starts: Int32Array;
  /** Part p is blocks [partStarts[p], partStarts[p + 1]). */
  readonly partStarts: Int32Array;
}

/** The catalog's sentence marks as shown (a line break is cut at apart). */
const SENTENCE_END = new RegExp(`[${SHOWN_SENTENCE_MARKS}]`, 'g');

/** Where a block that cannot end at a line break ends: after a sentence near `size`, or at `size`. */
function cutInLine(window: string, size: number): number {
  SENTENCE_END.lastIndex = size;
  const after = SENTENCE_END.exec(window);
  if (after !== null) return after.index + 1;
  let last = -1;
  SENTENCE_END.lastIndex = size >> 2;
  for (
    let m = SENTENCE_END.exec(window);
    m !== null && m.index < size;
    m = SENTENCE_END.exec(window)
  ) {
    last = m.index;
  }
  if (last >= 0) return last + 1;
  // No sentence either: at `size`, but not between the two halves of a surrogate pair.
  const code = window.charCodeAt(size);
  return code >= 0xdc00 && code <= 0xdfff ? size - 1 : size;
}

/**
 * Cuts the text. Linear in its length whatever it holds: the next line break
 * found is remembered, so a text without any is not searched again for each
 * block (17 million characters take a few milliseconds).
 */
export function splitBlocks(text: string, size = BLOCK_CHARS, part = PART_CHARS): TextBlocks {
  const starts: number[] = [0];
  const partStarts: number[] = [0];
  let partFrom = 0;
  // `known`: the first line break at or after `asked` (-1: none), the answer
  // for any later position up to it as well (positions only grow).
  let asked = -1;
  let known = -1;
  const breakFrom = (from: number): number => {
    if (asked < 0 || (known >= 0 && from > known)) {
      known = text.indexOf('\n', from);
      asked = from;
    }
    return known;
  };
  for (let at = 0; at < text.length;) {
    let length: number;
    if (at + size >= text.length) length = text.length - at;
    else {
      const after = breakFrom(at + size - 1);
      if (after >= 0 && after < at + 2 * size) length = after - at + 1;
      else {
        const window = text.slice(at, at + 2 * size);
        const before = window.lastIndexOf('\n', size - 2);
        length = before >= 0 ? before + 1 : cutInLine(window, size);
      }
    }
    at += length;
    starts.push(at);
    if (at - partFrom >= part && at < text.length) {
      partStarts.push(starts.length - 1);
      partFrom = at;
    }
  }
  partStarts.push(starts.length - 1);
  return { starts: Int32Array.from(starts), partStarts: Int32Array.from(partStarts) };
}

/** What a part's blocks hold in lines, to estimate their heights before they are drawn. */
export interface LineStats {
  /** The part's first block: the stats of block b are at b - first. */
  readonly first: number;
  /** Each block's lines shorter than SHORT_LINE (a line ends at a line break). */
  readonly shortLines: Int32Array;
  /** The lengths of the blocks' longer lines, block after block. */
  readonly longLines: Int32Array;
  /** Block b's longer lines are longLines[firstLong[b - first] … firstLong[b - first + 1]). */
  readonly firstLong: Int32Array;
}

/** The lines of part `part`'s blocks: at most a part's length looked at. */
export function lineStats(text: string, blocks: TextBlocks, part: number): LineStats {
  const first = blocks.partStarts[part] ?? 0;
  const end = blocks.partStarts[part + 1] ?? first;
  const shortLines = new Int32Array(end - first);
  const longLines: number[] = [];
  const firstLong: number[] = [0];
  for (let b = first; b < end; b++) {
    const blockEnd = blocks.starts[b + 1] ?? 0;
    let short = 0;
    for (let from = blocks.starts[b] ?? 0; from < blockEnd;) {
      const lineBreak = text.indexOf('\n', from);
      const lineEnd = lineBreak < 0 || lineBreak >= blockEnd ? blockEnd : lineBreak;
      if (lineEnd - from < SHORT_LINE) short++;
      else longLines.push(lineEnd - from);
      from = lineEnd + 1;
    }
    shortLines[b - first] = short;
    firstLong.push(longLines.length);
  }
  return {
    first,
    shortLines,
    longLines: Int32Array.from(longLines),
    firstLong: Int32Array.from(firstLong),
  };
}

export const blockCount = (blocks: TextBlocks): number => blocks.starts.length - 1;
export const partCount = (blocks: TextBlocks): number => blocks.partStarts.length - 1;

/** The last index i with sorted[i] <= value (0 when none is). */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((sorted[mid] ?? 0) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The block that holds the character at `offset` (the last block for the text's end). */
export function blockAt(blocks: TextBlocks, offset: number): number {
  return Math.min(lastAtOrBefore(blocks.starts, offset), Math.max(0, blockCount(blocks) - 1));
}

/** The part that holds block `block`. */
export function partOf(blocks: TextBlocks, block: number): number {
  return Math.min(lastAtOrBefore(blocks.partStarts, block), Math.max(0, partCount(blocks) - 1));
}

/**
 * A block's height before it is drawn: each line wraps after `perLine`
 * characters (a CJK character is 1em wide; Latin letters are narrower, so
 * this errs tall), an empty line takes one line.
 */
export function estimateHeight(
  stats: LineStats,
  block: number,
  perLine: number,
  lineHeight: number,
): number {
  const b = block - stats.first;
  let lines = stats.shortLines[b] ?? 0;
  const last = stats.firstLong[b + 1] ?? 0;
  for (let i = stats.firstLong[b] ?? 0; i < last; i++) {
    lines += Math.max(1, Math.ceil((stats.longLines[i] ?? 0) / perLine));
  }
  return lines * lineHeight;
}
