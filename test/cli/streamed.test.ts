/**
 * The CLI keeps no report's findings in memory: it spills them, resolves one
 * town and year at a time and copies the lines into the tables at the end
 * (src/cli/spill.ts, run.ts). Its data folder must be what the whole run
 * held in memory gives (finalizeDatasets and siteLayout, as the browser's
 * publish package makes it), on the cases where order matters: reports of
 * one town and year, towns not named, corrections of one value from two
 * reports, another file of one report whose kept file comes later or
 * earlier, a file that cannot be read.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { finalizeDatasets, packOutcomes, siteLayout } from '../../src/extract';
import {
  captureOutput,
  filesBelow,
  options,
  processReport,
  readCsv,
  ROOT,
  runCli,
  SAMPLE_DIR,
  tableRows,
  tempDir,
} from '../helpers';
import { runExtract } from '../../src/cli/run';

const REAL = join(ROOT, 'test', 'fixtures', 'real', 'docs');

/** What the in-memory path gives too: the layout's files and the packs of texts (not the images). */
const isLayoutFile = (path: string): boolean => !path.startsWith('first-chart/');

let inDir: string;
let corrections: string;
let outDir: string;
/** The same run with the complete tables. */
let withTables: string;
/** What each run counted: its mentions per indicator and unused numbers. */
const counted = new Map<boolean, { mentions: ReadonlyMap<string, number>; unused: number }>();
/** How each run resolved its towns and years: alone where read, or resolved at the end. */
const grouped = new Map<boolean, { alone: number; resolved: number }>();

beforeAll(async () => {
  const root = tempDir('rol-streamed-');
  inDir = join(root, 'reports');
  cpSync(SAMPLE_DIR, inDir, { recursive: true });
  for (const id of ['d101', 'd102', 'd103', 'd104', 'd105', 'd106']) {
    cpSync(join(REAL, `${id}.txt`), join(inDir, `${id}.txt`));
  }
  // Another file of one report: kept is the first id (aa-first before d102; d101 before d101-again).
  cpSync(join(REAL, 'd101.txt'), join(inDir, 'd101-again.txt'));
  cpSync(join(REAL, 'd102.txt'), join(inDir, 'aa-first.txt'));
  // Towns not named: each report its own group, both of no place and no year.
  writeFileSync(join(inDir, 'unnamed-1.txt'), '全年共调解矛盾纠纷12件，调解成功12件。\n');
  writeFileSync(join(inDir, 'unnamed-2.txt'), '全年共调解矛盾纠纷30件，调解成功28件。\n');
  writeFileSync(join(inDir, 'broken.txt'), Buffer.from([0x00, 0x01, 0xff, 0x00, 0x02]));
  // Two reports of one town and year that no correction names (the manifest says so).
  writeFileSync(
    join(inDir, 'pair-1.txt'),
    '全年共调解矛盾纠纷40件，调解成功38件。开展普法宣传活动6场。\n',
  );
  writeFileSync(join(inDir, 'pair-2.txt'), '全年共调解矛盾纠纷45件，调解成功44件。\n');
  // Two reports of one town and year (the manifest says so): resolved together; the
  // same town in another year; a named town of no year.
  const manifest = readFileSync(join(SAMPLE_DIR, 'reports.csv'), 'utf8');
  writeFileSync(
    join(inDir, 'reports.csv'),
    [
      manifest.trimEnd(),
      'd103,合并镇,某县,某市,某省,2023,',
      'd104,合并镇,某县,某市,某省,2023,',
      'd105,合并镇,某县,某市,某省,2022,',
      'unnamed-2,西镇,某县,某市,某省,,',
      'pair-1,双镇,某县,某市,某省,2024,',
      'pair-2,双镇,某县,某市,某省,2024,',
      '',
    ].join('\n'),
  );
  corrections = join(root, 'corrections.csv');
  writeFileSync(
    corrections,
    [
      'report_id,indicator,value,qualifier,start,end,note',
      // One value corrected from both reports of its town and year: the later row wins.
      'd104,mediation.cases,50,=,,,first',
      'd103,mediation.cases,60,=,,,second',
      'd105,mediation.success_rate,,,,,deleted',
      'd106,publicity.events,7,=,0,10,added',
      '',
    ].join('\n'),
  );
  const runTo = async (tables: boolean): Promise<string> => {
    const out = tempDir('rol-streamed-out-');
    const result = await runExtract(
      options({ inDir, outDir: out, corrections, correctionsExplicit: true, quiet: true, tables }),
      captureOutput(),
    );
    expect(result.exitCode).toBe(1); // the broken file
    const { mentions, unused, groups } = result.written ?? {
      mentions: new Map(),
      unused: -1,
      groups: { alone: -1, resolved: -1 },
    };
    counted.set(tables, { mentions, unused });
    grouped.set(tables, groups);
    return out;
  };
  outDir = await runTo(false);
  withTables = await runTo(true);
});

describe('the streamed run', () => {
  it('writes the data folder the whole run held in memory writes', () => {
    const rows = readCsv(join(outDir, 'reports.csv'));
    // The cases are there: another file of one report, both ways round; a failed file.
    const status = new Map(rows.map((r) => [r['report_id'], r['status']]));
    expect(status.get('d101-again')).toBe('duplicate');
    expect(status.get('d102')).toBe('duplicate');
    expect(status.get('broken')).toBe('error');
    const values = tableRows(outDir, 'values');
    const placed = (id: string) => values.find((v) => v['report_id'] === id);
    expect(placed('d105')).toMatchObject({ town: '合并镇', year: '2022' });
    expect(placed('unnamed-2')).toMatchObject({ town: '西镇', year: '' });
    expect(placed('unnamed-1')).toMatchObject({ town: '', year: '' });
    // One value per indicator for the pair's town and year, from either report
    // (the larger count; the rate derived from the counts shown, where they are).
    const pair = values.filter((v) => v['town'] === '双镇');
    expect(pair.map((v) => [v['indicator'], v['report_id'], v['value']])).toEqual([
      ['publicity.events', 'pair-1', '6'],
      ['mediation.cases', 'pair-2', '45'],
      ['mediation.resolved', 'pair-2', '44'],
      ['mediation.success_rate', 'pair-2', '97.78'],
    ]);
    // The rows are in id order, as the packs are made.
    const { outcomes, packs } = packOutcomes(
      rows.map((r) => {
        const id = r['report_id'] ?? '';
        return processReport(id, r['file'] ?? '', readFileSync(join(inDir, `${id}.txt`)));
      }),
    );
    const texts = new Map(outcomes.map((o) => [o.reportId, o.text]));
    const datasets = finalizeDatasets({
      outcomes,
      quote: (id, start, end) => texts.get(id)?.slice(start, end) ?? '',
      manifest: { text: readFileSync(join(inDir, 'reports.csv'), 'utf8'), file: 'reports.csv' },
      corrections: { text: readFileSync(corrections, 'utf8'), file: corrections },
    });
    // Counted alike with the complete tables (their lines copied) and without (as resolved).
    const mentions = new Map<string, number>();
    for (const { mention } of datasets.mentions)
      mentions.set(mention.indicator, (mentions.get(mention.indicator) ?? 0) + 1);
    expect(mentions.size).toBeGreaterThan(5);
    for (const tables of [false, true]) {
      expect(counted.get(tables)).toEqual({ mentions, unused: datasets.unused.length });
    }
    for (const [tables, dir] of [
      [false, outDir],
      [true, withTables],
    ] as const) {
      const layout = siteLayout(datasets, { tables });
      const expected = new Map<string, string>();
      layout.write((path, text) => expected.set(path, (expected.get(path) ?? '') + text));
      const sizes = new Map([...expected].map(([p, t]) => [p, Buffer.byteLength(t)]));
      expected.set(
        'index.json',
        layout.index((path) => sizes.get(path) ?? 0),
      );
      const written = filesBelow(dir);
      const layoutFiles = [...written.keys()].filter(isLayoutFile).sort();
      expect(layoutFiles).toEqual([...expected.keys(), ...packs.keys()].sort());
      for (const [path, text] of expected) {
        expect(written.get(path)?.toString('utf8'), path).toBe(text);
      }
      for (const [path, bytes] of packs) expect(written.get(path)?.equals(bytes), path).toBe(true);
    }
    expect(filesBelow(withTables).has('mentions.csv')).toBe(true);
    // Both ways were taken: the towns and years of one report and no correction
    // from the values its thread resolved alone (not with the complete tables,
    // whose lines hold the place), the others resolved at the end.
    const groups = new Set(datasets.values.map((v) => `${v.town}|${v.year ?? v.reportId}`)).size;
    const alone = grouped.get(false)?.alone ?? 0;
    expect(alone).toBeGreaterThan(5);
    expect(grouped.get(false)?.resolved).toBeGreaterThanOrEqual(3);
    expect(alone + (grouped.get(false)?.resolved ?? 0)).toBeGreaterThanOrEqual(groups);
    expect(grouped.get(true)).toEqual({
      alone: 0,
      resolved: alone + (grouped.get(false)?.resolved ?? 0),
    });
    // The group's correction from the later row.
    const cases = tableRows(outDir, 'values').filter(
      (v) => v['town'] === '合并镇' && v['indicator'] === 'mediation.cases',
    );
    expect(cases.map((v) => [v['report_id'], v['value']])).toEqual([['d103', '60']]);
  });

  it('is the same on two worker threads, run by the built CLI, with the complete tables or not', () => {
    for (const [tables, expected] of [
      [true, withTables],
      [false, outDir],
    ] as const) {
      const parallel = tempDir('rol-streamed-2-');
      const r = runCli(
        '--quiet',
        ...(tables ? ['--tables'] : []),
        '--workers',
        '2',
        '--in',
        inDir,
        '--out',
        parallel,
        '--corrections',
        corrections,
      );
      expect(r.status, r.stderr).toBe(1);
      const one = filesBelow(expected);
      const two = filesBelow(parallel);
      expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
      for (const [path, bytes] of one) {
        // The file column names each report by its path as given: the same here.
        expect(two.get(path)?.equals(bytes), path).toBe(true);
      }
    }
  });
});
