/**
 * The CLI reads the files towns send: the five sample reports written as
 * Word .docx, as Word 97 .doc, printed as a text PDF, saved from a portal as
 * a GBK .html page (navigation, breadcrumbs, sidebar, footer around the
 * article) and as one .mhtml file each give the same values, towns and years
 * as the .txt originals, with spans that point at the phrase in
 * the data folder's texts. A folder mixing all formats with a scanned PDF, an
 * encrypted .docx, a .xlsx, a .wps, an empty page and one report sent twice:
 * every readable report extracted, each other file with its own message in
 * English and Chinese, the duplicate named with both files, exit code 1.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { zipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../e2e/browser';
import { indicatorFileRows, publishedText, readCsv, run, tableRows, tempDir } from '../helpers';
import { docxOf } from '../importer/docx';
import { encryptedDocx, word97 } from '../importer/office';
import { pdfOfText, savedMhtml, scannedPdf } from '../importer/pdf-print';
import { gbkBytes, portalHtml, portalPage, PORTAL_CHROME } from '../importer/portal-page';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'reports');
const IDS = readdirSync(SAMPLE)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => basename(f, '.txt'));
const sample = (id: string): string => readFileSync(join(SAMPLE, `${id}.txt`), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Each format a town sends, the extension it comes with, and how a report is written in it. */
const FORMATS: Readonly<
  Record<string, { extension: string; write: (id: string) => Promise<Uint8Array> | Uint8Array }>
> = {
  docx: { extension: '.docx', write: (id) => docxOf(sample(id)) },
  doc: { extension: '.doc', write: (id) => word97(id) },
  pdf: { extension: '.pdf', write: (id) => pdfOfText(browser, sample(id)) },
  html: { extension: '.html', write: (id) => portalPage(sample(id), { charset: 'gbk' }) },
  mhtml: { extension: '.mhtml', write: (id) => savedMhtml(browser, portalHtml(sample(id))) },
};

/** Each value as a line: report, town, year, indicator, value, unit, qualifier. */
function valuesOf(outDir: string, reports?: ReadonlySet<string>): string[] {
  return tableRows(outDir, 'values')
    .filter((v) => reports === undefined || reports.has(v['report_id'] ?? ''))
    .map((v) =>
      [v['report_id'], v['town'], v['year'], v['indicator'], v['value'], v['qualifier']].join('|'),
    )
    .sort();
}

/** Every value not derived: its span in its report's published text is its quote. */
function expectSpansInTexts(outDir: string): number {
  const values = indicatorFileRows(outDir).filter((v) => v['derived'] !== 'true');
  for (const v of values) {
    const text = publishedText(outDir, v['report_id'] ?? '') ?? '';
    expect(text.slice(Number(v['start']), Number(v['end'])), v['report_id']).toBe(v['quote']);
  }
  return values.length;
}

let txtOut = '';
beforeAll(async () => {
  txtOut = (await run({ inDir: SAMPLE, quiet: true })).outDir;
}, 60_000);

describe.each(Object.keys(FORMATS))('the five sample reports as .%s', (format) => {
  let outDir = '';
  let exitCode = -1;
  beforeAll(async () => {
    const { extension, write } = FORMATS[format] ?? {
      extension: '',
      write: () => new Uint8Array(),
    };
    const folder = tempDir(`rol-${format}-`);
    copyFileSync(join(SAMPLE, 'reports.csv'), join(folder, 'reports.csv'));
    for (const id of IDS) writeFileSync(join(folder, `${id}${extension}`), await write(id));
    const result = await run({ inDir: folder, quiet: true });
    outDir = result.outDir;
    exitCode = result.result.exitCode;
  }, 120_000);

  it('give the values, towns and years of the .txt originals', () => {
    expect(exitCode).toBe(0);
    expect(valuesOf(outDir)).toEqual(valuesOf(txtOut));
    expect(valuesOf(txtOut).length).toBeGreaterThan(50);
  });

  it('keep the text read: every span points at its phrase in the published text', () => {
    expect(expectSpansInTexts(outDir)).toBeGreaterThan(50);
    const reports = readCsv(join(outDir, 'reports.csv'));
    expect(reports.map((r) => r['format'])).toEqual(IDS.map(() => format));
    for (const id of IDS) {
      const text = publishedText(outDir, id) ?? '';
      expect(text.length, id).toBeGreaterThan(1000);
      for (const chrome of PORTAL_CHROME) expect(text, `${id}: ${chrome}`).not.toContain(chrome);
    }
  });
});

describe('a folder of every format, with the files that are no report', () => {
  let outDir = '';
  let errors: readonly string[] = [];
  let exitCode = -1;
  const formats = Object.keys(FORMATS);
  /** One sample per format, the last format taking the rest. */
  const formatOf = (i: number): string => formats[Math.min(i, formats.length - 1)] ?? 'docx';

  beforeAll(async () => {
    const folder = tempDir('rol-mixed-');
    copyFileSync(join(SAMPLE, 'reports.csv'), join(folder, 'reports.csv'));
    for (const [i, id] of IDS.entries()) {
      const { extension, write } = FORMATS[formatOf(i)] ?? {
        extension: '',
        write: () => new Uint8Array(),
      };
      writeFileSync(join(folder, `${id}${extension}`), await write(id));
    }
    // One report sent as .docx and saved from the portal too, under another name.
    const [first = ''] = IDS;
    mkdirSync(join(folder, 'portal'));
    writeFileSync(join(folder, 'portal', 'content_4410.html'), portalPage(sample(first)));
    // What else arrives in a folder of reports.
    writeFileSync(join(folder, 'scan.pdf'), await scannedPdf(browser));
    writeFileSync(join(folder, 'locked.docx'), encryptedDocx());
    writeFileSync(join(folder, 'figures.xlsx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]));
    writeFileSync(join(folder, 'draft.wps'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    writeFileSync(
      join(folder, 'empty.html'),
      '<html><head><title>x</title></head><body></body></html>',
    );
    writeFileSync(
      join(folder, 'notice.html'),
      portalHtml(
        `关于端午节放假的通知\n${'根据国务院办公厅通知精神，现将端午节放假安排通知如下，请各单位做好值班安排。'.repeat(6)}`,
      ),
    );
    const result = await run({ inDir: folder, quiet: true });
    outDir = result.outDir;
    errors = result.output.errors;
    exitCode = result.result.exitCode;
  }, 120_000);

  it('extracts every readable report, as from the .txt originals', () => {
    expect(valuesOf(outDir, new Set(IDS))).toEqual(valuesOf(txtOut));
    expectSpansInTexts(outDir);
    const reports = new Map(readCsv(join(outDir, 'reports.csv')).map((r) => [r['report_id'], r]));
    for (const [i, id] of IDS.entries()) expect(reports.get(id)?.['format'], id).toBe(formatOf(i));
  });

  it('names a report sent twice as one, with both files, and counts it once', () => {
    const [first = ''] = IDS;
    const reports = new Map(readCsv(join(outDir, 'reports.csv')).map((r) => [r['report_id'], r]));
    const copy = reports.get('content_4410');
    expect(copy).toMatchObject({ status: 'duplicate', format: 'html', mentions: '0' });
    expect(copy?.['message']).toContain(`${first}${FORMATS[formatOf(0)]?.extension}`);
    expect(copy?.['file']).toContain('content_4410.html');
    expect(valuesOf(outDir).filter((v) => v.startsWith('content_4410|'))).toEqual([]);
    const said = errors.join('\n');
    expect(said).toMatch(
      /content_4410\.html: warning: the same report as .*· 与报告 .*是同一份报告/,
    );
  });

  it('names every other file with why and what to do, in English and Chinese; exit code 1', () => {
    expect(exitCode).toBe(1);
    const said = errors.join('\n');
    const expected: [string, RegExp][] = [
      [
        'scan',
        /scan\.pdf: error: the PDF has 1 page but no text layer .*OCR.* · PDF 共 1 页，但没有文字层/,
      ],
      ['locked', /locked\.docx: error: the \.docx file is password-protected .* · .*设有密码/],
      [
        'figures',
        /figures\.xlsx: error: \.xlsx is not a report format.* · 不是报告的文件格式（\.xlsx）/,
      ],
      ['draft', /draft\.wps: error: \.wps is not a report format.* · 不是报告的文件格式（\.wps）/],
      ['empty', /empty\.html: error: the page has no main text.* · 网页中没有正文/],
      [
        'notice',
        /notice\.html: error: .*does not look like a rule-of-law report.* · .*不像是法治政府建设报告/,
      ],
    ];
    for (const [, pattern] of expected) expect(said).toMatch(pattern);
    const reports = readCsv(join(outDir, 'reports.csv'));
    const failed = reports.filter((r) => r['status'] === 'error');
    expect(failed.map((r) => r['report_id']).sort()).toEqual(expected.map(([id]) => id).sort());
    // reports.csv words each in Chinese, and keeps its code for the dashboard's English.
    for (const r of failed) expect(r['message']).toMatch(/[\u4e00-\u9fff]/);
    expect(failed.find((r) => r['report_id'] === 'scan')?.['notes']).toBe(
      '[{"code":"no_text_layer","params":{"pages":"1"}}]',
    );
  });
});

/**
 * A zip as Windows' own "send to compressed folder" writes one: names in GBK
 * with no UTF-8 flag. fflate writes UTF-8 names: each is written as ASCII of
 * the same length, then its bytes replaced by the GBK ones (a name is outside
 * the CRC).
 */
function windowsZip(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  const placeholders = new Map<string, Uint8Array>();
  const entries: Record<string, Uint8Array> = {};
  for (const [i, [name, bytes]] of Object.entries(files).entries()) {
    const gbk = gbkBytes(name);
    const placeholder = `${i}`.padStart(gbk.length, 'Z');
    placeholders.set(placeholder, gbk);
    entries[placeholder] = bytes;
  }
  const zip = zipSync(entries, { level: 6 });
  const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
  for (const [placeholder, gbk] of placeholders) {
    const needle = ascii(placeholder);
    for (let at = 0; at <= zip.length - needle.length; at++) {
      if (needle.every((b, k) => zip[at + k] === b)) zip.set(gbk, at);
    }
  }
  return zip;
}

describe('a zip of reports (--in reports.zip)', () => {
  let outDir = '';
  let errors: readonly string[] = [];
  const [first = '', second = '', third = ''] = IDS;

  beforeAll(async () => {
    const zip = windowsZip({
      [`城关镇/${first}.docx`]: docxOf(sample(first)),
      [`报告/${second}.doc`]: word97(second),
      [`${third}.txt`]: new TextEncoder().encode(sample(third)),
      '统计表.xlsx': new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
      '__MACOSX/城关镇/._x.docx': new Uint8Array([0, 5, 22, 7]),
    });
    const path = join(tempDir('rol-zip-'), '各镇报告.zip');
    writeFileSync(path, zip);
    const result = await run({ inDir: path, quiet: true });
    outDir = result.outDir;
    errors = result.output.errors;
  }, 60_000);

  it('reads every report in it, whatever its folder, named by the zip and its path', () => {
    const ids = new Set([first, second, third]);
    expect(valuesOf(outDir)).toEqual(valuesOf(txtOut, ids));
    const reports = new Map(readCsv(join(outDir, 'reports.csv')).map((r) => [r['report_id'], r]));
    expect(reports.get(first)?.['file']).toBe(`各镇报告.zip/城关镇/${first}.docx`);
    expect(reports.get(second)).toMatchObject({
      format: 'doc',
      file: `各镇报告.zip/报告/${second}.doc`,
    });
    expect(expectSpansInTexts(outDir)).toBeGreaterThan(20);
  });

  it('names the file that is no report, and leaves out what the zip tool added', () => {
    expect(errors.join('\n')).toMatch(
      /各镇报告\.zip\/统计表\.xlsx: error: \.xlsx is not a report format/,
    );
    const ids = readCsv(join(outDir, 'reports.csv')).map((r) => r['report_id']);
    expect(ids.sort()).toEqual([first, second, third, '统计表'].sort());
  });
});
