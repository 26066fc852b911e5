/**
 * An indicator-year read as figures: a value and a qualifier per town, what
 * the overview's cards and a trend's choice of towns add up (see
 * docs/architecture.md, "Figures, not rows").
 */
import type { IndicatorId } from '../catalog';
import { isLoaded, type DatasetModel } from './model';

/**
 * One indicator's figures of a year, by index.json town number: what the
 * overview's cards add up (a sum or a median, and whether any figure is
 * loose), without an object per town. A nation's nine headline figures for
 * two years were 430,000 rows and half the page's heap; as figures they are
 * 5 MB. Views that show rows (a ranking, a source) load the rows.
 */
export interface YearFigures {
  /** Town n's value; NaN when the file has none for it (or a correction deleted it). */
  readonly values: Float64Array;
  /** Town n's qualifier, as its index in QUALIFIERS. */
  readonly qualifiers: Uint8Array;
  /** 1 where town n's value is exactly its figure for the year (change.ts, isExact), what a change compares. */
  readonly exact: Uint8Array;
}

/** The model with one more indicator-year of figures (see YearFigures). */
export function withFigures(
  model: DatasetModel,
  indicator: IndicatorId,
  year: number,
  figures: YearFigures,
): DatasetModel {
  const byYear = new Map(model.figures.get(indicator));
  byYear.set(year, figures);
  return { ...model, figures: new Map(model.figures).set(indicator, byYear) };
}

/** Whether the cards can add up this indicator for this year: its rows or its figures are loaded (or nothing to load). */
export function hasFigures(model: DatasetModel, indicator: IndicatorId, year: number): boolean {
  return isLoaded(model, indicator, year) || model.figures.get(indicator)?.has(year) === true;
}
