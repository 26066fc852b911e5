import { describe, expect, it } from 'vitest';
import { detectMetadata, detectTitle } from '../../src/extract/metadata';
import { foldForMatching } from '../../src/extract/text';
import { noteText, type ReportNote } from '../../src/extract/report-notes';

const inEnglish = (n: ReportNote | undefined): string => (n === undefined ? '' : noteText('en', n));

const detect = (text: string) => detectMetadata(foldForMatching(text));

describe('detectMetadata', () => {
  it('reads a 街道办事处 in the signature and the year from the title', () => {
    const { metadata } = detect(
      '关于2022年度法治政府建设情况的报告\n2022年，我街道坚持依法行政。\n城关街道调解矛盾纠纷12件。\n某某县人民政府城关街道办事处\n2023年1月15日',
    );
    expect(metadata).toMatchObject({
      town: '城关街道',
      county: '某某县',
      year: 2022,
      published: '2023-01-15',
    });
  });

  it('reads a 乡 and a date written in Chinese numerals', () => {
    const { metadata } = detect(
      '向阳乡2023年法治政府建设工作报告\n向阳乡党委始终……\n向阳乡人民政府\n二〇二四年一月十二日',
    );
    expect(metadata).toMatchObject({ town: '向阳乡', year: 2023, published: '2024-01-12' });
  });

  it('keeps a signature with year and month only', () => {
    const { metadata } = detect('青山镇2023年法治政府建设报告\n……\n青山镇人民政府\n2024年1月\n');
    expect(metadata.published).toBe('2024-01');
  });

  it('takes the covered year, not the signing year', () => {
    const { metadata } = detect('黄花店镇\n2024年,黄花店镇坚持……\n黄花店镇人民政府\n2025年1月5日');
    expect(metadata.year).toBe(2024);
    expect(metadata.published).toBe('2025-01-05');
  });

  it('leaves undetectable fields empty and says why', () => {
    const { metadata, missing } = detect('我镇今年开展普法活动25场。');
    expect(metadata.town).toBe('');
    expect(metadata.year).toBeNull();
    expect(inEnglish(missing.get('town'))).toMatch(/no 镇\/乡\/街道/);
    expect(inEnglish(missing.get('year'))).toMatch(/no covered year/);
  });

  it("keeps no markup that a report's first lines hold, and says why", () => {
    const { metadata, missing } = detectMetadata(
      foldForMatching(
        '<img src=x onerror=alert(1)>青山镇2023年法治政府建设情况报告\n青山镇人民政府\n2024年1月5日',
      ),
      '<img src=x onerror=alert(1)>青山镇2023年法治政府建设情况报告\n青山镇人民政府\n2024年1月5日',
    );
    expect(metadata.title).toBe('');
    expect(inEnglish(missing.get('title'))).toMatch(/holds "<"/);
    expect(metadata.town).toBe('青山镇');
  });

  it('takes no signing date that the calendar does not have', () => {
    const { metadata } = detect(
      '青山镇2023年法治政府建设报告\n……\n青山镇人民政府\n2024年2月30日\n',
    );
    expect(metadata.published).toBe('');
  });

  it('does not take generic words for places', () => {
    const { metadata } = detect(
      '关于2023年的报告\n全镇各社区、园区、辖区，依法治镇，撤乡并镇，魅力小镇。',
    );
    expect(metadata.town).toBe('');
    expect(metadata.county).toBe('');
  });
});

describe('detectTitle', () => {
  it.each([
    [
      '紫兴街道2021年度法治政府建设工作报告\n\n为深入贯彻……',
      '紫兴街道2021年度法治政府建设工作报告',
    ],
    [
      ' 红格镇人民政府\n关于2023年法治政府建设工作情况的\n报  告\n \n红格镇党委……',
      '关于2023年法治政府建设工作情况的报告',
    ],
    [
      '中共淮北市段园镇委员会 淮北市段园镇人民政府\n关于2024年法治政府建设情况的报告\n\n杜集区委、区政府：',
      '关于2024年法治政府建设情况的报告',
    ],
    [
      '2024年,黄花店镇坚持以习近平新时代中国特色社会主义思想为指引,深入学习宣传贯彻习近平法治思想。',
      '',
    ],
  ])('%#', (text, title) => {
    expect(detectTitle(text)).toBe(title);
  });
});
