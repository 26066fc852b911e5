import { describe, expect, it } from 'vitest';
import {
  figureIn,
  isUnusedFigures,
  noRuleIndexes,
  unusedCount,
  unusedFigureAt,
  unusedFiguresOf,
  type UnusedFigure,
} from '../../src/importer/unused';

const list: UnusedFigure[] = [
  { start: 20, end: 24, value: 190, unit: '件', qualifier: '>=', reason: 'no_rule' },
  { start: 5, end: 9, value: 608, unit: '件', qualifier: '=', reason: 'no_rule' },
  { start: 30, end: 35, value: 2023, unit: '年', qualifier: '=', reason: 'date' },
];

describe('unused figures in columns', () => {
  const unused = unusedFiguresOf(list);
  it('keeps every figure, in text order, and reads each back whole', () => {
    expect(unusedCount(unused)).toBe(3);
    expect([0, 1, 2].map((i) => unusedFigureAt(unused, i))).toEqual(
      [...list].sort((a, b) => a.start - b.start),
    );
    expect(unused.kindTable).toHaveLength(3);
  });
  it('lists the ones no rule was near', () => {
    expect([...noRuleIndexes(unused)].map((i) => unusedFigureAt(unused, i).value)).toEqual([
      608, 190,
    ]);
  });
  it('survives a structured clone (the worker boundary, IndexedDB) and is recognised', () => {
    const copy: unknown = structuredClone(unused);
    expect(isUnusedFigures(copy)).toBe(true);
    expect(isUnusedFigures([{ start: 1 }])).toBe(false);
    expect(isUnusedFigures({ ...unused, ends: new Int32Array(1) })).toBe(false);
  });
});

describe('figureIn', () => {
  const unused = unusedFiguresOf(list);
  it('takes the first unused figure inside the selection', () => {
    expect(figureIn({ start: 0, end: 30 }, unused)).toMatchObject({ value: 608 });
    expect(figureIn({ start: 18, end: 22 }, unused)).toMatchObject({ value: 190, qualifier: '>=' });
    // A selection that only touches a figure's last character still holds it.
    expect(figureIn({ start: 8, end: 12 }, unused)).toMatchObject({ value: 608 });
  });
  it('gives null when the selection holds no figure', () => {
    expect(figureIn({ start: 10, end: 19 }, unused)).toBeNull();
    expect(figureIn({ start: 0, end: 5 }, unused)).toBeNull();
  });
});
