/**
 * A report's mentions and the numbers no rule used, read off its published
 * text by the extractor itself: the data folder does not store them (at
 * province scale they were about a tenth of it). The published text (in
 * its pack, text-packs.ts) is the extractor's normalised text: read as it is
 * (figuresOf), it gives the run's own figures at the run's offsets.
 */
import { figuresOf, inTableOrder } from '../extract/figures';
import type { MentionRow, UnusedRow } from './model';

export interface Findings {
  /** By position, then indicator (the complete mentions.csv's order). */
  readonly mentions: readonly MentionRow[];
  /** By position. */
  readonly unused: readonly UnusedRow[];
}

export function readFindings(reportId: string, text: string): Findings {
  const found = figuresOf(text);
  return {
    mentions: inTableOrder(found.mentions).map((m): MentionRow => ({
      reportId,
      indicator: m.indicator,
      value: m.value,
      unit: m.unit,
      qualifier: m.qualifier,
      start: m.start,
      end: m.end,
      period: m.period,
    })),
    unused: [...found.unused]
      .sort((a, b) => a.start - b.start)
      .map((u): UnusedRow => ({
        reportId,
        start: u.start,
        end: u.end,
        value: u.value,
        unit: u.unit,
        reason: u.reason,
      })),
  };
}
