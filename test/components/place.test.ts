import { describe, expect, it } from 'vitest';
import { placeOf } from '../../src/components/place';

describe('placeOf (the data quality table’s place column)', () => {
  it('marks the names filled from the registry, not those the report writes', () => {
    expect(
      placeOf({
        county: '小店区',
        city: '太原市',
        province: '山西省',
        inferred: ['city', 'province'],
      }),
    ).toBe('小店区 · 太原市※ · 山西省※');
    expect(placeOf({ county: '盐边县', city: '攀枝花市', province: '四川省', inferred: [] })).toBe(
      '盐边县 · 攀枝花市 · 四川省',
    );
  });

  it('names a municipality once, and leaves out what is not known', () => {
    expect(placeOf({ county: '静安区', city: '上海市', province: '上海市', inferred: [] })).toBe(
      '静安区 · 上海市',
    );
    expect(placeOf({ county: '', city: '', province: '', inferred: [] })).toBe('');
    expect(placeOf({ county: '某某县', city: '', province: '', inferred: [] })).toBe('某某县');
  });
});
