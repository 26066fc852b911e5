import { matchTokens, type Mention, type UnusedNumber } from './match';
import { detectMetadata, type DetectedMetadata } from './metadata';
import { scanNumbers } from './numbers';
import { analyseStructure } from './structure';
import { simplifyForMatching } from './simplified';
import { foldForMatching, joinWrappedLines, normalizeReportText } from './text';

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

export interface ReportExtraction {
  readonly reportId: string;
  /** The normalised text that every offset indexes into. */
  readonly text: string;
  readonly detected: DetectedMetadata;
  readonly mentions: readonly QuotedMention[];
  readonly unused: readonly QuotedUnused[];
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

/**
 * Text in, findings out. `rawText` is decoded text; it is normalised here.
 * Rules read a copy of the text of the same length (simplified, folded, with
 * wrapped lines joined), so every offset they find points into `text`.
 */
export function extractReport(reportId: string, rawText: string): ReportExtraction {
  const text = normalizeReportText(rawText);
  // Folded first: a Kangxi radical (⾨) becomes the character OpenCC then simplifies.
  const folded = simplifyForMatching(foldForMatching(text));
  // Metadata reads titles and signatures line by line: it keeps the breaks.
  const joined = joinWrappedLines(folded);
  const structure = analyseStructure(joined);
  const tokens = scanNumbers(joined);
  const { mentions, unused } = matchTokens(joined, tokens, structure);
  return {
    reportId,
    text,
    detected: detectMetadata(folded, text),
    mentions: mentions.map((m) => quoted(m, detach(text.slice(m.start, m.end)))),
    unused: unused.map((u): Required<QuotedUnused> => ({
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
    })),
  };
}
