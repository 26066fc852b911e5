/**
 * Where a value sits in its report: the sentence around a span, and a figure
 * in its sentence cut to a line's length.
 */
import { SENTENCE_LIMIT, SHOWN_SENTENCE_MARKS } from '../catalog/sentences';

/** As the extractor's sentences: the catalog's marks as shown, or a line break. */
const SENTENCE_END = new RegExp(`[${SHOWN_SENTENCE_MARKS}\n]`);

/** The sentence (between end marks) that holds [start, end). */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  const stopBefore = Math.max(0, start - SENTENCE_LIMIT);
  const stopAfter = Math.min(text.length, end + SENTENCE_LIMIT);
  let from = start;
  while (from > stopBefore && !SENTENCE_END.test(text[from - 1] ?? '')) from--;
  let to = end;
  while (to < stopAfter && !SENTENCE_END.test(text[to] ?? '')) to++;
  if (to < stopAfter && text[to] !== '\n') to++;
  return { start: from, end: to };
}

/** How many characters of a long sentence are kept on either side of its figure. */
const SIDE = 60;

/**
 * A figure in its sentence (one line: a line break ends a sentence) in three
 * parts, the figure to be marked: a long sentence is cut to SIDE characters
 * either side, with "…".
 */
export function inSentence(
  text: string,
  start: number,
  end: number,
): { before: string; figure: string; after: string } {
  const sentence = sentenceAround(text, start, end);
  const from = Math.max(sentence.start, start - SIDE);
  const to = Math.min(sentence.end, end + SIDE);
  return {
    before: `${from > sentence.start ? '…' : ''}${text.slice(from, start).trimStart()}`,
    figure: text.slice(start, end),
    after: `${text.slice(end, to).trimEnd()}${to < sentence.end ? '…' : ''}`,
  };
}
