import type { ValueRow } from '../dataset/model';
import { formatValue, type Lang } from '../i18n';

/**
 * A mark after a value that is not simply as published: imported here and not
 * published yet, corrected, derived, or one of several.
 */
export function valueFlag(row: ValueRow): string {
  // An import not yet published says so (⌂), then what its value is, as a published one would.
  const kind =
    row.correction !== '' ? '✎' : row.derived ? '∑' : row.alternativeValues.length > 0 ? '⋯' : '';
  const mark = `${row.local === true ? '⌂' : ''}${kind}`;
  return mark === '' ? '' : ` ${mark}`;
}

export function rowText(lang: Lang, row: ValueRow): string {
  return row.value === null ? '' : formatValue(lang, row.value, row.qualifier, row.unit);
}
