/**
 * Where a value sits in its report: the sentence around a span, and the span
 * a reader selected in the report text.
 */
import type { Qualifier } from '../../catalog';

const SENTENCE_END = /[。！？；;\n]/;

/** The sentence (between end marks) that holds [start, end). */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1] ?? '')) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to] ?? '')) to++;
  if (to < text.length && text[to] !== '\n') to++;
  return { start: from, end: to };
}

interface Figure {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: Qualifier;
}

/**
 * The figure the selected words state: the first number the extractor read
 * (and no rule used) inside the selection — 608件, 六百零八, 1.2万, 190余 —
 * or null when the selection holds none.
 */
export function figureIn(
  selection: { start: number; end: number },
  unused: readonly Figure[],
): Figure | null {
  return (
    [...unused]
      .sort((a, b) => a.start - b.start)
      .find((u) => u.start < selection.end && u.end > selection.start) ?? null
  );
}
