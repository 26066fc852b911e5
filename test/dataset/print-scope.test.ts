import { describe, expect, it } from 'vitest';
import type { Town } from '../../src/dataset/model';
import {
  comparePeriod,
  newestPublished,
  printTownsOf,
  reportsInScope,
  PRINT_NAMES_MAX,
} from '../../src/dataset/print-scope';
import { report } from './fixtures';

function town(name: string, county = '某县', years: number[] = [2024]): Town {
  return { id: `${county}/${name}`, name, county, city: '', province: '', years };
}

const A = town('甲镇');
const B = town('乙镇');
const C = town('丙镇', '他县');

describe('the towns a printed view names', () => {
  it('says all towns when every town is shown', () => {
    expect(printTownsOf([A, B, C], [C, A, B])).toEqual({ kind: 'all', count: 3 });
  });

  it('names a whole county as such', () => {
    expect(printTownsOf([A, B, C], [A, B])).toEqual({ kind: 'county', county: '某县', count: 2 });
  });

  it('names a few towns, and counts those beyond the first ten', () => {
    expect(printTownsOf([A, B, C], [A, C])).toEqual({
      kind: 'some',
      names: ['甲镇', '丙镇'],
      count: 2,
    });
    const many = Array.from({ length: 12 }, (_, i) => town(`镇${i}`, `县${i}`));
    const named = printTownsOf([...many, A], many);
    expect(named).toMatchObject({ kind: 'some', count: 12 });
    expect(named.kind === 'some' && named.names.length).toBe(PRINT_NAMES_MAX);
  });
});

describe('the data date of a printed view', () => {
  const reports = [
    { ...report('甲镇', 2023), published: '2024-01-20' },
    { ...report('甲镇', 2024), published: '2025-02-11' },
    { ...report('乙镇', 2024), published: '' },
    { ...report('丙镇', 2024), published: '2025-03-01' },
  ];
  // The fixtures' towns are of 某县 with no city or province: their ids are "某县/<name>".
  const a = { ...A, id: reports[0]?.townId ?? '' };
  const b = { ...B, id: reports[2]?.townId ?? '' };

  it('is the newest publication date among the shown towns’ reports of the year', () => {
    const shown = reportsInScope(reports, { towns: [a, b], period: comparePeriod('year', 2023) });
    expect(newestPublished(shown)).toBe('2024-01-20');
  });

  it('reads each town’s latest report, not another town’s', () => {
    const shown = reportsInScope(reports, { towns: [a, b], period: comparePeriod('latest', 2024) });
    expect(shown.map((r) => r.reportId).sort()).toEqual(['乙镇-2024', '甲镇-2024']);
    expect(newestPublished(shown)).toBe('2025-02-11');
  });

  it('is null when no shown report states a date', () => {
    const shown = reportsInScope(reports, { towns: [b], period: { kind: 'all' } });
    expect(newestPublished(shown)).toBeNull();
  });

  it('says latest when the year is not known', () => {
    expect(comparePeriod('year', null)).toEqual({ kind: 'latest' });
  });
});
