import { RESOLUTION_RULE_IDS } from '../catalog';
import type { ValueRow } from '../dataset/model';
import { formatValue, resolutionRuleText, t, type Lang } from '../i18n';

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

/**
 * The other figures the report states for a value, and the rule that chose
 * the shown one over them ('' when there are none): grouped by rule, in the
 * rules' order. A corrected value names no rule (its correction explains it);
 * a row from a file without the rules gets the general wording.
 */
export function alternativesText(lang: Lang, row: ValueRow): string {
  if (row.alternativeValues.length === 0) return '';
  const list = (values: readonly number[]): string =>
    values.map((v) => formatValue(lang, v, '=', row.unit)).join(lang === 'zh' ? '、' : ', ');
  if (row.correction !== '') {
    return t(lang, 'alternativesCorrected', { values: list(row.alternativeValues) });
  }
  if (row.chosenBy.length !== row.alternativeValues.length) {
    return t(lang, 'alternativesExplain', { values: list(row.alternativeValues) });
  }
  const groups = RESOLUTION_RULE_IDS.flatMap((rule) => {
    const values = row.alternativeValues.filter((_, i) => row.chosenBy[i] === rule);
    return values.length === 0
      ? []
      : [
          t(lang, 'alternativesRule', {
            values: list(values),
            rule: resolutionRuleText(lang, rule),
          }),
        ];
  });
  return t(lang, 'alternativesChosen', { groups: groups.join(lang === 'zh' ? '；' : '; ') });
}
