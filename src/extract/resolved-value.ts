/**
 * A value as resolution writes it (one per town × year × indicator, see
 * resolve.ts), and the report it is resolved from.
 */
import type { IndicatorId, Qualifier, ResolutionRule } from '../catalog';
import type { Placed } from './data-index';
import type { QuotedMention } from './figures';
import type { ReportMetadata } from './metadata';

/** One empty list for every value with no other value (most): not an array each. */
export const NONE: readonly never[] = Object.freeze([]);

export interface ReportForResolution {
  readonly reportId: string;
  readonly metadata: ReportMetadata;
  /** Each quoted as written: a value stated by one mention is quoted from it. */
  readonly mentions: readonly QuotedMention[];
  /** Needed only to quote derived and corrected spans (the CLI reads the text back for them). */
  readonly quote: (start: number, end: number) => string;
}

export type CorrectionKind = '' | 'override' | 'delete' | 'add';

/** A value, placed as its report is (its town, county, city, province and year). */
export interface ResolvedValue extends Placed {
  readonly indicator: IndicatorId;
  /** null only when a correction deleted the value. */
  readonly value: number | null;
  readonly unitWritten: string;
  readonly qualifier: Qualifier;
  readonly derived: boolean;
  readonly correction: CorrectionKind;
  readonly note: string;
  readonly mentions: number;
  /** Values of the other mentions that differ from the chosen one. */
  readonly alternativeValues: readonly number[];
  /**
   * For each alternative value, the rule that put the chosen mention before
   * it; empty for a corrected value (the evaluator chose it, not a rule).
   */
  readonly chosenBy: readonly ResolutionRule[];
  readonly start: number | null;
  readonly end: number | null;
  readonly quote: string;
  readonly period: string;
  /** For derived values: `indicator@start-end` of each part. */
  readonly parts: string;
}

/** A value of `indicator` placed where `report` is, its other fields from `fields` or empty. */
export function rowFor(
  report: ReportForResolution,
  indicator: IndicatorId,
  fields: Partial<ResolvedValue>,
): ResolvedValue {
  const m = report.metadata;
  return {
    reportId: report.reportId,
    town: m.town,
    county: m.county,
    city: m.city,
    province: m.province,
    year: m.year,
    indicator,
    value: null,
    unitWritten: '',
    qualifier: '=',
    derived: false,
    correction: '',
    note: '',
    mentions: 0,
    alternativeValues: NONE,
    chosenBy: NONE,
    start: null,
    end: null,
    quote: '',
    period: '',
    parts: '',
    ...fields,
  };
}
