/**
 * A change from the year before, the one rule every view computes it by (the
 * brief, the town profile, the overview's cards): only between two figures
 * each exactly the town's for its year (190余 has no exact rise; a count up
 * to October is not a year's), as a percentage of the earlier, which is not 0.
 *
 * May import: src/dataset/model.ts (types).
 */
import type { ValueRow } from './model';

/**
 * Whether a figure is exactly the town's for the year: written without 余 or
 * 约, no other value stated for it, not counted only up to a date (截至10月底).
 */
export function isExact(
  row: Pick<ValueRow, 'qualifier' | 'alternativeValues' | 'period'>,
): boolean {
  return row.qualifier === '=' && row.alternativeValues.length === 0 && row.period === '';
}

/** `now` against `before` in percent, to one decimal; null from 0 (a rise from nothing has none). */
export function percentChange(before: number, now: number): number | null {
  return before === 0 ? null : Math.round(((now - before) / Math.abs(before)) * 1000) / 10;
}
