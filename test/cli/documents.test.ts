/**
 * The CLI reads the files towns send: the five sample reports written as
 * Word .docx, printed as a text PDF, saved from a portal as .html (UTF-8,
 * with the portal's chrome) and as a GB2312 .htm give the same values, towns
 * and years as the .txt originals, with spans that point at the phrase in
 * texts/<report_id>.txt; a scanned PDF, an encrypted .docx, a .doc, a .xlsx
 * and a page of links each get their own message; the rest of the run completes, exit code 1.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../e2e/browser';
import { docxOf } from '../importer/docx';
import { pdfOfText, scannedPdf } from '../importer/pdf-print';
import { readCsv, run, tempDir } from '../helpers';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'reports');
const samples = readdirSync(SAMPLE).filter((f) => f.endsWith('.txt'));
const PRINTED = 'sichuan-yanbian-hongge-2023';
/** Saved from a portal as a UTF-8 page, with the portal's navigation, sidebar and footer. */
const PORTAL = 'tianjin-huanghuadian-2024';
/** Saved as a GB2312 page (the same text as the GB18030 fixture). */
const GBK_PAGE = 'anhui-huaibei-duanyuan-2024';
const GB18030 = join(import.meta.dirname, '..', 'fixtures', 'encodings', 'gb18030.txt');

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A report as a government portal serves it: chrome all around, numbers in it too. */
function portalPage(text: string): string {
  const [title = '', ...lines] = text.split('\n');
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    `<title>${escapeHtml(title)}_武清区人民政府</title>` +
    '<style>.nav{color:red}</style><script>var visits = 12345; document.write("访问量");</script>' +
    '</head><body><div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a> ' +
    '<a href="/hdjl">互动交流</a></div>' +
    '<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>' +
    '<div class="main"><div class="sidebar"><ul><li><a href="/a">通知公告（12）</a></li>' +
    '<li><a href="/b">人事信息（3）</a></li><li><a href="/c">调解工作动态（8）</a></li></ul></div>' +
    `<div class="article"><h1>${escapeHtml(title)}</h1>` +
    '<div class="info">发布时间：2025-01-10 浏览次数：1234</div><div class="content">' +
    lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') +
    '</div><div class="tools"><a href="#">打印本页</a> <a href="#">关闭窗口</a></div></div></div>' +
    '<div class="footer">主办：武清区人民政府 电话：022-12345678 津ICP备12345678号</div>' +
    '</body></html>'
  );
}

/** The GB18030 fixture's lines as paragraphs of a page that declares GB2312. */
function gbkPage(): Uint8Array {
  const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
  const bytes = [...readFileSync(GB18030)];
  const out: number[] = ascii(
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">' +
      '<title>report</title></head><body><div id="nav"><a href="/">Home</a> | <a>News</a></div>' +
      '<div class="content">',
  );
  let line: number[] = [];
  for (const b of [...bytes, 0x0a]) {
    if (b === 0x0a) {
      out.push(...ascii('<p>'), ...line, ...ascii('</p>'));
      line = [];
    } else if (b !== 0x0d) line.push(b);
  }
  out.push(
    ...ascii('</div><div id="footer">Copyright 2024, tel. 0551-1234567</div></body></html>'),
  );
  return new Uint8Array(out);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Each value as a line: report, town, year, indicator, value, unit, qualifier. */
function valuesOf(outDir: string, reports?: ReadonlySet<string>): string[] {
  return readCsv(join(outDir, 'indicators.csv'))
    .filter((v) => reports === undefined || reports.has(v['report_id'] ?? ''))
    .map((v) =>
      [
        v['report_id'],
        v['town'],
        v['year'],
        v['indicator'],
        v['value'],
        v['unit'],
        v['qualifier'],
      ].join('|'),
    )
    .sort();
}

describe('the CLI on the files towns send', () => {
  let txtOut = '';
  let mixedOut = '';
  let errors: readonly string[] = [];
  let exitCode = -1;

  beforeAll(async () => {
    txtOut = (await run({ inDir: SAMPLE, quiet: true })).outDir;
    const mixed = tempDir('rol-formats-');
    copyFileSync(join(SAMPLE, 'reports.csv'), join(mixed, 'reports.csv'));
    for (const name of samples) {
      const id = basename(name, '.txt');
      const text = readFileSync(join(SAMPLE, name), 'utf8');
      if (id === PRINTED) {
        writeFileSync(join(mixed, `${id}.pdf`), await pdfOfText(browser, text));
      } else if (id === PORTAL) {
        writeFileSync(join(mixed, `${id}.html`), portalPage(text));
      } else if (id === GBK_PAGE) {
        writeFileSync(join(mixed, `${id}.htm`), gbkPage());
      } else {
        writeFileSync(join(mixed, `${id}.docx`), docxOf(text));
      }
    }
    // What else arrives in a folder of reports.
    writeFileSync(join(mixed, 'scan.pdf'), await scannedPdf(browser));
    writeFileSync(
      join(mixed, 'locked.docx'),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    );
    writeFileSync(join(mixed, 'old.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]));
    writeFileSync(join(mixed, 'figures.xlsx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]));
    writeFileSync(
      join(mixed, 'links.html'),
      '<html><body><div class="nav"><a href="/">首页</a> <a href="/x">法治政府建设（5）</a></div></body></html>',
    );
    const mixedRun = await run({ inDir: mixed, quiet: true });
    mixedOut = mixedRun.outDir;
    errors = mixedRun.output.errors;
    exitCode = mixedRun.result.exitCode;
  }, 120_000);

  it('finds in .docx, text PDF and saved web pages the values, towns and years of the .txt originals', () => {
    const ids = new Set(samples.map((f) => basename(f, '.txt')));
    expect(valuesOf(mixedOut, ids)).toEqual(valuesOf(txtOut));
    expect(valuesOf(txtOut).length).toBeGreaterThan(50);
  });

  it('keeps the text it read: every span points at its phrase in texts/<report_id>.txt', () => {
    const values = readCsv(join(mixedOut, 'indicators.csv')).filter((v) => v['derived'] !== 'true');
    expect(values.length).toBeGreaterThan(50);
    for (const v of values) {
      const text = readFileSync(join(mixedOut, 'texts', `${v['report_id']}.txt`), 'utf8');
      expect(text.slice(Number(v['start']), Number(v['end'])), v['report_id']).toBe(v['quote']);
    }
    const reports = readCsv(join(mixedOut, 'reports.csv'));
    const encodings = new Map(reports.map((r) => [r['report_id'], r['encoding']]));
    expect(encodings.get(PRINTED)).toBe('pdf');
    expect(encodings.get(PORTAL)).toBe('html');
    expect(encodings.get(GBK_PAGE)).toBe('html');
    expect(encodings.get('shanghai-jingan-pengpu-2023')).toBe('docx');
    // The portal's chrome is not in the text kept.
    const portal = readFileSync(join(mixedOut, 'texts', `${PORTAL}.txt`), 'utf8');
    for (const chrome of [
      '当前位置',
      '通知公告',
      '打印本页',
      '关闭窗口',
      'ICP',
      '浏览次数',
      '访问量',
    ]) {
      expect(portal, chrome).not.toContain(chrome);
    }
  });

  it('names every file it could not read, and why; the rest is written; exit code 1', () => {
    expect(exitCode).toBe(1);
    const said = errors.join('\n');
    expect(said).toMatch(/scan\.pdf.*no text layer.*OCR/);
    expect(said).toMatch(/locked\.docx.*encrypted/);
    expect(said).toMatch(/old\.doc.*save the report as \.docx/);
    expect(said).toMatch(/figures\.xlsx.*unsupported file type/);
    expect(said).toMatch(/links\.html.*no main text/);
    const reports = readCsv(join(mixedOut, 'reports.csv'));
    const failed = reports.filter((r) => r['status'] === 'error').map((r) => r['report_id']);
    expect(failed.sort()).toEqual(['figures', 'links', 'locked', 'old', 'scan']);
  });
});
