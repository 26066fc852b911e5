/**
 * Report notes: one wording per code in each language, read back from
 * reports.csv's `notes` cell, and the warning for few figures against many
 * numbers left, on synthetic pipeline runs.
 */
import { describe, expect, it } from 'vitest';
import { FEW_FIGURES, hasFewFigures } from '../../src/extract/finalize';
import { finalizeDatasets } from '../../src/extract/datasets';
import { processText } from '../../src/extract/pipeline';
import {
  note,
  noteText,
  notesText,
  serializeNotes,
  tryParseNotes,
  type ReportNote,
} from '../../src/extract/report-notes';

const EXAMPLES: readonly ReportNote[] = [
  note('no_town'),
  { ...note('no_published'), fields: ['published'] },
  {
    ...note('registry_ambiguous', { name: '城关镇', count: '88', fit: '0' }),
    fields: ['county', 'city', 'province'],
  },
  note('few_figures', { found: '1', unused: '43' }),
  note('unreadable', { detail: 'the file is empty' }),
];

describe('report notes', () => {
  it('word each note in Chinese and in English', () => {
    expect(notesText('zh', EXAMPLES)).toBe(
      [
        '标题、开头和落款中均未找到镇、乡或街道名称',
        '签发日期：末尾几行中未找到',
        '县区、市、省：行政区划名录中有 88 个地方名为城关镇，文中未说明是哪一个，请在 data/reports/reports.csv 中填写',
        '只找到 1 个指标数值，另有 43 个数字未使用，请核对',
        '无法读取：the file is empty',
      ].join('；'),
    );
    expect(noteText('en', EXAMPLES[2] as ReportNote)).toBe(
      'county, city, province: 城关镇 is the name of 88 places in the registry and the text does not say which: give it in the manifest',
    );
    expect(noteText('en', EXAMPLES[3] as ReportNote)).toBe(
      'only 1 figure found and 43 numbers left unused: check the report',
    );
  });

  it('come back from the notes cell as they were written', () => {
    const cell = serializeNotes(EXAMPLES);
    expect(tryParseNotes(cell)).toEqual(EXAMPLES);
    expect(serializeNotes([])).toBe('');
  });

  it.each([
    ['an empty cell', ''],
    ['no JSON', 'published: no signing date'],
    ['no list', '{"code":"no_town"}'],
    ['an unknown code', '[{"code":"from_the_future"}]'],
    ['an unknown field', '[{"code":"no_town","fields":["mayor"]}]'],
    ['a parameter missing', '[{"code":"few_figures","params":{"found":"1"}}]'],
    ['a parameter not text', '[{"code":"few_figures","params":{"found":1,"unused":"43"}}]'],
  ])('are not read from %s: the message is shown as written', (_, cell) => {
    expect(tryParseNotes(cell)).toBeNull();
  });
});

/** A report with `found` figures (调解 counts) and `left` list numbers no rule takes. */
function reportWith(found: number, left: number): string {
  const figures = Array.from(
    { length: found },
    (_, i) => `第${i + 1}季度调解矛盾纠纷${10 + i}件。`,
  );
  const numbers = Array.from({ length: left }, (_, i) => `${i + 1}、加强制度建设。`);
  return ['红格镇2023年法治政府建设情况报告', ...figures, ...numbers].join('\n');
}

function finalized(text: string) {
  const outcome = processText('r1', 'r1.txt', text, 'txt', 'utf-8');
  const row = finalizeDatasets({
    outcomes: [outcome],
    quote: (_, start, end) => text.slice(start, end),
  }).reports[0];
  return { outcome, row };
}

describe('few figures against many numbers left', () => {
  it('makes a report a warning that says how many of each', () => {
    const { outcome, row } = finalized(reportWith(1, 30));
    expect(outcome.mentions).toHaveLength(1);
    expect(outcome.unused.length).toBeGreaterThanOrEqual(30);
    expect(row?.status).toBe('warning');
    expect(notesText('zh', row?.notes ?? [])).toContain(
      `只找到 1 个指标数值，另有 ${outcome.unused.length} 个数字未使用，请核对`,
    );
  });

  it('leaves a report with figures in proportion alone', () => {
    const { outcome, row } = finalized(reportWith(4, 25));
    expect(outcome.mentions.length).toBeGreaterThan(2);
    expect(row?.notes.map((n) => n.code)).not.toContain('few_figures');
  });

  it('is one rule: at least the minimum left, and that many per figure found', () => {
    const { minUnused, unusedPerFigure } = FEW_FIGURES;
    expect(hasFewFigures(1, minUnused)).toBe(true);
    expect(hasFewFigures(1, minUnused - 1)).toBe(false);
    expect(hasFewFigures(3, unusedPerFigure * 3)).toBe(true);
    expect(hasFewFigures(3, unusedPerFigure * 3 - 1)).toBe(false);
    // None found is its own warning (no indicator found), not this one.
    expect(hasFewFigures(0, 100)).toBe(false);
  });
});
