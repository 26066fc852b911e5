import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/documents';
import { MAX_REPORT_BYTES } from '../../src/extract/limits';
import { processText } from '../../src/extract';
import { docxOf } from './docx';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'reports');
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(SAMPLE, name)));
const values = (text: string) =>
  processText('r', 'r', text, 'txt', '').mentions.map((m) => `${m.indicator}=${m.value}`);

describe('readDocument', () => {
  it('decodes a .txt report as the CLI does', async () => {
    const read = await readDocument('hongge.txt', bytes('sichuan-yanbian-hongge-2023.txt'));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.text).toContain('红格镇');
  });

  it('reads a .docx report to the same figures as its text', async () => {
    const text = readFileSync(join(SAMPLE, 'anhui-huaibei-duanyuan-2024.txt'), 'utf8');
    const read = await readDocument('段园镇.docx', docxOf(text));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.encoding).toBe('docx');
    expect(values(read.text)).toEqual(values(text));
    expect(values(text).length).toBeGreaterThan(5);
  });

  it.each([
    [
      'an encrypted or old binary Word file',
      'x.docx',
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0],
      'encrypted',
    ],
    ['a file named .docx that is not one', 'x.docx', [0x25, 0x50, 0x44, 0x46], 'not-docx'],

    ['a spreadsheet', 'x.xlsx', [0x50, 0x4b, 0x03, 0x04], 'unsupported'],
    ['an empty text file', 'x.txt', [], 'unreadable'],
    ['a binary file named .txt', 'x.txt', [0, 1, 2, 0, 0, 0, 255, 0], 'unreadable'],
  ])('refuses %s with a reason', async (_, name, content, problem) => {
    const read = await readDocument(name, new Uint8Array(content));
    expect(read).toMatchObject({ ok: false, problem });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const read = await readDocument('huge.txt', new Uint8Array(MAX_REPORT_BYTES + 1));
    expect(read).toMatchObject({ ok: false, problem: 'too-large', detail: '50 MB' });
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
      problems: [{ file: '全年汇编.txt', problem: 'too-large', detail: '50 MB' }],
    });
  });
});
