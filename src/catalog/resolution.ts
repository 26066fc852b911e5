/**
 * How one value is chosen when the reports of a town and year state several
 * figures for one indicator: the rules in the order they apply, each with the
 * code indicators.csv writes in its `chosen_by` column (one per alternative
 * value) and its wording. src/extract/resolve.ts applies them in this order.
 *
 * May import: nothing outside src/catalog.
 */
import type { Wording } from './types';

export const RESOLUTION_RULES = {
  'full-year': {
    zh: '全年数值优先于“截至”某日的数值',
    en: 'a whole-year figure beats one counted only up to a date, written 截至…',
  },
  total: {
    zh: '标明“全年”“共”“累计”等合计字样的数值优先于未标明的数值',
    en: 'a figure marked as a total, written 全年, 共, 累计 …, beats one that is not',
  },
  larger: {
    zh: '计数取较大的数值，因为合计包含分项',
    en: 'for counts the larger figure wins, as a total contains its parts',
  },
  'earlier-report': {
    zh: '同一乡镇同一年度有几份报告时，取报告编号在前的一份',
    en: 'of several reports of the town and year, the one with the earlier report id wins',
  },
  'first-stated': {
    zh: '比率和同比变化取报告中最先写明的数值',
    en: 'for rates and changes the figure stated first wins',
  },
} as const satisfies Record<string, Wording>;

export type ResolutionRule = keyof typeof RESOLUTION_RULES;

/** The rules in the order they apply. */
export const RESOLUTION_RULE_IDS = Object.keys(RESOLUTION_RULES) as ResolutionRule[];

export function isResolutionRule(code: string): code is ResolutionRule {
  return Object.prototype.hasOwnProperty.call(RESOLUTION_RULES, code);
}
