/**
 * PDF reports: a text PDF printed by Chromium from a sample report reads back
 * to the same figures; a PDF with no text layer (a scan) is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readDocument, unifyRadicals } from '../../src/documents';
import { processText } from '../../src/extract';
import { launchBrowser } from '../e2e/browser';
import { pdfOfText, scannedPdf } from './pdf-print';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'reports');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const figures = (text: string) =>
  processText('r', 'r', text, 'txt', '')
    .mentions.map((m) => `${m.indicator}=${m.value}`)
    .sort();

describe('a PDF report', () => {
  it('reads a text PDF to the same figures as the text it was printed from', async () => {
    const text = readFileSync(join(SAMPLE, 'sichuan-yanbian-hongge-2023.txt'), 'utf8');
    const read = await readDocument('红格镇.pdf', await pdfOfText(browser, text));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read).toMatchObject({ format: 'pdf', encoding: '' });
    expect(read.text).toContain('红格镇');
    expect(figures(read.text)).toEqual(figures(text));
  });

  it('refuses a PDF with no text layer, as a scan is', async () => {
    const read = await readDocument('scan.pdf', await scannedPdf(browser));
    // The page count tells the administrator what OCR would take.
    expect(read).toMatchObject({
      ok: false,
      note: { code: 'no_text_layer', params: { pages: '1' } },
    });
  });

  it('refuses a file named .pdf that is not one', async () => {
    const read = await readDocument('x.pdf', new TextEncoder().encode('hello'));
    expect(read).toMatchObject({
      ok: false,
      note: { code: 'corrupt', params: { format: '.pdf' } },
    });
  });
});

describe('unifyRadicals', () => {
  it('turns the radical forms PDF writers use back into the characters', () => {
    expect(unifyRadicals('⻩花店镇⼈⺠调解⽭盾纠纷，⻓期⼀⼆')).toBe(
      '黄花店镇人民调解矛盾纠纷，长期一二',
    );
  });
});
