/**
 * The numbers an indicator's file names its towns by (`town_number`) are
 * their places in index.json's `towns`: the writer numbers them before any
 * value is written, so they must be the index's order, whatever order the
 * reports came in.
 */
import { describe, expect, it } from 'vitest';
import { indexBuilder } from '../../src/extract/data-index';

const place = (reportId: string, town: string, county = '乙县', year: number | null = 2024) => ({
  reportId,
  town,
  county,
  city: '某市',
  province: '某省',
  year,
});

// In no order: two counties, a report whose town was not found (its own town), a town twice.
const REPORTS = [
  place('r1', '甲镇', '乙县'),
  place('r2', '乙镇', '甲县'),
  place('r3', '', '甲县'),
  place('r4', '丙镇', '乙县'),
  place('r5', '甲镇', '乙县', 2023),
];

const SIZES = { reports: 0, values: new Map(), counties: [], texts: [] };

describe("an index's town numbers", () => {
  it("are the towns' places in the index it builds, a report's own town too", () => {
    const builder = indexBuilder(REPORTS, REPORTS.length);
    const numbers = REPORTS.map((r) => builder.townNumber(r));
    const towns = builder.build(SIZES).towns;
    expect(REPORTS.map((r, i) => towns[numbers[i] ?? -1]?.id)).toEqual([
      '某省/某市/乙县/甲镇',
      '某省/某市/甲县/乙镇',
      'report:r3',
      '某省/某市/乙县/丙镇',
      '某省/某市/乙县/甲镇',
    ]);
    expect(new Set(numbers).size).toBe(4);
  });

  it('are undefined for a town no report has, and fixed once asked: a new town throws', () => {
    const builder = indexBuilder(REPORTS, REPORTS.length);
    expect(builder.townNumber(place('x', '丁镇'))).toBeUndefined();
    // A value of a known town is fine; one of a new town would renumber the others.
    builder.value({ ...place('r1', '甲镇'), indicator: 'mediation.cases', value: 1 });
    expect(() =>
      builder.value({ ...place('x', '丁镇'), indicator: 'mediation.cases', value: 1 }),
    ).toThrow(/no readable report has/);
  });
});
