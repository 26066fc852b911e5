/**
 * The dashboard reads a report's mentions and unused numbers off its
 * published text: the run's own, at the run's offsets, whatever the text.
 */
import { describe, expect, it } from 'vitest';
import { readFindings } from '../../src/dataset/read-findings';
import { extractReport } from '../helpers';
import { inTableOrder } from '../../src/extract/figures';
import { normalizeReportText } from '../../src/extract/text';

const spans = (rows: readonly { indicator?: string; start: number; end: number }[]) =>
  rows.map((r) => `${r.indicator ?? ''}@${r.start}-${r.end}`);

describe('the figures read off a published text', () => {
  it.each([
    ['a plain report', '2024年，全镇共调解矛盾纠纷120件，调解成功率98%，开展法治宣传活动15场次。'],
    [
      // Converter markup split by a zero-width space: one pass of normalising leaves
      // "[bookmark: x]" in the published text, a second would strip it and move every offset.
      'a report a second normalising would change',
      '关于法治政府建设情况的报告\n[book\u200Bmark: x]2024年，全镇共调解矛盾纠纷120件，调解成功率98%。\n其中[[image]bookmark: y]信访事项42件。',
    ],
  ])('are the run’s own, at its offsets: %s', (_, raw) => {
    const run = extractReport('r1', raw);
    const read = readFindings('r1', run.text);
    expect(read.mentions.length).toBeGreaterThan(0);
    expect(spans(read.mentions)).toEqual(spans(inTableOrder(run.mentions)));
    expect(spans(read.unused)).toEqual(spans(run.unused));
    for (const m of read.mentions) expect(m.reportId).toBe('r1');
  });

  it('does not normalise the text again (the case above is one where that moves offsets)', () => {
    const published = extractReport('r1', '[book\u200Bmark: x]调解矛盾纠纷120件').text;
    expect(normalizeReportText(published)).not.toBe(published);
    const [mention] = readFindings('r1', published).mentions;
    expect(published.slice(mention?.start, mention?.end)).toBe('调解矛盾纠纷120件');
  });
});
