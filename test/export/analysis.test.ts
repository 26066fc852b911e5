import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { exportRecord } from '../../src/components/export-records';
import { quoteKey, type ExportItem, type Town } from '../../src/dataset/model';
import { ANALYSIS_COLUMNS, analysisCsv } from '../../src/export/analysis';
import { value } from '../dataset/fixtures';

const town = (name: string): Town => ({
  id: `某县/${name}`,
  name,
  county: '某县',
  city: '',
  province: '',
  years: [2024],
});

const stated = value('甲镇', 2024, 'mediation.cases', 190, {
  qualifier: '>=',
  alternativeValues: [150],
  derived: true,
});
const items: ExportItem[] = [
  {
    town: town('甲镇'),
    year: 2024,
    indicator: 'mediation.cases',
    row: stated,
    status: 'reported',
    rank: 1,
    percentile: 100,
  },
  {
    town: town('乙镇'),
    year: 2024,
    indicator: 'mediation.cases',
    row: null,
    status: 'notMentioned',
  },
  { town: town('丙镇'), year: 2024, indicator: 'mediation.cases', row: null, status: 'noReport' },
];
const quotes = new Map([[quoteKey(stated.reportId, 'mediation.cases'), '=全年调解纠纷190余件']]);

function table(headers: 'en' | 'zh'): Record<string, string>[] {
  const csv = analysisCsv(
    items.map((i) => exportRecord(i, quotes, headers)),
    headers,
  );
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true })
    .data;
}

describe('the analysis export', () => {
  it('has one column per field, a plain number as value, and the two kinds of missing', () => {
    const rows = table('en');
    expect(Object.keys(rows[0] ?? {})).toEqual(ANALYSIS_COLUMNS.map((c) => c.id));
    expect(rows[0]).toMatchObject({
      town: '甲镇',
      year: '2024',
      indicator: 'mediation.cases',
      indicator_zh: '调解矛盾纠纷数',
      value: '190',
      unit: '件',
      qualifier: 'at_least',
      status: 'reported',
      rank: '1',
      percentile: '100',
      derived: '1',
      alternatives: '150',
      imported: '0',
      report_id: stated.reportId,
    });
    expect(Number(rows[0]?.['value'])).toBe(190);
    expect(rows.map((r) => r['status'])).toEqual(['reported', 'not_mentioned', 'no_report']);
    expect(rows[1]).toMatchObject({ value: '', rank: '', report_id: '', quote: '' });
  });

  it('keeps the sentence, a formula-looking one neutralised', () => {
    expect(table('en')[0]?.['quote']).toBe("'=全年调解纠纷190余件");
  });

  it('writes Chinese headers and words on request', () => {
    const rows = table('zh');
    expect(Object.keys(rows[0] ?? {})).toEqual(ANALYSIS_COLUMNS.map((c) => c.zh));
    expect(rows.map((r) => r['状态'])).toEqual(['已报告', '报告未提及', '无本年度报告']);
    expect(rows[0]?.['限定']).toBe('不少于');
  });
});
