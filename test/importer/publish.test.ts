import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8, strToU8, zipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  buildPackage,
  readRows,
  replacedBy,
  type PublishedData,
  type PublishedImport,
  type PublishPackage,
} from '../../src/importer/publish';
import { placeImport } from '../../src/importer/place';
import { publishProblemText } from '../../src/features/import/problems';
import { fetchPublished } from '../../src/importer/published';
import type { Town } from '../../src/dataset/model';
import { noRuleIndexes, unusedFigureAt } from '../../src/importer/unused';
import { importFiles, type ReviewValue } from '../../src/importer/workspace';
import {
  captureOutput,
  copySamples,
  csvRows,
  filesBelow,
  options,
  publishedText,
  readCsv,
  run,
  tableRows,
  tempDir,
  textOfRow,
} from '../helpers';
import { parseLocator } from '../../src/extract/text-packs';
import type { CountyFile } from '../../src/extract/data-index';
import { runExtract } from '../../src/cli/run';
import { docxOf } from './docx';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'reports');
const text = (name: string): string => readFileSync(join(SAMPLE, name), 'utf8');

/** A review as a person would do it: accept some, edit one, reject one, add one, fix the county. */
async function reviewed(): Promise<PublishedImport[]> {
  const batch = await importFiles(
    [
      {
        name: 'hongge-2023.txt',
        bytes: new TextEncoder().encode(text('sichuan-yanbian-hongge-2023.txt')),
      },
      { name: 'duanyuan-2024.docx', bytes: docxOf(text('anhui-huaibei-duanyuan-2024.txt')) },
    ],
    new Set(),
  );
  return batch.reports.map((r) => {
    const values = r.values.map((v, i): ReviewValue => {
      if (v.indicator === 'mediation.cases') return { ...v, decision: 'edited', edited: 610 };
      if (i === 1) return { ...v, decision: 'rejected' };
      return { ...v, decision: 'accepted' };
    });
    const stated = new Set(values.map((v) => v.indicator));
    const first = noRuleIndexes(r.unused)[0];
    const missed = first === undefined ? undefined : unusedFigureAt(r.unused, first);
    const indicator = (
      ['enforcement.campaigns', 'training.sessions', 'publicity.materials'] as const
    ).find((id) => !stated.has(id));
    if (missed !== undefined && indicator !== undefined) {
      values.push({
        indicator,
        found: null,
        unit: missed.unit,
        qualifier: missed.qualifier,
        start: missed.start,
        end: missed.end,
        derived: false,
        decision: 'accepted',
        edited: missed.value,
      });
    }
    // A date without its day, as detection writes it when the report omits the day.
    const metadata = {
      ...r.metadata,
      county: `${r.metadata.county}（审核）`,
      published: r.metadata.published.slice(0, 7),
    };
    return { ...r, metadata, values };
  });
}

/**
 * A site's published data: the sample reports run through the CLI with a
 * correction of each kind, so the package must carry corrections on.
 */
async function publishSamples(): Promise<string> {
  const root = copySamples();
  writeFileSync(
    join(root, 'corrections.csv'),
    [
      'report_id,indicator,value,qualifier,start,end,note',
      'tianjin-huanghuadian-2024,mediation.cases,195余,,,,核对原件',
      'shanghai-jingan-pengpu-2023,legal_advisor.count,,,,,误读',
      '',
    ].join('\n'),
  );
  const { result, outDir } = await run({ inDir: join(root, 'reports'), quiet: true });
  expect(result.exitCode).toBe(0);
  return outDir;
}

/** What the importer's worker fetches from the site, read from a data folder. */
function publishedOf(dataDir: string): PublishedData {
  const reports = readRows(readFileSync(join(dataDir, 'reports.csv'), 'utf8'));
  const texts = new Map<string, Uint8Array>();
  for (const row of reports) {
    const text = textOfRow(dataDir, row);
    if (text !== null) texts.set(row['report_id'] ?? '', new TextEncoder().encode(text));
  }
  return {
    reports,
    corrections: readRows(readFileSync(join(dataDir, 'corrections.csv'), 'utf8')),
    texts,
  };
}

const entry = (pkg: PublishPackage, name: string): string => {
  const bytes = unzipSync(pkg.zip)[name];
  if (bytes === undefined) throw new Error(`${name} is not in the package`);
  return strFromU8(bytes);
};

/** Every row of one table of the package's data folder, as the dashboard reads it. */
const packageRows = (pkg: PublishPackage, kind: CountyFile): Record<string, string>[] =>
  tableRows((path) => entry(pkg, `public/data/${path}`), kind);

describe('the publish package', () => {
  let published: string;
  let reports: PublishedImport[];
  let pkg: PublishPackage;
  beforeAll(async () => {
    published = await publishSamples();
    reports = await reviewed();
    pkg = buildPackage(reports, publishedOf(published));
  });

  it('is laid out like the project: the rebuilt data folder, every text, the manifest and the corrections', () => {
    const names = Object.keys(unzipSync(pkg.zip));
    const ids = [
      ...readCsv(join(published, 'reports.csv')).map((r) => r['report_id'] ?? ''),
      ...reports.map((r) => r.reportId),
    ];
    expect(ids).toHaveLength(7);
    for (const id of ids) expect(names).toContain(`data/reports/${id}.txt`);
    // Every text in the one pack seven reports make, where its row says.
    expect(names.filter((n) => n.startsWith('public/data/texts/'))).toEqual([
      'public/data/texts/0.txt',
    ]);
    const pack = unzipSync(pkg.zip)['public/data/texts/0.txt'] ?? new Uint8Array();
    const rows = readRows(entry(pkg, 'public/data/reports.csv'));
    expect(rows.map((r) => r['report_id']).sort()).toEqual([...ids].sort());
    for (const row of rows) {
      const at = parseLocator(row);
      if (at === null || typeof at === 'string') throw new Error(`${row['report_id']}: ${at}`);
      const text = strFromU8(pack.subarray(at.offset, at.offset + at.length));
      // The text as extracted from the package's own copy of the report.
      const source = entry(pkg, `data/reports/${row['report_id']}.txt`);
      expect(text.length, row['report_id']).toBeGreaterThan(1000);
      expect(source.replace(/\r\n?/g, '\n')).toContain(text.slice(0, 200));
    }
    for (const name of ['index.json', 'reports.csv', 'corrections.csv']) {
      expect(names).toContain(`public/data/${name}`);
    }
    expect(names).toContain('data/reports/reports.csv');
    expect(names).toContain('data/corrections.csv');
    expect(names).toContain('README.txt');
    expect(names.some((n) => n.startsWith('public/data/indicators/'))).toBe(true);
    expect(names.some((n) => n.startsWith('public/data/counties/'))).toBe(true);

    const corrections = entry(pkg, 'data/corrections.csv');
    expect(corrections.split('\n')[0]).toBe('report_id,indicator,value,qualifier,start,end,note');
    // The review's decisions, and the published corrections carried on (as numbers).
    expect(corrections).toContain('mediation.cases,610,=,,,审核修改');
    expect(corrections).toContain('tianjin-huanghuadian-2024,mediation.cases,195,>=,,,核对原件');
    expect(corrections).toContain('shanghai-jingan-pengpu-2023,legal_advisor.count,,,,,误读');
    // The published manifest's fields only: the rest is detected again from the text.
    expect(entry(pkg, 'data/reports/reports.csv')).toContain(
      'guizhou-kaiyang-zixing-2021,,,贵阳市,贵州省,,,',
    );
    expect(pkg.issues).toEqual([]);
    expect(pkg.unreadable).toEqual([]);
    // The same workspace and site, the same bytes.
    expect(buildPackage(reports, publishedOf(published)).zip).toEqual(pkg.zip);
  });

  it('the CLI run on it writes its public/data folder byte for byte', async () => {
    const zip = join(tempDir('rol-publish-'), 'publish.zip');
    writeFileSync(zip, pkg.zip);
    const outDir = tempDir('rol-published-');
    const output = captureOutput();
    const result = await runExtract(options({ inDir: zip, outDir, quiet: true }), output);
    expect(output.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    const written = filesBelow(outDir);
    const packed = Object.entries(unzipSync(pkg.zip)).filter(([n]) => n.startsWith('public/data/'));
    expect([...written.keys()].sort()).toEqual(
      packed.map(([n]) => n.slice('public/data/'.length)).sort(),
    );
    for (const [name, bytes] of packed) {
      expect(strFromU8(bytes), name).toBe(
        written.get(name.slice('public/data/'.length))?.toString('utf8'),
      );
    }
  });

  it('keeps every published value as it was, corrections included', () => {
    const key = (v: Record<string, string>): string =>
      [
        v['report_id'],
        v['indicator'],
        v['value'],
        v['qualifier'],
        v['start'],
        v['end'],
        v['correction'],
        v['county'],
        v['year'],
      ].join('|');
    const before = tableRows(published, 'values').map(key);
    const imported = new Set(reports.map((r) => r.reportId));
    const after = packageRows(pkg, 'values')
      .filter((v) => !imported.has(v['report_id'] ?? ''))
      .map(key);
    expect(after.sort()).toEqual(before.sort());
    expect(before.some((k) => k.includes('|override|'))).toBe(true);
    expect(before.some((k) => k.includes('|delete|'))).toBe(true);
  });

  it('holds exactly the reviewed values of the imported reports', () => {
    const imported = new Set(reports.map((r) => r.reportId));
    const rows = packageRows(pkg, 'values').filter((v) => imported.has(v['report_id'] ?? ''));
    const got = rows.map((v) =>
      [
        v['report_id'],
        v['indicator'],
        v['value'],
        v['correction'],
        v['county'],
        v['start'],
        v['end'],
      ].join('|'),
    );
    const expected = reports.flatMap((r) =>
      r.values.map((v) => {
        const value =
          v.decision === 'rejected'
            ? ''
            : String(v.found === null || v.decision === 'edited' ? v.edited : v.found);
        const correction =
          v.found === null
            ? 'add'
            : v.decision === 'rejected'
              ? 'delete'
              : v.decision === 'edited'
                ? 'override'
                : '';
        // Every span the same as in the browser: the exported text reads back identically.
        return [
          r.reportId,
          v.indicator,
          value,
          correction,
          r.metadata.county,
          v.start ?? '',
          v.end ?? '',
        ].join('|');
      }),
    );
    expect(got.sort()).toEqual(expected.sort());
    expect(got.filter((g) => g.includes('|add|'))).toHaveLength(2);
    const placed = csvRows(entry(pkg, 'public/data/reports.csv')).filter((r) =>
      imported.has(r['report_id'] ?? ''),
    );
    expect(placed.map((r) => r['published'])).toEqual(reports.map((r) => r.metadata.published));
    expect(placed.map((r) => r['county'])).toEqual(reports.map((r) => r.metadata.county));
  });

  it("an imported report with a published report's id replaces it, with its corrections", async () => {
    const tianjin = 'tianjin-huanghuadian-2024';
    const batch = await importFiles(
      [
        {
          name: `${tianjin}.txt`,
          bytes: new TextEncoder().encode(
            text(`${tianjin}.txt`).replace('纠纷190余起', '纠纷230余起'),
          ),
        },
      ],
      new Set(),
    );
    const replaced = buildPackage(batch.reports, publishedOf(published));
    expect(entry(replaced, 'data/corrections.csv')).not.toContain(tianjin);
    const cases = packageRows(replaced, 'values').filter(
      (v) => v['report_id'] === tianjin && v['indicator'] === 'mediation.cases',
    );
    // The text as imported, not the published correction (195余).
    expect(cases.map((v) => [v['value'], v['correction']])).toEqual([['230', '']]);
    expect(entry(replaced, `data/reports/${tianjin}.txt`)).toContain('纠纷230余起');
  });

  it("an import of a published report's town and year takes its id and replaces it, its manifest's fields kept", async () => {
    const hongge = 'sichuan-yanbian-hongge-2023';
    const batch = await importFiles(
      [{ name: '红格镇2023.txt', bytes: new TextEncoder().encode(text(`${hongge}.txt`)) }],
      new Set(),
    );
    // As the issue saw it: the city left blank, then placed as the published town.
    const towns = (
      JSON.parse(readFileSync(join(published, 'index.json'), 'utf8')) as { towns: Town[] }
    ).towns;
    const review = batch.reports.map((r) => ({
      ...r,
      metadata: placeImport(
        { file: r.file, metadata: { ...r.metadata, city: '' } },
        { towns, reports: null },
      ),
      values: r.values.map((v): ReviewValue =>
        v.indicator === 'mediation.cases'
          ? { ...v, decision: 'edited', edited: 210 }
          : { ...v, decision: 'accepted' },
      ),
    }));
    expect(review.map((r) => [r.reportId, r.metadata.city])).toEqual([['红格镇2023', '攀枝花市']]);
    const built = buildPackage(review, publishedOf(published));
    const names = Object.keys(unzipSync(built.zip));
    expect(names).toContain(`data/reports/${hongge}.txt`);
    expect(names.filter((n) => n.includes('红格镇2023'))).toEqual([]);
    // Every manifest field: the published manifest's city and the rest as reviewed.
    expect(
      csvRows(entry(built, 'data/reports/reports.csv')).find((r) => r['report_id'] === hongge),
    ).toMatchObject({ town: '红格镇', county: '盐边县', city: '攀枝花市', province: '四川省' });
    const placed = csvRows(entry(built, 'public/data/reports.csv')).filter(
      (r) => r['town'] === '红格镇',
    );
    expect(placed.map((r) => [r['report_id'], r['city'], r['province'], r['year']])).toEqual([
      [hongge, '攀枝花市', '四川省', '2023'],
    ]);
    // One value per indicator for the town-year: the reviewed one.
    const cases = packageRows(built, 'values').filter(
      (v) => v['town'] === '红格镇' && v['indicator'] === 'mediation.cases',
    );
    expect(cases.map((v) => [v['report_id'], v['value'], v['correction']])).toEqual([
      [hongge, '210', 'override'],
    ]);
    expect(entry(built, 'data/corrections.csv')).toContain(
      `${hongge},mediation.cases,210,=,,,审核修改`,
    );
    expect(replacedBy(review, publishedOf(published).reports)).toEqual(new Set([hongge]));
    expect(built.superseded).toEqual([]);
    // Imported twice: the later import counts, the earlier is left out and named.
    const again = buildPackage(
      [...review.map((r) => ({ ...r, reportId: '红格镇2023-early' })), ...review],
      publishedOf(published),
    );
    expect(again.superseded).toEqual(['红格镇2023-early']);
    expect(entry(again, 'README.txt')).toContain('红格镇2023-early');
    expect(Object.keys(unzipSync(again.zip)).filter((n) => n.includes('early'))).toEqual([]);
  });

  it('writes each reviewed name as a name: normalised, or left out with a warning', () => {
    const [first, ...rest] = reports;
    if (first === undefined) throw new Error('no report');
    const named = {
      ...first,
      metadata: {
        ...first.metadata,
        town: ' 红格镇\u3000 ',
        province: '四川\u3000\u3000省',
        county: '<img src=x onerror=alert(1)>镇',
      },
    };
    const built = buildPackage([named, ...rest], null);
    const row = csvRows(entry(built, 'data/reports/reports.csv')).find(
      (r) => r['report_id'] === first.reportId,
    );
    expect(row).toMatchObject({ town: '红格镇', province: '四川 省', county: '' });
    expect(built.issues).toEqual([
      `data/reports/reports.csv: warning: ${first.reportId}: county "<img src=x onerror=alert(1)>镇" holds "<" (U+003C), which no name is written with; left out`,
    ]);
    expect(entry(built, 'public/data/reports.csv')).not.toContain('<img');
  });

  it('without published data holds the imported reports alone', () => {
    const alone = buildPackage(reports, null);
    const ids = csvRows(entry(alone, 'public/data/reports.csv')).map((r) => r['report_id']);
    expect(ids.sort()).toEqual(reports.map((r) => r.reportId).sort());
  });

  it('is refused with a message when the zip holds something else', async () => {
    const dir = tempDir('rol-bad-zip-');
    const notZip = join(dir, 'bad.zip');
    writeFileSync(notZip, 'not a zip');
    const first = captureOutput();
    expect((await runExtract(options({ inDir: notZip, quiet: true }), first)).exitCode).toBe(2);
    expect(first.errors.join('\n')).toContain('could not be read as a zip');
    // A path going up, beside a report.
    const escaping = join(dir, 'escaping.zip');
    writeFileSync(
      escaping,
      zipSync({
        'data/reports/a.txt': strToU8(text('sichuan-yanbian-hongge-2023.txt')),
        'public/data/../../evil.txt': strToU8('x'),
      }),
    );
    const second = captureOutput();
    expect((await runExtract(options({ inDir: escaping, quiet: true }), second)).exitCode).toBe(2);
    expect(second.errors.join('\n')).toContain('invalid relative path: public/data/../../evil.txt');
  });
});

describe('fetching the published data', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** fetch() over a data folder, as the site serves it; `missing` answers 404. */
  function serve(dataDir: string, missing: (path: string) => boolean = () => false): string[] {
    const asked: string[] = [];
    vi.stubGlobal('fetch', (url: URL) => {
      const path = decodeURIComponent(url.pathname.replace(/^\/site\/data\//, ''));
      asked.push(path);
      const file = join(dataDir, path);
      if (missing(path) || !existsSync(file)) {
        return Promise.resolve(new Response('not found', { status: 404 }));
      }
      return Promise.resolve(new Response(readFileSync(file)));
    });
    return asked;
  }

  it('reads the reports table, the corrections and every readable text', async () => {
    const dataDir = await publishSamples();
    const asked = serve(dataDir);
    const progress: number[] = [];
    const got = await fetchPublished(
      'http://intranet/site/data/',
      () => new Set(['tianjin-huanghuadian-2024']),
      (done) => progress.push(done),
    );
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect([...got.data.texts.keys()].sort()).toEqual(
      readCsv(join(dataDir, 'reports.csv'))
        .map((r) => r['report_id'])
        .filter((id) => id !== 'tianjin-huanghuadian-2024')
        .sort(),
    );
    // The one pack, once, each text cut out of it as served.
    expect(asked.filter((p) => p.startsWith('texts/'))).toEqual(['texts/0.txt']);
    expect(progress.at(-1)).toBe(1);
    for (const [id, bytes] of got.data.texts) {
      expect(strFromU8(bytes), id).toBe(publishedText(dataDir, id));
    }
    expect(got.data.reports).toEqual(readCsv(join(dataDir, 'reports.csv')));
    expect(got.data.corrections).toEqual(readCsv(join(dataDir, 'corrections.csv')));
  });

  it('stops, naming the file, when a text cannot be had: the package would unpublish it', async () => {
    const dataDir = await publishSamples();
    serve(dataDir, (path) => path === 'texts/0.txt');
    const got = await fetchPublished(
      'http://intranet/site/data/',
      () => new Set(),
      () => undefined,
    );
    const reason = {
      problem: 'not-loaded',
      path: 'data/texts/0.txt',
      detail: 'HTTP 404',
    } as const;
    expect(got).toEqual({ ok: false, reason });
    expect(publishProblemText('en', reason)).toBe(
      'data/texts/0.txt could not be loaded (HTTP 404)',
    );
  });

  /** A published data folder with its index.json edited. */
  async function withIndex(edit: (index: Record<string, unknown>) => void): Promise<string> {
    const dataDir = await publishSamples();
    const path = join(dataDir, 'index.json');
    const index = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    edit(index);
    writeFileSync(path, JSON.stringify(index));
    return dataDir;
  }

  /** fetchPublished of the folder served, replacing nothing. */
  const fetchAll = (dataDir: string) => {
    serve(dataDir);
    return fetchPublished(
      'http://intranet/site/data/',
      () => new Set(),
      () => undefined,
    );
  };

  it('refuses a data folder that does not list its corrections', async () => {
    const got = await fetchAll(await withIndex((index) => delete index['corrections']));
    expect(got.ok).toBe(false);
    if (!got.ok) expect(publishProblemText('en', got.reason)).toContain('run the extraction again');
  });

  it('refuses a data folder an older version wrote (a text per file): a package would lose them', async () => {
    const dataDir = await withIndex((index) => {
      index['format'] = 6;
      delete index['texts'];
    });
    const got = await fetchAll(dataDir);
    expect(got).toEqual({ ok: false, reason: { problem: 'old-format' } });
    if (!got.ok) expect(publishProblemText('zh', got.reason)).toContain('旧版本');
  });

  it('stops, naming the pack, when it is not the one the rows point into', async () => {
    const dataDir = await publishSamples();
    // Another run's pack (or one copied in part): not the size index.json lists.
    const pack = join(dataDir, 'texts', '0.txt');
    writeFileSync(pack, readFileSync(pack).subarray(1));
    const got = await fetchAll(dataDir);
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.reason).toMatchObject({ problem: 'not-loaded', path: 'data/texts/0.txt' });
    expect(publishProblemText('en', got.reason)).toMatch(
      /^data\/texts\/0\.txt could not be loaded \(\d+ bytes \(index\.json lists \d+\): not where report [\w-]+'s text is\)$/,
    );
  });
});
