import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/extract-report';
import { resolveValues, type ResolvedValue } from '../../src/extract/resolve';

function resolve(...texts: string[]): ResolvedValue[] {
  return resolveValues(
    texts.map((text, i) => {
      const report = extractReport(`r${i}`, text);
      return {
        reportId: `r${i}`,
        metadata: { ...report.detected.metadata, town: '某镇', year: 2024 },
        mentions: report.mentions,
        quote: (start: number, end: number) => report.text.slice(start, end),
      };
    }),
  );
}

const valueOf = (rows: ResolvedValue[], indicator: string): ResolvedValue | undefined =>
  rows.find((r) => r.indicator === indicator);

describe('resolveValues', () => {
  it('derives a rate from its parts stated in one sentence, and says so', () => {
    const text = '全年共调解矛盾纠纷208件，成功调解207件。';
    const rate = valueOf(resolve(text), 'mediation.success_rate');
    expect(rate).toMatchObject({ value: 99.52, derived: true, qualifier: '=' });
    const part = text.indexOf('成功调解207件');
    const whole = text.indexOf('调解矛盾纠纷208件');
    expect(rate?.parts).toBe(
      `mediation.resolved@${part}-${part + 8};mediation.cases@${whole}-${whole + 10}`,
    );
    expect(rate?.quote).toBe(text.slice(whole, part + 8));
  });

  it('does not derive from parts in different sentences', () => {
    const rows = resolve('共排查出矛盾隐患94件，已化解89件。全年共调解矛盾纠纷608件。');
    expect(valueOf(rows, 'mediation.success_rate')).toBeUndefined();
  });

  it('prefers a stated rate to a derived one', () => {
    const rows = resolve('共调解矛盾纠纷208件，成功调解207件，调解成功率99.5%。');
    expect(valueOf(rows, 'mediation.success_rate')).toMatchObject({ value: 99.5, derived: false });
  });

  it('prefers a full-year figure to one bounded by 截至, then totals, then the larger count', () => {
    const rows = resolve(
      '截至10月底，共调解矛盾纠纷300件。调解矛盾纠纷120件。全年共调解矛盾纠纷200件。',
    );
    expect(valueOf(rows, 'mediation.cases')).toMatchObject({
      value: 200,
      mentions: 3,
      alternativeValues: [120, 300],
    });
  });

  it('takes the first stated rate', () => {
    const rows = resolve('调解成功率98%。另一口径调解成功率99%。');
    expect(valueOf(rows, 'mediation.success_rate')).toMatchObject({
      value: 98,
      alternativeValues: [99],
    });
  });

  it('merges two reports of the same town and year into one row', () => {
    const rows = resolve('共调解矛盾纠纷20件。', '共调解矛盾纠纷25件。');
    expect(rows.filter((r) => r.indicator === 'mediation.cases')).toHaveLength(1);
    expect(valueOf(rows, 'mediation.cases')).toMatchObject({ value: 25, reportId: 'r1' });
  });
});
