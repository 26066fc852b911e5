import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { townIdOf, type DataIndex } from '../../src/extract/data-index';
import {
  COUNTY_REPORT_COLUMNS,
  COUNTY_VALUE_COLUMNS,
  SITE_VALUE_COLUMNS,
  TOWN_NUMBER_COLUMN,
} from '../../src/extract/columns';
import { COMPLETE_TABLES } from '../../src/extract/layout';
import type { CsvName } from '../../src/extract/output';
import { parseNumberText, scanNumbers } from '../../src/extract/numbers';
import { byCodeUnit, foldForMatching } from '../../src/extract/text';
import { EXPECTED_MENTIONS, EXPECTED_METADATA } from '../fixtures/expected-mentions';
import {
  copySamples,
  filesBelow,
  findingsBelow,
  listFiles,
  publishedText,
  readCsv,
  readHeader,
  run,
} from '../helpers';

/** A row with only these columns, in their order. */
const pick = (row: Record<string, string>, columns: readonly string[]): Record<string, string> =>
  Object.fromEntries(columns.map((c) => [c, row[c] ?? '']));

describe('pipeline output on the sample reports (detection only, no manifest)', () => {
  let outDir = '';
  let exitCode = -1;
  let summary = '';
  let mentions: Record<string, string>[] = [];

  let inDir = '';

  beforeAll(async () => {
    // A copy without the manifest, so every field below is detected from the text.
    inDir = join(copySamples(), 'reports');
    rmSync(join(inDir, 'reports.csv'));
    // With the complete tables, to check the files the dashboard reads against them.
    const { result, output, outDir: dir } = await run({ inDir, tables: true });
    outDir = dir;
    exitCode = result.exitCode;
    summary = output.lines.join('\n');
    mentions = readCsv(join(outDir, 'mentions.csv'));
  });

  it('exits 0 and writes every dataset', () => {
    expect(exitCode).toBe(0);
    expect(listFiles(outDir)).toEqual([
      'catalog.json',
      'corrections.csv',
      'counties',
      'first-chart',
      'index.json',
      'indicators',
      'indicators.csv',
      'mentions.csv',
      'reports.csv',
      'texts',
      'unused.csv',
    ]);
    // Every report's text, in one pack (fewer than TEXTS_PER_PACK reports).
    expect(listFiles(join(outDir, 'texts'))).toEqual(['0.txt']);
    for (const name of listFiles(inDir).filter((f) => f.endsWith('.txt'))) {
      const id = name.replace(/\.txt$/, '');
      expect(publishedText(outDir, id)?.length, id).toBeGreaterThan(1000);
    }
  });

  it('splits the tables per indicator, indexed, with nothing lost or added', () => {
    const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as DataIndex;
    const values = readCsv(join(outDir, 'indicators.csv'));
    const ids = [...new Set(values.map((v) => v['indicator']))].sort();
    expect(index.indicators.map((i) => i.id).sort()).toEqual(ids);
    expect(listFiles(join(outDir, 'indicators'))).toEqual(ids);
    // The columns the dashboard reads, and the quote its exports take; each town by its number.
    const header = SITE_VALUE_COLUMNS.join(',');
    const numbered = (v: Record<string, string>) => ({
      ...v,
      [TOWN_NUMBER_COLUMN]: String(
        index.towns.findIndex(
          (t) =>
            t.id ===
            townIdOf({
              town: v['town'] ?? '',
              county: v['county'] ?? '',
              city: v['city'] ?? '',
              province: v['province'] ?? '',
              reportId: v['report_id'] ?? '',
            }),
        ),
      ),
    });
    for (const entry of index.indicators) {
      const own = values.filter((v) => v['indicator'] === entry.id);
      // One file per year the indicator is stated in, nothing else.
      expect(entry.years.map((y) => y.year)).toEqual(
        [...new Set(own.map((v) => Number(v['year'])))].sort(),
      );
      expect(listFiles(join(outDir, 'indicators', entry.id))).toEqual(
        entry.years.map((y) => `${y.year}.csv`),
      );
      for (const y of entry.years) {
        const path = join(outDir, y.file);
        const text = readFileSync(path, 'utf8');
        // Exactly the complete table's rows of this indicator and year, in order.
        expect(text.split('\n')[0]).toBe(header);
        expect(readCsv(path)).toEqual(
          own
            .filter((v) => v['year'] === String(y.year))
            .map((v) => pick(numbered(v), SITE_VALUE_COLUMNS)),
        );
        expect(y.bytes).toBe(Buffer.byteLength(text));
        expect(y.rows).toBe(readCsv(path).length);
      }
    }
    // Towns: the five sample towns, each with its place; years: those reported.
    expect(index.towns.map((t) => t.name).sort()).toEqual(
      ['彭浦镇', '段园镇', '紫兴街道', '红格镇', '黄花店镇'].sort(),
    );
    expect(index.years).toEqual([2021, 2023, 2024]);
    expect(index.reports).toEqual({
      file: 'reports.csv',
      rows: 5,
      bytes: Buffer.byteLength(readFileSync(join(outDir, 'reports.csv'))),
    });
  });

  it("puts every row of a county's towns in its county files, nothing lost or added", () => {
    const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as DataIndex;
    const values = readCsv(join(outDir, 'indicators.csv'));
    const reports = readCsv(join(outDir, 'reports.csv'));
    const key = (r: Record<string, string>) => `${r['province']}/${r['city']}/${r['county']}`;
    // The five sample towns are in five counties, numbered in key order.
    expect(index.counties.map((c) => c.key)).toEqual([...new Set(reports.map(key))].sort());
    expect(listFiles(join(outDir, 'counties'))).toEqual(['0', '1', '2', '3', '4']);
    const seen = { values: 0, reports: 0 };
    for (const [n, county] of index.counties.entries()) {
      for (const kind of ['values', 'reports'] as const) {
        const file = county[kind];
        expect(file.file).toBe(`counties/${n}/${kind}.csv`);
        const text = readFileSync(join(outDir, file.file), 'utf8');
        expect(file.bytes).toBe(Buffer.byteLength(text));
        expect(file.rows).toBe(readCsv(join(outDir, file.file)).length);
        seen[kind] += file.rows;
      }
      expect(readHeader(join(outDir, county.values.file))).toEqual([...COUNTY_VALUE_COLUMNS]);
      expect(readCsv(join(outDir, county.values.file))).toEqual(
        values.filter((v) => key(v) === county.key).map((v) => pick(v, COUNTY_VALUE_COLUMNS)),
      );
      const own = reports.filter((r) => key(r) === county.key);
      expect(readHeader(join(outDir, county.reports.file))).toEqual([...COUNTY_REPORT_COLUMNS]);
      expect(readCsv(join(outDir, county.reports.file))).toEqual(
        own.map((r) => pick(r, COUNTY_REPORT_COLUMNS)),
      );
      // A value's place and year are its report's, which is beside it.
      for (const v of values.filter((x) => key(x) === county.key)) {
        expect(own.find((r) => r['report_id'] === v['report_id'])).toMatchObject({
          town: v['town'],
          year: v['year'],
        });
      }
      expect(Object.keys(county).sort()).toEqual(['key', 'reports', 'values']);
    }
    expect(listFiles(join(outDir, 'counties', '0'))).toEqual(['reports.csv', 'values.csv']);
    expect(seen).toEqual({ values: values.length, reports: reports.length });
  });

  it("reads every mention and unused number of the run's tables off the published texts, and no other", () => {
    // What the dashboard shows in a source panel and on the data quality page.
    const unused = readCsv(join(outDir, 'unused.csv'));
    const found = findingsBelow(outDir);
    expect(found.size).toBe(5);
    const asCells = (row: object): Record<string, string> =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
          String(v),
        ]),
      );
    // In report id order, as the complete tables are.
    const read = [...found].sort(([a], [b]) => byCodeUnit(a, b)).map(([, f]) => f);
    // The complete tables' rows in the fields the page reads.
    const asRead = (table: Record<string, string>[], rows: object[]) => {
      const columns = Object.keys(asCells(rows[0] ?? {}));
      return table.map((row) => pick(row, columns));
    };
    const readMentions = read.flatMap((f) => f.mentions.map(asCells));
    expect(readMentions).toEqual(asRead(mentions, readMentions));
    const byPosition = (a: Record<string, string>, b: Record<string, string>) =>
      byCodeUnit(a['report_id'] ?? '', b['report_id'] ?? '') ||
      Number(a['start']) - Number(b['start']);
    const readUnused = read.flatMap((f) => f.unused.map(asCells)).sort(byPosition);
    expect(readUnused).toEqual(asRead(unused, readUnused).sort(byPosition));
    expect(mentions.length).toBeGreaterThan(50);
    expect(unused.length).toBeGreaterThan(100);
  });

  it('keeps the contract columns in order', () => {
    expect(readHeader(join(outDir, 'mentions.csv')).slice(0, 8)).toEqual([
      'report_id',
      'indicator',
      'value',
      'unit',
      'qualifier',
      'start',
      'end',
      'quote',
    ]);
    expect(readHeader(join(outDir, 'indicators.csv')).slice(0, 15)).toEqual([
      'report_id',
      'town',
      'county',
      'city',
      'province',
      'year',
      'indicator',
      'value',
      'unit',
      'qualifier',
      'derived',
      'corrected',
      'alternatives',
      'start',
      'end',
    ]);
    expect(readHeader(join(outDir, 'reports.csv')).slice(0, 10)).toEqual([
      'report_id',
      'town',
      'county',
      'city',
      'province',
      'year',
      'published',
      'chars',
      'status',
      'message',
    ]);
  });

  it('reaches precision and recall of at least 0.95 against the hand-checked list', () => {
    const key = (r: string, i: string, v: number): string => `${r}|${i}|${v}`;
    const expected = new Map<string, number>();
    for (const [r, i, v] of EXPECTED_MENTIONS) {
      expected.set(key(r, i, v), (expected.get(key(r, i, v)) ?? 0) + 1);
    }
    const remaining = new Map(expected);
    let truePositives = 0;
    const falsePositives: string[] = [];
    for (const m of mentions) {
      const k = key(m['report_id'] ?? '', m['indicator'] ?? '', Number(m['value']));
      const left = remaining.get(k) ?? 0;
      if (left > 0) {
        truePositives++;
        remaining.set(k, left - 1);
      } else {
        falsePositives.push(`${k} «${m['quote']}»`);
      }
    }
    const missed = [...remaining].filter(([, n]) => n > 0).map(([k]) => k);
    const precision = truePositives / mentions.length;
    const recall = truePositives / EXPECTED_MENTIONS.length;
    // Shown on failure: what was wrong and what was missed.
    expect({ falsePositives, missed }).toEqual({ falsePositives: [], missed: [] });
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('points every value at a span of the shown text that states it as written', () => {
    const texts = new Map<string, string>();
    const textOf = (id: string): string => {
      let t = texts.get(id);
      if (t === undefined) {
        t = publishedText(outDir, id) ?? '';
        texts.set(id, t);
      }
      return t;
    };
    expect(mentions.length).toBeGreaterThan(50);
    for (const m of mentions) {
      const text = textOf(m['report_id'] ?? '');
      const start = Number(m['start']);
      const end = Number(m['end']);
      const numStart = Number(m['num_start']);
      const numEnd = Number(m['num_end']);
      const span = text.slice(start, end);
      expect(span).toBe(m['quote']);
      expect(numStart).toBeGreaterThanOrEqual(start);
      expect(numEnd).toBeLessThanOrEqual(end);
      if (m['rule']?.endsWith('#sum') === true) {
        // A figure summed from listed parts: the numerals between its first and last part add up to it.
        const parts = scanNumbers(foldForMatching(text.slice(numStart, numEnd)));
        expect(parts.length).toBeGreaterThan(1);
        expect(parts.reduce((sum, p) => sum + p.value, 0)).toBe(Number(m['value']));
        continue;
      }
      // The numeral as written, with what follows it in the span, reads back as the value.
      const written = foldForMatching(text.slice(numStart, end));
      const asWritten = text.slice(numStart, numEnd);
      expect(span).toContain(asWritten);
      const parsed = parseNumberText(
        written.replace(/^(.*?[件起宗次场期份册本条个支批项家人名位%]+(?:以上|左右)?).*$/, '$1'),
      );
      expect(parsed.ok, `${m['quote']}`).toBe(true);
      if (parsed.ok) expect(Math.abs(parsed.data.value)).toBe(Math.abs(Number(m['value'])));
    }
    const values = readCsv(join(outDir, 'indicators.csv'));
    for (const v of values) {
      const text = textOf(v['report_id'] ?? '');
      expect(text.slice(Number(v['start']), Number(v['end']))).toBe(v['quote']);
    }
  });

  it('detects town, county, city, province, year and signing date, and says what the registry filled', () => {
    const reports = readCsv(join(outDir, 'reports.csv'));
    const detected = Object.fromEntries(
      reports.map((r) => [
        r['report_id'],
        {
          town: r['town'],
          county: r['county'],
          city: r['city'],
          province: r['province'],
          year: Number(r['year']),
          published: r['published'],
          inferred: r['inferred'],
        },
      ]),
    );
    expect(detected).toEqual(EXPECTED_METADATA);
    const shanghai = reports.find((r) => r['report_id'] === 'shanghai-jingan-pengpu-2023');
    // In Chinese for the person who opens the file, and as codes for the dashboard.
    expect(shanghai?.['message']).toBe('签发日期：末尾几行中未找到；标题：开头没有标题行');
    expect(JSON.parse(shanghai?.['notes'] ?? '')).toEqual([
      { code: 'no_published', fields: ['published'] },
      { code: 'no_title', fields: ['title'] },
    ]);
    // Few figures against many numbers left: the sample with 1 figure and 43 numbers.
    const flagged = reports.filter((r) => r['status'] === 'warning');
    expect(flagged.map((r) => [r['report_id'], r['message']])).toEqual([
      ['guizhou-kaiyang-zixing-2021', '只找到 1 个指标数值，另有 43 个数字未使用，请核对'],
    ]);
  });

  it('resolves one value per town, year and indicator, flagging alternatives', () => {
    const values = readCsv(join(outDir, 'indicators.csv'));
    const keys = values.map((v) => `${v['town']}|${v['year']}|${v['indicator']}`);
    expect(new Set(keys).size).toBe(keys.length);
    const screened = values.find(
      (v) => v['town'] === '段园镇' && v['indicator'] === 'mediation.screened',
    );
    // 138 and 70 cover the year, 94 is bounded by 截至目前; the larger full-year count wins.
    expect(screened?.['value']).toBe('138');
    expect(screened?.['alternatives']).toBe('2');
    expect(screened?.['alternative_values']).toBe('70;94');
    expect(screened?.['chosen_by']).toBe('larger;full-year');
    const events = values.find(
      (v) => v['town'] === '黄花店镇' && v['indicator'] === 'publicity.events',
    );
    expect(events?.['value']).toBe('25');
    expect(events?.['alternative_values']).toBe('18');
  });

  it('prints a summary with counts per report and per category', () => {
    expect(summary).toContain('Reports: 5 (ok 4, warning 1, error 0)');
    expect(summary).toContain(
      'To check:\n  guizhou-kaiyang-zixing-2021: only 1 figure found and 43 numbers left unused: check the report',
    );
    expect(summary).toMatch(
      /anhui-huaibei-duanyuan-2024\s+txt\s+ok\s+段园镇\s+2024\s+32\s+\d+\s+\d+/,
    );
    expect(summary).toMatch(/mediation 矛盾纠纷调解\s+\d+\s+\d+/);
  });

  it('gives the same bytes on a second run, without the complete tables unless asked', async () => {
    const again = filesBelow((await run({ inDir, tables: true })).outDir);
    const first = filesBelow(outDir);
    expect(again).toEqual(first);
    // By default: every other file the same, byte for byte, and no complete table.
    const plain = filesBelow((await run({ inDir })).outDir);
    expect(COMPLETE_TABLES).toEqual(['mentions.csv', 'indicators.csv', 'unused.csv']);
    expect([...plain.keys()].sort()).toEqual(
      [...first.keys()].filter((f) => !COMPLETE_TABLES.includes(f as CsvName)).sort(),
    );
    for (const [path, bytes] of plain)
      expect(bytes.equals(first.get(path) ?? Buffer.alloc(0))).toBe(true);
  });

  it('writes the decoded, newline-normalised text without converter markup', () => {
    const text = publishedText(outDir, 'sichuan-yanbian-hongge-2023') ?? '';
    expect(text.length).toBeGreaterThan(1000);
    expect(text).not.toContain('[bookmark');
    expect(text).not.toContain('\r');
  });
});
