/**
 * What a printed view shows, for the header printed above it: its towns (all,
 * one county's, or named ones), its year, each town's latest report or the
 * years of its reports, and the reports behind it — whose newest publication
 * date is the data's date (index.json carries no date of its own).
 */
import { countyKeyOf, type ReportInfo, type Town } from './model';

export type PrintPeriod =
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'latest' }
  | { readonly kind: 'years'; readonly years: readonly number[] }
  /** Every report of the towns (the data quality page). */
  | { readonly kind: 'all' };

export interface PrintScope {
  /** The view's label, a key of src/i18n. */
  readonly view: 'overview' | 'brief' | 'compare' | 'sideBySide' | 'townProfile' | 'quality';
  readonly towns: readonly Town[];
  readonly period: PrintPeriod;
  /**
   * The reports the view loaded itself (a town profile reads its county's
   * files, not reports.csv); absent: the header reads reports.csv.
   */
  readonly reports?: readonly ReportInfo[];
}

export type PrintTowns =
  | { readonly kind: 'all'; readonly count: number }
  | { readonly kind: 'county'; readonly county: string; readonly count: number }
  | { readonly kind: 'some'; readonly names: readonly string[]; readonly count: number };

/** The towns named at most; more are counted. */
export const PRINT_NAMES_MAX = 10;

/** The shown towns as a reader would name them: all, a whole county, or by name. */
export function printTownsOf(all: readonly Town[], shown: readonly Town[]): PrintTowns {
  const ids = new Set(shown.map((t) => t.id));
  if (shown.length === all.length && all.every((t) => ids.has(t.id))) {
    return { kind: 'all', count: shown.length };
  }
  const first = shown[0];
  if (first !== undefined && shown.length > 1) {
    const key = countyKeyOf(first);
    const county = all.filter((t) => countyKeyOf(t) === key);
    if (
      first.county !== '' &&
      county.length === shown.length &&
      county.every((t) => ids.has(t.id))
    ) {
      return { kind: 'county', county: first.county, count: shown.length };
    }
  }
  return {
    kind: 'some',
    names: shown.slice(0, PRINT_NAMES_MAX).map((t) => t.name),
    count: shown.length,
  };
}

/** The reports a scope shows: its towns' reports of its year, their latest, or all of them. */
export function reportsInScope(
  reports: Iterable<ReportInfo>,
  scope: Pick<PrintScope, 'towns' | 'period'>,
): ReportInfo[] {
  const towns = new Set(scope.towns.map((t) => t.id));
  const mine = [...reports].filter((r) => towns.has(r.townId));
  const { period } = scope;
  switch (period.kind) {
    case 'year':
      return mine.filter((r) => r.year === period.year);
    case 'years':
      return mine.filter((r) => r.year !== null && period.years.includes(r.year));
    case 'all':
      return mine;
    case 'latest': {
      const latest = new Map<string, ReportInfo>();
      for (const r of mine) {
        const had = latest.get(r.townId);
        if (had === undefined || (r.year ?? -Infinity) > (had.year ?? -Infinity)) {
          latest.set(r.townId, r);
        }
      }
      return [...latest.values()];
    }
  }
}

/** The newest publication date (YYYY-MM-DD as the reports state it) among these; null when none states one. */
export function newestPublished(reports: readonly ReportInfo[]): string | null {
  let newest: string | null = null;
  for (const r of reports) {
    if (r.published !== '' && (newest === null || r.published > newest)) newest = r.published;
  }
  return newest;
}

/** A compare view's period: the filters' year, or each town's latest report. */
export function comparePeriod(mode: 'year' | 'latest', year: number | null): PrintPeriod {
  return mode === 'year' && year !== null ? { kind: 'year', year } : { kind: 'latest' };
}
