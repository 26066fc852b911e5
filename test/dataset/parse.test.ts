import { describe, expect, it } from 'vitest';
import { parseMentions, parseReports, parseValues } from '../../src/dataset/parse';

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

describe('parseReports and parseMentions', () => {
  it('validate their rows too', () => {
    const reports = parseReports(
      'report_id,town,county,city,province,year,published,chars,status,message\nr1,甲镇,,,,2024,,10,ok,\nr2,乙镇,,,,24,,10,ok,\n',
    );
    expect(reports.rows.map((r) => r.reportId)).toEqual(['r1']);
    expect(reports.errors[0]?.line).toBe(3);
    const mentions = parseMentions(
      'report_id,indicator,value,unit,qualifier,start,end,quote\nr1,mediation.cases,5,件,=,1,4,abc\nr1,mediation.cases,5,件,?,1,4,abc\n',
    );
    expect(mentions.rows).toHaveLength(1);
    expect(mentions.errors[0]?.line).toBe(3);
  });
});
