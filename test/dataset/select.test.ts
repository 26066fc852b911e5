import { describe, expect, it } from 'vitest';
import {
  MIN_RANKED,
  overviewCards,
  rankTowns,
  selectedTowns,
  topTowns,
  trendFor,
} from '../../src/dataset/select';
import { cellKey, compareMatrix, effectiveYearMode, townProfile } from '../../src/dataset/compare';
import { countyKeyOf } from '../../src/dataset/model';
import { MODEL } from './fixtures';

const all = selectedTowns(MODEL, null);
const name = (id: string): string => MODEL.townById.get(id)?.name ?? id;

describe('rankTowns', () => {
  it('orders the towns that report, and gives no rank or percentile to fewer than three', () => {
    expect(MIN_RANKED).toBe(3);
    const r = rankTowns(MODEL, 'mediation.cases', 2024, all);
    expect(r.reported.map((x) => [x.town.name, x.value, x.rank, x.percentile])).toEqual([
      ['乙镇', 190, null, null],
      ['甲镇', 150, null, null],
    ]);
    expect(r.ranked).toBe(false);
  });

  it('tells a report that does not state the figure from no report that year', () => {
    const r = rankTowns(MODEL, 'mediation.cases', 2024, all);
    // 丙镇 and 丁镇 have 2024 reports that do not state it.
    expect(r.notMentioned.map((t) => t.name).sort()).toEqual(['丁镇', '丙镇']);
    expect(r.noReport).toEqual([]);
    const earlier = rankTowns(MODEL, 'mediation.cases', 2023, all);
    expect(earlier.reported.map((x) => x.town.name)).toEqual(['乙镇']);
    // 甲镇's reports are for 2022 and 2024; the others have only 2024's.
    expect(earlier.noReport.map((t) => t.name).sort()).toEqual(['丁镇', '丙镇', '甲镇']);
    expect(earlier.notMentioned).toEqual([]);
  });

  it('treats a deleted value as not stated, not zero', () => {
    const r = rankTowns(MODEL, 'petition.cases', 2024, all);
    expect(r.reported).toEqual([]);
    expect(r.notMentioned).toHaveLength(4);
  });

  it('gives equal values the same rank', () => {
    const r = rankTowns(MODEL, 'mediation.success_rate', 2024, all);
    expect(r.ranked).toBe(true);
    expect(r.reported.map((x) => x.percentile)).toEqual([100, 50, 0]);
  });
});

describe('trendFor', () => {
  it('covers every year of the range and leaves gaps as null', () => {
    const trend = trendFor(MODEL, 'mediation.cases', all);
    expect(trend.years).toEqual([2022, 2023, 2024]);
    const byTown = Object.fromEntries(
      trend.series.map((s) => [s.town.name, s.points.map((p) => p?.value ?? null)]),
    );
    expect(byTown).toEqual({ 甲镇: [100, null, 150], 乙镇: [null, 80, 190] });
  });
});

describe('overviewCards', () => {
  it('sums counts, keeps the lower-bound qualifier, and compares with towns that report both years', () => {
    const cards = overviewCards(MODEL, 2024, all);
    const mediation = cards.find((c) => c.category === 'mediation');
    expect(mediation).toMatchObject({
      indicator: 'mediation.cases',
      headline: { value: 340, qualifier: '>=', method: 'sum' },
      reporting: 2,
      withReport: 4,
      total: 4,
      // Only 乙镇 reports both 2023 and 2024: 80 → 190.
      change: 137.5,
    });
    const leadership = cards.find((c) => c.category === 'leadership');
    expect(leadership).toMatchObject({ headline: null, reporting: 0, change: null });
  });

  it('reports how many of the selected towns state the figure', () => {
    const some = selectedTowns(MODEL, [all[0]?.id ?? '']);
    const card = overviewCards(MODEL, 2024, some).find((c) => c.category === 'mediation');
    expect(card?.total).toBe(1);
    const before = overviewCards(MODEL, 2023, all).find((c) => c.category === 'mediation');
    // Only 乙镇 has a 2023 report: the others are not counted as silent.
    expect(before).toMatchObject({ reporting: 1, withReport: 1, total: 4 });
    expect(name(some[0]?.id ?? '')).toBe(some[0]?.name);
  });
});

describe('compareMatrix', () => {
  it('ranks within each indicator among the towns that report it, for one year', () => {
    const m = compareMatrix(
      MODEL,
      ['mediation.cases', 'mediation.success_rate'],
      all,
      2024,
      'year',
    );
    const cell = (town: string, id: 'mediation.cases' | 'mediation.success_rate') => {
      const t = all.find((x) => x.name === town);
      return t === undefined ? undefined : m.cells.get(cellKey(t.id, id));
    };
    // Two towns state the cases: values, no ranks.
    expect(cell('乙镇', 'mediation.cases')).toMatchObject({
      value: 190,
      rank: null,
      percentile: null,
    });
    expect(cell('丙镇', 'mediation.cases')).toBeUndefined();
    expect(cell('丙镇', 'mediation.success_rate')).toMatchObject({ rank: 2, percentile: 50 });
    expect(m.reporting.get('mediation.cases')).toBe(2);
  });

  it('takes each town’s latest reported year when asked, and says which', () => {
    const m = compareMatrix(MODEL, ['mediation.cases'], all, 2022, 'latest');
    const yearOf = Object.fromEntries(all.map((t) => [t.name, m.yearOf.get(t.id)]));
    expect(yearOf).toMatchObject({ 甲镇: 2024, 乙镇: 2024, 丁镇: 2024 });
  });

  it('compares the filters’ year only when every town has a report for it', () => {
    expect(effectiveYearMode('auto', all, 2024)).toBe('year');
    expect(effectiveYearMode('auto', all, 2023)).toBe('latest');
    expect(effectiveYearMode('year', all, 2023)).toBe('year');
    expect(effectiveYearMode('latest', all, 2024)).toBe('latest');
  });
});

describe('townProfile', () => {
  it('lists every year with the change where consecutive years are stated, and what is never stated', () => {
    const town = all.find((t) => t.name === '乙镇');
    if (town === undefined) throw new Error('fixture');
    const p = townProfile(MODEL.countyData.get(countyKeyOf(town))?.values ?? [], town);
    expect(p.years).toEqual([2023, 2024]);
    const silent = all.find((t) => t.name === '丁镇');
    if (silent === undefined) throw new Error('fixture');
    // A report that states nothing still gives the town its year.
    expect(townProfile([], silent).years).toEqual([2024]);
    const cases = p.rows.find((r) => r.indicator === 'mediation.cases');
    expect(cases?.values.map((v) => v?.value ?? null)).toEqual([80, 190]);
    expect(cases?.changes).toEqual([null, 137.5]);
    expect(p.neverStated).toContain('petition.cases');
    expect(p.neverStated).not.toContain('mediation.cases');
  });
});

describe('topTowns', () => {
  it('orders towns by their latest stated value and leaves out those without one', () => {
    expect(topTowns(MODEL, 'mediation.cases', all, 5).map((t) => t.name)).toEqual(['乙镇', '甲镇']);
    expect(topTowns(MODEL, 'mediation.cases', all, 1).map((t) => t.name)).toEqual(['乙镇']);
  });
});
