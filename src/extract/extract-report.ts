import { detectMetadata, type DetectedMetadata } from './metadata';
import { readFigures, type QuotedMention, type QuotedUnused } from './figures';

export interface ReportExtraction {
  readonly reportId: string;
  /** The normalised text that every offset indexes into. */
  readonly text: string;
  readonly detected: DetectedMetadata;
  readonly mentions: readonly QuotedMention[];
  readonly unused: readonly QuotedUnused[];
}

/**
 * Text in, findings out. `rawText` is decoded text; it is normalised here.
 * Its figures (readFigures), and its town, year and title read off the text.
 */
export function extractReport(reportId: string, rawText: string): ReportExtraction {
  const { text, folded, mentions, unused } = readFigures(rawText);
  return { reportId, text, detected: detectMetadata(folded, text), mentions, unused };
}
