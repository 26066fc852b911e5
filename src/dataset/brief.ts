/**
 * The county leader's brief, computed from the model: for the selected towns
 * and a year, each category's headline figure — the towns that state the most
 * and the least, the largest rise and fall since each town's previous report,
 * the towns whose report does not state it — then the catalog's warning signs
 * and the towns with no report this year. Pure: the view words it.
 *
 * Only what the figures as stated settle: a change is computed between two
 * exact figures (190余 has no exact rise), a warning shows only where the
 * qualifier cannot undo it (约94% is not surely below 95%), a missing figure
 * is never a zero.
 *
 * May import: src/catalog, src/dataset.
 */
import {
  CATEGORY_IDS,
  INDICATORS,
  WARNING_SIGNS,
  headlineOf,
  type CategoryId,
  type IndicatorId,
  type Qualifier,
  type WarningSign,
} from '../catalog';
import type { DatasetModel, Town, ValueRow } from './model';
import { hasReport, valueFor } from './select';
import { isExact, percentChange } from './change';

/** How many towns the brief names at each end of a category. */
export const BRIEF_ENDS = 3;

/** A town's stated figure. */
export interface BriefValue {
  readonly town: Town;
  readonly row: ValueRow;
  readonly value: number;
}

/** A town's figure this year against its previous report's, both stated exactly. */
export interface BriefChange {
  readonly town: Town;
  readonly indicator: IndicatorId;
  readonly before: ValueRow;
  readonly beforeYear: number;
  readonly now: ValueRow;
  /** now − before, in the indicator's unit. */
  readonly difference: number;
  /** Percent of the earlier figure; null when that was zero. */
  readonly percent: number | null;
}

export interface CategoryBrief {
  readonly category: CategoryId;
  readonly indicator: IndicatorId;
  /** Towns stating the figure, highest first. */
  readonly stated: readonly BriefValue[];
  /** The surely highest (see settledEnds); empty when no town's figure surely exceeds the rest. */
  readonly highest: readonly BriefValue[];
  /** The surely lowest, lowest first. */
  readonly lowest: readonly BriefValue[];
  /**
   * Why no end is named when none is (two or more towns stating it): every
   * figure the same (`same`), exact figures tied at the ends (`tied`), or
   * figures written 余/约, with other values or up to a date, whose order is
   * open (`open`). `ranked` when an end is named; `few` below two towns.
   */
  readonly order: 'ranked' | 'same' | 'tied' | 'open' | 'few';
  /** Towns with a report this year that does not state the figure. */
  readonly notStated: readonly Town[];
  /** Pairs with the previous report's figure, for the rise and the fall. */
  readonly compared: number;
  /** Whether every pair is the same figure both times. */
  readonly unchanged: boolean;
  readonly rise: BriefChange | null;
  readonly fall: BriefChange | null;
}

export interface BriefWarning {
  readonly sign: WarningSign;
  readonly town: Town;
  readonly row: ValueRow;
  /** For a rising sign: the previous report's figure and its year. */
  readonly before: { readonly row: ValueRow; readonly year: number } | null;
}

export interface NoReportTown {
  readonly town: Town;
  /** The year of its latest earlier report; null when it has none before this year. */
  readonly latest: number | null;
  /** Without an earlier one: the year of its first report, after this year. */
  readonly first: number | null;
}

export interface Brief {
  readonly year: number;
  readonly towns: readonly Town[];
  readonly withReport: number;
  /** Towns with a report this year and an earlier one: without any, nothing can be said to have changed. */
  readonly withPrevious: number;
  readonly categories: readonly CategoryBrief[];
  readonly warnings: readonly BriefWarning[];
  /**
   * How many towns each sign (by id) could be checked for: the figure stated
   * this year (and, for a rising sign, by the previous report too). A sign
   * checked for no town is unknown, not absent.
   */
  readonly checked: ReadonlyMap<string, number>;
  readonly noReport: readonly NoReportTown[];
}

/** The year of the town's latest report before `year`, if any. */
export function previousYear(town: Town, year: number): number | null {
  let previous: number | null = null;
  for (const y of town.years) if (y < year && (previous === null || y > previous)) previous = y;
  return previous;
}

/** The indicators the brief reads: each category's headline and each warning sign's. */
export const BRIEF_INDICATORS: readonly IndicatorId[] = [
  ...new Set([...CATEGORY_IDS.map(headlineOf), ...WARNING_SIGNS.map((s) => s.indicator)]),
];

/** The years the brief reads for these towns: the year and each town's previous report's. */
export function briefYears(towns: readonly Town[], year: number): number[] {
  const years = new Set([year]);
  for (const town of towns) {
    if (!hasReport(town, year)) continue;
    const previous = previousYear(town, year);
    if (previous !== null) years.add(previous);
  }
  return [...years].sort((a, b) => a - b);
}

/** How far from a figure written 约/近 (about) the true one may be: a tenth either way. */
export const ABOUT_SPREAD = 0.1;

/**
 * The range a stated figure leaves for the true one: 190余 is 190 or more
 * (no end: 以上 and 超过 share the qualifier), 不足90 is under 90, 约500
 * is within ABOUT_SPREAD of 500.
 */
export function boundsOf(value: number, qualifier: Qualifier): { low: number; high: number } {
  switch (qualifier) {
    case '=':
      return { low: value, high: value };
    case '>=':
      return { low: value, high: Infinity };
    case '<=':
      return { low: -Infinity, high: value };
    case '~': {
      const spread = Math.abs(value) * ABOUT_SPREAD;
      return { low: value - spread, high: value + spread };
    }
  }
}

/**
 * The range a town's figure for the year may lie in: its value's, widened to
 * every other value the report states for it (⋯: the rules chose one, but a
 * report that also says 44 where the value is 160 does not settle that it was
 * 160). A count up to a date (截至10月底) is at least that for the year; a
 * rate or a change up to a date says nothing sure of the year.
 */
export function rangeOf(row: ValueRow): { low: number; high: number } {
  const range = boundsOf(row.value ?? NaN, row.qualifier);
  let { low, high } = range;
  if (row.period !== '') {
    if (INDICATORS[row.indicator].kind !== 'count') return { low: -Infinity, high: Infinity };
    high = Infinity;
  }
  for (const other of row.alternativeValues) {
    low = Math.min(low, other);
    high = Math.max(high, other);
  }
  return { low, high };
}

/** Whether the figure as stated settles the sign's test (`before` for a rising sign). */
export function signHolds(
  sign: WarningSign,
  now: ValueRow,
  before: ValueRow | null = null,
): boolean {
  if (now.value === null) return false;
  const range = rangeOf(now);
  const { test } = sign;
  switch (test.kind) {
    case 'below':
      return range.high < test.threshold;
    case 'above':
      return range.low > test.threshold;
    case 'rising': {
      if (before === null || before.value === null) return false;
      return range.low > rangeOf(before).high;
    }
  }
}

/** The change between two exact figures; null when either is not exact. */
function changeOf(
  town: Town,
  indicator: IndicatorId,
  before: ValueRow,
  beforeYear: number,
  now: ValueRow,
): BriefChange | null {
  if (now.value === null || before.value === null) return null;
  if (!isExact(now) || !isExact(before)) return null;
  const difference = now.value - before.value;
  const percent = percentChange(before.value, now.value);
  return { town, indicator, before, beforeYear, now, difference, percent };
}

/** The town's change since its previous report, when both state the figure exactly. */
function changeSincePrevious(
  model: DatasetModel,
  indicator: IndicatorId,
  town: Town,
  year: number,
  now: ValueRow,
): BriefChange | null {
  const earlier = previousYear(town, year);
  if (earlier === null) return null;
  const before = valueFor(model, indicator, town.id, earlier);
  return before === null ? null : changeOf(town, indicator, before, earlier, now);
}

/**
 * The towns surely highest and surely lowest, at most BRIEF_ENDS and half the
 * towns each: the most towns from the top whose figures, as stated, all
 * exceed every other town's (608 is not surely above 190余, 100余 is surely
 * above 25), and likewise from the bottom. A group tied with a town outside
 * it is not named; a group wholly above the rest is, in its stated order
 * (which the figures need not settle within it: 100 and 90余).
 */
export function settledEnds(stated: readonly BriefValue[]): {
  highest: BriefValue[];
  lowest: BriefValue[];
} {
  const n = stated.length;
  const ends = Math.min(BRIEF_ENDS, Math.floor(n / 2));
  const ranges = stated.map((v) => rangeOf(v.row));
  const lowOf = (from: number, to: number): number =>
    Math.min(...ranges.slice(from, to).map((r) => r.low));
  const highOf = (from: number, to: number): number =>
    Math.max(...ranges.slice(from, to).map((r) => r.high));
  let top = 0;
  let bottom = 0;
  for (let i = 1; i <= ends; i++) {
    if (lowOf(0, i) > highOf(i, n)) top = i;
    if (highOf(n - i, n) < lowOf(0, n - i)) bottom = i;
  }
  return { highest: stated.slice(0, top), lowest: stated.slice(n - bottom).reverse() };
}

function categoryBrief(
  model: DatasetModel,
  category: CategoryId,
  year: number,
  towns: readonly Town[],
): CategoryBrief {
  const indicator = headlineOf(category);
  const stated: BriefValue[] = [];
  const notStated: Town[] = [];
  const changes: BriefChange[] = [];
  for (const town of towns) {
    if (!hasReport(town, year)) continue;
    const row = valueFor(model, indicator, town.id, year);
    if (row === null || row.value === null) {
      notStated.push(town);
      continue;
    }
    stated.push({ town, row, value: row.value });
    const change = changeSincePrevious(model, indicator, town, year, row);
    if (change !== null) changes.push(change);
  }
  stated.sort((a, b) => b.value - a.value || (a.town.id < b.town.id ? -1 : 1));
  const { highest, lowest } = settledEnds(stated);
  const exact = stated.every((v) => isExact(v.row));
  const order =
    stated.length < 2
      ? 'few'
      : highest.length > 0 || lowest.length > 0
        ? 'ranked'
        : !exact
          ? 'open'
          : stated.every((v) => v.value === stated[0]?.value)
            ? 'same'
            : 'tied';
  // Largest by percent; a rise from zero has none and is not ranked against them.
  const byPercent = changes.filter((c) => c.percent !== null);
  const bySize = (a: BriefChange, b: BriefChange): number =>
    Math.abs(b.percent ?? 0) - Math.abs(a.percent ?? 0) || (a.town.id < b.town.id ? -1 : 1);
  const rises = byPercent.filter((c) => c.difference > 0).sort(bySize);
  const falls = byPercent.filter((c) => c.difference < 0).sort(bySize);
  return {
    category,
    indicator,
    stated,
    highest,
    lowest,
    order,
    notStated,
    compared: changes.length,
    unchanged: changes.every((c) => c.difference === 0),
    rise: rises[0] ?? null,
    fall: falls[0] ?? null,
  };
}

function warningsOf(
  model: DatasetModel,
  year: number,
  towns: readonly Town[],
): { warnings: BriefWarning[]; checked: Map<string, number> } {
  const warnings: BriefWarning[] = [];
  const checked = new Map<string, number>();
  for (const sign of WARNING_SIGNS) {
    let count = 0;
    for (const town of towns) {
      const row = valueFor(model, sign.indicator, town.id, year);
      if (row === null) continue;
      if (sign.test.kind !== 'rising') {
        count += 1;
        if (signHolds(sign, row)) warnings.push({ sign, town, row, before: null });
        continue;
      }
      const earlier = previousYear(town, year);
      const before = earlier === null ? null : valueFor(model, sign.indicator, town.id, earlier);
      if (earlier === null || before === null) continue;
      count += 1;
      if (signHolds(sign, row, before)) {
        warnings.push({ sign, town, row, before: { row: before, year: earlier } });
      }
    }
    checked.set(sign.id, count);
  }
  return { warnings, checked };
}

/** The brief of these towns for this year (every value it reads loaded). */
export function briefOf(model: DatasetModel, year: number, towns: readonly Town[]): Brief {
  const reporting = towns.filter((t) => hasReport(t, year));
  return {
    year,
    towns,
    withReport: reporting.length,
    withPrevious: reporting.filter((t) => previousYear(t, year) !== null).length,
    categories: CATEGORY_IDS.map((c) => categoryBrief(model, c, year, towns)),
    ...warningsOf(model, year, towns),
    noReport: towns
      .filter((t) => !hasReport(t, year))
      .map((town) => ({
        town,
        latest: previousYear(town, year),
        first: town.years.find((y) => y > year) ?? null,
      })),
  };
}
