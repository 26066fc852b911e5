/**
 * A report's figures: the mentions its rules find, each with its words, and
 * the numbers no rule used (their words cut only where they are written,
 * quotedUnused), offsets into the normalised text. No place names
 * or metadata: the dashboard reads a published report's figures off its text
 * with this alone (src/dataset/read-findings.ts), without the registry of
 * divisions extractReports' metadata needs, and so does the CLI for a report
 * it resolves with others (src/cli/write-data.ts).
 */
import { matchTokens, type Mention, type UnusedNumber } from './match';
import { scanNumbers } from './numbers';
import { analyseStructure } from './structure';
import { foldAndSimplify } from './simplified';
import { byCodeUnit, joinWrappedLines } from './text';

export interface QuotedMention extends Mention {
  /** text.slice(start, end): the phrase as written. */
  readonly quote: string;
}

export interface QuotedUnused extends UnusedNumber {
  /** The number as written. */
  readonly text: string;
  /** About 20 characters on each side, on one line. */
  readonly context: string;
}

const CONTEXT = 20;

/**
 * A copy that does not keep the whole report alive: V8 represents long
 * slices as views into their parent string.
 */
export function detach(slice: string): string {
  return slice.length < 13 ? slice : (' ' + slice).slice(1);
}

/**
 * A mention with its quote, every field written out: V8 gives each object
 * made by spreading (`{ ...m, quote }`) a hidden class of its own, which took
 * half of the memory a run keeps per report (docs/performance.md).
 */
function quoted(m: Mention, quote: string): QuotedMention {
  // Every field required here: one added to Mention must be copied too.
  const fields: Omit<Required<QuotedMention>, 'parts'> = {
    indicator: m.indicator,
    value: m.value,
    unit: m.unit,
    qualifier: m.qualifier,
    start: m.start,
    end: m.end,
    numStart: m.numStart,
    numEnd: m.numEnd,
    rule: m.rule,
    period: m.period,
    sentenceStart: m.sentenceStart,
    sentenceEnd: m.sentenceEnd,
    total: m.total,
    quote,
  };
  return m.parts === undefined ? fields : { ...fields, parts: m.parts };
}

export interface ReportFigures {
  /** The normalised text that every offset indexes into. */
  readonly text: string;
  /** The text simplified and folded (same length), as metadata reads it. */
  readonly folded: string;
  readonly mentions: readonly QuotedMention[];
  /** Their words are read off `text` only where they are written (quotedUnused). */
  readonly unused: readonly UnusedNumber[];
}

/**
 * The figures of a text normalised already (normalizeReportText's result:
 * a published text, see text-packs.ts), offsets into it as it is. Normalising it
 * again could move them: the text is the report's, and a report can hold
 * what a second pass would strip. Rules read a copy of the text of the same
 * length (simplified, folded, with wrapped lines joined), so every offset
 * they find points into `text`.
 */
export function figuresOf(text: string): ReportFigures {
  return figuresOfAll([text])[0] as ReportFigures;
}

/**
 * The figures of several normalised texts, each what figuresOf gives: each
 * step taken for every text before the next step. Over a pack's 32 reports
 * that is a tenth faster than one report after another: a step's tables,
 * expressions and code stay in the processor's caches.
 */
export function figuresOfAll(texts: readonly string[]): ReportFigures[] {
  // Folded first: a Kangxi radical (⾨) becomes the character OpenCC then simplifies.
  const folded = texts.map((text) => foldAndSimplify(text));
  const joined = folded.map((f) => joinWrappedLines(f));
  const structures = joined.map((j) => analyseStructure(j));
  const tokens = joined.map((j) => scanNumbers(j));
  return texts.map((text, i) => {
    const at = <T>(list: readonly T[]): T => list[i] as T;
    const { mentions, unused } = matchTokens(at(joined), at(tokens), at(structures));
    return {
      text,
      folded: at(folded),
      mentions: mentions.map((m) => quoted(m, detach(text.slice(m.start, m.end)))),
      unused,
    };
  });
}

/**
 * An unused number with its words, as unused.csv gives them: read off the
 * report's text only where that table is written (the complete tables), not
 * kept for every number of every report; nothing else reads them.
 */
export function quotedUnused(text: string, u: UnusedNumber): QuotedUnused {
  // Every field required here: one added to UnusedNumber must be copied too.
  const quoted: Required<QuotedUnused> = {
    start: u.start,
    end: u.end,
    value: u.value,
    unit: u.unit,
    qualifier: u.qualifier,
    reason: u.reason,
    text: detach(text.slice(u.start, u.end)),
    context: detach(
      text.slice(Math.max(0, u.start - CONTEXT), u.end + CONTEXT).replace(/\n/g, ' '),
    ),
  };
  return quoted;
}

/** A report's mentions in the order of mentions.csv: by position, then indicator. */
export const inTableOrder = (mentions: readonly QuotedMention[]): QuotedMention[] =>
  [...mentions].sort((a, b) => a.start - b.start || byCodeUnit(a.indicator, b.indicator));
