/**
 * How the source panel explains a value the report states among others.
 * Apart from the panel so that it is tested as a plain function.
 */
import { RESOLUTION_RULE_IDS } from '../../catalog';
import type { ValueRow } from '../../dataset/model';
import { formatValue, resolutionRuleText, t, type Lang } from '../../i18n';

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
