import { describe, expect, it } from 'vitest';
import { firstRows, groupTowns, searchGroups } from '../../src/features/filters/town-groups';

const town = (name: string, county: string, city = '丁市', province = '合成省') => ({
  id: `${province}/${city}/${county}/${name}`,
  name,
  county,
  city,
  province,
  years: [2024],
});

const groups = groupTowns([
  town('乐下镇', '上河区'),
  town('乐东镇', '上河区'),
  town('新安镇', '下河县'),
  town('新安镇', '上河区'),
  town('城关街道', '下河县'),
]);

const names = (q: string) =>
  searchGroups(groups, q).map((g) => `${g.key}: ${g.towns.map((t) => t.name).join(' ')}`);

describe('town search', () => {
  it('groups towns by county, towns in name order', () => {
    expect(groups.map((g) => g.key)).toEqual(['合成省 · 丁市 · 上河区', '合成省 · 丁市 · 下河县']);
  });

  it('keeps only the matching towns of each county, same-named towns in both', () => {
    expect(names('新安')).toEqual([
      '合成省 · 丁市 · 上河区: 新安镇',
      '合成省 · 丁市 · 下河县: 新安镇',
    ]);
  });

  it('keeps a whole county when its name matches', () => {
    expect(names('下河')).toEqual(['合成省 · 丁市 · 下河县: 城关街道 新安镇']);
  });

  it('ignores spaces and case; an empty query keeps everything; no match is empty', () => {
    expect(names(' 乐 东 ')).toEqual(['合成省 · 丁市 · 上河区: 乐东镇']);
    expect(searchGroups(groups, '  ')).toHaveLength(2);
    expect(names('北京')).toEqual([]);
  });
});

describe('the rows the picker builds at once', () => {
  const listed = (rows: number, open: boolean) => {
    const { listed: shown, hidden } = firstRows(groups, () => open, rows);
    return {
      shown: shown.map((l) => `${l.group.towns.length}:${l.towns.map((t) => t.name).join(' ')}`),
      hidden,
    };
  };

  it('lists every town when they fit, a folded group as its heading only', () => {
    expect(listed(10, true)).toEqual({
      shown: ['3:乐东镇 乐下镇 新安镇', '2:城关街道 新安镇'],
      hidden: 0,
    });
    expect(listed(2, false)).toEqual({ shown: ['3:', '2:'], hidden: 0 });
  });

  it('cuts the list at the budget, headings counted, and says how many towns are left out', () => {
    // A heading and two towns; the next group does not fit at all.
    expect(listed(3, true)).toEqual({ shown: ['3:乐东镇 乐下镇'], hidden: 3 });
    // A heading, three towns, a heading and none of its towns.
    expect(listed(5, true)).toEqual({ shown: ['3:乐东镇 乐下镇 新安镇', '2:'], hidden: 2 });
    expect(listed(1, false)).toEqual({ shown: ['3:'], hidden: 2 });
  });
});
