import type { ReportInfo } from '../dataset/model';

/** Marks a place name the report does not write (filled from the registry of divisions; see inferredPlace). */
export const INFERRED = '※';

/**
 * Where a report's town lies, for the data quality table and the town
 * profile: county · city ·
 * province as far as they are known, a municipality (上海市 as city and
 * province) once, and each name the extractor filled from the registry
 * rather than read in the report marked with INFERRED.
 */
export function placeOf(r: Pick<ReportInfo, 'county' | 'city' | 'province' | 'inferred'>): string {
  const levels = (['county', 'city', 'province'] as const).filter(
    (field) => r[field] !== '' && !(field === 'province' && r.province === r.city),
  );
  return levels.map((field) => r[field] + (r.inferred.includes(field) ? INFERRED : '')).join(' · ');
}
