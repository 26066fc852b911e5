/**
 * The indicator catalog as typed data: ids, zh/en names, units and the
 * phrasing rules the extractor runs. Everything else reads the catalog from
 * here.
 *
 * May import: nothing outside src/catalog.
 */
export {
  CATALOG_VERSION,
  CATEGORIES,
  DERIVATIONS,
  FILLER_WORDS,
  INDICATORS,
  INDICATOR_IDS,
} from './catalog';
export { FULL_STOP, SENTENCE_LIMIT, SENTENCE_MARKS, SHOWN_SENTENCE_MARKS } from './sentences';
export {
  FULL_WORDS,
  PART_YEAR_WORDS,
  PERIOD_UP_TO_WORDS,
  QUOTA_WORDS,
  TOTAL_WORDS,
  ZERO_WORDS,
} from './words';
export type { IndicatorId } from './catalog';
export type {
  CategoryId,
  CategorySpec,
  Derivation,
  Example,
  GuardedWord,
  IndicatorKind,
  IndicatorSpec,
  NamedRule,
  Qualifier,
  Rule,
  RuleSpec,
  Wording,
} from './types';
export { QUALIFIERS } from './types';
export { WARNING_SIGNS, type WarningSign, type WarningTest } from './warnings';
export {
  RESOLUTION_RULES,
  RESOLUTION_RULE_IDS,
  isResolutionRule,
  type ResolutionRule,
} from './resolution';

import { CATEGORIES, INDICATORS, type IndicatorId } from './catalog';
import { WARNING_SIGNS } from './warnings';
import type { CategoryId, IndicatorKind } from './types';

export const CATEGORY_IDS = Object.keys(CATEGORIES) as CategoryId[];

/** The indicator whose figure heads a category (its card, its line in the brief). */
export function headlineOf(category: CategoryId): IndicatorId {
  return CATEGORIES[category].headline as IndicatorId;
}

export function isIndicatorId(id: string): id is IndicatorId {
  return Object.prototype.hasOwnProperty.call(INDICATORS, id);
}

/** The catalog as plain JSON (ids, names, units, rules), for other tools. */
export function catalogAsJson(): unknown {
  return {
    categories: CATEGORIES,
    indicators: Object.entries(INDICATORS).map(([id, spec]) => ({ id, ...spec })),
    warnings: WARNING_SIGNS,
  };
}

/**
 * The values an indicator of each kind can hold: a rate is a share of a
 * whole (0–100 %), a change cannot fall by more than everything (−100 %), a
 * count is not negative. A value outside is a misreading, not a figure.
 */
export const KIND_RANGE: Readonly<Record<IndicatorKind, { min: number; max: number }>> = {
  count: { min: 0, max: Number.POSITIVE_INFINITY },
  percent: { min: 0, max: 100 },
  change: { min: -100, max: Number.POSITIVE_INFINITY },
};

/** Why `value` cannot be a figure of `indicator` (English), or null when it can. */
export function valueRangeProblem(indicator: IndicatorId, value: number): string | null {
  const spec = INDICATORS[indicator];
  const { min, max } = KIND_RANGE[spec.kind];
  if (!Number.isFinite(value)) return `${value} is not a number`;
  if (value < min) return `${value} is below ${min}${spec.unit}, which ${indicator} cannot be`;
  if (value > max) return `${value} is above ${max}${spec.unit}, which ${indicator} cannot be`;
  return null;
}
