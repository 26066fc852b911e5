import { describe, expect, it } from 'vitest';
import { parseReports, parseValues } from '../../src/dataset/parse';

const HEADER =
  'report_id,town,county,city,province,year,indicator,value,unit,qualifier,derived,corrected,alternatives,start,end,category,unit_written,mentions,alternative_values,correction,note,period,quote,parts';

describe('parseValues', () => {
  it('reads good rows and reports each bad one with its line, skipping it', () => {
    const csv = [
      HEADER,
      'r1,甲镇,某县,,,2024,mediation.cases,190,件,>=,false,false,1,10,20,mediation,起,2,180,,,,解决纠纷190余起,',
      'r1,甲镇,某县,,,2024,mediation.nothing,5,件,=,false,false,0,1,2,mediation,件,1,,,,,x,',
      'r1,甲镇,某县,,,2024,mediation.resolved,many,件,=,false,false,0,1,2,mediation,件,1,,,,,x,',
      'r1,甲镇,某县,,,2024,petition.cases,,件,,false,true,0,,,petition,,0,,delete,核实后删除,,,',
      'r1,甲镇,某县,,,2024,petition.closed,,件,,false,false,0,,,petition,,0,,,,,,',
    ].join('\n');
    const { rows, errors } = parseValues(csv, 'data/indicators.csv');
    expect(rows.map((r) => [r.indicator, r.value, r.qualifier, r.alternativeValues])).toEqual([
      ['mediation.cases', 190, '>=', [180]],
      ['petition.cases', null, '=', []],
    ]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [3, expect.stringContaining('is not a catalog indicator')],
      [4, expect.stringContaining('must be a number')],
      [6, 'value is empty but not deleted by a correction'],
    ]);
    expect(errors.every((e) => e.file === 'data/indicators.csv')).toBe(true);
  });

  it('skips a value its indicator cannot hold, naming file and line', () => {
    const csv = [
      HEADER,
      'r1,甲镇,,,,2024,mediation.success_rate,120,%,=,false,false,0,1,2,mediation,%,1,,,,,x,',
      'r1,甲镇,,,,2024,mediation.cases,-3,件,=,false,false,0,1,2,mediation,件,1,,,,,x,',
      'r1,甲镇,,,,2024,petition.visits_yoy,-17.2,%,=,false,false,0,1,2,petition,%,1,,,,,x,',
      'r1,甲镇,,,,2024,mediation.success_rate,100,%,=,false,false,0,1,2,mediation,%,1,,,,,x,',
    ].join('\n');
    const { rows, errors } = parseValues(csv, 'data/indicators/x/2024.csv');
    // A fall is a value of a change; 100 % is a value of a rate.
    expect(rows.map((r) => [r.indicator, r.value])).toEqual([
      ['petition.visits_yoy', -17.2],
      ['mediation.success_rate', 100],
    ]);
    expect(errors).toEqual([
      {
        file: 'data/indicators/x/2024.csv',
        line: 2,
        severity: 'error',
        message: '120 is above 100%, which mediation.success_rate cannot be',
      },
      {
        file: 'data/indicators/x/2024.csv',
        line: 3,
        severity: 'error',
        message: '-3 is below 0件, which mediation.cases cannot be',
      },
    ]);
  });

  it('reads the rule that chose each value, and loads a file written before the column', () => {
    const NEW_HEADER = HEADER.replace('alternative_values,', 'alternative_values,chosen_by,');
    const row = (alternatives: string, rules: string): string =>
      `r1,甲镇,,,,2024,mediation.cases,200,件,=,false,false,2,1,2,mediation,件,3,${alternatives},${rules},,,,x,`;
    const { rows, errors } = parseValues(
      [
        NEW_HEADER,
        row('120;300', 'total;full-year'),
        // A rule this version does not know, or one per value missing: not known.
        row('120;300', 'total;newer-rule'),
        row('120;300', 'total'),
        row('', ''),
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.chosenBy)).toEqual([['total', 'full-year'], [], [], []]);
    const old = parseValues(
      [
        HEADER,
        'r1,甲镇,,,,2024,mediation.cases,200,件,=,false,false,1,1,2,mediation,件,2,120,,,,x,',
      ].join('\n'),
    );
    expect(old.errors).toEqual([]);
    expect(old.rows.map((r) => [r.alternativeValues, r.chosenBy])).toEqual([[[120], []]]);
  });

  it('names missing columns', () => {
    const { rows, errors } = parseValues('report_id,town\nr1,甲镇\n');
    expect(rows).toEqual([]);
    expect(errors[0]?.message).toMatch(/missing column\(s\): year, indicator, value/);
  });

  it('reads derived parts', () => {
    const csv = `${HEADER}\nr1,甲镇,,,,2024,mediation.success_rate,99.52,%,=,true,false,0,2,23,mediation,%,0,,,,,x,mediation.resolved@17-23;mediation.cases@2-13\n`;
    expect(parseValues(csv).rows[0]?.parts).toEqual([
      { indicator: 'mediation.resolved', start: 17, end: 23 },
      { indicator: 'mediation.cases', start: 2, end: 13 },
    ]);
  });
});

describe('parsing a large file chunk by chunk', () => {
  // Over 2 MB: PapaParse reads it in 1 MB chunks, rows are handed over in batches.
  const quote = '调解成功率达到百分之九十九，'.repeat(10);
  const good = (i: number): string =>
    `r${i},甲镇,某县,,,2024,mediation.cases,${i},件,=,false,false,0,1,2,mediation,件,1,,,,,${quote},`;
  const lines = [HEADER];
  for (let i = 0; i < 12000; i++) lines.push(good(i));
  // Bad rows far past the first chunk, and one with a stray quote.
  lines[9001] = (lines[9001] ?? '').replace(',mediation.cases,', ',mediation.nonsense,');
  lines[11500] = (lines[11500] ?? '').replace(',11499,', ',lots,');
  const csv = `${lines.join('\n')}\n`;

  it('names the right line of every bad row, wherever the chunks split', () => {
    expect(csv.length).toBeGreaterThan(2 << 20);
    const { rows, errors } = parseValues(csv, 'big.csv');
    expect(rows).toHaveLength(11998);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [9002, 'indicator is not a catalog indicator'],
      [11501, 'value must be a number or empty'],
    ]);
    expect(rows[9000]?.reportId).toBe('r9001');
  });

  it('streams the same rows in batches when asked', () => {
    const batches: number[] = [];
    const streamed: string[] = [];
    const { rows, errors } = parseValues(csv, 'big.csv', (batch) => {
      batches.push(batch.length);
      for (const r of batch) streamed.push(r.reportId);
    });
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(2);
    expect(streamed).toEqual(parseValues(csv, 'big.csv').rows.map((r) => r.reportId));
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
