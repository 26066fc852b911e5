import type { ValueRow } from '../dataset/model';
import { formatValue, type Lang } from '../i18n';

/**
 * A mark after a value that is not simply as published: imported here and not
 * published yet, corrected, derived, or one of several.
 */
export function valueFlag(row: ValueRow): string {
  if (row.local === true) return ' ⌂';
  if (row.correction !== '') return ' ✎';
  if (row.derived) return ' ∑';
  if (row.alternativeValues.length > 0) return ' ⋯';
  return '';
}

export function rowText(lang: Lang, row: ValueRow): string {
  return row.value === null ? '' : formatValue(lang, row.value, row.qualifier, row.unit);
}
