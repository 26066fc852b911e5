/**
 * A view's export items as the analysis table's records: the value a plain
 * number, the qualifier and status as words (a cell starting with = or >=
 * would be a formula to Excel), the marks ✎ ∑ ⋯ ⌂ as columns.
 */
import { INDICATORS, type Qualifier } from '../catalog';
import { quoteKey, type ExportItem, type Status } from '../dataset/model';
import type { AnalysisRecord } from '../export/analysis';
import { t } from '../i18n';

const QUALIFIER_WORDS: Readonly<Record<Qualifier, { en: string; zh: string }>> = {
  '=': { en: 'exact', zh: '确数' },
  '>=': { en: 'at_least', zh: '不少于' },
  '~': { en: 'about', zh: '约' },
  '<=': { en: 'at_most', zh: '不超过' },
};

/** Under English headers stable codes; under Chinese ones the UI's words. */
const STATUS_CODES: Readonly<Record<Status, string>> = {
  reported: 'reported',
  notMentioned: 'not_mentioned',
  noReport: 'no_report',
};
const STATUS_KEYS = {
  reported: 'statusReported',
  notMentioned: 'notMentioned',
  noReport: 'noReport',
} as const;

export function exportRecord(
  item: ExportItem,
  quotes: ReadonlyMap<string, string>,
  headers: 'en' | 'zh',
): AnalysisRecord {
  const { row, town, indicator } = item;
  const def = INDICATORS[indicator];
  const flag = (on: boolean): string => (row === null ? '' : on ? '1' : '0');
  const stated = row !== null && row.value !== null;
  return {
    town: town.name,
    county: town.county,
    year: item.year === null ? '' : String(item.year),
    indicator,
    indicator_zh: def.zh,
    value: stated ? String(row.value) : '',
    unit: def.unit,
    qualifier: stated ? QUALIFIER_WORDS[row.qualifier][headers] : '',
    status: headers === 'en' ? STATUS_CODES[item.status] : t('zh', STATUS_KEYS[item.status]),
    rank: item.rank == null ? '' : String(item.rank),
    percentile: item.percentile == null ? '' : String(item.percentile),
    change_percent: item.change == null ? '' : String(item.change),
    corrected: row?.correction ?? '',
    derived: flag(row?.derived === true),
    alternatives: row === null ? '' : row.alternativeValues.join('; '),
    imported: flag(row?.local === true),
    report_id: row?.reportId ?? '',
    quote: row === null ? '' : (quotes.get(quoteKey(row.reportId, indicator)) ?? ''),
  };
}
