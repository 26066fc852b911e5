import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parsePlaceName,
  parseReportId,
  parseTitle,
  reportIdFromFileName,
} from '../../src/extract/names';

describe('parsePlaceName', () => {
  it.each([
    ['红格镇', '红格镇'],
    ['  彭浦镇 ', '彭浦镇'],
    ['伊犁哈萨克自治州', '伊犁哈萨克自治州'],
    ['乌鲁木齐市', '乌鲁木齐市'],
    ['Xi’an', 'Xi’an'],
    ['巴音郭楞蒙古自治州·库尔勒市', '巴音郭楞蒙古自治州·库尔勒市'],
    ['新区（筹）', '新区（筹）'],
  ])('keeps %j as %j', (raw, name) => {
    expect(parsePlaceName(raw)).toEqual({ ok: true, data: name });
  });

  it.each([
    ['<img src=x onerror=alert(1)>镇', /holds "<" \(U\+003C\)/],
    ['红格镇"><script>', /holds """ \(U\+0022\)/],
    ['红格&镇', /holds "&"/],
    ['红格\u0000镇', /holds U\+0000/],
    ['红格\u202e镇', /holds U\+202E/],
    ['javascript:alert(1)', /holds ":"/],
    ['', /is empty/],
    ['镇'.repeat(41), /longer than 40/],
  ])('refuses %j', (raw, message) => {
    const parsed = parsePlaceName(raw, 'town');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(message);
  });
});

describe('parseTitle', () => {
  it('keeps the punctuation titles are written with', () => {
    const title = '关于《红格镇2023年法治政府建设情况》的报告（第1号）';
    expect(parseTitle(title)).toEqual({ ok: true, data: title });
  });

  it('refuses markup', () => {
    expect(parseTitle('<b>报告</b>').ok).toBe(false);
  });
});

describe('parseReportId', () => {
  it.each(['sichuan-yanbian-hongge-2023', '红格镇 2023 (终稿)', "xi'an-2024"])('keeps %j', (id) => {
    expect(parseReportId(id)).toEqual({ ok: true, data: id });
  });

  it.each(['', '.', '..', '<img src=x>', 'a"b', 'tab\there'])('refuses %j', (id) => {
    expect(parseReportId(id).ok).toBe(false);
  });
});

describe('reportIdFromFileName', () => {
  it.each([
    ['段园镇 2024年报告.docx', '段园镇-2024年报告'],
    ['C:\\Users\\me\\R&D 报告.pdf', 'R-D-报告'],
    ['..docx', 'report'],
    ['.hidden.txt', 'hidden'],
    ['<img src=x onerror=alert(1)>.txt', 'img-src=x-onerror=alert(1)'],
  ])('names %j as %j', (name, id) => {
    expect(reportIdFromFileName(name)).toBe(id);
  });

  it('always gives an id the CLI accepts, whatever the name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const id = reportIdFromFileName(name);
        expect(parseReportId(id).ok).toBe(true);
        expect(parseReportId(`${id}-12`).ok).toBe(true);
      }),
    );
  });
});
