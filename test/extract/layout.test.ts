/**
 * The data folder's writer works out what a value's place gives (its
 * county's number and file, its town's number) once for a report's values,
 * which come one after another. Reports whose town was not found are each
 * their own town, though they share county and year: a value must never
 * take the town of the report before it.
 */
import { describe, expect, it } from 'vitest';
import { finalizeDatasets, packOutcomes, siteLayout, type DataIndex } from '../../src/extract';
import { indexBuilder } from '../../src/extract/data-index';
import { csvRows, processReport } from '../helpers';

const TEXTS: Record<string, string> = {
  'a-town': '某镇2024年法治政府建设情况报告\n全年共调解矛盾纠纷12件，调解成功12件。\n',
  'u-1': '2024年法治政府建设情况报告\n全年共调解矛盾纠纷30件，调解成功28件。\n',
  'u-2': '2024年法治政府建设情况报告\n全年共调解矛盾纠纷41件，调解成功40件。\n',
  'u-3': '2024年法治政府建设情况报告\n全年共调解矛盾纠纷52件，调解成功50件。\n',
};

/** Every file of the data folder the in-memory path writes, and its index. */
function written(): { files: Map<string, string>; index: DataIndex } {
  const { outcomes } = packOutcomes(
    Object.entries(TEXTS).map(([id, text]) => processReport(id, `${id}.txt`, Buffer.from(text))),
  );
  const texts = new Map(outcomes.map((o) => [o.reportId, o.status === 'ok' ? o.text : '']));
  const datasets = finalizeDatasets({
    outcomes,
    quote: (id, start, end) => texts.get(id)?.slice(start, end) ?? '',
    // One county and year for all; a town for the first only.
    manifest: {
      file: 'reports.csv',
      text: [
        'report_id,town,county,city,province,year,title',
        'a-town,某镇,某县,某市,某省,2024,',
        'u-1,,某县,某市,某省,2024,',
        'u-2,,某县,某市,某省,2024,',
        'u-3,,某县,某市,某省,2024,',
        '',
      ].join('\n'),
    },
  });
  const files = new Map<string, string>();
  const layout = siteLayout(datasets);
  layout.write((path, text) => files.set(path, (files.get(path) ?? '') + text));
  const index = JSON.parse(layout.index(() => 0)) as DataIndex;
  return { files, index };
}

describe("the data folder's writer", () => {
  it("numbers each value's town by its own report, when towns not found share a county and year", () => {
    const { files, index } = written();
    // Sorted by place: the towns not found first, one after another.
    const rows = csvRows(files.get('indicators/mediation.cases/2024.csv') ?? '');
    expect(rows.map((r) => r['report_id'])).toEqual(['u-1', 'u-2', 'u-3', 'a-town']);
    expect(rows.map((row) => index.towns[Number(row['town_number'])]?.id)).toEqual([
      'report:u-1',
      'report:u-2',
      'report:u-3',
      '某省/某市/某县/某镇',
    ]);
    // All in the one county's file, each value once.
    const county = csvRows(files.get('counties/0/values.csv') ?? '');
    expect(county.filter((r) => r['indicator'] === 'mediation.cases').length).toBe(4);
  });
});

describe('an index built from values alone', () => {
  it("places each report's own town, when towns not found share a county and year", () => {
    const builder = indexBuilder([], 0);
    for (const reportId of ['u-1', 'u-2']) {
      const at = { reportId, town: '', county: '某县', city: '某市', province: '某省', year: 2024 };
      builder.value({ ...at, indicator: 'mediation.cases', value: 1 });
      builder.value({ ...at, indicator: 'mediation.resolved', value: 1 });
    }
    const index = builder.build({ reports: 0, values: new Map(), counties: [], texts: [] });
    expect(index.towns.map((t) => t.id)).toEqual(['report:u-1', 'report:u-2']);
  });
});
