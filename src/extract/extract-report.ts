import { matchTokens, type Mention, type UnusedNumber } from './match';
import { detectMetadata, type DetectedMetadata } from './metadata';
import { scanNumbers } from './numbers';
import { analyseStructure } from './structure';
import { foldForMatching, normalizeReportText } from './text';

export interface ReportExtraction {
  readonly reportId: string;
  /** The normalised text that every offset indexes into. */
  readonly text: string;
  readonly detected: DetectedMetadata;
  readonly mentions: readonly Mention[];
  readonly unused: readonly UnusedNumber[];
}

/** Text in, findings out. `rawText` is decoded text; it is normalised here. */
export function extractReport(reportId: string, rawText: string): ReportExtraction {
  const text = normalizeReportText(rawText);
  const folded = foldForMatching(text);
  const structure = analyseStructure(folded);
  const tokens = scanNumbers(folded);
  const { mentions, unused } = matchTokens(folded, tokens, structure);
  return { reportId, text, detected: detectMetadata(folded), mentions, unused };
}
