/**
 * What each view shows, computed from the model: pure functions, unit-tested.
 */
import {
  CATEGORY_IDS,
  INDICATORS,
  QUALIFIERS,
  type CategoryId,
  type IndicatorId,
  type Qualifier,
  headlineOf,
} from '../catalog';
import {
  isImportedTownYear,
  type DatasetModel,
  type Missing,
  type Town,
  type ValueRow,
} from './model';
import { isExact, percentChange } from './change';

/** The selected towns: all of them when no selection is stored. */
export function selectedTowns(
  model: Pick<DatasetModel, 'towns'>,
  townIds: readonly string[] | null,
): Town[] {
  if (townIds === null) return [...model.towns];
  const wanted = new Set(townIds);
  return model.towns.filter((t) => wanted.has(t.id));
}

export function valueFor(
  model: DatasetModel,
  indicator: IndicatorId,
  townId: string,
  year: number,
): ValueRow | null {
  // A report imported in this browser stands for its town and year whole:
  // what it does not state is not mentioned, not the published figure.
  const row = isImportedTownYear(model.local, townId, year)
    ? model.local?.byIndicatorYear.get(`${indicator}|${year}`)?.get(townId)
    : model.loaded.get(indicator)?.byYear.get(year)?.byTown.get(townId);
  return row !== undefined && row.value !== null ? row : null;
}

/**
 * Each town's figure of an indicator and year, what the overview's cards and
 * the trend's choice of towns read: from the rows where they are loaded (or
 * the town-year was imported here), else from the figures (YearFigures).
 * Numbers, not objects: the cards read a nation's towns eighteen times over (nine headlines, two years).
 */
export interface FigureReader {
  /** The town's value; NaN when it has none, or none is loaded. */
  value(townId: string): number;
  /** How its value is stated (`=` when it has none). */
  qualifier(townId: string): Qualifier;
  /** Whether its value is exactly its figure for the year (isExact; false when it has none). */
  exact(townId: string): boolean;
}

export function figureReader(
  model: DatasetModel,
  indicator: IndicatorId,
  year: number,
): FigureReader {
  const figures =
    model.loaded.get(indicator)?.byYear.has(year) === true
      ? undefined
      : model.figures.get(indicator)?.get(year);
  const numbers = figures === undefined ? null : model.published.townNumbers();
  /** The town's number in the figures; -1: read its row. */
  const slot = (townId: string): number =>
    numbers === null || isImportedTownYear(model.local, townId, year)
      ? -1
      : (numbers.get(townId) ?? -2);
  return {
    value: (townId) => {
      const n = slot(townId);
      if (n === -1) return valueFor(model, indicator, townId, year)?.value ?? NaN;
      return figures?.values[n] ?? NaN;
    },
    qualifier: (townId) => {
      const n = slot(townId);
      if (n === -1) return valueFor(model, indicator, townId, year)?.qualifier ?? '=';
      return QUALIFIERS[figures?.qualifiers[n] ?? 0] ?? '=';
    },
    exact: (townId) => {
      const n = slot(townId);
      if (n === -1) {
        const row = valueFor(model, indicator, townId, year);
        return row !== null && isExact(row);
      }
      return figures?.exact[n] === 1;
    },
  };
}

export function hasReport(town: Town, year: number | null): boolean {
  return year !== null && town.years.includes(year);
}

export function missingOf(town: Town, year: number | null): Missing {
  return hasReport(town, year) ? 'notMentioned' : 'noReport';
}

/** The towns without a figure, by why. */
export interface MissingTowns {
  readonly noReport: readonly Town[];
  readonly notMentioned: readonly Town[];
}

function splitMissing(towns: readonly Town[], year: number | null): MissingTowns {
  const noReport: Town[] = [];
  const notMentioned: Town[] = [];
  for (const town of towns) {
    (missingOf(town, year) === 'noReport' ? noReport : notMentioned).push(town);
  }
  return { noReport, notMentioned };
}

/**
 * Ranks and percentiles only among at least this many towns stating the
 * figure: 第1名/1 or P100 against P0 between two towns says nothing.
 */
export const MIN_RANKED = 3;

export interface RankedRow {
  readonly town: Town;
  readonly row: ValueRow;
  readonly value: number;
  /** 1 = highest value. Equal values share a rank. null below MIN_RANKED towns. */
  readonly rank: number | null;
  /** 100 = highest among the towns that report it. null below MIN_RANKED towns. */
  readonly percentile: number | null;
}

export interface Ranking extends MissingTowns {
  readonly reported: readonly RankedRow[];
  /** Whether ranks and percentiles are given (at least MIN_RANKED towns state the figure). */
  readonly ranked: boolean;
}

/** Ranks of values sorted high to low: equal values share the rank of the first (1, 2, 2, 4). */
function competitionRanks(sortedDescending: readonly number[]): number[] {
  const ranks: number[] = [];
  sortedDescending.forEach((v, i) => {
    ranks.push(i > 0 && sortedDescending[i - 1] === v ? (ranks[i - 1] ?? i + 1) : i + 1);
  });
  return ranks;
}

/** 100 = highest among the n towns that report it, 0 = lowest. */
function percentileOf(rank: number, n: number): number {
  return n === 1 ? 100 : Math.round(((n - rank) / (n - 1)) * 100);
}

/** Ranks and percentiles of values sorted high to low; nulls below MIN_RANKED values. */
export function placesOf(
  sortedDescending: readonly number[],
): { rank: number | null; percentile: number | null }[] {
  const n = sortedDescending.length;
  if (n < MIN_RANKED) return sortedDescending.map(() => ({ rank: null, percentile: null }));
  return competitionRanks(sortedDescending).map((rank) => ({
    rank,
    percentile: percentileOf(rank, n),
  }));
}

export function rankTowns(
  model: DatasetModel,
  indicator: IndicatorId,
  year: number,
  towns: readonly Town[],
): Ranking {
  const found: { town: Town; row: ValueRow; value: number }[] = [];
  const missing: Town[] = [];
  for (const town of towns) {
    const row = valueFor(model, indicator, town.id, year);
    if (row === null || row.value === null) missing.push(town);
    else found.push({ town, row, value: row.value });
  }
  found.sort((a, b) => b.value - a.value || (a.town.id < b.town.id ? -1 : 1));
  const places = placesOf(found.map((f) => f.value));
  const reported = found.map((f, i) => ({ ...f, ...(places[i] ?? NO_PLACE) }));
  return { reported, ranked: found.length >= MIN_RANKED, ...splitMissing(missing, year) };
}

export const NO_PLACE = { rank: null, percentile: null } as const;

export interface TrendSeries {
  readonly town: Town;
  /** One entry per year of `years`; null where the town did not report. */
  readonly points: readonly (ValueRow | null)[];
}

export interface Trend {
  readonly years: readonly number[];
  readonly series: readonly TrendSeries[];
}

/** Every year from the first to the last in the data, so gaps show as gaps. */
export function yearRange(model: DatasetModel): number[] {
  const first = model.years[0];
  const last = model.years[model.years.length - 1];
  if (first === undefined || last === undefined) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function trendFor(
  model: DatasetModel,
  indicator: IndicatorId,
  towns: readonly Town[],
): Trend {
  const years = yearRange(model);
  const series = towns
    .map((town) => ({
      town,
      points: years.map((year) => valueFor(model, indicator, town.id, year)),
    }))
    .filter((s) => s.points.some((p) => p !== null));
  return { years, series };
}

export interface Aggregate {
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly method: 'sum' | 'median';
}

/** A sum (counts) or a median (rates and the like) of the towns' values; `loose`: any of them is not exact. */
function aggregate(
  indicator: IndicatorId,
  values: readonly number[],
  loose: boolean,
): Aggregate | null {
  if (values.length === 0) return null;
  // Any 190余 in a sum makes the sum a lower bound too.
  if (INDICATORS[indicator].kind === 'count') {
    const sum = values.reduce((a, b) => a + b, 0);
    return { value: sum, qualifier: loose ? '>=' : '=', method: 'sum' };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { value: Math.round(median * 100) / 100, qualifier: loose ? '~' : '=', method: 'median' };
}

export interface CategoryCard {
  readonly category: CategoryId;
  readonly indicator: IndicatorId;
  readonly headline: Aggregate | null;
  /** Towns stating the headline figure. */
  readonly reporting: number;
  /** Towns with a report for the year (stating it or not). */
  readonly withReport: number;
  readonly total: number;
  /** Percent change against the previous year over towns that state it exactly both years; null if none. */
  readonly change: number | null;
  /** Towns stating the figure exactly both years: what `change` compares. */
  readonly compared: number;
}

export function overviewCards(
  model: DatasetModel,
  year: number,
  towns: readonly Town[],
): CategoryCard[] {
  return CATEGORY_IDS.map((category) => {
    const indicator = headlineOf(category);
    const now = figureReader(model, indicator, year);
    const earlier = figureReader(model, indicator, year - 1);
    const current: number[] = [];
    let loose = false;
    // Towns that state it exactly both years (change.ts: a sum with 190余 or
    // a count up to October in it has no exact rise): this year's values and last year's.
    const pairedNow: number[] = [];
    const pairedBefore: number[] = [];
    for (const t of towns) {
      const v = now.value(t.id);
      if (Number.isNaN(v)) continue;
      current.push(v);
      loose ||= now.qualifier(t.id) !== '=';
      const b = earlier.value(t.id);
      if (Number.isNaN(b) || !now.exact(t.id) || !earlier.exact(t.id)) continue;
      pairedNow.push(v);
      pairedBefore.push(b);
    }
    let change: number | null = null;
    if (pairedNow.length > 0) {
      const now = aggregate(indicator, pairedNow, false);
      const before = aggregate(indicator, pairedBefore, false);
      if (now !== null && before !== null) change = percentChange(before.value, now.value);
    }
    return {
      category,
      indicator,
      headline: aggregate(indicator, current, loose),
      reporting: current.length,
      withReport: towns.filter((t) => hasReport(t, year)).length,
      total: towns.length,
      change,
      compared: pairedNow.length,
    };
  });
}

/** Indicators of a category that some town reports, in catalog order. */
export function indicatorsWithDataIn(
  model: Pick<DatasetModel, 'indicatorsWithData'>,
  category: CategoryId,
): IndicatorId[] {
  return (Object.keys(INDICATORS) as IndicatorId[]).filter(
    (id) => INDICATORS[id].category === category && model.indicatorsWithData.has(id),
  );
}

/** The towns a trend draws by default: the top ones by their latest value. */
export const TREND_TOP = 10;
/** Towns whose lines can all be drawn on request, at most (a nation's 38,000 lines froze the page). */
export const TREND_ALL_MAX = 300;

/**
 * Whether a trend of the towns reporting its indicator draws only the top
 * TREND_TOP (more lines are unreadable) or, asked for, all of them, which it
 * offers for a few hundred at most.
 */
export function trendScope(
  reporting: number,
  all: boolean,
): { readonly limited: boolean; readonly canShowAll: boolean } {
  const canShowAll = reporting <= TREND_ALL_MAX;
  return { limited: reporting > TREND_TOP && !(all && canShowAll), canShowAll };
}

/**
 * The `n` towns with the highest value of their latest report of the
 * indicator — what a trend chart can show legibly when many towns are
 * selected. Figures are enough (see figureReader): rows are not needed.
 */
export function topTowns(
  model: DatasetModel,
  indicator: IndicatorId,
  towns: readonly Town[],
  n: number,
): Town[] {
  // The latest year first.
  const readers = [...model.years].reverse().map((y) => figureReader(model, indicator, y));
  const latest = (town: Town): number | null => {
    for (const read of readers) {
      const value = read.value(town.id);
      if (!Number.isNaN(value)) return value;
    }
    return null;
  };
  return towns
    .map((town) => ({ town, value: latest(town) }))
    .filter((x): x is { town: Town; value: number } => x.value !== null)
    .sort((a, b) => b.value - a.value)
    .slice(0, n)
    .map((x) => x.town);
}
