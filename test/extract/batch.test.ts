/**
 * Reports extracted together, a step at a time over all of them
 * (processReports, processTexts, figuresOfAll): each gives exactly what it
 * gives alone, whatever the others are — the samples, real reports of
 * several provinces, files that cannot be decoded, a text of no report — and
 * in their order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processReports, processText, runsOf, type ReportBytes } from '../../src/extract';
import { processTexts } from '../../src/extract/pipeline';
import { figuresOf, figuresOfAll } from '../../src/extract/figures';
import { processReport, ROOT, SAMPLE_DIR } from '../helpers';

const REAL = join(ROOT, 'test', 'fixtures', 'real', 'docs');

const reportsIn = (dir: string, take: number): ReportBytes[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, take)
    .map((f) => ({
      reportId: f.replace(/\.txt$/, ''),
      file: f,
      bytes: readFileSync(join(dir, f)),
    }));

const ITEMS: ReportBytes[] = [
  ...reportsIn(SAMPLE_DIR, 5),
  { reportId: 'broken', file: 'broken.txt', bytes: new Uint8Array([0x00, 0x01, 0xff, 0x00]) },
  ...reportsIn(REAL, 12),
  { reportId: 'empty', file: 'empty.txt', bytes: new Uint8Array() },
  {
    reportId: 'notice',
    file: 'notice.txt',
    bytes: Buffer.from('关于召开会议的通知\n请各单位准时参加。\n'),
  },
  ...reportsIn(REAL, 20).slice(12),
];

describe('reports extracted together', () => {
  it('give each report what it gives alone, in order', () => {
    expect(ITEMS.length).toBe(28);
    const alone = ITEMS.map((r) => processReport(r.reportId, r.file, r.bytes));
    expect(alone.filter((o) => o.status === 'ok').length).toBe(26);
    expect(processReports(ITEMS)).toEqual(alone);
    // In another order, and in runs of other sizes.
    const reversed = [...ITEMS].reverse();
    expect(processReports(reversed)).toEqual([...alone].reverse());
    const inThrees = [];
    for (let i = 0; i < ITEMS.length; i += 3)
      inThrees.push(...processReports(ITEMS.slice(i, i + 3)));
    expect(inThrees).toEqual(alone);
    expect(processReports([])).toEqual([]);
  });

  it('read from text, give what each text gives alone', () => {
    const texts = ITEMS.flatMap((r) =>
      r.bytes.length > 0 && r.reportId !== 'broken'
        ? [
            {
              reportId: r.reportId,
              file: r.file,
              text: new TextDecoder().decode(r.bytes),
              format: 'docx',
              encoding: 'utf-8',
            },
          ]
        : [],
    );
    const alone = texts.map((t) => processText(t.reportId, t.file, t.text, t.format, t.encoding));
    expect(processTexts(texts)).toEqual(alone);
    expect(figuresOfAll(alone.map((o) => o.text))).toEqual(alone.map((o) => figuresOf(o.text)));
  });
});

describe('runs of reports', () => {
  it('end once they hold the limit, each one report at least, taken only as its run is made', () => {
    const taken: number[] = [];
    const runs = runsOf(
      [3, 9, 1, 1, 20, 0, 4, 5],
      (n) => {
        taken.push(n);
        return n;
      },
      (n) => n,
      10,
    );
    expect(runs.next().value).toEqual([3, 9]);
    // The next run's first report is not read before its run is made.
    expect(taken).toEqual([3, 9]);
    expect([...runs]).toEqual([
      [1, 1, 20],
      [0, 4, 5],
    ]);
    expect([
      ...runsOf(
        [],
        (n: number) => n,
        (n) => n,
      ),
    ]).toEqual([]);
    expect([
      ...runsOf(
        [7],
        (n) => n,
        (n) => n,
        1,
      ),
    ]).toEqual([[7]]);
  });
});
