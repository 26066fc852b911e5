import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../src/extract/decode';
import { normalizeReportText } from '../../src/extract/text';
import { noteText } from '../../src/extract/report-notes';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'encodings');
const fixture = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));
const utf16le = (text: string): Uint8Array => {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
};

describe('decodeReport', () => {
  it.each([
    ['gb18030.txt', 'gb18030'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-nobom.txt', 'utf-16be'],
    ['utf8-bom-crlf.txt', 'utf-8'],
  ])('reads %s as %s', (name, encoding) => {
    const result = decodeReport(fixture(name));
    expect(result.ok && result.data.encoding).toBe(encoding);
    expect(result.ok && normalizeReportText(result.data.text)).toContain(
      '关于2024年法治政府建设情况的报告',
    );
  });

  it('reads UTF-16LE without a BOM', () => {
    const result = decodeReport(utf16le('红格镇2023年共调解矛盾纠纷208件。\n'));
    expect(result).toMatchObject({ ok: true, data: { encoding: 'utf-16le' } });
  });

  it.each([
    ['empty.txt', /empty/, '文件是空的'],
    ['binary.txt', /binary/, '是二进制文件（含 NUL 字节），不是文本'],
    ['english.txt', /no Chinese text/, '按 utf-8 读出的文字中没有中文，不像是报告'],
    ['report.docx', /zip container/, '是 zip 压缩包（.docx？），请先另存为纯文本'],
  ])('refuses %s with a reason, in English and Chinese', (name, en, zh) => {
    const result = decodeReport(fixture(name));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(noteText('en', result.reason)).toMatch(en);
      expect(noteText('zh', result.reason)).toBe(zh);
    }
  });

  it('refuses a PDF', () => {
    expect(decodeReport(new TextEncoder().encode('%PDF-1.7\n'))).toMatchObject({ ok: false });
  });
});

describe('normalizeReportText', () => {
  it('normalises line breaks and drops converter markup and a BOM', () => {
    expect(normalizeReportText('\uFEFF第一行\r\n[bookmark: _GoBack]第二行\r第三行')).toBe(
      '第一行\n第二行\n第三行',
    );
  });
});
