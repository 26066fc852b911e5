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

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'reports');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function printed(html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({ format: 'A4' });
  await page.close();
  return new Uint8Array(pdf);
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const figures = (text: string) =>
  processText('r', 'r', text, 'x')
    .mentions.map((m) => `${m.indicator}=${m.value}`)
    .sort();

describe('a PDF report', () => {
  it('reads a text PDF to the same figures as the text it was printed from', async () => {
    const text = readFileSync(join(SAMPLE, 'sichuan-yanbian-hongge-2023.txt'), 'utf8');
    const html = text
      .split('\n')
      .map((line) => `<p style="margin:0">${escape(line)}</p>`)
      .join('');
    const read = await readDocument('红格镇.pdf', await printed(html));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.encoding).toBe('pdf');
    expect(read.text).toContain('红格镇');
    expect(figures(read.text)).toEqual(figures(text));
  });

  it('refuses a PDF with no text layer, as a scan is', async () => {
    const read = await readDocument(
      'scan.pdf',
      await printed('<div style="width:400px;height:300px;background:#888"></div>'),
    );
    expect(read).toMatchObject({ ok: false, problem: 'no-text' });
  });

  it('refuses a file named .pdf that is not one', async () => {
    const read = await readDocument('x.pdf', new TextEncoder().encode('hello'));
    expect(read).toMatchObject({ ok: false, problem: 'unreadable' });
  });
});

describe('unifyRadicals', () => {
  it('turns the radical forms PDF writers use back into the characters', () => {
    expect(unifyRadicals('⻩花店镇⼈⺠调解⽭盾纠纷，⻓期⼀⼆')).toBe(
      '黄花店镇人民调解矛盾纠纷，长期一二',
    );
  });
});
