/**
 * UI strings in Chinese (default, zh.ts) and English (en.ts), and number formatting.
 * Indicator and category names come from the catalog.
 *
 * May import: src/catalog.
 */
import {
  CATEGORIES,
  INDICATORS,
  RESOLUTION_RULES,
  type CategoryId,
  type IndicatorId,
  type Qualifier,
  type ResolutionRule,
} from '../catalog';

import { en } from './en';
import { zh, type MessageKey } from './zh';

export type { MessageKey };

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** ECharts' built-in locale for a language (its own words: toolbox, data view). */
export const echartsLocale = (lang: Lang): 'ZH' | 'EN' => (lang === 'zh' ? 'ZH' : 'EN');

const MESSAGES: Readonly<Record<Lang, Record<MessageKey, string>>> = { zh, en };

export function t(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return fill(MESSAGES[lang][key], params);
}

/**
 * A problem's message in `lang`: its UI string when it has one (an Issue's
 * `wording`, see extract/result.ts), else its English message as written.
 */
export function issueMessage(
  lang: Lang,
  issue: {
    readonly message: string;
    readonly wording?: {
      readonly key: string;
      readonly params?: Readonly<Record<string, string | number>>;
    };
  },
): string {
  const key = issue.wording?.key;
  if (key === undefined || !Object.prototype.hasOwnProperty.call(MESSAGES[lang], key)) {
    return issue.message;
  }
  return t(lang, key as MessageKey, { ...issue.wording?.params });
}

/** A message with its {placeholders} filled (also for the import view's strings, import.ts). */
export function fill(message: string, params: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function indicatorName(lang: Lang, id: IndicatorId): string {
  return lang === 'zh' ? INDICATORS[id].zh : INDICATORS[id].en;
}

export function categoryName(lang: Lang, id: CategoryId): string {
  return lang === 'zh' ? CATEGORIES[id].zh : CATEGORIES[id].en;
}

/** How a value was chosen among the report's figures (the catalog's wording). */
export function resolutionRuleText(lang: Lang, rule: ResolutionRule): string {
  return RESOLUTION_RULES[rule][lang];
}

const UNIT_EN: Readonly<Record<string, string>> = {
  件: 'cases',
  次: 'times',
  人: 'people',
  人次: 'person-times',
  场: 'events',
  份: 'copies',
  条: 'items',
  个: 'units',
  批: 'batches',
  项: 'items',
  '%': '%',
};

export function unitLabel(lang: Lang, unit: string): string {
  return lang === 'zh' ? unit : (UNIT_EN[unit] ?? unit);
}

const QUALIFIER_PREFIX: Readonly<Record<Qualifier, string>> = {
  '=': '',
  '>=': '≥',
  '~': '≈',
  '<=': '≤',
};

/**
 * 1234.5 → "1,234.5": zh-CN and en-US group and point alike. Written out
 * rather than with Intl.NumberFormat, whose locale data costs the first
 * chart tens of milliseconds on a slow PC.
 */
export function formatNumber(_lang: Lang, value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

let collator: Intl.Collator | null = null;

/** Orders Chinese place names the way readers expect (by pinyin); the collator is built on first use. */
export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator('zh-CN');
  return collator.compare(a, b);
}

/** 190 with 余 → "≥190"; percentages carry their sign. */
export function formatValue(lang: Lang, value: number, qualifier: Qualifier, unit: string): string {
  const number = `${QUALIFIER_PREFIX[qualifier]}${formatNumber(lang, value)}`;
  if (unit === '%') return `${number}%`;
  return lang === 'zh' ? `${number}${unit}` : `${number} ${unitLabel(lang, unit)}`;
}

export function formatChange(lang: Lang, percent: number): string {
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return `${sign}${formatNumber(lang, Math.abs(percent))}%`;
}
