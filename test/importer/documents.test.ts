/**
 * src/documents on each format a town sends, read in Node as the CLI reads
 * them (the import worker runs the same modules): the five sample reports as
 * real Word 97 files, a .docx, a saved page in GBK (declared or not), a page
 * saved as one .mhtml file; and the files that give no report, each with its
 * reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/documents';
import { processText } from '../../src/extract';
import { MAX_REPORT_BYTES } from '../../src/extract/limits';
import { noteText } from '../../src/extract/report-notes';
import { docxOf } from './docx';
import {
  encryptedDocx,
  hugeSectorDoc,
  lockedDoc,
  loopedDoc,
  oleFile,
  word97,
  WORD97,
} from './office';
import { portalHtml, portalPage, PORTAL_CHROME, gbkBytes } from './portal-page';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'reports');
const sample = (id: string): string => readFileSync(join(SAMPLE, `${id}.txt`), 'utf8');
const IDS = readdirSync(WORD97)
  .filter((f) => f.endsWith('.doc'))
  .map((f) => f.slice(0, -4));

/** What the extractor finds in a text: each figure, its town and year. */
function found(text: string) {
  const outcome = processText('r', 'r', text, 'txt', '');
  return {
    town: outcome.detected.town,
    year: outcome.detected.year,
    figures: outcome.mentions.map((m) => `${m.indicator}=${m.value}${m.qualifier}`).sort(),
  };
}

async function readOk(name: string, bytes: Uint8Array) {
  const read = await readDocument(name, bytes);
  if (!read.ok) throw new Error(`${name}: ${noteText('en', read.note)}`);
  return read;
}

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  const read = await readDocument(name, bytes);
  if (read.ok) throw new Error(`${name} was read`);
  // Every refusal is worded in both languages.
  expect(noteText('zh', read.note)).toMatch(/[\u4e00-\u9fff]/);
  expect(noteText('en', read.note)).toMatch(/[a-z]/);
  return read.note.code;
}

/** A page saved by a browser or Word as one file: the page as a base64 part, an image beside it. */
function mhtmlOf(page: Uint8Array, charset: string): Uint8Array {
  const base64 = (bytes: Uint8Array): string =>
    (
      Buffer.from(bytes)
        .toString('base64')
        .match(/.{1,76}/g) ?? []
    ).join('\r\n');
  const head = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: http://www.example.gov.cn/zwgk/2025/report.html',
    'Subject: =?utf-8?Q?report?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; type="text/html"; boundary="----BOUNDARY"',
    '',
    '------BOUNDARY',
    `Content-Type: text/html; charset=${charset}`,
    'Content-Transfer-Encoding: base64',
    'Content-Location: http://www.example.gov.cn/zwgk/2025/report.html',
    '',
    base64(page),
    '------BOUNDARY',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: http://www.example.gov.cn/logo.png',
    '',
    base64(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])),
    '------BOUNDARY--',
    '',
  ].join('\r\n');
  return new TextEncoder().encode(head);
}

describe('readDocument: the formats towns send', () => {
  it('decodes a .txt report as the CLI does', async () => {
    const read = await readOk('hongge.txt', new TextEncoder().encode(sample(IDS[0] ?? '')));
    expect(read).toMatchObject({ format: 'txt', encoding: 'utf-8' });
  });

  it.each(IDS)(
    'reads %s.doc (Word 97) to the same town, year and figures as its text',
    async (id) => {
      const read = await readOk(`${id}.doc`, word97(id));
      expect(read).toMatchObject({ format: 'doc', encoding: '' });
      const text = sample(id);
      expect(found(read.text)).toEqual(found(text));
      expect(found(text).figures.length).toBeGreaterThan(0);
    },
  );

  it('keeps a .doc report’s quotation marks and dashes as written', async () => {
    const id = IDS.find((i) => sample(i).includes('“')) ?? '';
    const read = await readOk(`${id}.doc`, word97(id));
    expect(read.text).toContain('“');
    expect(read.text).not.toMatch(/"关键少数"/);
  });

  it('reads a .docx report to the same figures as its text', async () => {
    const text = sample('anhui-huaibei-duanyuan-2024');
    const read = await readOk('段园镇.docx', docxOf(text));
    expect(read).toMatchObject({ format: 'docx', encoding: '' });
    expect(found(read.text)).toEqual(found(text));
  });

  it('reads a file for what its bytes are, whatever its name says', async () => {
    const text = sample('anhui-huaibei-duanyuan-2024');
    // A .docx renamed .doc, a Word 97 file renamed .docx, a page Word saved as .doc.
    expect(await readOk('a.doc', docxOf(text))).toMatchObject({ format: 'docx' });
    const id = IDS[0] ?? '';
    expect(await readOk('b.docx', word97(id))).toMatchObject({ format: 'doc' });
    expect(await readOk('c.doc', portalPage(text))).toMatchObject({ format: 'html' });
  });

  it.each([
    ['GBK, declared', { charset: 'gbk', declared: true }, 'gbk'],
    ['GBK, not declared', { charset: 'gbk', declared: false }, 'gb18030'],
    ['UTF-8, not declared', { charset: 'utf-8', declared: false }, 'utf-8'],
  ] as const)(
    'reads a portal page saved as .html (%s): the article, none of the portal around it',
    async (_, options, encoding) => {
      const text = sample('tianjin-huanghuadian-2024');
      const read = await readOk('page.html', portalPage(text, options));
      expect(read).toMatchObject({ format: 'html', encoding });
      expect(found(read.text)).toEqual(found(text));
      for (const chrome of PORTAL_CHROME) expect(read.text, chrome).not.toContain(chrome);
    },
  );

  it('reads a page saved as one .mhtml file (its HTML part in GBK, base64)', async () => {
    const text = sample('sichuan-yanbian-hongge-2023');
    const mhtml = mhtmlOf(gbkBytes(portalHtml(text, 'gbk')), 'gbk');
    const read = await readOk('page.mhtml', mhtml);
    expect(read).toMatchObject({ format: 'mhtml' });
    expect(found(read.text)).toEqual(found(text));
    for (const chrome of PORTAL_CHROME) expect(read.text, chrome).not.toContain(chrome);
    // Named .mht, or saved with an .html name, it is read the same.
    expect((await readOk('page.mht', mhtml)).text).toBe(read.text);
    expect((await readOk('page.html', mhtml)).text).toBe(read.text);
  });
});

describe('readDocument: files that give no report, each with its reason', () => {
  it.each([
    ['a password-protected .docx', 'x.docx', encryptedDocx, 'encrypted'],
    ['a password-protected .doc', 'x.doc', () => lockedDoc(IDS[0] ?? ''), 'encrypted'],
    // Without bounds, word-extractor would follow the loop until memory ran out.
    ['a .doc whose sectors chain in a loop', 'x.doc', () => loopedDoc(IDS[0] ?? ''), 'corrupt'],
    [
      'a .doc whose header claims 1 GB sectors',
      'x.doc',
      () => hugeSectorDoc(IDS[0] ?? ''),
      'corrupt',
    ],
    [
      'an old Excel file named .doc',
      'x.doc',
      () => oleFile({ Workbook: new Uint8Array(600) }),
      'corrupt',
    ],
    ['a damaged Word file', 'x.doc', () => word97(IDS[0] ?? '').subarray(0, 700), 'corrupt'],
    [
      'a file named .docx that is no Word file',
      'x.docx',
      () => new TextEncoder().encode('hello'),
      'corrupt',
    ],
    [
      'a spreadsheet',
      'x.xlsx',
      () => new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
      'not_report_format',
    ],
    [
      'a WPS document',
      'x.wps',
      () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
      'not_report_format',
    ],
    [
      'a page of links only',
      'x.html',
      () =>
        new TextEncoder().encode(
          '<html><body><a href="/">首页</a> <a href="/b">通知公告</a></body></html>',
        ),
      'empty_page',
    ],
    ['an empty text file', 'x.txt', () => new Uint8Array(), 'empty_file'],
    [
      'a binary file named .txt',
      'x.txt',
      () => new Uint8Array([0, 1, 2, 0, 0, 0, 255, 0]),
      'binary_file',
    ],
  ])('refuses %s', async (_, name, bytes, code) => {
    expect(await refusal(name, bytes())).toBe(code);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const read = await readDocument('huge.txt', new Uint8Array(MAX_REPORT_BYTES + 1));
    expect(read).toMatchObject({
      ok: false,
      note: { code: 'too_large', params: { size: '50 MB', limit: '50 MB' } },
    });
  });

  it('names the formats it reads when it refuses one', async () => {
    const read = await readDocument('表格.xlsx', new Uint8Array([1]));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(noteText('zh', read.note)).toBe(
      '不是报告的文件格式（.xlsx）：请另存为以下格式之一再加入：.txt .docx .doc .pdf .html .htm .mhtml .mht',
    );
  });
});

describe('runImport', () => {
  it('refuses a file over the limit by its size, before reading it', async () => {
    const { runImport } = await import('../../src/importer/run');
    const huge = new File([new Uint8Array(MAX_REPORT_BYTES + 1)], '全年汇编.txt');
    // Reading it would fail the test: the size alone must decide.
    huge.arrayBuffer = () => Promise.reject(new Error('read'));
    const batch = await runImport([huge], [], () => undefined);
    expect(batch).toEqual({
      reports: [],
      problems: [
        {
          file: '全年汇编.txt',
          note: { code: 'too_large', params: { size: '50 MB', limit: '50 MB' } },
        },
      ],
    });
  });
});
