/**
 * The data layer's loads, with `fetch` answering from a table: rows of towns
 * index.json does not list are dropped with a load error, not silently.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCounty, loadIndex, loadIndicatorYear, WORKER_BYTES } from '../../src/dataset/load';
import { rowsOfKnownTowns } from '../../src/dataset/model';
import { CATALOG_VERSION } from '../../src/catalog';
import { INDEX_FORMAT, type IndexCounty, type IndexIndicator } from '../../src/extract/data-index';
import { issueMessage } from '../../src/i18n';

const INDICATOR_HEADER =
  'report_id,town_number,value,qualifier,derived,start,end,alternative_values,chosen_by,correction,note,period,quote,parts';
const COUNTY_HEADER =
  'report_id,indicator,value,qualifier,derived,start,end,alternative_values,chosen_by,correction,note,period,parts';

const numbered = (report: string, town: number, value: number): string =>
  `${report},${town},${value},=,false,1,2,,,,,,x,`;
const countyRow = (report: string, value: number): string =>
  `${report},mediation.cases,${value},=,false,1,2,,,,,,`;

// Padded with empty lines (which the parser skips) past the worker's threshold.
const LARGE = WORKER_BYTES * 2;
const padded = (text: string): string =>
  text.padEnd(LARGE - (Buffer.byteLength(text) - text.length), '\n');

const FILES: Readonly<Record<string, string>> = {
  'indicators/mediation.cases/2024.csv': padded(
    [
      INDICATOR_HEADER,
      numbered('r1', 0, 10),
      numbered('r2', 1, 20),
      numbered('r3', 2, 30),
      numbered('r4', 2, 40),
    ].join('\n'),
  ),
  'indicators/mediation.resolved/2024.csv': [INDICATOR_HEADER, numbered('r1', 0, 9)].join('\n'),
  'counties/0/values.csv': [COUNTY_HEADER, countyRow('r1', 10), countyRow('r5', 5)].join('\n'),
  'counties/0/reports.csv':
    'report_id,town,county,city,province,year,status\nr1,甲镇,某县,某市,某省,2024,ok\nr5,丁镇,某县,某市,某省,2024,ok\n' +
    // Not counted: an unreadable file of no town, another file of 甲镇's report.
    'r6,,某县,某市,某省,,error\nr7,甲镇,某县,某市,某省,2024,duplicate\n',
};

/** counties/0's entry in index.json, under `key`, its files' sizes as they are. */
const countyInfo = (key: string): IndexCounty => {
  const file = (name: string) => {
    const path = `counties/0/${name}.csv`;
    return { file: path, rows: 2, bytes: Buffer.byteLength(FILES[path] ?? '') };
  };
  return { key, values: file('values'), reports: file('reports') };
};

const TOWNS = ['甲镇', '乙镇'].map((name) => ({
  id: `某省/某市/某县/${name}`,
  name,
  county: '某县',
  city: '某市',
  province: '某省',
}));
const KNOWN = new Set(['某省/某市/某县/甲镇', '某省/某市/某县/乙镇']);
const isKnown = (id: string): boolean => KNOWN.has(id);

beforeAll(() => {
  vi.stubGlobal('document', { baseURI: 'http://site/' });
  vi.stubGlobal('fetch', (url: string) => {
    const text = FILES[url.replace('http://site/data/', '')];
    return Promise.resolve(
      new Response(text ?? 'not found', { status: text === undefined ? 404 : 200 }),
    );
  });
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('an index that cannot be read', () => {
  // The app then has no model: the load-problems panel says nothing displays, naming this file.
  it.each([
    [
      'missing',
      {
        ok: false,
        reason: {
          file: 'data/index.json',
          severity: 'error',
          message: 'could not be loaded (HTTP 404)',
        },
      },
      'could not be loaded (HTTP 404)',
    ],
    ['not JSON', { ok: true, data: '{"format": 2,' }, 'is not JSON'],
    ['of another layout', { ok: true, data: '{"format": 1}' }, 'is data layout format 1'],
  ] as const)('%s: no model, one error naming data/index.json', async (_, fetched, message) => {
    const { model, errors } = await loadIndex(Promise.resolve(fetched));
    expect(model).toBeNull();
    expect(errors).toEqual([
      { file: 'data/index.json', severity: 'error', message: expect.stringContaining(message) },
    ]);
  });
});

describe('rows of towns index.json does not list', () => {
  it('are skipped from an indicator file, each an error naming the file and line', async () => {
    const info: IndexIndicator = {
      id: 'mediation.cases',
      values: 4,
      // Stated large: the worker's path (here, with no Worker, it falls back to this thread).
      years: [
        {
          year: 2024,
          file: 'indicators/mediation.cases/2024.csv',
          rows: 4,
          bytes: LARGE,
        },
      ],
    };
    const { rows, errors } = await loadIndicatorYear(info, 2024, TOWNS);
    expect(rows.map((r) => [r.town, r.year, r.indicator])).toEqual([
      ['甲镇', 2024, 'mediation.cases'],
      ['乙镇', 2024, 'mediation.cases'],
    ]);
    expect(errors).toEqual(
      [4, 5].map((line) => ({
        file: 'data/indicators/mediation.cases/2024.csv',
        line,
        severity: 'error',
        message: 'town_number 2 is not a town of index.json',
      })),
    );
  });

  it("are dropped from a county file too, with the values of that town's reports", async () => {
    const info = countyInfo('某省/某市/某县');
    const { data, errors } = await loadCounty(info, isKnown);
    expect(data.values.map((r) => [r.town, r.year, r.value])).toEqual([['甲镇', 2024, 10]]);
    // A report not counted, of no town the index lists, is no problem (the data quality page lists it).
    expect(data.reports.map((r) => [r.reportId, r.town])).toEqual([
      ['r1', '甲镇'],
      ['r7', '甲镇'],
    ]);
    expect(errors).toEqual([
      {
        file: 'data/counties/0/reports.csv',
        severity: 'error',
        message: '1 row(s) of 1 town(s) not in index.json skipped: 某省/某市/某县/丁镇',
      },
      {
        file: 'data/counties/0/values.csv',
        line: 3,
        severity: 'error',
        message: "report r5 is not among the county's reports read: its 1 row(s) skipped",
      },
    ]);
  });

  it('reads no values of a county none of whose reports could be read: one error, not one a row', async () => {
    // The county's files hold another county's rows (a stale index, say).
    const info = countyInfo('某省/某市/别县');
    const { data, errors } = await loadCounty(info, isKnown);
    expect(data).toEqual({ values: [], reports: [] });
    expect(errors.map((e) => [e.file, e.message])).toEqual([
      [
        'data/counties/0/reports.csv',
        '3 row(s) of another county skipped: this file holds 某省/某市/别县 only',
      ],
      ['data/counties/0/values.csv', "not read: none of the county's reports could be"],
    ]);
  });

  it('refuses a file of another size than index.json lists: one error, no row read against it', async () => {
    const file = 'indicators/mediation.resolved/2024.csv';
    const info: IndexIndicator = {
      id: 'mediation.resolved',
      values: 1,
      years: [{ year: 2024, file, rows: 1, bytes: 1000 }],
    };
    const { rows, errors } = await loadIndicatorYear(info, 2024, TOWNS);
    expect(rows).toEqual([]);
    const params = {
      file: `data/${file}`,
      bytes: Buffer.byteLength(FILES[file] ?? ''),
      listed: 1000,
    };
    expect(errors).toEqual([
      expect.objectContaining({
        file: `data/${file}`,
        severity: 'error',
        wording: { key: 'notListedFile', params },
      }),
    ]);
    expect(issueMessage('zh', errors[0]!)).toContain('请刷新页面');
  });

  it('names three towns and counts the rest', () => {
    const place = (i: number) => ({ townId: `t${i}` });
    const rows = [0, 1, 2, 3, 4, 5].map(place);
    const { rows: kept, error } = rowsOfKnownTowns(
      rows as never[],
      (id) => id === 't0',
      'data/x.csv',
    );
    expect(kept).toEqual([place(0)]);
    expect(error?.message).toBe(
      '5 row(s) of 5 town(s) not in index.json skipped: t1, t2, t3 and 2 more',
    );
    expect(rowsOfKnownTowns(rows as never[], () => true, 'data/x.csv').error).toBeNull();
  });
});

describe('the catalog version the data was built with', () => {
  const index = (catalog?: string): string =>
    JSON.stringify({
      format: INDEX_FORMAT,
      ...(catalog === undefined ? {} : { catalog }),
      towns: [],
      years: [],
      reports: { file: 'reports.csv', rows: 0, bytes: 0 },
      indicators: [],
      counties: [],
      texts: [],
    });

  it("is a warning naming index.json when it is not the app's, and the data is still read", async () => {
    const { model, errors } = await loadIndex(Promise.resolve({ ok: true, data: index('v0') }));
    expect(model).not.toBeNull();
    expect(errors).toEqual([
      {
        file: 'data/index.json',
        severity: 'warning',
        message: `the data was built with catalog v0, this app reads ${CATALOG_VERSION}: rebuild it (npm run extract)`,
        wording: {
          key: 'catalogVersionMismatch',
          params: { file: 'data/index.json', built: 'v0', reads: CATALOG_VERSION },
        },
      },
    ]);
    expect(issueMessage('zh', errors[0]!)).toContain(`指标目录 v0`);
    expect(issueMessage('en', errors[0]!)).toContain(`this app reads ${CATALOG_VERSION}`);
  });

  it('is no problem when it matches, or when an older index does not record it', async () => {
    for (const catalog of [CATALOG_VERSION, undefined]) {
      const { model, errors } = await loadIndex(
        Promise.resolve({ ok: true, data: index(catalog) }),
      );
      expect(model).not.toBeNull();
      expect(errors).toEqual([]);
    }
  });
});
