/**
 * Every dataset of a run held in memory (the browser's importer and publish
 * package, tests): the outcomes finalised (finalize.ts) and their values
 * resolved. The CLI streams the same steps instead (src/cli/write-data.ts).
 */
import { inTableOrder, quotedUnused, type QuotedMention, type QuotedUnused } from './figures';
import { finalizeReports, type ReportRow, type SideFiles } from './finalize';
import type { Correction } from './inputs';
import { summarize, type ReportOutcome } from './pipeline';
import { resolveByGroups, type ResolvedValue } from './resolve';
import type { Issue } from './result';
import { byCodeUnit } from './text';

export interface Datasets {
  readonly reports: readonly ReportRow[];
  readonly mentions: readonly { readonly reportId: string; readonly mention: QuotedMention }[];
  readonly unused: readonly { readonly reportId: string; readonly number: QuotedUnused }[];
  readonly values: readonly ResolvedValue[];
  /** The corrections applied: valid rows for readable reports. */
  readonly corrections: readonly Correction[];
  readonly issues: readonly Issue[];
}

export interface FinalizeInput extends SideFiles {
  /** Outcomes; their texts may have been dropped already. */
  readonly outcomes: readonly ReportOutcome[];
  /** Reads a span back, for derived values and corrections that name a span. */
  readonly quote: (reportId: string, start: number, end: number) => string;
}

/** Every dataset of a run held in memory: the browser's importer and small runs. */
export function finalizeDatasets(input: FinalizeInput): Datasets {
  const outcomes = [...input.outcomes].sort((a, b) => byCodeUnit(a.reportId, b.reportId));
  const finalized = finalizeReports(
    outcomes.map((o) => summarize(o)),
    input,
  );
  const byId = new Map(outcomes.map((o) => [o.reportId, o]));
  const values = [
    ...resolveByGroups(
      finalized.resolvable,
      finalized.corrections,
      (reportId) => byId.get(reportId)?.mentions ?? [],
      input.quote,
    ),
  ];
  const counted = outcomes.filter((o) => finalized.counted.has(o.reportId));
  const mentions = counted.flatMap((o) =>
    inTableOrder(o.mentions).map((mention) => ({ reportId: o.reportId, mention })),
  );
  const unused = counted.flatMap((o) =>
    o.unused.map((number) => ({ reportId: o.reportId, number: quotedUnused(o.text, number) })),
  );
  return {
    reports: finalized.reports,
    mentions,
    unused,
    values,
    corrections: finalized.corrections,
    issues: finalized.issues,
  };
}
