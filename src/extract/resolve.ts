/**
 * Resolution: one value per town × year × indicator from every mention.
 *
 * Choosing among several mentions (documented in docs/architecture.md; the
 * codes and their wording are the catalog's RESOLUTION_RULES):
 *   1. a figure for the whole year beats one bounded by 截至… (`full-year`);
 *   2. a figure the text marks as a total (全年, 共, 累计 …) beats one that is
 *      not (`total`);
 *   3. for counts the larger value wins (a total contains its parts)
 *      (`larger`); for rates and changes the first stated wins:
 *   4. the earlier report id (`earlier-report`), then the earlier position
 *      (`first-stated`).
 * The others stay in mentions.csv; the row lists their values, each with the
 * rule that set the chosen one before it.
 *
 * Rates the text does not state are derived from the two counts chosen
 * (derived-rates.ts); a count listed in parts (14个社区、5个行政村…) is their
 * sum (see parts.ts); both are marked derived, with their parts.
 * Corrections apply last and win over everything.
 */
import { INDICATORS, RESOLUTION_RULE_IDS, type IndicatorId, type ResolutionRule } from '../catalog';
import { deriveRates, dropChangedRates } from './derived-rates';
import type { Correction } from './inputs';
import { detach, type QuotedMention } from './figures';
import type { Mention } from './match';
import type { ReportMetadata } from './metadata';
import { NONE, rowFor, type ReportForResolution, type ResolvedValue } from './resolved-value';

export type { CorrectionKind, ReportForResolution, ResolvedValue } from './resolved-value';

interface Candidate {
  readonly report: ReportForResolution;
  readonly mention: QuotedMention;
}

/** Each rule as a comparison: negative when `a` comes first, 0 when it cannot tell. */
const RULE_COMPARISONS: Readonly<Record<ResolutionRule, (a: Candidate, b: Candidate) => number>> = {
  'full-year': (a, b) => Number(a.mention.period !== '') - Number(b.mention.period !== ''),
  total: (a, b) => Number(b.mention.total) - Number(a.mention.total),
  larger: (a, b) =>
    INDICATORS[a.mention.indicator].kind === 'count' ? b.mention.value - a.mention.value : 0,
  'earlier-report': (a, b) => cmp(a.report.reportId, b.report.reportId),
  'first-stated': (a, b) => a.mention.start - b.mention.start,
};

/** The first rule, in the catalog's order, that tells `a` from `b`; null if none does. */
function decidingRule(a: Candidate, b: Candidate): ResolutionRule | null {
  for (const rule of RESOLUTION_RULE_IDS) {
    if (RULE_COMPARISONS[rule](a, b) !== 0) return rule;
  }
  return null;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  const rule = decidingRule(a, b);
  return rule === null ? 0 : RULE_COMPARISONS[rule](a, b);
}

/** Two reports of the same town and year share one row; an unnamed town is its own. */
function groupKey(report: Pick<ReportForResolution, 'reportId' | 'metadata'>): string {
  const m = report.metadata;
  if (m.town === '' || m.year === null) return `report:${report.reportId}`;
  return `${m.province}|${m.city}|${m.county}|${m.town}|${m.year}`;
}

export function resolveValues(
  reports: readonly ReportForResolution[],
  corrections: readonly Correction[] = [],
): ResolvedValue[] {
  const groups = new Map<string, Map<IndicatorId, Candidate[]>>();
  const groupReports = new Map<string, ReportForResolution[]>();
  for (const report of reports) {
    const key = groupKey(report);
    let byIndicator = groups.get(key);
    if (byIndicator === undefined) {
      byIndicator = new Map();
      groups.set(key, byIndicator);
      groupReports.set(key, []);
    }
    groupReports.get(key)?.push(report);
    for (const mention of report.mentions) {
      const list = byIndicator.get(mention.indicator);
      if (list === undefined) byIndicator.set(mention.indicator, [{ report, mention }]);
      else list.push({ report, mention });
    }
  }

  // Each group's rows by indicator (a map per group: a key joining the group's and the
  // indicator's would be a new string to hash for every value).
  const rowsOf = new Map<string, Map<IndicatorId, ResolvedValue>>();
  // Each report's own best mention of an indicator: where a correction naming
  // that report points when another report's mention was chosen (kept only
  // when there are corrections).
  const ownBest = new Map<string, Map<IndicatorId, Mention>>();
  for (const [key, byIndicator] of groups) {
    const rows = new Map<IndicatorId, ResolvedValue>();
    rowsOf.set(key, rows);
    for (const [indicator, candidates] of byIndicator) {
      const sorted = candidates.length === 1 ? candidates : [...candidates].sort(compareCandidates);
      if (corrections.length > 0) {
        for (const c of sorted) {
          let own = ownBest.get(c.report.reportId);
          if (own === undefined) ownBest.set(c.report.reportId, (own = new Map()));
          if (!own.has(indicator)) own.set(indicator, c.mention);
        }
      }
      const chosen = sorted[0];
      if (chosen === undefined) continue;
      const m = chosen.mention;
      // Each other value once, with the rule that set the chosen mention
      // before the first (best) mention of that value.
      const beaten = new Map<number, ResolutionRule>();
      for (let i = 1; i < sorted.length; i++) {
        const c = sorted[i] as Candidate;
        if (c.mention.value === m.value || beaten.has(c.mention.value)) continue;
        beaten.set(c.mention.value, decidingRule(chosen, c) ?? 'first-stated');
      }
      rows.set(
        indicator,
        rowFor(chosen.report, indicator, {
          value: m.value,
          unitWritten: m.unit,
          qualifier: m.qualifier,
          mentions: sorted.length,
          alternativeValues: beaten.size === 0 ? NONE : [...beaten.keys()],
          chosenBy: beaten.size === 0 ? NONE : [...beaten.values()],
          start: m.start,
          end: m.end,
          quote: m.quote,
          period: m.period,
          // A figure summed from listed parts points at each of them.
          ...(m.parts === undefined
            ? {}
            : {
                derived: true,
                parts: m.parts.map((p) => `${indicator}@${p.start}-${p.end}`).join(';'),
              }),
        }),
      );
    }
    deriveRates(rows, groupReports.get(key) ?? []);
  }

  const reportById = new Map(reports.map((r) => [r.reportId, r]));
  const corrected = new Set<string>();
  for (const c of corrections) {
    const report = reportById.get(c.reportId);
    if (report === undefined) continue; // validated by parseCorrections
    const key = groupKey(report);
    corrected.add(key);
    let rows = rowsOf.get(key);
    if (rows === undefined) rowsOf.set(key, (rows = new Map()));
    const existing = rows.get(c.indicator);
    // The span states the value in the correction's own report: never a span of
    // another report of the same town and year that happened to be chosen.
    const own = ownBest.get(c.reportId)?.get(c.indicator);
    const span =
      c.start !== null && c.end !== null
        ? { start: c.start, end: c.end, quote: report.quote(c.start, c.end) }
        : existing !== undefined && existing.reportId === c.reportId
          ? { start: existing.start, end: existing.end, quote: existing.quote }
          : own !== undefined
            ? { start: own.start, end: own.end, quote: report.quote(own.start, own.end) }
            : { start: null, end: null, quote: '' };
    const base = existing ?? rowFor(report, c.indicator, {});
    rows.set(c.indicator, {
      ...base,
      reportId: c.reportId,
      value: c.value,
      qualifier: c.value === null ? '=' : c.qualifier,
      unitWritten: c.value === null ? '' : base.unitWritten || INDICATORS[c.indicator].unit,
      derived: false,
      parts: '',
      chosenBy: NONE,
      correction: c.value === null ? 'delete' : existing === undefined ? 'add' : 'override',
      note: c.note,
      ...span,
    });
  }

  for (const key of corrected) {
    const rows = rowsOf.get(key);
    if (rows !== undefined) dropChangedRates(rows);
  }

  const inIndicatorOrder = (a: ResolvedValue, b: ResolvedValue): number =>
    (INDICATOR_ORDER.get(a.indicator) ?? 0) - (INDICATOR_ORDER.get(b.indicator) ?? 0);
  const values: ResolvedValue[] = [];
  for (const rows of rowsOf.values()) for (const row of rows.values()) values.push(row);
  // One report's values share its place: their order is the indicators'.
  return values.sort(
    reports.length === 1
      ? inIndicatorOrder
      : (a, b) => comparePlaces(a, b) || cmp(a.reportId, b.reportId) || inIndicatorOrder(a, b),
  );
}

const INDICATOR_ORDER = new Map(Object.keys(INDICATORS).map((id, i) => [id, i]));

/** The values' order before their report and indicator: province, city, county, town, year. */
type Place = Pick<ReportMetadata, 'province' | 'city' | 'county' | 'town' | 'year'>;

function comparePlaces(a: Place, b: Place): number {
  return (
    cmp(a.province, b.province) ||
    cmp(a.city, b.city) ||
    cmp(a.county, b.county) ||
    cmp(a.town, b.town) ||
    (a.year ?? 0) - (b.year ?? 0)
  );
}

/**
 * The reports resolved together (one town and year; an unnamed town's report
 * alone), in the order of their values: resolving each group on its own and
 * joining the values gives what resolveValues gives for all of them at once,
 * since values sort by place, year, report and indicator and a group's
 * reports share their place and year. A run too large to hold every report's
 * mentions reads back one group's at a time.
 */
function resolutionGroups<R extends Pick<ReportForResolution, 'reportId' | 'metadata'>>(
  reports: readonly R[],
): R[][] {
  const groups = new Map<string, R[]>();
  for (const report of reports) {
    const key = groupKey(report);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [report]);
    else group.push(report);
  }
  const first = (group: readonly R[]): R => group[0] as R;
  return [...groups.values()].sort(
    (a, b) =>
      comparePlaces(first(a).metadata, first(b).metadata) ||
      cmp(first(a).reportId, first(b).reportId),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reports resolved together (one town and year), and the corrections naming them in their file's order. */
export interface ResolutionGroup<R> {
  readonly reports: readonly R[];
  readonly corrections: readonly Correction[];
}

/** The groups of reports resolved together, in the order of their values (see resolutionGroups). */
export function* groupsToResolve<R extends Pick<ReportForResolution, 'reportId' | 'metadata'>>(
  reports: readonly R[],
  corrections: readonly Correction[],
): Generator<ResolutionGroup<R>> {
  const correctionsOf = new Map<string, number[]>();
  corrections.forEach((correction, n) => {
    const list = correctionsOf.get(correction.reportId);
    if (list === undefined) correctionsOf.set(correction.reportId, [n]);
    else list.push(n);
  });
  for (const group of resolutionGroups(reports)) {
    const own = group
      .flatMap((r) => correctionsOf.get(r.reportId) ?? [])
      .sort((a, b) => a - b)
      .map((n) => corrections[n] as Correction);
    yield { reports: group, corrections: own };
  }
}

/**
 * One group's values: its mentions asked for (`mentionsOf`) only now, so a
 * caller can keep them on disk until then.
 */
export function resolveGroup(
  { reports, corrections }: ResolutionGroup<Pick<ReportForResolution, 'reportId' | 'metadata'>>,
  mentionsOf: (reportId: string) => readonly QuotedMention[],
  quote: (reportId: string, start: number, end: number) => string,
): ResolvedValue[] {
  const resolvable = reports.map(({ reportId, metadata }) => ({
    reportId,
    metadata,
    mentions: mentionsOf(reportId),
    // A copy: a slice would keep the whole text read back in memory with the value.
    quote: (start: number, end: number) => detach(quote(reportId, start, end)),
  }));
  return resolveValues(resolvable, corrections);
}

/**
 * Every value, one group of reports (a town and year) at a time: each
 * group's mentions asked for (`mentionsOf`) only when it is resolved, so a
 * caller can keep them on disk; its corrections applied in their file's
 * order. The values come in indicators.csv's order.
 */
export function* resolveByGroups(
  reports: readonly Pick<ReportForResolution, 'reportId' | 'metadata'>[],
  corrections: readonly Correction[],
  mentionsOf: (reportId: string) => readonly QuotedMention[],
  quote: (reportId: string, start: number, end: number) => string,
): Generator<ResolvedValue> {
  for (const group of groupsToResolve(reports, corrections)) {
    yield* resolveGroup(group, mentionsOf, quote);
  }
}
