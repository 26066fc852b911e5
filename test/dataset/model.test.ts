import { describe, expect, it } from 'vitest';
import { valueFor } from '../../src/dataset/select';
import { modelFromIndex, townIdOf, withIndicatorYear } from '../../src/dataset/model';
import { INDEX_FORMAT, type DataIndex } from '../../src/extract/data-index';
import { value } from './fixtures';

const FILE = { file: 'reports.csv', rows: 0, bytes: 0 };

function town(name: string, county: string, years: number[]) {
  const place = { town: name, county, city: '某市', province: '某省', reportId: '' };
  return { id: townIdOf(place), name, county, city: '某市', province: '某省', years };
}

/** index.json as parsed: every string and list its own copy. */
const INDEX: DataIndex = {
  format: INDEX_FORMAT,
  towns: [
    town('甲镇', '某县', [2023, 2024]),
    town('乙镇', '某县', [2023, 2024]),
    town('丙镇', '他县', [2024]),
    // Lists the CLI never writes: out of order, a year before the index's first.
    town('丁镇', '他县', [2024, 2023]),
    town('戊镇', '他县', [2023, 2024]),
    town('己镇', '他县', [2021, 2024]),
  ].map((t) => JSON.parse(JSON.stringify(t)) as ReturnType<typeof town>),
  years: [2023, 2024],
  reports: FILE,
  indicators: [],
  counties: [],
  texts: [],
};

describe('a model read from index.json', () => {
  it('keeps each town as the index lists it, with one list for towns of the same years', () => {
    const model = modelFromIndex(INDEX);
    expect(model.towns).toEqual(INDEX.towns);
    const [jia, yi, bing, ding, wu, ji] = model.towns;
    expect(jia?.years).toBe(yi?.years);
    expect(bing?.years).toEqual([2024]);
    // A list out of order keeps its own: shared, it would be another town's.
    expect(ding?.years).toEqual([2024, 2023]);
    expect(wu?.years).toBe(jia?.years);
    expect(ji?.years).toEqual([2021, 2024]);
    expect(model.published.townNumbers().get(bing?.id ?? '')).toBe(2);
  });

  it("finds each town's row of an indicator-year, whether or not the index lists its town", () => {
    const base = modelFromIndex(INDEX);
    // The fixtures' towns are in 某县 of no city: 甲镇 there is not the index's 甲镇.
    const listed = value('甲镇', 2024, 'mediation.cases', 10, { townId: base.towns[0]?.id ?? '' });
    const later = { ...listed, value: 12 };
    const unlisted = value('丁镇', 2024, 'mediation.cases', 7);
    const otherYear = {
      ...value('乙镇', 2023, 'mediation.cases', 3),
      townId: base.towns[1]?.id ?? '',
    };
    const model = withIndicatorYear(base, 'mediation.cases', 2024, [
      listed,
      unlisted,
      later,
      otherYear,
    ]);
    expect(valueFor(model, 'mediation.cases', listed.townId, 2024)?.value).toBe(12);
    expect(valueFor(model, 'mediation.cases', unlisted.townId, 2024)?.value).toBe(7);
    // A row of another year is not this year's; a town without a row has none.
    expect(valueFor(model, 'mediation.cases', otherYear.townId, 2024)).toBeNull();
    expect(valueFor(model, 'mediation.cases', base.towns[2]?.id ?? '', 2024)).toBeNull();
    expect(valueFor(model, 'mediation.cases', '无此镇', 2024)).toBeNull();
  });
});
