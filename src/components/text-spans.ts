/**
 * Where a value sits in its report: the sentence around a span, and a short
 * excerpt around a figure.
 */

const SENTENCE_END = /[。！？；;\n]/;
/**
 * Characters looked at on either side (as the extractor's sentences): a text
 * without sentence ends is not walked through to its ends for every value.
 */
const SENTENCE_LIMIT = 400;

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

/** A figure with a few characters either side, on one line: …之前【11个】之后… */
export function excerpt(text: string, start: number, end: number): string {
  return `…${text.slice(Math.max(0, start - 16), start)}【${text.slice(start, end)}】${text.slice(end, end + 16)}…`.replace(
    /\n/g,
    ' ',
  );
}
