/**
 * Exports for analysis: one row per town × year × indicator, the value a plain
 * number Excel can sum, why a figure is missing in its own column, and the
 * report and sentence every figure comes from. Every view's CSV is this table
 * (its records are made in src/components/export-records.ts).
 *
 * May import: nothing outside src/export.
 */
import { buildCsv } from './csv';

/** The columns: the id is the English header, `zh` the Chinese one. */
export const ANALYSIS_COLUMNS = [
  { id: 'town', zh: '乡镇' },
  { id: 'county', zh: '县区' },
  { id: 'year', zh: '年度' },
  { id: 'indicator', zh: '指标代码' },
  { id: 'indicator_zh', zh: '指标' },
  { id: 'value', zh: '数值' },
  { id: 'unit', zh: '单位' },
  { id: 'qualifier', zh: '限定' },
  { id: 'status', zh: '状态' },
  { id: 'rank', zh: '名次' },
  { id: 'percentile', zh: '百分位' },
  { id: 'change_percent', zh: '较上年变化（%）' },
  { id: 'corrected', zh: '更正' },
  { id: 'derived', zh: '计算得出' },
  { id: 'alternatives', zh: '报告中其他数值' },
  { id: 'imported', zh: '本地导入未发布' },
  { id: 'report_id', zh: '报告编号' },
  { id: 'quote', zh: '原文句子' },
] as const;

export type AnalysisColumn = (typeof ANALYSIS_COLUMNS)[number]['id'];

/** One row of the table, every cell as text (a number as Excel reads one). */
export type AnalysisRecord = Readonly<Record<AnalysisColumn, string>>;

/** The table as CSV, under English column ids or Chinese headers. */
export function analysisCsv(records: readonly AnalysisRecord[], headers: 'en' | 'zh'): string {
  const head = ANALYSIS_COLUMNS.map((c) => (headers === 'en' ? c.id : c.zh));
  return buildCsv([head, ...records.map((r) => ANALYSIS_COLUMNS.map((c) => r[c.id]))]);
}
