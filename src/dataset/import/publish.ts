/**
 * The publish package of the local workspace: what the CLI needs to produce
 * the reviewed dataset — every imported report's text, a manifest with the
 * reviewed town, county and year, and the review decisions as corrections —
 * in one zip. `npm run extract -- --in <zip>` reads it as it is; the same
 * files copied into data/reports/ and data/corrections.csv do the same.
 */
import Papa from 'papaparse';
import { strToU8, zipSync } from 'fflate';
import { CORRECTION_COLUMNS, MANIFEST_COLUMNS } from '../../extract/columns';
import type { ImportedReport, ReviewValue } from './workspace';

export const PUBLISH_README = `发布包 · Publish package

reports/            导入的报告原文（UTF-8）与 reports.csv（审核后的乡镇、县区、年度）
corrections.csv     审核结果：修改、驳回、人工添加的数值

生成数据：npm run extract -- --in 本文件.zip --out public/data
或：把 reports/ 中的文件复制到 data/reports/，把 corrections.csv 的各行加入
data/corrections.csv，再运行 npm run extract。

reports/           the imported reports' texts (UTF-8) and reports.csv (reviewed town, county, year)
corrections.csv    the review: values edited, rejected or added by hand

Build the data: npm run extract -- --in this-file.zip --out public/data
or copy reports/ into data/reports/, add the rows of corrections.csv to
data/corrections.csv, and run npm run extract.
`;

/** The correction a review decision stands for; none when the extracted value stands. */
export function correctionOf(
  reportId: string,
  v: ReviewValue,
): Record<(typeof CORRECTION_COLUMNS)[number], string> | null {
  const span = {
    start: v.start === null ? '' : String(v.start),
    end: v.end === null ? '' : String(v.end),
  };
  const base = { report_id: reportId, indicator: v.indicator, qualifier: v.qualifier };
  if (v.found === null) {
    // Added by hand: the selected words are its provenance.
    if (v.decision === 'rejected' || v.edited === null) return null;
    return { ...base, value: String(v.edited), ...span, note: '审核人工添加' };
  }
  if (v.decision === 'rejected') {
    return { ...base, value: '', qualifier: '', start: '', end: '', note: '审核驳回' };
  }
  if (v.decision === 'edited' && v.edited !== null && v.edited !== v.found) {
    // The reviewer states the exact figure.
    return {
      ...base,
      value: String(v.edited),
      qualifier: '=',
      start: '',
      end: '',
      note: '审核修改',
    };
  }
  return null;
}

export function manifestCsv(reports: readonly ImportedReport[]): string {
  return Papa.unparse(
    {
      fields: [...MANIFEST_COLUMNS],
      data: reports.map((r) => [
        r.reportId,
        r.metadata.town,
        r.metadata.county,
        r.metadata.city,
        r.metadata.province,
        r.metadata.year === null ? '' : String(r.metadata.year),
        r.metadata.published,
        r.metadata.title,
      ]),
    },
    { newline: '\n' },
  );
}

export function correctionsCsv(reports: readonly ImportedReport[]): string {
  const rows = reports.flatMap((r) =>
    r.values.flatMap((v) => {
      const c = correctionOf(r.reportId, v);
      return c === null ? [] : [CORRECTION_COLUMNS.map((k) => c[k])];
    }),
  );
  return Papa.unparse({ fields: [...CORRECTION_COLUMNS], data: rows }, { newline: '\n' });
}

/** The zip: reports/<id>.txt, reports/reports.csv, corrections.csv, README.txt. */
export function publishZip(reports: readonly ImportedReport[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(PUBLISH_README),
    'reports/reports.csv': strToU8(`${manifestCsv(reports)}\n`),
    'corrections.csv': strToU8(`${correctionsCsv(reports)}\n`),
  };
  for (const r of reports) files[`reports/${r.reportId}.txt`] = strToU8(r.text);
  // A fixed date: the same workspace gives the same bytes.
  return zipSync(files, { mtime: new Date('2000-01-01T00:00:00Z') });
}
