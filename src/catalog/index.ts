/**
 * The indicator catalog as typed data: ids, zh/en names, units and the
 * phrasing rules the extractor runs. Everything else reads the catalog from
 * here.
 *
 * May import: nothing outside src/catalog.
 */
export { CATALOG_VERSION, CATEGORIES, FILLER_WORDS, INDICATORS, INDICATOR_IDS } from './catalog';
export type { IndicatorId } from './catalog';
export type {
  CategoryId,
  CategorySpec,
  Example,
  IndicatorKind,
  IndicatorSpec,
  Qualifier,
  Rule,
  RuleSpec,
} from './types';

import { CATEGORIES, INDICATORS, type IndicatorId } from './catalog';
import type { CategoryId } from './types';

export const CATEGORY_IDS = Object.keys(CATEGORIES) as CategoryId[];

export function isIndicatorId(id: string): id is IndicatorId {
  return Object.prototype.hasOwnProperty.call(INDICATORS, id);
}

/** The catalog as plain JSON (ids, names, units, rules), for other tools. */
export function catalogAsJson(): unknown {
  return {
    categories: CATEGORIES,
    indicators: Object.entries(INDICATORS).map(([id, spec]) => ({ id, ...spec })),
  };
}
