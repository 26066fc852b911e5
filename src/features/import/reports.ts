/** How an imported report and its values are named and counted in the review. */
import type { ImportedReport, ReviewValue } from '../../importer/workspace';

export const isDone = (v: ReviewValue): boolean => v.decision !== 'pending';

/** The town and year as detected or corrected, or the report's id while it has none. */
export function reportName(r: ImportedReport): string {
  return [r.metadata.town || r.reportId, r.metadata.year ?? ''].filter((p) => p !== '').join(' ');
}
