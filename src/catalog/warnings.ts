/**
 * Warning signs: figures a county leader should look at whatever else a
 * report says — mediation that fails too often, petitions that go unclosed or
 * rise. Each sign is an indicator and a test; the thresholds are set here and
 * nowhere else (the brief states them beside each sign it shows).
 *
 * A sign shows only where the figure as stated settles it: 92% is below 95%,
 * 不足90% is too, but 约94% and 90余% are not (see dataset/brief.ts).
 *
 * May import: nothing outside src/catalog.
 */
import type { IndicatorId } from './catalog';
import type { Wording } from './types';

export type WarningTest =
  /** The stated value is under the threshold. */
  | { readonly kind: 'below'; readonly threshold: number }
  /** The stated value is over the threshold. */
  | { readonly kind: 'above'; readonly threshold: number }
  /** The value is higher than the one the town's previous report stated. */
  | { readonly kind: 'rising' };

export interface WarningSign {
  /** Stable id (test ids, the catalog's JSON). */
  readonly id: string;
  readonly indicator: IndicatorId;
  readonly test: WarningTest;
  /** What the sign says, `{threshold}` filled from the test. */
  readonly label: Wording;
}

export const WARNING_SIGNS: readonly WarningSign[] = [
  {
    id: 'mediation-success-low',
    indicator: 'mediation.success_rate',
    // 95%: the rate most county assessments ask of village and town mediation.
    test: { kind: 'below', threshold: 95 },
    label: {
      zh: '调解成功率低于{threshold}%',
      en: 'Mediation success rate below {threshold}%',
    },
  },
  {
    id: 'petition-closure-low',
    indicator: 'petition.closure_rate',
    test: { kind: 'below', threshold: 95 },
    label: { zh: '信访办结率低于{threshold}%', en: 'Petitions closed below {threshold}%' },
  },
  {
    id: 'petition-visits-rising',
    indicator: 'petition.visits_yoy',
    test: { kind: 'above', threshold: 0 },
    label: {
      zh: '报告称来访同比上升',
      en: 'Petition visits up on the year before, as the report says',
    },
  },
  {
    id: 'petition-cases-rising',
    indicator: 'petition.cases',
    test: { kind: 'rising' },
    label: {
      zh: '信访件数多于上一份报告',
      en: 'More petitions than in the town’s previous report',
    },
  },
];
