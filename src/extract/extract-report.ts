import { detectMetadata, type DetectedMetadata } from './metadata';
import { figuresOfAll, type QuotedMention } from './figures';
import type { UnusedNumber } from './match';
import { normalizeReportText } from './text';

export interface ReportExtraction {
  readonly reportId: string;
  /** The normalised text that every offset indexes into. */
  readonly text: string;
  readonly detected: DetectedMetadata;
  readonly mentions: readonly QuotedMention[];
  readonly unused: readonly UnusedNumber[];
}

/**
 * Text in, findings out, for several reports: each `rawText` is decoded
 * text, normalised here; its figures (figuresOf), and its town, year and
 * title read off the text. Each step is taken for every report before the
 * next (figuresOfAll): each report's findings are what it gives alone.
 */
export function extractReports(
  reports: readonly { readonly reportId: string; readonly rawText: string }[],
): ReportExtraction[] {
  const figures = figuresOfAll(reports.map((r) => normalizeReportText(r.rawText)));
  return figures.map(({ text, folded, mentions, unused }, i) => ({
    reportId: (reports[i] as (typeof reports)[number]).reportId,
    text,
    detected: detectMetadata(folded, text),
    mentions,
    unused,
  }));
}
