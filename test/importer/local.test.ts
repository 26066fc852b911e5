/**
 * A report is its town, county and year: an import of a published report's
 * town and year replaces that report whole, in every selection and total.
 */
import { describe, expect, it } from 'vitest';
import {
  currentImports,
  identityOf,
  placeImport,
  publishedTownOf,
  withPublishedPlace,
} from '../../src/importer/place';
import { NO_UNUSED } from '../../src/importer/unused';
import type { ImportedReport, ReportMetadata } from '../../src/importer/workspace';
import { localRowsOf, withLocal, withLocalReports } from '../../src/importer/local';
import {
  isImportedTownYear,
  townIdOf,
  withLocalRows,
  withReports,
  type ReportInfo,
  type Town,
} from '../../src/dataset/model';
import {
  missingOf,
  overviewCards,
  rankTowns,
  selectedTowns,
  trendFor,
  valueFor,
} from '../../src/dataset/select';
import { compareMatrix, townProfile } from '../../src/dataset/compare';
import { MODEL, report, value } from '../dataset/fixtures';

const JIA = townIdOf({ town: '甲镇', county: '某县', city: '', province: '', reportId: '' });

/** 甲镇's 2024 report imported again, stating only the cases (edited to 160). */
const imported = value('甲镇', 2024, 'mediation.cases', 160, {
  reportId: '甲镇2024-import',
  local: true,
});
const model = withLocal(MODEL, [imported]);
const all = selectedTowns(model, null);

describe('withLocal and valueFor: an imported town-year replaces the published one whole', () => {
  it('shows the import’s value, and no published value of that town-year', () => {
    expect(valueFor(MODEL, 'mediation.success_rate', JIA, 2024)?.value).toBe(97);
    expect(valueFor(model, 'mediation.cases', JIA, 2024)).toMatchObject({
      value: 160,
      local: true,
    });
    // The import does not state the rate: not mentioned, not the published 97.
    expect(valueFor(model, 'mediation.success_rate', JIA, 2024)).toBeNull();
    const town = model.townById.get(JIA);
    expect(town === undefined ? null : missingOf(town, 2024)).toBe('notMentioned');
    // Its other years are still the published reports'.
    expect(valueFor(model, 'mediation.cases', JIA, 2022)?.value).toBe(100);
    expect(isImportedTownYear(model.local, JIA, 2024)).toBe(true);
    expect(isImportedTownYear(model.local, JIA, 2022)).toBe(false);
  });

  it('is one town in the lists: the ranking, the card total, the matrix and the trend count it once', () => {
    expect(model.towns.map((t) => t.name).sort()).toEqual(['丁镇', '丙镇', '乙镇', '甲镇']);
    const ranking = rankTowns(model, 'mediation.cases', 2024, all);
    expect(ranking.reported.map((r) => [r.town.name, r.value])).toEqual([
      ['乙镇', 190],
      ['甲镇', 160],
    ]);
    const rates = rankTowns(model, 'mediation.success_rate', 2024, all);
    expect(rates.reported.map((r) => r.town.name).sort()).toEqual(['丙镇', '乙镇']);
    expect(rates.notMentioned.map((t) => t.name)).toContain('甲镇');
    const card = overviewCards(model, 2024, all).find((c) => c.category === 'mediation');
    // 190 + 160: the published 150 is not added.
    expect(card?.headline?.value).toBe(350);
    expect(card?.reporting).toBe(2);
    const matrix = compareMatrix(
      model,
      ['mediation.cases', 'mediation.success_rate'],
      all,
      2024,
      'year',
    );
    expect(matrix.towns.filter((t) => t.name === '甲镇')).toHaveLength(1);
    expect(matrix.reporting.get('mediation.success_rate')).toBe(2);
    const trend = trendFor(model, 'mediation.cases', all);
    const jia = trend.series.filter((s) => s.town.name === '甲镇');
    expect(jia).toHaveLength(1);
    expect(jia[0]?.points.map((p) => p?.value ?? null)).toEqual([100, null, 160]);
  });

  it('replaces a town-year whose import states nothing (every value rejected)', () => {
    const place = { ...imported, reportId: '甲镇2024-import' };
    const empty = withLocal(MODEL, [], [place]);
    expect(valueFor(empty, 'mediation.cases', JIA, 2024)).toBeNull();
    expect(valueFor(empty, 'mediation.success_rate', JIA, 2024)).toBeNull();
    expect(
      rankTowns(empty, 'mediation.cases', 2024, all).notMentioned.map((t) => t.name),
    ).toContain('甲镇');
  });

  it('gives the town profile the import’s year alone', () => {
    const county = MODEL.countyData.get('//某县')?.values ?? [];
    expect(county.length).toBeGreaterThan(0);
    const town = model.townById.get(JIA);
    if (town === undefined) throw new Error('no 甲镇');
    const profile = townProfile(withLocalRows(county, model.local), town);
    const at = (indicator: string): (number | null)[] =>
      profile.rows.find((r) => r.indicator === indicator)?.values.map((v) => v?.value ?? null) ??
      [];
    expect(profile.years).toEqual([2022, 2024]);
    expect(at('mediation.cases')).toEqual([100, 160]);
    expect(at('mediation.success_rate')).toEqual([]);
    expect(withLocalRows(county, null)).toBe(county);
  });
});

const META: ReportMetadata = {
  town: '红格镇',
  county: '盐边县',
  city: '',
  province: '',
  year: 2023,
  published: '',
  title: '',
};

const HONGGE: Town = {
  id: '四川省/攀枝花市/盐边县/红格镇',
  name: '红格镇',
  county: '盐边县',
  city: '攀枝花市',
  province: '四川省',
  years: [2023],
};

describe('an import’s place: what the published data knows, applied as the CLI applied the manifest', () => {
  const towns = [...MODEL.towns, HONGGE];

  it('a town and county of a published town (city, province blank or equal) is that town', () => {
    expect(publishedTownOf(META, towns)).toBe(HONGGE);
    expect(withPublishedPlace(META, towns)).toEqual({
      ...META,
      city: '攀枝花市',
      province: '四川省',
    });
    expect(withPublishedPlace({ ...META, province: '四川省' }, towns).city).toBe('攀枝花市');
    // Another city, or no county: not that town.
    expect(publishedTownOf({ ...META, city: '成都市' }, towns)).toBeNull();
    expect(publishedTownOf({ ...META, county: '' }, towns)).toBeNull();
    const same = { ...META, city: '攀枝花市', province: '四川省' };
    expect(withPublishedPlace(same, towns)).toBe(same);
    // Two published towns of that name in that county (two provinces): none chosen.
    expect(
      publishedTownOf(META, [...towns, { ...HONGGE, id: 'x', province: '云南省' }]),
    ).toBeNull();
  });

  it('a published report’s own file takes the place, year, date and title the CLI published', () => {
    const published: ReportInfo = {
      ...report('黄花店镇', 2024),
      reportId: 'tianjin-huanghuadian-2024',
      county: '武清区',
      city: '天津市',
      province: '天津市',
      published: '2024-12-25',
      title: '黄花店镇2024年法治政府建设情况报告',
    };
    const reports = withReports(MODEL, [published]).reports;
    const detected = { ...META, town: '黄花店镇', county: '', year: 2024, title: '' };
    expect(
      placeImport(
        { file: 'tianjin-huanghuadian-2024.txt', metadata: detected },
        { towns, reports },
      ),
    ).toEqual({
      town: '黄花店镇',
      county: '武清区',
      city: '天津市',
      province: '天津市',
      year: 2024,
      published: '2024-12-25',
      title: '黄花店镇2024年法治政府建设情况报告',
    });
    // Another file: its own detection, completed only by town and county.
    expect(placeImport({ file: '黄花店镇.txt', metadata: detected }, { towns, reports })).toBe(
      detected,
    );
    expect(
      placeImport({ file: '红格镇2023.txt', metadata: META }, { towns, reports: null }),
    ).toEqual({ ...META, city: '攀枝花市', province: '四川省' });
  });
});

describe('one report per town and year among the imports', () => {
  const importOf = (reportId: string, metadata: ReportMetadata): ImportedReport => ({
    reportId,
    sourceKey: reportId,
    file: `${reportId}.txt`,
    format: 'txt',
    encoding: 'utf-8',
    text: '调解纠纷210件',
    metadata,
    unused: NO_UNUSED,
    values: [
      {
        indicator: 'mediation.cases',
        found: 208,
        unit: '件',
        qualifier: '=',
        start: 4,
        end: 8,
        derived: false,
        decision: 'edited',
        edited: Number(reportId.slice(-3)),
      },
    ],
  });
  const placed = { ...META, city: '攀枝花市', province: '四川省' };

  it('is the town id and the year; the later of two imports of one town-year counts', () => {
    const first = importOf('a-209', placed);
    const second = importOf('b-210', placed);
    const other = importOf('c-211', { ...placed, year: 2024 });
    const unplaced = importOf('d-212', { ...placed, town: '' });
    expect(identityOf(first)).toBe('四川省/攀枝花市/盐边县/红格镇|2023');
    expect(identityOf(unplaced)).toBeNull();
    expect(currentImports([first, second, other, unplaced])).toEqual([second, other, unplaced]);
    const shown = withLocalReports(MODEL, [first, second]);
    expect(localRowsOf([first, second])).toHaveLength(2);
    expect(shown.local?.rows.map((r) => r.value)).toEqual([210]);
    expect(valueFor(shown, 'mediation.cases', HONGGE.id, 2023)?.value).toBe(210);
  });
});
