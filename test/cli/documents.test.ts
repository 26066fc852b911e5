/**
 * The CLI reads the files towns send: the five sample reports written as
 * Word .docx and one printed as a text PDF give the same values, towns and
 * years as the .txt originals, with spans that point at the phrase in
 * texts/<report_id>.txt; a scanned PDF, an encrypted .docx, a .doc, a .xlsx
 * each get their own message; the rest of the run completes, exit code 1.
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
    const mixedRun = await run({ inDir: mixed, quiet: true });
    mixedOut = mixedRun.outDir;
    errors = mixedRun.output.errors;
    exitCode = mixedRun.result.exitCode;
  }, 120_000);

  it('finds in .docx and text PDF reports the values, towns and years of the .txt originals', () => {
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
    expect(encodings.get('anhui-huaibei-duanyuan-2024')).toBe('docx');
  });

  it('names every file it could not read, and why; the rest is written; exit code 1', () => {
    expect(exitCode).toBe(1);
    const said = errors.join('\n');
    expect(said).toMatch(/scan\.pdf.*no text layer.*OCR/);
    expect(said).toMatch(/locked\.docx.*encrypted/);
    expect(said).toMatch(/old\.doc.*save the report as \.docx/);
    expect(said).toMatch(/figures\.xlsx.*unsupported file type/);
    const reports = readCsv(join(mixedOut, 'reports.csv'));
    const failed = reports.filter((r) => r['status'] === 'error').map((r) => r['report_id']);
    expect(failed.sort()).toEqual(['figures', 'locked', 'old', 'scan']);
  });
});
