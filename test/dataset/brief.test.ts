import { describe, expect, it } from 'vitest';
import { WARNING_SIGNS, type CategoryId, type Qualifier } from '../../src/catalog';
import {
  BRIEF_INDICATORS,
  boundsOf,
  rangeOf,
  briefOf,
  briefYears,
  previousYear,
  settledEnds,
  signHolds,
  type BriefValue,
  type CategoryBrief,
} from '../../src/dataset/brief';
import { isExact } from '../../src/dataset/change';
import { buildModel, type DatasetModel, type ValueRow } from '../../src/dataset/model';
import { selectedTowns } from '../../src/dataset/select';
import { report, value } from './fixtures';

const sign = (id: string) => {
  const found = WARNING_SIGNS.find((s) => s.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};

const stated = (figures: readonly [string, number, Qualifier?][]): BriefValue[] =>
  figures.map(([town, v, qualifier = '=']) => {
    const row = value(town, 2024, 'mediation.cases', v, { qualifier });
    return {
      town: { id: row.townId, name: town, county: '', city: '', province: '', years: [] },
      row,
      value: v,
    };
  });

const names = (values: readonly BriefValue[]): string[] => values.map((v) => v.town.name);

/** A model of these values, each town-year of them a report. */
function modelOf(values: readonly ValueRow[]): DatasetModel {
  const years = new Map(values.map((v) => [`${v.town}|${v.year}`, v]));
  return buildModel(
    values,
    [...years.values()].map((v) => report(v.town, v.year ?? 0)),
  );
}

/** The brief of every town of the model for 2024, one category of it. */
function categoryIn(model: DatasetModel, category: CategoryId): CategoryBrief | undefined {
  return briefOf(model, 2024, selectedTowns(model, null)).categories.find(
    (c) => c.category === category,
  );
}

describe('settledEnds', () => {
  it('names up to three towns at each end, never more than half of them', () => {
    const ends = settledEnds(
      stated([
        ['甲', 90],
        ['乙', 80],
        ['丙', 70],
        ['丁', 60],
        ['戊', 50],
        ['己', 40],
        ['庚', 30],
      ]),
    );
    expect(names(ends.highest)).toEqual(['甲', '乙', '丙']);
    expect(names(ends.lowest)).toEqual(['庚', '己', '戊']);
    const two = settledEnds(
      stated([
        ['甲', 9],
        ['乙', 3],
      ]),
    );
    expect(names(two.highest)).toEqual(['甲']);
    expect(names(two.lowest)).toEqual(['乙']);
    expect(settledEnds(stated([['甲', 9]]))).toEqual({ highest: [], lowest: [] });
  });

  it('does not rank a figure written 190余 below an exact 608: its true value has no stated end', () => {
    const ends = settledEnds(
      stated([
        ['段园镇', 608],
        ['黄花店镇', 190, '>='],
      ]),
    );
    expect(ends).toEqual({ highest: [], lowest: [] });
  });

  it('does rank 100余 above an exact 25', () => {
    const ends = settledEnds(
      stated([
        ['段园镇', 100, '>='],
        ['黄花店镇', 25],
      ]),
    );
    expect(names(ends.highest)).toEqual(['段园镇']);
    expect(names(ends.lowest)).toEqual(['黄花店镇']);
  });

  it('names no one at an end that ties with the rest', () => {
    const tie = settledEnds(
      stated([
        ['甲', 10],
        ['乙', 10],
        ['丙', 10],
        ['丁', 1],
      ]),
    );
    expect(tie.highest).toEqual([]);
    expect(names(tie.lowest)).toEqual(['丁']);
    expect(
      settledEnds(
        stated([
          ['甲', 5],
          ['乙', 5],
        ]),
      ),
    ).toEqual({ highest: [], lowest: [] });
  });

  it('widens a figure to the other values its report states, and a count up to a date to no upper end', () => {
    const [a, b] = stated([
      ['甲', 160],
      ['乙', 100],
    ]);
    if (a === undefined || b === undefined) throw new Error('two rows');
    // 甲's report also says 44: not surely above 100.
    const withOther = { ...a, row: { ...a.row, alternativeValues: [44] } };
    expect(settledEnds([withOther, b])).toEqual({ highest: [], lowest: [] });
    // 乙 counted to October: 100 or more for the year, maybe above 160.
    const upToOctober = { ...b, row: { ...b.row, period: '截至10月底' } };
    expect(settledEnds([a, upToOctober])).toEqual({ highest: [], lowest: [] });
    expect(rangeOf(upToOctober.row)).toEqual({ low: 100, high: Infinity });
    const rate = value('甲镇', 2024, 'mediation.success_rate', 96, { period: '截至10月底' });
    expect(rangeOf(rate)).toEqual({ low: -Infinity, high: Infinity });
    expect(isExact(a.row)).toBe(true);
    expect(isExact(withOther.row)).toBe(false);
    expect(isExact(upToOctober.row)).toBe(false);
  });

  it('keeps 约 of a negative change in order', () => {
    expect(boundsOf(-10, '~')).toEqual({ low: -11, high: -9 });
  });

  it('reads 约 as within a tenth: 约500 is surely above 300, not above 480', () => {
    expect(
      names(
        settledEnds(
          stated([
            ['甲', 500, '~'],
            ['乙', 300],
          ]),
        ).highest,
      ),
    ).toEqual(['甲']);
    expect(
      settledEnds(
        stated([
          ['甲', 500, '~'],
          ['乙', 480],
        ]),
      ).highest,
    ).toEqual([]);
    expect(boundsOf(500, '~')).toEqual({ low: 450, high: 550 });
  });
});

describe('signHolds', () => {
  const rate = (v: number, qualifier: Qualifier = '='): ValueRow =>
    value('甲镇', 2024, 'mediation.success_rate', v, { qualifier });
  const low = sign('mediation-success-low');

  it('shows a rate below the threshold only when the figure as written settles it', () => {
    expect(low.test).toEqual({ kind: 'below', threshold: 95 });
    expect(signHolds(low, rate(92))).toBe(true);
    expect(signHolds(low, rate(95))).toBe(false);
    expect(signHolds(low, rate(99.5))).toBe(false);
    // 不足90%: under 90, so under 95.
    expect(signHolds(low, rate(90, '<='))).toBe(true);
    // 约94%, 90余%: maybe 95 or more.
    expect(signHolds(low, rate(94, '~'))).toBe(false);
    expect(signHolds(low, rate(90, '>='))).toBe(false);
  });

  it('reads a stated year-over-year rise of petition visits', () => {
    const rising = sign('petition-visits-rising');
    const yoy = (v: number) => value('甲镇', 2024, 'petition.visits_yoy', v);
    expect(signHolds(rising, yoy(12.5))).toBe(true);
    expect(signHolds(rising, yoy(-17.2))).toBe(false);
    expect(signHolds(rising, yoy(0))).toBe(false);
  });

  it('compares petitions with the previous report only where both figures settle it', () => {
    const rising = sign('petition-cases-rising');
    const cases = (year: number, v: number, qualifier: Qualifier = '=') =>
      value('甲镇', year, 'petition.cases', v, { qualifier });
    expect(signHolds(rising, cases(2024, 73), cases(2023, 60))).toBe(true);
    expect(signHolds(rising, cases(2024, 60), cases(2023, 73))).toBe(false);
    expect(signHolds(rising, cases(2024, 73), null)).toBe(false);
    // 60余 before: maybe 80.
    expect(signHolds(rising, cases(2024, 73), cases(2023, 60, '>='))).toBe(false);
    expect(signHolds(rising, cases(2024, 73, '>='), cases(2023, 60))).toBe(true);
  });
});

describe('briefOf', () => {
  const MODEL = modelOf([
    value('甲镇', 2022, 'mediation.cases', 100),
    value('甲镇', 2024, 'mediation.cases', 150),
    value('乙镇', 2023, 'mediation.cases', 80),
    value('乙镇', 2024, 'mediation.cases', 60),
    value('丙镇', 2023, 'mediation.cases', 50, { qualifier: '>=' }),
    value('丙镇', 2024, 'mediation.cases', 70),
    value('丁镇', 2024, 'mediation.cases', 10),
    value('甲镇', 2024, 'mediation.success_rate', 93),
    value('乙镇', 2024, 'mediation.success_rate', 99),
    value('乙镇', 2023, 'petition.cases', 20),
    value('乙镇', 2024, 'petition.cases', 31),
    value('甲镇', 2024, 'petition.cases', 5),
    value('戊镇', 2023, 'petition.cases', 8),
  ]);
  const towns = selectedTowns(MODEL, null);
  const brief = briefOf(MODEL, 2024, towns);
  const mediation = brief.categories.find((c) => c.category === 'mediation');

  it('reads each town’s previous report, whatever year it was', () => {
    const jia = towns.find((t) => t.name === '甲镇');
    expect(jia && previousYear(jia, 2024)).toBe(2022);
    expect(briefYears(towns, 2024)).toEqual([2022, 2023, 2024]);
    expect(BRIEF_INDICATORS).toContain('mediation.cases');
    expect(BRIEF_INDICATORS).toContain('petition.visits_yoy');
    expect(new Set(BRIEF_INDICATORS).size).toBe(BRIEF_INDICATORS.length);
  });

  it('counts the towns with a report this year and names those without', () => {
    expect(brief.withReport).toBe(4);
    expect(brief.withPrevious).toBe(3);
    expect(brief.noReport.map((m) => [m.town.name, m.latest])).toEqual([['戊镇', 2023]]);
  });

  it('names the highest and lowest of the headline figure', () => {
    expect(names(mediation?.highest ?? [])).toEqual(['甲镇', '丙镇']);
    expect(names(mediation?.lowest ?? [])).toEqual(['丁镇', '乙镇']);
  });

  it('gives the largest rise and fall between exact figures only', () => {
    // 甲镇 100 (2022) → 150: +50 %; 丙镇 50余 → 70 is no exact rise; 乙镇 80 → 60: −25 %.
    expect(mediation?.compared).toBe(2);
    expect(mediation?.rise).toMatchObject({ beforeYear: 2022, difference: 50, percent: 50 });
    expect(mediation?.rise?.town.name).toBe('甲镇');
    expect(mediation?.fall).toMatchObject({ beforeYear: 2023, difference: -20, percent: -25 });
  });

  it('says which reports do not state a figure, never as a zero', () => {
    const petition = brief.categories.find((c) => c.category === 'petition');
    expect(petition?.notStated.map((t) => t.name).sort()).toEqual(['丁镇', '丙镇']);
    expect(petition?.stated.map((v) => v.value)).toEqual([31, 5]);
    const leadership = brief.categories.find((c) => c.category === 'leadership');
    expect(leadership?.stated).toEqual([]);
    expect(leadership?.notStated).toHaveLength(4);
  });

  it('lists the warning signs the figures settle', () => {
    expect(
      brief.warnings.map((w) => [w.sign.id, w.town.name, w.row.value, w.before?.year ?? null]),
    ).toEqual([
      ['mediation-success-low', '甲镇', 93, null],
      ['petition-cases-rising', '乙镇', 31, 2023],
    ]);
  });

  it('says how many towns each sign was checked in: none is unknown, not absent', () => {
    expect(brief.checked.get('mediation-success-low')).toBe(2);
    // 乙镇 states petitions in 2024 and in its previous report; 甲镇 has none in 2022.
    expect(brief.checked.get('petition-cases-rising')).toBe(1);
    expect(brief.checked.get('petition-visits-rising')).toBe(0);
  });

  it('names the first report of a town that had none before the year', () => {
    const later = briefOf(MODEL, 2022, towns);
    const firsts = later.noReport.map((m) => [m.town.name, m.latest, m.first]);
    expect(firsts).toContainEqual(['乙镇', null, 2023]);
  });

  it('says why a category names no end: all the same, tied, or an order left open', () => {
    const orderOf = (figures: readonly [string, number, Qualifier][]) =>
      categoryIn(
        modelOf(
          figures.map(([town, v, qualifier]) =>
            value(town, 2024, 'mediation.cases', v, { qualifier }),
          ),
        ),
        'mediation',
      )?.order;
    expect(
      orderOf([
        ['甲镇', 5, '='],
        ['乙镇', 5, '='],
      ]),
    ).toBe('same');
    // Five towns at 12 and eight at 4: three names at an end would cut a tie.
    const tied: [string, number, Qualifier][] = [
      ...[...'甲乙丙丁戊'].map((c): [string, number, Qualifier] => [`${c}镇`, 12, '=']),
      ...[...'己庚辛壬癸子丑寅'].map((c): [string, number, Qualifier] => [`${c}镇`, 4, '=']),
    ];
    expect(orderOf(tied)).toBe('tied');
    expect(
      orderOf([
        ['甲镇', 608, '='],
        ['乙镇', 190, '>='],
      ]),
    ).toBe('open');
    expect(
      orderOf([
        ['甲镇', 100, '>='],
        ['乙镇', 25, '='],
      ]),
    ).toBe('ranked');
    expect(orderOf([['甲镇', 100, '=']])).toBe('few');
  });

  it('leaves a rise from zero out of the largest rise by percent', () => {
    const mediation = categoryIn(
      modelOf([
        value('甲镇', 2023, 'mediation.cases', 0),
        value('甲镇', 2024, 'mediation.cases', 1),
        value('乙镇', 2023, 'mediation.cases', 100),
        value('乙镇', 2024, 'mediation.cases', 500),
      ]),
      'mediation',
    );
    expect(mediation?.compared).toBe(2);
    expect(mediation?.rise?.town.name).toBe('乙镇');
    expect(mediation?.rise?.percent).toBe(400);
  });

  it('has nothing to compare when no town has an earlier report', () => {
    const single = modelOf([
      value('甲镇', 2024, 'mediation.cases', 5),
      value('乙镇', 2024, 'mediation.cases', 9),
    ]);
    const one = briefOf(single, 2024, selectedTowns(single, null));
    expect(one.withReport).toBe(2);
    expect(one.withPrevious).toBe(0);
    expect(one.categories.every((c) => c.compared === 0 && c.rise === null)).toBe(true);
  });
});
