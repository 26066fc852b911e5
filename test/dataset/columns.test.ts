/**
 * The CLI writes each dataset by its column table (extract/columns.ts) and the
 * dashboard reads it by schemas derived from the same table: a file the CLI
 * wrote parses back, every row, with every column in the table's order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  COUNTY_REPORT_COLUMNS,
  COUNTY_VALUE_COLUMNS,
  INDICATOR_COLUMNS,
  REPORT_COLUMNS,
  SITE_VALUE_COLUMNS,
} from '../../src/extract/columns';
import { parseCountyValues, parseIndicatorFile, parseReports } from '../../src/dataset/parse';
import type { DataIndex } from '../../src/extract/data-index';
import { run } from '../helpers';

// With the complete tables: the files the dashboard reads hold their rows (pipeline.test.ts).
// The complete mentions and unused numbers are for Excel: the dashboard reads them off the texts.
const { outDir } = await run({ quiet: true, tables: true });
const read = (name: string): string => readFileSync(join(outDir, name), 'utf8');
const index = JSON.parse(read('index.json')) as DataIndex;
const countyReports = parseReports(read('counties/0/reports.csv'), 'counties/0/reports.csv');

// What the dashboard reads: the reports, an indicator's values of a year, a county's files.
const FILES = [
  { file: 'reports.csv', columns: REPORT_COLUMNS, parse: parseReports },
  {
    file: 'indicators/mediation.cases/2024.csv',
    columns: SITE_VALUE_COLUMNS,
    parse: (csv: string, file: string) =>
      parseIndicatorFile(csv, file, {
        indicator: 'mediation.cases',
        year: 2024,
        towns: index.towns,
      }),
  },
  {
    file: 'counties/0/values.csv',
    columns: COUNTY_VALUE_COLUMNS,
    parse: (csv: string, file: string) =>
      parseCountyValues(csv, file, {
        reports: new Map(countyReports.rows.map((r) => [r.reportId, r])),
      }),
  },
  { file: 'counties/0/reports.csv', columns: COUNTY_REPORT_COLUMNS, parse: parseReports },
] as const;

describe('a written dataset parses back by the same column table', () => {
  it('the complete values table has every column', () => {
    expect(Papa.parse(read('indicators.csv'), { header: true }).meta.fields).toEqual([
      ...INDICATOR_COLUMNS,
    ]);
  });

  it.each(FILES)('$file', ({ file, columns, parse }) => {
    const csv = read(file);
    const table = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(table.meta.fields).toEqual([...columns]);
    expect(table.data.length).toBeGreaterThan(0);
    for (const row of table.data) expect(Object.keys(row)).toEqual([...columns]);
    const parsed = parse(csv, file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(table.data.length);
    expect(parsed.rows.map((r) => r.reportId)).toEqual(table.data.map((r) => r['report_id']));
  });
});
