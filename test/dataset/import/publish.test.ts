import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { publishZip } from '../../../src/dataset/import/publish';
import {
  importFiles,
  type ImportedReport,
  type ReviewValue,
} from '../../../src/dataset/import/workspace';
import { captureOutput, options, readCsv, tempDir } from '../../helpers';
import { runExtract } from '../../../src/cli/run';
import { docxOf } from './docx';

const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'data', 'reports');
const text = (name: string): string => readFileSync(join(SAMPLE, name), 'utf8');

/** A review as a person would do it: accept some, edit one, reject one, add one, fix the county. */
async function reviewed(): Promise<ImportedReport[]> {
  const batch = await importFiles(
    [
      {
        name: 'hongge-2023.txt',
        bytes: new TextEncoder().encode(text('sichuan-yanbian-hongge-2023.txt')),
      },
      { name: 'duanyuan-2024.docx', bytes: docxOf(text('anhui-huaibei-duanyuan-2024.txt')) },
    ],
    new Set(),
  );
  return batch.reports.map((r) => {
    const values = r.values.map((v, i): ReviewValue => {
      if (v.indicator === 'mediation.cases') return { ...v, decision: 'edited', edited: 610 };
      if (i === 1) return { ...v, decision: 'rejected' };
      return { ...v, decision: 'accepted' };
    });
    const stated = new Set(values.map((v) => v.indicator));
    const missed = r.unused.find((u) => u.reason === 'no_rule');
    const indicator = (
      ['enforcement.campaigns', 'training.sessions', 'publicity.materials'] as const
    ).find((id) => !stated.has(id));
    if (missed !== undefined && indicator !== undefined) {
      values.push({
        indicator,
        found: null,
        unit: missed.unit,
        qualifier: missed.qualifier,
        start: missed.start,
        end: missed.end,
        derived: false,
        decision: 'accepted',
        edited: missed.value,
      });
    }
    // A date without its day, as detection writes it when the report omits the day.
    const metadata = {
      ...r.metadata,
      county: `${r.metadata.county}（审核）`,
      published: r.metadata.published.slice(0, 7),
    };
    return { ...r, metadata, values };
  });
}

describe('the publish package', () => {
  it('holds the texts, the reviewed manifest and the decisions as corrections', async () => {
    const reports = await reviewed();
    const files = unzipSync(publishZip(reports));
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'corrections.csv',
        'reports/reports.csv',
        ...reports.map((r) => `reports/${r.reportId}.txt`),
      ].sort(),
    );
    const corrections = strFromU8(files['corrections.csv'] ?? new Uint8Array());
    expect(corrections.split('\n')[0]).toBe('report_id,indicator,value,qualifier,start,end,note');
    expect(corrections).toContain('mediation.cases,610,=,,,审核修改');
    // The same workspace, the same bytes.
    expect(publishZip(reports)).toEqual(publishZip(reports));
  });

  it('run through the CLI, reproduces exactly the reviewed dataset', async () => {
    const reports = await reviewed();
    const zip = join(tempDir('rol-publish-'), 'publish.zip');
    writeFileSync(zip, publishZip(reports));
    const outDir = tempDir('rol-published-');
    const output = captureOutput();
    const result = runExtract(options({ inDir: zip, outDir, quiet: true }), output);
    expect(output.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    const rows = readCsv(join(outDir, 'indicators.csv'));
    const got = rows.map((v) =>
      [
        v['report_id'],
        v['indicator'],
        v['value'],
        v['correction'],
        v['county'],
        v['start'],
        v['end'],
      ].join('|'),
    );
    const expected = reports.flatMap((r) =>
      r.values.map((v) => {
        const value =
          v.decision === 'rejected'
            ? ''
            : String(v.found === null || v.decision === 'edited' ? v.edited : v.found);
        const correction =
          v.found === null
            ? 'add'
            : v.decision === 'rejected'
              ? 'delete'
              : v.decision === 'edited'
                ? 'override'
                : '';
        // Every span the same as in the browser: the exported text reads back identically.
        return [
          r.reportId,
          v.indicator,
          value,
          correction,
          r.metadata.county,
          v.start ?? '',
          v.end ?? '',
        ].join('|');
      }),
    );
    expect(got.sort()).toEqual(expected.sort());
    expect(got.filter((g) => g.includes('|add|'))).toHaveLength(2);
    expect(readCsv(join(outDir, 'reports.csv')).map((r) => r['published'])).toEqual(
      reports.map((r) => r.metadata.published),
    );
  });

  it('is refused with a message when the zip holds something else', () => {
    const zip = join(tempDir('rol-bad-zip-'), 'bad.zip');
    writeFileSync(zip, 'not a zip');
    const output = captureOutput();
    const result = runExtract(options({ inDir: zip, quiet: true }), output);
    expect(result.exitCode).toBe(2);
    expect(output.errors.join('\n')).toContain('could not be read as a zip');
  });
});
