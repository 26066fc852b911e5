/**
 * The data folder's writer works out what a value's place gives (its
 * county's number and file, its town's number) once for a report's values,
 * which come one after another. Reports whose town was not found are each
 * their own town, though they share county and year: a value must never
 * take the town of the report before it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  finalizeDatasets,
  finalizeReports,
  groupsToResolve,
  packOutcomes,
  siteLayout,
  type DataIndex,
} from '../../src/extract';
import { indexBuilder } from '../../src/extract/data-index';
import { aloneValues, layoutWriter } from '../../src/extract/layout';
import { summarize } from '../../src/extract/pipeline';
import { csvRows, processReport, ROOT, SAMPLE_DIR } from '../helpers';

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

describe('values resolved alone (the CLI resolves them where each report is read)', () => {
  const REAL = join(ROOT, 'test', 'fixtures', 'real', 'docs');
  /** The samples, six real reports, a report of no year, a rate derived from its parts. */
  const outcomes = packOutcomes(
    [
      ...readdirSync(SAMPLE_DIR)
        .filter((name) => name.endsWith('.txt'))
        .map((name) => join(SAMPLE_DIR, name)),
      ...['d101', 'd102', 'd103', 'd104', 'd105', 'd106'].map((id) => join(REAL, `${id}.txt`)),
    ]
      .map((path) => processReport(basename(path, '.txt'), path, readFileSync(path)))
      .concat(
        processReport(
          'no-year',
          'no-year.txt',
          Buffer.from('某镇法治政府建设情况报告\n全年共调解矛盾纠纷12件。\n'),
        ),
        processReport(
          'derived',
          'derived.txt',
          Buffer.from('某乡2023年法治政府建设情况报告\n全年调解纠纷208件，成功调解207件。\n'),
        ),
      ),
  ).outcomes;

  it('are written in the same bytes, in the same files, as the same values resolved', () => {
    const byId = new Map(outcomes.map((o) => [o.reportId, o]));
    const quote = (id: string, start: number, end: number) =>
      byId.get(id)?.text.slice(start, end) ?? '';
    const datasets = finalizeDatasets({ outcomes, quote });
    const expected = new Map<string, string>();
    const layout = siteLayout(datasets);
    layout.write((path, text) => expected.set(path, (expected.get(path) ?? '') + text));

    const finalized = finalizeReports(
      outcomes.map((o) => summarize(o)),
      {},
    );
    const files = new Map<string, string>();
    const append = (path: string, text: string) => files.set(path, (files.get(path) ?? '') + text);
    const decoder = new TextDecoder();
    const writer = layoutWriter(
      append,
      finalized.reports,
      { tables: false },
      (path, bytes, start, end) => append(path, decoder.decode(bytes.subarray(start, end))),
    );
    const encoder = new TextEncoder();
    let derived = false;
    for (const { reports, corrections } of groupsToResolve(finalized.resolvable, [])) {
      expect(reports.length).toBe(1);
      expect(corrections).toEqual([]);
      const [report] = reports;
      if (report === undefined) continue;
      const o = byId.get(report.reportId);
      if (o === undefined) throw new Error(report.reportId);
      for (const m of o.mentions) writer.mention(m.indicator, null);
      // As the CLI's threads resolve it: with the place they read (reports.csv may set another).
      const { indicators, pieces } = aloneValues({
        reportId: o.reportId,
        metadata: o.detected,
        mentions: o.mentions,
        quote: (start, end) => o.text.slice(start, end),
      });
      const encoded = pieces.map((piece) => encoder.encode(piece));
      let end = 0;
      const ends = encoded.map((bytes) => (end += bytes.length));
      const bytes = new Uint8Array(end);
      encoded.forEach((piece, i) => bytes.set(piece, (ends[i] ?? 0) - piece.length));
      const { town, county, city, province, year } = report.metadata;
      writer.alone(
        { reportId: report.reportId, town, county, city, province, year },
        { indicators, bytes, ends },
      );
      derived ||= datasets.values.some((v) => v.reportId === report.reportId && v.derived);
    }
    writer.unused(null, datasets.unused.length);
    writer.finish([]);
    // The cases are there: a derived rate, a report of no year (its values in its county's file only).
    expect(derived).toBe(true);
    expect(datasets.values.some((v) => v.reportId === 'no-year' && v.year === null)).toBe(true);
    expect([...files.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(files.get(path), path).toBe(text);
    const sizes = new Map([...expected].map(([p, t]) => [p, Buffer.byteLength(t)]));
    expect(writer.index((path) => sizes.get(path) ?? 0)).toBe(
      layout.index((path) => sizes.get(path) ?? 0),
    );
    expect(writer.counts().values).toEqual(countsOf(datasets.values.map((v) => v.indicator)));
  });
});

const countsOf = (indicators: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const id of indicators) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
};
