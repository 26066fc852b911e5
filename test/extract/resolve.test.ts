import { describe, expect, it } from 'vitest';
import { extractReport } from '../helpers';
import type { Qualifier } from '../../src/catalog';
import type { Correction } from '../../src/extract/inputs';
import { resolveByGroups, resolveValues, type ResolvedValue } from '../../src/extract/resolve';
import type { ReportMetadata } from '../../src/extract/metadata';

function resolve(...texts: string[]): ResolvedValue[] {
  return resolveWith([], ...texts);
}

function resolveWith(corrections: readonly Correction[], ...texts: string[]): ResolvedValue[] {
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
    corrections,
  );
}

const valueOf = (rows: ResolvedValue[], indicator: string): ResolvedValue | undefined =>
  rows.find((r) => r.indicator === indicator);

describe('resolveValues', () => {
  it('points a correction at its own report when another report of the town and year was chosen', () => {
    const texts = ['全年共调解矛盾纠纷300件。', '今年以来，全年共调解矛盾纠纷200件。'];
    const correction = (reportId: string): Correction => ({
      reportId,
      indicator: 'mediation.cases',
      value: 210,
      qualifier: '=',
      start: null,
      end: null,
      note: '核实',
      line: 2,
    });
    // Uncorrected, the larger count (report r0) is chosen.
    expect(valueOf(resolve(...texts), 'mediation.cases')).toMatchObject({
      reportId: 'r0',
      value: 300,
    });
    const r1 = valueOf(resolveWith([correction('r1')], ...texts), 'mediation.cases');
    expect(r1).toMatchObject({
      reportId: 'r1',
      value: 210,
      correction: 'override',
      quote: '调解矛盾纠纷200件',
    });
    expect(texts[1]?.slice(r1?.start ?? 0, r1?.end ?? 0)).toBe('调解矛盾纠纷200件');
    // A report that does not state it: the corrected value has no span to show.
    const other = resolveWith(
      [{ ...correction('r1'), indicator: 'mediation.resolved' }],
      '全年共调解矛盾纠纷300件，成功调解290件。',
      '全年共调解矛盾纠纷200件。',
    );
    expect(valueOf(other, 'mediation.resolved')).toMatchObject({
      reportId: 'r1',
      value: 210,
      start: null,
      end: null,
      quote: '',
    });
  });

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

  it('derives no rate from a lower bound or an estimate: 50 of 56余起 is at most 89.29 %, not about it', () => {
    for (const text of [
      '全年共解决各项纠纷56余起，已化解50件。',
      '全年共调解矛盾纠纷208件，成功调解200余件。',
      '全年共调解矛盾纠纷约200件，成功调解198件。',
      '受理信访件120件以上，办结118件。',
    ]) {
      const rows = resolve(text);
      // The counts are kept, with their qualifiers; no rate is made of them.
      expect(rows.filter((r) => r.qualifier !== '=').length, text).toBeGreaterThan(0);
      expect(valueOf(rows, 'mediation.success_rate'), text).toBeUndefined();
      expect(valueOf(rows, 'petition.closure_rate'), text).toBeUndefined();
    }
    // The same counts stated exactly give their rate.
    expect(valueOf(resolve('受理信访件120件，办结118件。'), 'petition.closure_rate')).toMatchObject(
      {
        value: 98.33,
        derived: true,
        qualifier: '=',
      },
    );
  });

  it('derives the rate from the counts it is shown beside, not from a part of them stated first', () => {
    const text =
      '其中，村级调解组织调解矛盾纠纷80件，调解成功80件。全年共调解矛盾纠纷120件，成功调解118件。';
    const rows = resolve(text);
    expect(valueOf(rows, 'mediation.cases')?.value).toBe(120);
    expect(valueOf(rows, 'mediation.resolved')?.value).toBe(118);
    const rate = valueOf(rows, 'mediation.success_rate');
    expect(rate).toMatchObject({ value: 98.33, derived: true });
    expect(rate?.quote).toBe('调解矛盾纠纷120件，成功调解118件');
  });

  it('derives the rate of a town and year with two reports from the one whose counts are shown', () => {
    const rows = resolve(
      '上半年调解矛盾纠纷40件，调解成功38件。',
      '全年共调解矛盾纠纷45件，调解成功44件。',
    );
    expect(valueOf(rows, 'mediation.cases')).toMatchObject({ reportId: 'r1', value: 45 });
    expect(valueOf(rows, 'mediation.success_rate')).toMatchObject({
      reportId: 'r1',
      value: 97.78,
      derived: true,
    });
  });

  it('derives no rate rather than one of other counts than those shown', () => {
    // The counts shown (r1) are in two sentences; r0's 38 of 40 are not them.
    const rows = resolve(
      '全年共调解矛盾纠纷40件，调解成功38件。',
      '全年共调解矛盾纠纷45件。调解成功44件。',
    );
    expect(valueOf(rows, 'mediation.resolved')?.value).toBe(44);
    expect(valueOf(rows, 'mediation.success_rate')).toBeUndefined();
  });

  it('derives from the report the part count was chosen from, then from another stating the same two', () => {
    // Both state 45 and 44 in one sentence; the part is r1's (共: a total), and so is the rate.
    const both = resolve(
      '调解矛盾纠纷45件，调解成功44件。',
      '全年共调解矛盾纠纷45件，共调解成功44件。',
    );
    expect(valueOf(both, 'mediation.resolved')?.reportId).toBe('r1');
    expect(valueOf(both, 'mediation.success_rate')).toMatchObject({ reportId: 'r1', value: 97.78 });
    // The part's report (r0, the earlier) states them apart: r1's sentence of the same two.
    const apart = resolve(
      '全年共调解矛盾纠纷45件。调解成功44件。',
      '全年共调解矛盾纠纷45件，调解成功44件。',
    );
    expect(valueOf(apart, 'mediation.resolved')?.reportId).toBe('r0');
    expect(valueOf(apart, 'mediation.success_rate')).toMatchObject({
      reportId: 'r1',
      value: 97.78,
    });
  });

  it('drops a derived rate whose count a correction changed, and keeps it when the count stays', () => {
    const text = '全年共调解矛盾纠纷208件，成功调解207件。';
    const corrected = (value: number | null, qualifier: Qualifier = '='): Correction => ({
      reportId: 'r0',
      indicator: 'mediation.cases',
      value,
      qualifier,
      start: null,
      end: null,
      note: '核实',
      line: 2,
    });
    expect(valueOf(resolveWith([corrected(210)], text), 'mediation.success_rate')).toBeUndefined();
    expect(valueOf(resolveWith([corrected(null)], text), 'mediation.success_rate')).toBeUndefined();
    // Corrected to 208余件: the same number, now a bound, gives no rate.
    expect(
      valueOf(resolveWith([corrected(208, '>=')], text), 'mediation.success_rate'),
    ).toBeUndefined();
    expect(valueOf(resolveWith([corrected(208)], text), 'mediation.success_rate')).toMatchObject({
      value: 99.52,
      derived: true,
    });
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
      // Each other value with the rule that set 200 before it.
      chosenBy: ['total', 'full-year'],
    });
  });

  it.each([
    [
      'full-year',
      ['截至10月底，全镇共调解矛盾纠纷300件。全年共调解矛盾纠纷280件，调解成功率98%。'],
      'mediation.cases',
      280,
      [300],
    ],
    [
      'total',
      ['其中，人民调解委员会调解矛盾纠纷150件。全年共调解矛盾纠纷120件。'],
      'mediation.cases',
      120,
      [150],
    ],
    [
      'larger',
      ['各村调解委员会调解矛盾纠纷86件；镇调委会调解矛盾纠纷120件。'],
      'mediation.cases',
      120,
      [86],
    ],
    [
      'first-stated',
      ['调解成功率达98%。矛盾纠纷化解率99.2%。'],
      'mediation.success_rate',
      98,
      [99.2],
    ],
    [
      'earlier-report',
      ['全年矛盾纠纷调解成功率97.8%。', '全年矛盾纠纷调解成功率98.6%。'],
      'mediation.success_rate',
      97.8,
      [98.6],
    ],
  ] as const)(
    'records the rule that chose the value: %s',
    (rule, texts, indicator, value, alternatives) => {
      expect(valueOf(resolve(...texts), indicator)).toMatchObject({
        value,
        alternativeValues: alternatives,
        chosenBy: [rule],
      });
    },
  );

  it('names no rule for a corrected value: the evaluator chose it', () => {
    const rows = resolveWith(
      [
        {
          reportId: 'r0',
          indicator: 'mediation.cases',
          value: 210,
          qualifier: '=',
          start: null,
          end: null,
          note: '核实',
          line: 2,
        },
      ],
      '截至10月底，共调解矛盾纠纷300件。全年共调解矛盾纠纷200件。',
    );
    expect(valueOf(rows, 'mediation.cases')).toMatchObject({
      value: 210,
      correction: 'override',
      alternativeValues: [300],
      chosenBy: [],
    });
  });

  it('takes the first stated rate', () => {
    const rows = resolve('调解成功率98%。另一口径调解成功率99%。');
    expect(valueOf(rows, 'mediation.success_rate')).toMatchObject({
      value: 98,
      alternativeValues: [99],
      chosenBy: ['first-stated'],
    });
  });

  it('merges two reports of the same town and year into one row', () => {
    const rows = resolve('共调解矛盾纠纷20件。', '共调解矛盾纠纷25件。');
    expect(rows.filter((r) => r.indicator === 'mediation.cases')).toHaveLength(1);
    expect(valueOf(rows, 'mediation.cases')).toMatchObject({ value: 25, reportId: 'r1' });
  });
});

describe('resolveByGroups', () => {
  it('gives what resolving every report at once gives, in the same order', () => {
    const place = (town: string, year: number | null, county = '甲县'): ReportMetadata => ({
      town,
      county,
      city: '乙市',
      province: '丙省',
      year,
      published: '',
      title: '',
    });
    // Reports of one town and year (r1, r4), one town over two years, towns not
    // named or of no year (alone each, in id order), given out of order.
    const given: [string, ReportMetadata, string][] = [
      ['r4', place('东镇', 2023), '全年共调解矛盾纠纷300件，调解成功290件。'],
      ['r0', place('', null), '全年共调解矛盾纠纷12件。'],
      ['r1', place('东镇', 2023), '全年共调解矛盾纠纷200件，成功调解198件。开展普法宣传活动20场。'],
      ['r3', place('东镇', 2022), '全年共调解矛盾纠纷50件。'],
      ['r2', place('', null), '全年共调解矛盾纠纷30件。'],
      ['r5', place('西镇', null), '全年共调解矛盾纠纷8件。'],
      ['r6', place('', 2023, '丁县'), '开展普法宣传活动9场。'],
    ];
    const reports = given.map(([reportId, metadata, text]) => {
      const report = extractReport(reportId, text);
      return {
        reportId,
        metadata,
        mentions: report.mentions,
        quote: (start: number, end: number) => report.text.slice(start, end),
      };
    });
    const correction = (reportId: string, value: number | null, line: number): Correction => ({
      reportId,
      indicator: 'mediation.cases',
      value,
      qualifier: '=',
      start: null,
      end: null,
      note: '',
      line,
    });
    // Two reports of one town and year corrected: the later row wins, whichever report.
    const corrections = [
      correction('r4', 310, 2),
      correction('r1', 205, 3),
      correction('r2', null, 4),
      { ...correction('r6', 3, 5), indicator: 'publicity.events' as const },
    ];
    const byId = new Map(reports.map((r) => [r.reportId, r]));
    const grouped = [
      ...resolveByGroups(
        reports,
        corrections,
        (id) => byId.get(id)?.mentions ?? [],
        (id, start, end) => byId.get(id)?.quote(start, end) ?? '',
      ),
    ];
    const atOnce = resolveValues(reports, corrections);
    expect(grouped).toEqual(atOnce);
    expect(grouped.map((v) => `${v.reportId} ${v.indicator} ${v.value}`)).toContain(
      'r1 mediation.cases 205',
    );
    expect(new Set(grouped.map((v) => v.reportId))).toEqual(
      new Set(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']),
    );
  });
});
