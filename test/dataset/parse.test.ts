import { describe, expect, it } from 'vitest';
import {
  compactRow,
  parseCountyValues,
  parseFigures,
  parseIndicatorFile,
  parseJob,
  parseReports,
  type NumberedTown,
} from '../../src/dataset/parse';
import type { ReportPlace } from '../../src/dataset/model';
import { isExact } from '../../src/dataset/change';
import { reportAt } from './fixtures';

// counties/<n>/values.csv: the place and year are the report's.
const HEADER =
  'report_id,indicator,value,qualifier,derived,start,end,alternative_values,chosen_by,correction,note,period,parts';
const place = (reportId: string, town: string, year: number | null): ReportPlace => ({
  reportId,
  townId: `某省/某县/${town}`,
  town,
  county: '某县',
  city: '',
  province: '某省',
  year,
});
const REPORTS = { reports: new Map([['r1', place('r1', '甲镇', 2024)]]) };
const county = (csv: string, file = 'data/counties/0/values.csv') =>
  parseCountyValues(csv, file, REPORTS);

describe("a county's values", () => {
  it('reads good rows and reports each bad one with its line, skipping it', () => {
    const csv = [
      HEADER,
      'r1,mediation.cases,190,>=,false,10,20,180,,,,,',
      'r1,mediation.nothing,5,=,false,1,2,,,,,,',
      'r1,mediation.resolved,many,=,false,1,2,,,,,,',
      'r1,petition.cases,,,false,,,,,delete,核实后删除,,',
      'r1,petition.closed,,,false,,,,,,,,',
      'r9,petition.closed,3,=,false,1,2,,,,,,',
      'r9,petition.cases,3,=,false,1,2,,,,,,',
    ].join('\n');
    const { rows, errors } = county(csv);
    expect(rows.map((r) => [r.indicator, r.value, r.qualifier, r.alternativeValues])).toEqual([
      ['mediation.cases', 190, '>=', [180]],
      ['petition.cases', null, '=', []],
    ]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [3, expect.stringContaining('is not a catalog indicator')],
      [4, expect.stringContaining('must be a number')],
      [6, 'value is empty but not deleted by a correction'],
      // A report the county's reports lack: one error, at its first row.
      [7, "report r9 is not among the county's reports read: its 2 row(s) skipped"],
    ]);
    expect(errors.every((e) => e.file === 'data/counties/0/values.csv')).toBe(true);
  });

  it("takes each row's place, year and unit from its report and the catalog", () => {
    const { rows } = county(`${HEADER}\nr1,mediation.cases,190,>=,false,10,20,,,,,,\n`);
    expect(rows[0]).toMatchObject({
      reportId: 'r1',
      townId: '某省/某县/甲镇',
      town: '甲镇',
      county: '某县',
      province: '某省',
      year: 2024,
      unit: '件',
      category: 'mediation',
    });
  });

  it('skips a value its indicator cannot hold, naming file and line', () => {
    const csv = [
      HEADER,
      'r1,mediation.success_rate,120,=,false,1,2,,,,,,',
      'r1,mediation.cases,-3,=,false,1,2,,,,,,',
      'r1,petition.visits_yoy,-17.2,=,false,1,2,,,,,,',
      'r1,mediation.success_rate,100,=,false,1,2,,,,,,',
    ].join('\n');
    const { rows, errors } = county(csv);
    // A fall is a value of a change; 100 % is a value of a rate.
    expect(rows.map((r) => [r.indicator, r.value])).toEqual([
      ['petition.visits_yoy', -17.2],
      ['mediation.success_rate', 100],
    ]);
    expect(errors).toEqual([
      {
        file: 'data/counties/0/values.csv',
        line: 2,
        severity: 'error',
        message: '120 is above 100%, which mediation.success_rate cannot be',
      },
      {
        file: 'data/counties/0/values.csv',
        line: 3,
        severity: 'error',
        message: '-3 is below 0件, which mediation.cases cannot be',
      },
    ]);
  });

  it('reads the rule that chose each value; an unknown rule or one missing is not known', () => {
    const row = (alternatives: string, rules: string): string =>
      `r1,mediation.cases,200,=,false,1,2,${alternatives},${rules},,,,`;
    const { rows, errors } = county(
      [
        HEADER,
        row('120;300', 'total;full-year'),
        // A rule this version does not know, or one per value missing: not known.
        row('120;300', 'total;newer-rule'),
        row('120;300', 'total'),
        row('', ''),
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.chosenBy)).toEqual([['total', 'full-year'], [], [], []]);
  });

  it('names missing columns', () => {
    const { rows, errors } = county('report_id,town\nr1,甲镇\n');
    expect(rows).toEqual([]);
    expect(errors[0]?.message).toMatch(
      /missing column\(s\): value, qualifier, start, end, indicator/,
    );
  });

  it('reads derived parts', () => {
    const csv = `${HEADER}\nr1,mediation.success_rate,99.52,=,true,2,23,,,,,,mediation.resolved@17-23;mediation.cases@2-13\n`;
    expect(county(csv).rows[0]?.parts).toEqual([
      { indicator: 'mediation.resolved', start: 17, end: 23 },
      { indicator: 'mediation.cases', start: 2, end: 13 },
    ]);
  });
});

describe("an indicator's file of a year", () => {
  const FILE_HEADER =
    'report_id,town_number,value,qualifier,derived,start,end,alternative_values,chosen_by,correction,note,period,quote,parts';
  const towns: NumberedTown[] = [
    { id: '某省/某县/甲镇', name: '甲镇', county: '某县', city: '', province: '某省' },
    // A report whose town was not found is its own town, named by its id.
    { id: 'report:r2', name: 'r2', county: '某县', city: '', province: '某省' },
  ];
  const file = (...rows: string[]) =>
    parseIndicatorFile([FILE_HEADER, ...rows].join('\n'), 'data/indicators/x/2024.csv', {
      indicator: 'mediation.cases',
      year: 2024,
      towns,
    });

  it("places each row at the town its number names, in the file's indicator and year", () => {
    const { rows, errors } = file(
      'r1,0,190,>=,false,10,20,,,,,,解决纠纷190余起,',
      'r2,1,7,=,false,1,2,,,,,,x,',
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.townId, r.town, r.county, r.year, r.indicator, r.value])).toEqual([
      ['某省/某县/甲镇', '甲镇', '某县', 2024, 'mediation.cases', 190],
      ['report:r2', '', '某县', 2024, 'mediation.cases', 7],
    ]);
  });

  it("skips a row whose number is no town, or another report's own town, naming the line", () => {
    const { rows, errors } = file(
      'r1,2,5,=,false,1,2,,,,,,x,',
      'r1,-1,5,=,false,1,2,,,,,,x,',
      'r3,1,5,=,false,1,2,,,,,,x,',
      'r1,one,5,=,false,1,2,,,,,,x,',
      'r1,0,5,=,false,1,2,,,,,,x,',
    );
    expect(rows.map((r) => r.value)).toEqual([5]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'town_number 2 is not a town of index.json'],
      [3, 'town_number -1 is not a town of index.json'],
      [4, "town_number 1 is another report's town (report:r2)"],
      [5, expect.stringContaining('must be a whole number')],
    ]);
  });
});

describe("an indicator's file read as figures (the overview's cards)", () => {
  const FILE_HEADER =
    'report_id,town_number,value,qualifier,derived,start,end,alternative_values,chosen_by,correction,note,period,quote,parts';
  const towns: NumberedTown[] = ['甲镇', '乙镇', '丙镇', '丁镇'].map((name) => ({
    id: `某省/某县/${name}`,
    name,
    county: '某县',
    city: '',
    province: '某省',
  }));
  const place = { indicator: 'mediation.cases', year: 2024, towns } as const;
  const csv = [
    FILE_HEADER,
    'r1,0,190,>=,false,10,20,,,,,,解决纠纷190余起,',
    'r2,1,7,~,false,1,2,,,,,,约7起,',
    // Not a town of index.json; a value no count can be.
    'r3,9,5,=,false,1,2,,,,,,x,',
    'r3,2,-5,=,false,1,2,,,,,,x,',
    // Deleted by a correction: not stated, not zero.
    'r4,3,,=,false,,,,,delete,核实有误,,,',
    // A later row of a town replaces an earlier one.
    'r2,1,8,=,false,1,2,,,,,,8起,',
  ].join('\n');
  const file = 'data/indicators/mediation.cases/2024.csv';

  it("keeps each town's value and qualifier at its number, NaN where it has none", () => {
    const { rows, errors } = parseFigures(csv, file, place);
    expect(rows).toHaveLength(1);
    const [figures] = rows;
    expect([...(figures?.values ?? [])]).toEqual([190, 8, NaN, NaN]);
    expect([...(figures?.qualifiers ?? [])].slice(0, 2)).toEqual([1, 0]);
    // The rows' own reading agrees, row for row.
    const asRows = parseIndicatorFile(csv, file, place);
    expect(asRows.rows.map((r) => [r.townId, r.value, r.qualifier])).toEqual([
      ['某省/某县/甲镇', 190, '>='],
      ['某省/某县/乙镇', 7, '~'],
      ['某省/某县/丁镇', null, '='],
      ['某省/某县/乙镇', 8, '='],
    ]);
    // The same problems, named the same way: a page that reads the file both ways says each once.
    expect(errors).toEqual(asRows.errors);
    expect(errors.map((e) => e.line)).toEqual([4, 5]);
  });

  it('marks the figures a change may compare: exact, not a bound, not up to a date, no other value', () => {
    const exactCsv = [
      FILE_HEADER,
      'r1,0,190,=,false,10,20,,,,,,解决纠纷190起,',
      'r2,1,7,=,false,1,2,,,,,截至10月底,7起,',
      'r3,2,9,=,false,1,2,12,,,,,9起,',
      'r4,3,5,>=,false,1,2,,,,,,5余起,',
    ].join('\n');
    const { rows, errors } = parseFigures(exactCsv, file, place);
    expect(errors).toEqual([]);
    expect([...(rows[0]?.exact ?? [])]).toEqual([1, 0, 0, 0]);
    // The rows' own reading agrees (isExact).
    const asRows = parseIndicatorFile(exactCsv, file, place).rows;
    expect(asRows.map((r) => isExact(r))).toEqual([true, false, false, false]);
  });

  it('gives nothing for a file of which no row could be read, as rows do', () => {
    const broken = parseFigures('report_id,value\nr1,5\n', file, place);
    expect(broken.rows).toEqual([]);
    expect(broken.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('missing column(s)'),
    ]);
    // A file of no rows at all is an empty year, not a failure.
    expect(parseFigures(FILE_HEADER, file, place).rows).toHaveLength(1);
  });

  it('is posted by the worker as one batch', () => {
    const batches: unknown[][] = [];
    const parsed = parseJob(
      { kind: 'figures', indicator: 'mediation.cases', year: 2024 },
      towns,
      csv,
      file,
      (b) => batches.push(b),
    );
    expect(parsed.rows).toEqual([]);
    expect(batches).toEqual([parseFigures(csv, file, place).rows]);
    expect(compactRow('figures', batches[0]?.[0])).toBe(batches[0]?.[0]);
  });
});

describe('parsing a large file chunk by chunk', () => {
  // Over 2 MB: PapaParse reads it in 1 MB chunks, rows are handed over in batches.
  const note = '调解成功率达到百分之九十九，'.repeat(10);
  const good = (i: number): string => `r1,mediation.cases,${i},=,false,1,2,,,,${note},,`;
  const lines = [HEADER];
  for (let i = 0; i < 12000; i++) lines.push(good(i));
  // Bad rows far past the first chunk, and one with a stray quote.
  lines[9001] = (lines[9001] ?? '').replace(',mediation.cases,', ',mediation.nonsense,');
  lines[11500] = (lines[11500] ?? '').replace(',11499,', ',lots,');
  const csv = `${lines.join('\n')}\n`;

  it('names the right line of every bad row, wherever the chunks split', () => {
    expect(csv.length).toBeGreaterThan(2 << 20);
    const { rows, errors } = county(csv, 'big.csv');
    expect(rows).toHaveLength(11998);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [9002, 'indicator is not a catalog indicator'],
      [11501, 'value must be a number or empty'],
    ]);
    expect(rows[9000]?.value).toBe(9001);
  });

  it('streams the same rows in batches when asked', () => {
    const batches: number[] = [];
    const streamed: (number | null)[] = [];
    const { rows, errors } = parseCountyValues(csv, 'big.csv', REPORTS, (batch) => {
      batches.push(batch.length);
      for (const r of batch) streamed.push(r.value);
    });
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(2);
    expect(streamed).toEqual(county(csv, 'big.csv').rows.map((r) => r.value));
    expect(Math.max(...batches)).toBeLessThanOrEqual(2000 + 1);
    expect(batches.length).toBeGreaterThan(5);
  });
});

describe('parseReports', () => {
  it('validates its rows too', () => {
    const reports = parseReports(
      'report_id,town,county,city,province,year,published,chars,status,message\nr1,甲镇,,,,2024,,10,ok,\nr2,乙镇,,,,24,,10,ok,\n',
    );
    expect(reports.rows.map((r) => r.reportId)).toEqual(['r1']);
    expect(reports.errors[0]?.line).toBe(3);
  });

  it('reads where a report’s text is, and refuses a row that would fetch anything but a pack', () => {
    const csv = [
      'report_id,town,year,status,message,text_file,text_offset,text_length',
      'r1,甲镇,2024,ok,,texts/3.txt,4096,10156',
      'r2,乙镇,2024,error,无法读取,,,',
      'r3,丙镇,2024,ok,,../../index.html,0,100',
      'r4,丁镇,2024,ok,,https://example.org/texts/1.txt,0,100',
      'r5,戊镇,2024,ok,,texts/1.txt,-5,100',
    ].join('\n');
    const { rows, errors } = parseReports(csv, 'data/counties/0/reports.csv');
    expect(rows.map((r) => [r.reportId, r.text])).toEqual([
      ['r1', { file: 'texts/3.txt', offset: 4096, length: 10156 }],
      ['r2', null],
    ]);
    expect(errors.map((e) => [e.file, e.line, e.message])).toEqual([
      [
        'data/counties/0/reports.csv',
        4,
        expect.stringMatching(/"\.\.\/\.\.\/index\.html" is not a pack/),
      ],
      ['data/counties/0/reports.csv', 5, expect.stringMatching(/is not a pack of texts/)],
      ['data/counties/0/reports.csv', 6, expect.stringMatching(/whole numbers of bytes/)],
    ]);
  });

  it('reads a report’s notes to word them in the page’s language, or keep the message as written', () => {
    const notes = JSON.stringify([{ code: 'few_figures', params: { found: '1', unused: '43' } }]);
    const csv = [
      'report_id,town,year,status,message,notes',
      `r1,甲镇,2024,warning,只找到 1 个指标数值,"${notes.replaceAll('"', '""')}"`,
      // A folder written before the notes column: its English message stands.
      'r2,乙镇,2024,ok,published: no signing date in the last lines,',
      // Notes this version does not know (a newer extractor): the message stands.
      'r3,丙镇,2024,ok,某说明,"[{""code"":""later""}]"',
    ].join('\n');
    const { rows, errors } = parseReports(csv);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.reportId, r.notes, r.message])).toEqual([
      [
        'r1',
        [{ code: 'few_figures', params: { found: '1', unused: '43' } }],
        '只找到 1 个指标数值',
      ],
      ['r2', null, 'published: no signing date in the last lines'],
      ['r3', null, '某说明'],
    ]);
  });

  it('read a duplicate with the report it is the same as, worded in the page’s language', async () => {
    const notes = JSON.stringify([
      { code: 'same_report', params: { report: 'r1', file: 'r1.docx' } },
    ]);
    const csv = [
      'report_id,town,year,status,message,file,format,notes',
      'r1,甲镇,2024,ok,,r1.docx,docx,',
      `r2,甲镇,2024,duplicate,与报告 r1,content_1.html,html,"${notes.replaceAll('"', '""')}"`,
    ].join('\n');
    const { rows, errors } = parseReports(csv);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.reportId, r.status])).toEqual([
      ['r1', 'ok'],
      ['r2', 'duplicate'],
    ]);
    const { notesText } = await import('../../src/extract/report-notes');
    expect(notesText('en', rows[1]?.notes ?? [])).toBe(
      'the same report as r1 (r1.docx: same town, county, year and figures): counted once, from that one',
    );
  });
});

describe('rows a worker posted, made compact again', () => {
  it('are the rows it parsed, field for field, whichever places share an id', () => {
    const csv = [
      HEADER,
      'r1,mediation.cases,190,>=,false,10,20,180;170,total;larger,,,全年,',
      'r2,petition.cases,,,false,,,,,delete,核实后删除,,',
      'r3,mediation.success_rate,98.5,=,true,1,9,,,,,,mediation.resolved@1-4;mediation.cases@5-9',
    ].join('\n');
    // 甲镇 as its report states it, then a report whose town was not found
    // (its own town), then a place written to give 甲镇's id another way.
    const reports = new Map([
      ['r1', place('r1', '甲镇', 2024)],
      ['r2', { ...place('r2', '', 2024), townId: 'report:r2', county: '' }],
      ['r3', { ...place('r3', '甲镇', 2023), county: '', city: '某县' }],
    ]);
    const { rows, errors } = parseCountyValues(csv, 'data/counties/0/values.csv', { reports });
    expect(errors).toEqual([]);
    // Each row is its report's place, as the county's reports state it.
    expect(
      rows.map(({ reportId, townId, town, county, city, province, year }) => ({
        reportId,
        townId,
        town,
        county,
        city,
        province,
        year,
      })),
    ).toEqual([...reports.values()]);
    expect(rows.map((r) => [r.indicator, r.category, r.unit, r.chosenBy, r.parts])).toEqual([
      ['mediation.cases', 'mediation', '件', ['total', 'larger'], []],
      ['petition.cases', 'petition', '件', [], []],
      [
        'mediation.success_rate',
        'mediation',
        '%',
        [],
        [
          { indicator: 'mediation.resolved', start: 1, end: 4 },
          { indicator: 'mediation.cases', start: 5, end: 9 },
        ],
      ],
    ]);
    // Posted, each comes back the same, whichever place was kept for its id, and is
    // made compact in place (a nation's page would otherwise hold two of each for a while).
    const posted = rows.map((r) => structuredClone(r));
    const compacted = posted.map((r) => compactRow('county-values', r));
    expect(compacted).toEqual(rows);
    expect(compacted.every((r, n) => r === posted[n])).toBe(true);
    const reportRows = [...reports.values()].map(reportAt);
    const postedReports = reportRows.map((r) => structuredClone(r));
    const compactedReports = postedReports.map((r) => compactRow('reports', r));
    expect(compactedReports).toEqual(reportRows);
    expect(compactedReports.every((r, n) => r === postedReports[n])).toBe(true);
  });
});
