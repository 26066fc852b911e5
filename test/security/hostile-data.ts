/**
 * A data folder as a careless or hostile hand would leave it: the sample
 * data, extracted as usual, then its place names, report ids, titles
 * and the report texts rewritten with markup payloads — consistently across
 * index.json, every CSV and the texts, so the app loads it as valid data.
 * The CLI refuses such names; a hand-edited or tampered folder does not.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { countyKeyOf, townIdOf } from '../../src/extract/data-index';
import { padTo } from '../helpers';

/** Set by any payload that runs; a test asserts it never is. */
export const FLAG = '__pwned';

const run = (what: string): string => `window.${FLAG}='${what}'`;

/** Original name → hostile name, per column. No `~` (the URL's list separator). */
export const TOWNS: Readonly<Record<string, string>> = {
  彭浦镇: `<img src=x onerror="${run('town-img')}">彭浦镇`,
  红格镇: `<svg onload="${run('town-svg')}">红格镇`,
  黄花店镇: `"><script>${run('town-script')}</script>黄花店镇`,
  段园镇: `<a href="javascript:${run('town-href')}">段园镇</a>`,
  紫兴街道: `<iframe src="javascript:parent.${FLAG}='frame'"></iframe>'"紫兴街道`,
};

// No '/' in counties, cities and provinces: the town profile splits a county key at it.
const COUNTIES: Readonly<Record<string, string>> = {
  静安区: `<b onmouseover="${run('county')}">静安区`,
  盐边县: '<img src=x onerror=alert(1)>盐边县',
  武清区: `<details open ontoggle="${run('toggle')}">武清区`,
  杜集区: '<style>*{display:none}杜集区',
  开阳县: `<input autofocus onfocus="${run('focus')}">开阳县`,
};

const CITIES: Readonly<Record<string, string>> = {
  上海市: `<img src=x onerror="${run('city')}">上海市`,
  攀枝花市: '{a|攀枝花}市 ${alert(1)}',
  天津市: `<svg><animate onbegin="${run('animate')}" attributeName=x dur=1s>天津市`,
  淮北市: `javascript:${run('city-js')}淮北市`,
  贵阳市: `<math><mi xlink:href="javascript:${run('math')}">贵阳市`,
};

const PROVINCES: Readonly<Record<string, string>> = {
  上海市: `<video src=x onerror="${run('province')}">上海市`,
  四川省: '"><img src=x onerror=alert(1)>四川省',
  天津市: `<object data="javascript:${run('object')}">天津市`,
  安徽省: `<body onload="${run('body')}">安徽省`,
  贵州省: `<marquee onstart="${run('marquee')}">贵州省`,
};

/** Report id → hostile id (no '/': ids are file names in a publish package's data/reports/). */
export const REPORT_IDS: Readonly<Record<string, string>> = {
  'anhui-huaibei-duanyuan-2024': `javascript:${run('report-id')}`,
  'sichuan-yanbian-hongge-2023': `"><img src=x onerror="${run('report-img')}">hongge-2023`,
};

export const TITLE = `<img src=x onerror="${run('title')}">关于法治政府建设情况的报告`;

/** Put before every report text (the offsets into it move by its length). */
export const TEXT_HEAD = `<script>${run('text')}</script><img src=x onerror="${run('text-img')}">\n`;
const HEAD_BYTES = Buffer.byteLength(TEXT_HEAD);

const OFFSET_COLUMNS = new Set([
  'start',
  'end',
  'num_start',
  'num_end',
  'sentence_start',
  'sentence_end',
]);

function shift(cell: string): string {
  return cell === '' ? '' : String(Number(cell) + TEXT_HEAD.length);
}

/** Where each text starts in its pack once every text has TEXT_HEAD before it: by `file offset`. */
type Moved = ReadonlyMap<string, number>;

function rewriteCell(
  column: string,
  cell: string,
  row: Record<string, string>,
  moved: Moved,
): string {
  switch (column) {
    case 'text_offset':
      return cell === '' ? '' : String(moved.get(`${row['text_file'] ?? ''} ${cell}`) ?? cell);
    case 'text_length':
      return cell === '' ? '' : String(Number(cell) + HEAD_BYTES);
    case 'town':
      return TOWNS[cell] ?? cell;
    case 'county':
      return COUNTIES[cell] ?? cell;
    case 'city':
      return CITIES[cell] ?? cell;
    case 'province':
      return PROVINCES[cell] ?? cell;
    case 'report_id':
      return REPORT_IDS[cell] ?? cell;
    case 'title':
      return TITLE;
    case 'parts':
      return cell.replace(/@(\d+)-(\d+)/g, (_, a: string, b: string) => `@${shift(a)}-${shift(b)}`);
    default:
      return OFFSET_COLUMNS.has(column) ? shift(cell) : cell;
  }
}

function rewriteCsv(path: string, moved: Moved): void {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const fields = parsed.meta.fields ?? [];
  const rows = parsed.data.map((row) =>
    Object.fromEntries(fields.map((f) => [f, rewriteCell(f, row[f] ?? '', row, moved)])),
  );
  writeFileSync(path, `${Papa.unparse({ fields, data: rows }, { newline: '\n' })}\n`);
}

/** Every text in every pack with TEXT_HEAD before it; where each now starts. */
function prefixTexts(dataDir: string): Moved {
  const rows = Papa.parse<Record<string, string>>(
    readFileSync(join(dataDir, 'reports.csv'), 'utf8'),
    { header: true, skipEmptyLines: 'greedy' },
  ).data.filter((r) => (r['text_file'] ?? '') !== '');
  const moved = new Map<string, number>();
  for (const file of new Set(rows.map((r) => r['text_file'] ?? ''))) {
    const pack = readFileSync(join(dataDir, file));
    const parts: Buffer[] = [];
    let length = 0;
    const inPack = rows
      .filter((r) => r['text_file'] === file)
      .sort((a, b) => Number(a['text_offset']) - Number(b['text_offset']));
    for (const r of inPack) {
      const offset = Number(r['text_offset']);
      moved.set(`${file} ${offset}`, length);
      const text = pack.subarray(offset, offset + Number(r['text_length']));
      parts.push(Buffer.from(TEXT_HEAD), text);
      length += HEAD_BYTES + text.length;
    }
    writeFileSync(join(dataDir, file), Buffer.concat(parts));
  }
  return moved;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface IndexJson {
  towns: {
    id: string;
    name: string;
    county: string;
    city: string;
    province: string;
    years: number[];
  }[];
  reports: { file: string; bytes: number };
  indicators: {
    years: { file: string; bytes: number }[];
  }[];
  counties: {
    key: string;
    values: { file: string; bytes: number };
    reports: { file: string; bytes: number };
  }[];
  texts: number[];
}

/**
 * Rewrites the data folder `dataDir` (as the CLI wrote it) with the hostile
 * names above. With `bytes`, every file is made that large (padTo), so the
 * app parses them in its worker.
 */
export function makeHostile(dataDir: string, bytes?: number): void {
  const moved = prefixTexts(dataDir);
  for (const path of filesUnder(dataDir)) {
    if (path.endsWith('.csv')) rewriteCsv(path, moved);
  }
  const indexPath = join(dataDir, 'index.json');
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as IndexJson;
  const size = (f: { file: string; bytes: number }): void => {
    if (bytes !== undefined) padTo(join(dataDir, f.file), bytes);
    f.bytes = statSync(join(dataDir, f.file)).size;
  };
  index.towns = index.towns.map((t) => {
    const place = {
      town: TOWNS[t.name] ?? t.name,
      county: COUNTIES[t.county] ?? t.county,
      city: CITIES[t.city] ?? t.city,
      province: PROVINCES[t.province] ?? t.province,
    };
    return {
      id: townIdOf({ ...place, reportId: '' }),
      name: place.town,
      county: place.county,
      city: place.city,
      province: place.province,
      years: t.years,
    };
  });
  size(index.reports);
  for (const i of index.indicators) i.years.forEach(size);
  for (const c of index.counties) {
    const [province = '', city = '', county = ''] = c.key.split('/');
    c.key = countyKeyOf({
      province: PROVINCES[province] ?? province,
      city: CITIES[city] ?? city,
      county: COUNTIES[county] ?? county,
    });
    size(c.values);
    size(c.reports);
  }
  // The packs, each longer by a head per text.
  index.texts = index.texts.map((listed, n) =>
    listed === 0 ? 0 : statSync(join(dataDir, 'texts', `${n}.txt`)).size,
  );
  writeFileSync(indexPath, JSON.stringify(index));
  // Sanity: nothing of the original names left in the files the app reads.
  for (const path of filesUnder(dataDir)) {
    if (!/index\.json$|\/(indicators|counties)\//.test(path)) continue;
    if (readFileSync(path, 'utf8').includes(',彭浦镇,')) {
      throw new Error(`${relative(dataDir, path)} still names 彭浦镇 plainly`);
    }
  }
}
