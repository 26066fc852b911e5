import { describe, expect, it } from 'vitest';
import {
  MIN_RANKED,
  figureReader,
  overviewCards,
  rankTowns,
  selectedTowns,
  topTowns,
  trendFor,
  trendScope,
} from '../../src/dataset/select';
import { cellKey, compareMatrix, effectiveYearMode, townProfile } from '../../src/dataset/compare';
import {
  buildModel,
  countyKeyOf,
  withCountyRows,
  type DatasetModel,
} from '../../src/dataset/model';
import { type YearFigures } from '../../src/dataset/town-figures';
import { QUALIFIERS, type IndicatorId } from '../../src/catalog';
import { MODEL, report, value } from './fixtures';
import { isExact } from '../../src/dataset/change';

const all = selectedTowns(MODEL, null);
/** MODEL's mediation counts, 乙镇's 2024 stated exactly: a change the cards can compute. */
const EXACT = buildModel(
  [
    value('乙镇', 2023, 'mediation.cases', 80),
    value('乙镇', 2024, 'mediation.cases', 190),
    value('甲镇', 2024, 'mediation.cases', 150),
  ],
  [report('甲镇', 2024), report('乙镇', 2023), report('乙镇', 2024)],
);
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

describe('trendScope', () => {
  it("draws the top ten, every town on request, but never a nation's every town", () => {
    expect(trendScope(8, false)).toEqual({ limited: false, canShowAll: true });
    expect(trendScope(260, false)).toEqual({ limited: true, canShowAll: true });
    expect(trendScope(260, true)).toEqual({ limited: false, canShowAll: true });
    expect(trendScope(37_893, false)).toEqual({ limited: true, canShowAll: false });
    // A link asking for every town of a nation gets the top ten.
    expect(trendScope(37_893, true)).toEqual({ limited: true, canShowAll: false });
  });
});

describe('overviewCards', () => {
  it('sums counts, keeps the lower-bound qualifier, and compares with towns that state both years exactly', () => {
    const cards = overviewCards(MODEL, 2024, all);
    const mediation = cards.find((c) => c.category === 'mediation');
    expect(mediation).toMatchObject({
      indicator: 'mediation.cases',
      headline: { value: 340, qualifier: '>=', method: 'sum' },
      reporting: 2,
      withReport: 4,
      total: 4,
      // Only 乙镇 reports both 2023 and 2024, 80 → 190余: no exact change.
      change: null,
      compared: 0,
    });
    const leadership = cards.find((c) => c.category === 'leadership');
    expect(leadership).toMatchObject({ headline: null, reporting: 0, change: null });
    // Stated exactly, 80 → 190 is a change over one town.
    const card = overviewCards(EXACT, 2024, selectedTowns(EXACT, null)).find(
      (c) => c.category === 'mediation',
    );
    expect(card).toMatchObject({
      headline: { value: 340, qualifier: '=' },
      change: 137.5,
      compared: 1,
    });
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

/** MODEL with its values as figures only: what the cards of a page that loaded no rows see. */
function figuresOnly(model: DatasetModel): DatasetModel {
  const numbers = model.published.townNumbers();
  const figures = new Map<IndicatorId, Map<number, YearFigures>>();
  for (const [id, { byYear }] of model.loaded) {
    const years = new Map<number, YearFigures>();
    for (const [year, { rows }] of byYear) {
      const values = new Float64Array(numbers.size).fill(NaN);
      const qualifiers = new Uint8Array(numbers.size);
      const exact = new Uint8Array(numbers.size);
      for (const r of rows) {
        const n = numbers.get(r.townId) ?? -1;
        values[n] = r.value ?? NaN;
        qualifiers[n] = QUALIFIERS.indexOf(r.qualifier);
        exact[n] = r.value !== null && isExact(r) ? 1 : 0;
      }
      years.set(year, { values, qualifiers, exact });
    }
    figures.set(id, years);
  }
  return { ...model, loaded: new Map(), figures };
}

describe('the cards from figures alone', () => {
  const figures = figuresOnly(MODEL);

  it('are the cards the rows give, every year', () => {
    for (const year of [2022, 2023, 2024]) {
      expect(overviewCards(figures, year, all)).toEqual(overviewCards(MODEL, year, all));
    }
    expect(overviewCards(figures, 2024, all).find((c) => c.category === 'mediation')).toMatchObject(
      { headline: { value: 340, qualifier: '>=' }, change: null },
    );
    const exactTowns = selectedTowns(EXACT, null);
    const exactCards = overviewCards(figuresOnly(EXACT), 2024, exactTowns);
    expect(exactCards).toEqual(overviewCards(EXACT, 2024, exactTowns));
    expect(exactCards.find((c) => c.category === 'mediation')?.change).toBe(137.5);
    // Counted up to October, or with another value stated: no change, from rows or figures.
    for (const extra of [{ period: '截至10月底' }, { alternativeValues: [44] }]) {
      const loose = buildModel(
        [
          value('乙镇', 2023, 'mediation.cases', 80),
          value('乙镇', 2024, 'mediation.cases', 190, extra),
        ],
        [report('乙镇', 2023), report('乙镇', 2024)],
      );
      const towns = selectedTowns(loose, null);
      for (const model of [loose, figuresOnly(loose)]) {
        const card = overviewCards(model, 2024, towns).find((c) => c.category === 'mediation');
        expect(card, JSON.stringify(extra)).toMatchObject({ change: null, compared: 0 });
      }
    }
  });

  it("read a town's figure: none where deleted, missing or not loaded", () => {
    const id = (town: string) => all.find((t) => t.name === town)?.id ?? '';
    const cases = figureReader(figures, 'mediation.cases', 2024);
    expect([cases.value(id('乙镇')), cases.qualifier(id('乙镇'))]).toEqual([190, '>=']);
    expect([cases.value(id('甲镇')), cases.qualifier(id('甲镇'))]).toEqual([150, '=']);
    expect(cases.value(id('丁镇'))).toBeNaN();
    expect(cases.value('not/a/town')).toBeNaN();
    expect(figureReader(figures, 'petition.cases', 2024).value(id('丙镇'))).toBeNaN();
    expect(figureReader(figures, 'training.people', 2024).value(id('甲镇'))).toBeNaN();
    // Rows loaded are read instead.
    const rows = figureReader(MODEL, 'mediation.cases', 2024);
    expect([rows.value(id('乙镇')), rows.qualifier(id('乙镇'))]).toEqual([190, '>=']);
  });
});

describe("a few towns' values read from their counties' files", () => {
  it("give what every town's files give for those towns", () => {
    const county = MODEL.countyData.get(
      countyKeyOf(all[0] ?? { province: '', city: '', county: '' }),
    );
    expect(county).toBeDefined();
    const few = withCountyRows(
      { ...MODEL, loaded: new Map() },
      county === undefined ? [] : [county],
    );
    expect(trendFor(few, 'mediation.cases', all)).toEqual(trendFor(MODEL, 'mediation.cases', all));
    expect(trendFor(few, 'mediation.success_rate', all)).toEqual(
      trendFor(MODEL, 'mediation.success_rate', all),
    );
    // Nothing of another county's towns.
    expect(trendFor(withCountyRows(MODEL, []), 'mediation.cases', all).series).toEqual([]);
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
    // A rate gets no relative change: 96 % → 100 % is no "+4.2 %".
    const rate = p.rows.find((r) => r.indicator === 'mediation.success_rate');
    expect(rate?.values.map((v) => v?.value ?? null)).toEqual([96, 100]);
    expect(rate?.changes).toEqual([null, null]);
    // 80 → 190余 is at least +137.5 %, not that: no change, as in the brief.
    const cases = p.rows.find((r) => r.indicator === 'mediation.cases');
    expect(cases?.values.map((v) => v?.value ?? null)).toEqual([80, 190]);
    expect(cases?.changes).toEqual([null, null]);
    // Stated exactly both years, the count's change; up to a date, none.
    const exactRows = EXACT.countyData.get(countyKeyOf(town))?.values ?? [];
    const exactCases = townProfile(exactRows, town).rows.find(
      (r) => r.indicator === 'mediation.cases',
    );
    expect(exactCases?.changes).toEqual([null, 137.5]);
    const upToOctober = exactRows.map((r) =>
      r.year === 2024 ? { ...r, period: '截至10月底' } : r,
    );
    expect(
      townProfile(upToOctober, town).rows.find((r) => r.indicator === 'mediation.cases')?.changes,
    ).toEqual([null, null]);
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
