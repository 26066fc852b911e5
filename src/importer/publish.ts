/**
 * The publish package: the published data merged with the reviewed imports,
 * as a zip laid out like the project itself —
 *
 *   public/data/          the data folder the CLI would write for all of it:
 *                         copy it over the site's data/ folder and it is published
 *   data/reports/         every report's text (published and imported, UTF-8)
 *                         and reports.csv (the places and years as reviewed)
 *   data/corrections.csv  the published corrections and the review's decisions
 *
 * `npm run extract -- --in publish.zip` on it writes public/data/ again, byte
 * for byte: public/data/ is built here by the same pipeline on the same
 * files (processReports on the bytes the zip holds, finalizeDatasets,
 * siteLayout). Runs in the import worker.
 */
import Papa from 'papaparse';
import { strFromU8, strToU8, zipSync } from 'fflate';
import {
  byCodeUnit,
  finalizeDatasets,
  formatIssue,
  INDEX_FILE,
  type Issue,
  packGroups,
  packOutcomes,
  processReports,
  runsOf,
  siteLayout,
  type ReportOutcome,
} from '../extract';
import { CORRECTION_COLUMNS, MANIFEST_COLUMNS } from '../extract/columns';
import { parsePlaceName, parseTitle } from '../extract/names';
import { townIdOf, townYearKey } from '../dataset/model';
import { echarts } from '../components/chart/echarts-setup';
import { firstChartFiles } from '../preview/first-chart';
import { currentImports, identityOf } from './place';
import type { ImportedReport, ReviewValue } from './workspace';

export type Row = Readonly<Record<string, string>>;

/** What the package takes of an imported report. */
export type PublishedImport = Pick<ImportedReport, 'reportId' | 'text' | 'metadata' | 'values'>;

/** What the site already publishes, as served from its data/ folder. */
export interface PublishedData {
  /** The rows of data/reports.csv. */
  readonly reports: readonly Row[];
  /** The rows of data/corrections.csv. */
  readonly corrections: readonly Row[];
  /** The text of every readable published report, as served (its bytes in its pack). */
  readonly texts: ReadonlyMap<string, Uint8Array>;
}

export interface PublishPackage {
  readonly zip: Uint8Array;
  /** Problems the pipeline reported (a correction it could not apply, say), as the CLI prints them. */
  readonly issues: readonly string[];
  /** Published reports with no text (the CLI could not read them): not in the package. */
  readonly unreadable: readonly string[];
  /** Imports of a town and year imported again later (the later one counts): not in the package. */
  readonly superseded: readonly string[];
}

const REPORTS_DIR = 'data/reports';
const MANIFEST_FILE = `${REPORTS_DIR}/reports.csv`;
const CORRECTIONS_FILE = 'data/corrections.csv';
const SITE_DIR = 'public/data';

const PUBLISH_README = `发布包 · Publish package

public/data/           网站的数据文件夹：已发布数据与本次审核的报告合并后的完整数据。
                       发布：用它替换网站的 data/ 文件夹（例如 dist/data/ 或服务器上 …/data/），
                       无需重新构建。
data/reports/          全部报告原文（UTF-8）与 reports.csv（审核后的乡镇、县区、年度）
data/corrections.csv   已发布的更正与本次审核结果（修改、驳回、人工添加）

在项目中重新生成：npm run extract -- --in 本文件.zip --out public/data
（结果与包中 public/data/ 逐字节相同）；或把 data/ 解压到项目根目录后运行 npm run extract。

public/data/           the site's data folder: the published data merged with the reviewed
                       reports. To publish, put it in place of the site's data/ folder
                       (dist/data/, or …/data/ on the server); no rebuild is needed.
data/reports/          every report's text (UTF-8) and reports.csv (reviewed town, county, year)
data/corrections.csv   the published corrections and this review (edited, rejected, added values)

To rebuild in the project: npm run extract -- --in this-file.zip --out public/data
(the same bytes as public/data/ here), or unzip data/ into the project and run npm run extract.
`;

const textPathOf = (reportId: string): string => `${REPORTS_DIR}/${reportId}.txt`;

/** A CSV with a header row, as records (a BOM dropped). */
export function readRows(text: string): Row[] {
  return Papa.parse<Row>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' })
    .data;
}

function csv(fields: readonly string[], data: readonly (readonly string[])[]): string {
  return `${Papa.unparse({ fields: [...fields], data: data.map((r) => [...r]) }, { newline: '\n' })}\n`;
}

/** The correction a review decision stands for; none when the extracted value stands. */
function correctionOf(
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

/** A manifest row: the given fields of a report's place, year, date and title. */
type ManifestRow = Record<(typeof MANIFEST_COLUMNS)[number], string>;

/**
 * The imported reports' rows: every field as reviewed, each name normalised
 * as a name. A field that is not one (a review saved by an older version of
 * the site, before names were checked) is left out, for the CLI to detect
 * again, with an issue saying so.
 */
function manifestRows(reports: readonly PublishedImport[]): {
  rows: ManifestRow[];
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const name = (reportId: string, raw: string, what: string, parse = parsePlaceName): string => {
    if (raw.trim() === '') return '';
    const parsed = parse(raw, what);
    if (parsed.ok) return parsed.data;
    issues.push({
      file: MANIFEST_FILE,
      severity: 'warning',
      message: `${reportId}: ${parsed.reason}; left out`,
    });
    return '';
  };
  const rows = reports.map(({ reportId, metadata: m }) => ({
    report_id: reportId,
    town: name(reportId, m.town, 'town'),
    county: name(reportId, m.county, 'county'),
    city: name(reportId, m.city, 'city'),
    province: name(reportId, m.province, 'province'),
    year: m.year === null ? '' : String(m.year),
    published: m.published,
    title: name(reportId, m.title, 'title', parseTitle),
  }));
  return { rows, issues };
}

function correctionRows(reports: readonly PublishedImport[]): string[][] {
  return reports.flatMap((r) =>
    r.values.flatMap((v) => {
      const c = correctionOf(r.reportId, v);
      return c === null ? [] : [CORRECTION_COLUMNS.map((k) => c[k])];
    }),
  );
}

/** A published report's town and year (townYearKey), as reports.csv gives them; null if it has none. */
function publishedIdentity(row: Row): string | null {
  const year = Number(row['year'] ?? '');
  const place = {
    reportId: row['report_id'] ?? '',
    town: row['town'] ?? '',
    county: row['county'] ?? '',
    city: row['city'] ?? '',
    province: row['province'] ?? '',
  };
  if (place.town === '' || !Number.isInteger(year) || year === 0) return null;
  return townYearKey(townIdOf(place), year);
}

/**
 * The imports the package carries and the id each takes: a report is its
 * town, county and year, so an import of a published report's town and year
 * takes that report's id — its new version, replacing it (with its
 * corrections) as it replaces it in the views — and any other keeps its own.
 * Of two imports of one town and year the later one counts.
 */
export function packagedImports(
  imported: readonly PublishedImport[],
  published: readonly Row[],
): { readonly reports: PublishedImport[]; readonly superseded: string[] } {
  const current = currentImports(imported);
  const byIdentity = new Map<string, string>();
  for (const row of published) {
    const identity = publishedIdentity(row);
    if (identity !== null && row['status'] !== 'error') {
      byIdentity.set(identity, row['report_id'] ?? '');
    }
  }
  const own = new Set(current.map((r) => r.reportId));
  const reports = current.map((r) => {
    const identity = identityOf(r);
    const twin = identity === null ? undefined : byIdentity.get(identity);
    // An import already under that id is that report (an older review replaced it by id).
    if (twin === undefined || twin === '' || (own.has(twin) && twin !== r.reportId)) return r;
    return { ...r, reportId: twin };
  });
  const superseded = imported.filter((r) => !current.includes(r)).map((r) => r.reportId);
  return { reports, superseded };
}

/** The published reports the imports replace: those whose id the packaged imports take. */
export function replacedBy(
  imported: readonly PublishedImport[],
  published: readonly Row[],
): Set<string> {
  return new Set(packagedImports(imported, published).reports.map((r) => r.reportId));
}

interface Published {
  readonly ids: string[];
  /** Only the fields the published run took from its manifest: the rest is detected again. */
  readonly manifest: ManifestRow[];
  readonly corrections: string[][];
  readonly unreadable: string[];
}

/** The published reports the package carries on: all but those an import replaces. */
function publishedPart(data: PublishedData | null, replaced: ReadonlySet<string>): Published {
  if (data === null) return { ids: [], manifest: [], corrections: [], unreadable: [] };
  const ids: string[] = [];
  const manifest: ManifestRow[] = [];
  const unreadable: string[] = [];
  for (const row of data.reports) {
    const id = row['report_id'] ?? '';
    if (id === '' || replaced.has(id)) continue;
    if (row['status'] === 'error' || !data.texts.has(id)) {
      unreadable.push(id);
      continue;
    }
    ids.push(id);
    const given = new Set((row['from_manifest'] ?? '').split(' ').filter((f) => f !== ''));
    if (given.size > 0) {
      manifest.push(
        Object.fromEntries(
          MANIFEST_COLUMNS.map((c) => [
            c,
            c === 'report_id' ? id : given.has(c) ? (row[c] ?? '') : '',
          ]),
        ) as ManifestRow,
      );
    }
  }
  const kept = new Set(ids);
  const corrections = data.corrections
    .filter((r) => kept.has(r['report_id'] ?? ''))
    .map((r) => CORRECTION_COLUMNS.map((c) => r[c] ?? ''));
  return { ids, manifest, corrections, unreadable };
}

/**
 * The package for the imported reports (as reviewed) and the published data
 * (null: the site has none). An imported report of a published report's town
 * and year, or with its id, replaces it, with its corrections.
 */
export function buildPackage(
  imports: readonly PublishedImport[],
  published: PublishedData | null,
  onProgress: (done: number, total: number, file: string) => void = () => undefined,
): PublishPackage {
  const { reports: imported, superseded } = packagedImports(imports, published?.reports ?? []);
  const replaced = new Set(imported.map((r) => r.reportId));
  const part = publishedPart(published, replaced);
  const sources = new Map<string, Uint8Array>();
  for (const id of part.ids) sources.set(id, published?.texts.get(id) ?? new Uint8Array());
  for (const r of imported) sources.set(r.reportId, strToU8(r.text));

  const byId = (a: { report_id: string }, b: { report_id: string }): number =>
    a.report_id < b.report_id ? -1 : a.report_id > b.report_id ? 1 : 0;
  const reviewed = manifestRows(imported);
  const manifest = csv(
    MANIFEST_COLUMNS,
    [...part.manifest, ...reviewed.rows].sort(byId).map((r) => MANIFEST_COLUMNS.map((c) => r[c])),
  );
  const corrections = csv(CORRECTION_COLUMNS, [...part.corrections, ...correctionRows(imported)]);

  // The CLI's run on the files below, here: the same bytes through the same
  // code, in the order of their ids (which decides the packs of texts), a
  // pack's reports extracted together in runs as the CLI extracts them.
  const read: ReportOutcome[] = [];
  const sorted = [...sources].sort(([a], [b]) => byCodeUnit(a, b));
  for (const group of packGroups(sorted)) {
    for (const run of runsOf(
      group,
      ([reportId, bytes]) => ({ reportId, file: textPathOf(reportId), bytes }),
      (r) => r.bytes.length,
    )) {
      read.push(...processReports(run));
      const last = run[run.length - 1];
      if (last !== undefined) onProgress(read.length, sources.size, last.file);
    }
  }
  const { outcomes, packs } = packOutcomes(read);
  const texts = new Map(outcomes.map((o) => [o.reportId, o.text]));
  const datasets = finalizeDatasets({
    outcomes,
    quote: (id, start, end) => texts.get(id)?.slice(start, end) ?? '',
    manifest: { text: manifest, file: MANIFEST_FILE },
    corrections: { text: corrections, file: CORRECTIONS_FILE },
  });

  const files: Record<string, Uint8Array> = {};
  const layout = siteLayout(datasets);
  const pieces = new Map<string, string[]>();
  layout.write((path, text) => {
    const list = pieces.get(path);
    if (list === undefined) pieces.set(path, [text]);
    else list.push(text);
  });
  const sizes = new Map<string, number>();
  for (const [path, list] of pieces) {
    const bytes = strToU8(list.join(''));
    sizes.set(path, bytes.length);
    files[`${SITE_DIR}/${path}`] = bytes;
  }
  files[`${SITE_DIR}/${INDEX_FILE}`] = strToU8(layout.index((path) => sizes.get(path) ?? 0));
  for (const [path, bytes] of packs) files[`${SITE_DIR}/${path}`] = bytes;
  // The default page's first chart as images, as the CLI draws them.
  const siteFile = (path: string): string | undefined => {
    const bytes = files[`${SITE_DIR}/${path}`];
    return bytes === undefined ? undefined : strFromU8(bytes);
  };
  const firstChart = firstChartFiles(siteFile, echarts);
  for (const [path, text] of firstChart.files) files[`${SITE_DIR}/${path}`] = strToU8(text);
  for (const [id, bytes] of sources) files[textPathOf(id)] = bytes;
  files[MANIFEST_FILE] = strToU8(manifest);
  files[CORRECTIONS_FILE] = strToU8(corrections);
  const issues = [...reviewed.issues, ...datasets.issues, ...firstChart.issues].map(formatIssue);
  files['README.txt'] = strToU8(readme(imported.length, part, superseded, issues));
  // A fixed date: the same data gives the same bytes.
  return {
    zip: zipSync(files, { mtime: new Date('2000-01-01T00:00:00Z') }),
    issues,
    unreadable: part.unreadable,
    superseded,
  };
}

function readme(
  imported: number,
  part: Published,
  superseded: readonly string[],
  issues: readonly string[],
): string {
  const notes = [
    `导入 ${imported} 份，沿用已发布 ${part.ids.length} 份。 Imported: ${imported}; published, carried on: ${part.ids.length}.`,
  ];
  if (part.unreadable.length > 0) {
    notes.push(
      `已发布但无法读取、未包含的报告 · published reports with no text, left out: ${part.unreadable.join(', ')}`,
    );
  }
  if (superseded.length > 0) {
    notes.push(
      `同一乡镇同一年度后来又导入了报告、未包含的导入 · imports of a town and year imported again later, left out: ${superseded.join(', ')}`,
    );
  }
  if (issues.length > 0) notes.push('问题 · problems:', ...issues);
  return `${PUBLISH_README}\n${notes.join('\n')}\n`;
}
