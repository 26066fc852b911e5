/**
 * Each view's table as the export's items (see ExportItem and src/export/analysis.ts):
 * one per town, indicator and year, with why a figure is missing.
 */
import type { ExportItem, Missing, Town, ValueRow } from './model';
import { missingOf, type Ranking } from './select';
import { cellKey, matrixMissing, type CompareMatrix as Matrix } from './compare';

/** A town's figure for one indicator and year, or why there is none (trends, profile). */
export function yearItem(
  town: Town,
  year: number,
  indicator: ExportItem['indicator'],
  row: ValueRow | null,
): ExportItem {
  return { town, year, indicator, row, status: row === null ? missingOf(town, year) : 'reported' };
}

/** The ranking as the analysis table: reported towns in rank order, then the two kinds of missing. */
export function rankingItems(
  ranking: Ranking,
  indicator: ExportItem['indicator'],
  year: number,
): ExportItem[] {
  const missing = (kind: Missing) => (town: Town) => ({
    town,
    year,
    indicator,
    row: null,
    status: kind,
  });
  return [
    ...ranking.reported.map((r) => ({
      town: r.town,
      year,
      indicator,
      row: r.row,
      status: 'reported' as const,
      rank: r.rank,
      percentile: r.percentile,
    })),
    ...ranking.notMentioned.map(missing('notMentioned')),
    ...ranking.noReport.map(missing('noReport')),
  ];
}

/** The matrix as the analysis table: a row per town and indicator, in the order shown. */
export function matrixItems(
  matrix: Matrix,
  order: readonly Matrix['towns'][number][],
): ExportItem[] {
  return order.flatMap((town) => {
    const year = matrix.yearOf.get(town.id) ?? null;
    return matrix.indicators.map((indicator) => {
      const cell = matrix.cells.get(cellKey(town.id, indicator));
      return cell === undefined
        ? { town, year, indicator, row: null, status: matrixMissing(matrix, town) }
        : {
            town,
            year,
            indicator,
            row: cell.row,
            status: 'reported' as const,
            rank: cell.rank,
            percentile: cell.percentile,
          };
    });
  });
}
