/**
 * Report metadata from the text: the town (…镇/乡/街道), its county, city and
 * province where the text names them, the year covered and the signing date.
 * Works on folded text; every field may stay empty, with a note saying why.
 */
import { parsePlaceName, parseTitle } from './names';

export interface ReportMetadata {
  readonly town: string;
  readonly county: string;
  readonly city: string;
  readonly province: string;
  readonly year: number | null;
  /** Signing date as YYYY-MM-DD (YYYY-MM when the day is not written), '' if not found. */
  readonly published: string;
  /** The report's title as written ('' when it has none, as many web copies). */
  readonly title: string;
}

export type MetadataField = keyof ReportMetadata;

export interface DetectedMetadata {
  readonly metadata: ReportMetadata;
  /** Fields that could not be detected, with why. */
  readonly missing: ReadonlyMap<MetadataField, string>;
}

const HAN = /[\u4e00-\u9fff]/;

/** Characters that never sit inside a place name before its suffix. */
const NAME_STOP = new Set([...'全我本各该驻乡镇村市县区省的和与在对是为将了及等并撤治于每按照']);

/** Generic words that end in a place suffix but name no place. */
const GENERIC_ENDINGS =
  /(?:社区|小区|园区|城区|辖区|片区|景区|街区|山区|试验区|示范区|开发区|保护区|功能区|实验区|管理区|服务区|风景区|生活区|居住区|工业区|商业区|集聚区|先行区|核心区|小镇|城镇|集镇|乡镇|村镇|街道办|城市|都市|超市|门市|集市|夜市|上市|股市|楼市|区域|县域|市域|新区)$/;

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

interface Place {
  readonly name: string;
  readonly first: number;
  readonly score: number;
}

/**
 * Names ending in one of `suffixes`. For each occurrence the name is grown to
 * the left while the longer string still occurs about as often in the report:
 * 黄花店镇 is written many times, 加速黄花店镇 once.
 */
export function findPlaces(
  folded: string,
  suffixes: readonly string[],
  options: {
    minName: number;
    maxName: number;
    strongAfter: RegExp;
    edges: readonly [number, number];
  },
): Place[] {
  const scores = new Map<string, { first: number; score: number }>();
  const counts = new Map<string, number>();
  const count = (s: string): number => {
    let c = counts.get(s);
    if (c === undefined) {
      c = countOccurrences(folded, s);
      counts.set(s, c);
    }
    return c;
  };
  for (const suffix of suffixes) {
    for (let at = folded.indexOf(suffix); at >= 0; at = folded.indexOf(suffix, at + 1)) {
      let nameStart = at;
      while (
        nameStart > 0 &&
        at - nameStart < options.maxName &&
        HAN.test(folded.charAt(nameStart - 1)) &&
        !NAME_STOP.has(folded.charAt(nameStart - 1))
      ) {
        nameStart--;
      }
      if (at - nameStart < options.minName) continue;
      const end = at + suffix.length;
      // Shortest plausible name first, then grow while frequency holds.
      let chosen = at - options.minName;
      const base = count(folded.slice(chosen, end));
      for (let s = chosen - 1; s >= nameStart; s--) {
        const c = count(folded.slice(s, end));
        if (c >= 2 && c * 2 >= base) chosen = s;
        else if (c === 1 && base === 1) chosen = s;
        else break;
      }
      const name = folded.slice(chosen, end).replace(/^(?:中国共产党|中共|关于)/, '');
      if (name.length - suffix.length < options.minName || GENERIC_ENDINGS.test(name)) continue;
      let score = 1;
      if (options.strongAfter.test(folded.slice(end, end + 6))) score += 2;
      if (chosen < options.edges[0] || chosen > options.edges[1]) score += 2;
      const prev = scores.get(name);
      if (prev === undefined) scores.set(name, { first: chosen, score });
      else prev.score += score;
    }
  }
  return [...scores.entries()]
    .map(([name, v]) => ({ name, first: v.first, score: v.score }))
    .sort((a, b) => b.score - a.score || a.first - b.first);
}

/** Title lines and the signature block weigh more than the body. */
function edgesOf(folded: string): readonly [number, number] {
  const head = Math.min(folded.length, 200);
  const tail = Math.max(head, folded.length - 200);
  return [head, tail];
}

function detectTown(folded: string): string {
  const places = findPlaces(folded, ['街道', '镇', '乡'], {
    minName: 2,
    maxName: 6,
    strongAfter: /^(?:人民政府|党委|党工委|办事处|委员会|政府|[0-9])/,
    edges: edgesOf(folded),
  });
  const best = places[0];
  // A name seen once in the body only is too weak to name the report's town.
  return best !== undefined && best.score >= 3 ? best.name : '';
}

function detectCounty(folded: string, town: string): string {
  const places = findPlaces(folded, ['县', '区', '旗'], {
    minName: 2,
    maxName: 4,
    strongAfter: /^(?:委|人民政府|政府|法治|依法|[0-9]|人大|党委)/,
    edges: edgesOf(folded),
  }).filter((p) => !town.includes(p.name));
  const best = places[0];
  return best !== undefined && best.score >= 2 ? best.name : '';
}

const MUNICIPALITIES = ['北京', '天津', '上海', '重庆'];
const PROVINCES: readonly (readonly [full: string, short: string])[] = [
  ['北京市', '北京'],
  ['天津市', '天津'],
  ['上海市', '上海'],
  ['重庆市', '重庆'],
  ['河北省', '河北'],
  ['山西省', '山西'],
  ['辽宁省', '辽宁'],
  ['吉林省', '吉林'],
  ['黑龙江省', '黑龙江'],
  ['江苏省', '江苏'],
  ['浙江省', '浙江'],
  ['安徽省', '安徽'],
  ['福建省', '福建'],
  ['江西省', '江西'],
  ['山东省', '山东'],
  ['河南省', '河南'],
  ['湖北省', '湖北'],
  ['湖南省', '湖南'],
  ['广东省', '广东'],
  ['海南省', '海南'],
  ['四川省', '四川'],
  ['贵州省', '贵州'],
  ['云南省', '云南'],
  ['陕西省', '陕西'],
  ['甘肃省', '甘肃'],
  ['青海省', '青海'],
  ['台湾省', '台湾'],
  ['内蒙古自治区', '内蒙古'],
  ['广西壮族自治区', '广西'],
  ['西藏自治区', '西藏'],
  ['宁夏回族自治区', '宁夏'],
  ['新疆维吾尔自治区', '新疆'],
];

function detectProvince(folded: string): string {
  let best = '';
  let bestScore = 0;
  for (const [full, short] of PROVINCES) {
    const fullCount = countOccurrences(folded, full);
    const shortCount = countOccurrences(folded, short) - fullCount;
    const score = fullCount * 2 + shortCount;
    if (score > bestScore) {
      best = full;
      bestScore = score;
    }
  }
  return best;
}

function detectCity(folded: string, province: string): string {
  for (const m of MUNICIPALITIES) if (province === `${m}市`) return province;
  const places = findPlaces(folded, ['市', '州', '盟'], {
    minName: 2,
    maxName: 4,
    strongAfter: /^(?:委|人民政府|政府|[\u4e00-\u9fff]{2,4}(?:县|区|镇|乡|街道))/,
    edges: edgesOf(folded),
  }).filter((p) => !PROVINCES.some(([full]) => full === p.name));
  const best = places[0];
  return best !== undefined && best.score >= 3 ? best.name : '';
}

const COVERED_YEAR = [
  /关于(20\d{2})年度?/,
  /(20\d{2})年度?(?:推进|开展|全面)?(?:法治|依法|法制)/,
  /现将[^。\n]{0,20}?(20\d{2})年/,
  /^[^\n]{0,30}?(20\d{2})年(?!\d{1,2}月)/m,
];

function detectYear(folded: string): number | null {
  const head = folded.slice(0, 600);
  for (const re of COVERED_YEAR) {
    const m = re.exec(head);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return null;
}

const CN_DATE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  O: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

function chineseSmallNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const [tens, ones] = text.split('十');
  if (ones === undefined) return Number(CN_DATE_DIGITS[text] ?? NaN);
  const t = tens === '' ? 1 : Number(CN_DATE_DIGITS[tens ?? ''] ?? NaN);
  const o = ones === '' ? 0 : Number(CN_DATE_DIGITS[ones] ?? NaN);
  return t * 10 + o;
}

const SIGNING_DATE =
  /((?:19|20)\d{2}|[二〇零一三四五六七八九O]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日/g;

const SIGNING_MONTH =
  /((?:19|20)\d{2}|[二〇零一三四五六七八九O]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*$/;

function detectPublished(folded: string): string {
  const tail = folded.slice(Math.max(0, folded.length - 400));
  let last: RegExpExecArray | null = null;
  for (let m = SIGNING_DATE.exec(tail); m !== null; m = SIGNING_DATE.exec(tail)) last = m;
  SIGNING_DATE.lastIndex = 0;
  if (last === null) {
    // A signature with year and month only (2023年12月): keep what it says.
    const lines = tail
      .trimEnd()
      .split('\n')
      .slice(-3)
      .map((l) => l.trim());
    for (const line of lines.reverse()) {
      const m = SIGNING_MONTH.exec(line);
      if (m === null) continue;
      const [, y = '', mo = ''] = m;
      const year = /^\d+$/.test(y)
        ? Number(y)
        : Number([...y].map((c) => CN_DATE_DIGITS[c] ?? 'x').join(''));
      const month = chineseSmallNumber(mo);
      if (Number.isInteger(year) && month >= 1 && month <= 12) {
        return `${year}-${String(month).padStart(2, '0')}`;
      }
    }
    return '';
  }
  const [, y = '', mo = '', d = ''] = last;
  const year = /^\d+$/.test(y)
    ? Number(y)
    : Number([...y].map((c) => CN_DATE_DIGITS[c] ?? 'x').join(''));
  const month = chineseSmallNumber(mo);
  const day = chineseSmallNumber(d);
  if (!isCalendarDate(year, month, day)) return '';
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date that exists: 2024-02-29 does, 2023-02-29 and 2024-13-45 do not. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const TITLE_LINE = /报\s*告|总\s*结|情况$/;

/**
 * The title among the first lines: a short line that names a report, joined
 * with the lines before it when the title is broken (关于…情况的 / 报  告).
 */
export function detectTitle(text: string): string {
  const lines = text
    .slice(0, 600)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, 8);
  const at = lines.findIndex((l) => TITLE_LINE.test(l) && l.length <= 60 && !/[。;；]$/.test(l));
  if (at < 0) return '';
  const parts = [lines[at] ?? ''];
  for (let i = at - 1; i >= 0 && i >= at - 2; i--) {
    const previous = lines[i] ?? '';
    if (previous.length > 40 || /[。;；:：]$/.test(previous)) break;
    if (
      /(?:人民政府|委员会|办事处|党委|党工委)$/.test(previous) &&
      !parts.join('').startsWith('报')
    )
      break;
    parts.unshift(previous);
    if (previous.includes('关于')) break;
  }
  return parts.join('').replace(/\s+/g, '');
}

/** What detection read, kept only if it is a name (see names.ts); otherwise '' and why. */
function checkedNames(
  metadata: ReportMetadata,
  missing: Map<MetadataField, string>,
): ReportMetadata {
  const checked = { ...metadata };
  for (const field of ['town', 'county', 'city', 'province', 'title'] as const) {
    if (metadata[field] === '') continue;
    const parsed =
      field === 'title' ? parseTitle(metadata[field]) : parsePlaceName(metadata[field]);
    checked[field] = parsed.ok ? parsed.data : '';
    if (!parsed.ok) missing.set(field, parsed.reason);
  }
  return checked;
}

export function detectMetadata(folded: string, original: string = folded): DetectedMetadata {
  const town = detectTown(folded);
  const province = detectProvince(folded);
  const missing = new Map<MetadataField, string>();
  const metadata = checkedNames(
    {
      town,
      county: detectCounty(folded, town),
      city: detectCity(folded, province),
      province,
      year: detectYear(folded),
      published: detectPublished(folded),
      title: detectTitle(original),
    },
    missing,
  );
  if (metadata.town === '' && !missing.has('town'))
    missing.set('town', 'no 镇/乡/街道 name found in title, opening or signature');
  if (metadata.county === '' && !missing.has('county'))
    missing.set('county', 'no county or district named');
  if (metadata.city === '' && !missing.has('city')) missing.set('city', 'no city named');
  if (metadata.province === '' && !missing.has('province'))
    missing.set('province', 'no province named');
  if (metadata.year === null) missing.set('year', 'no covered year in the title or opening');
  if (metadata.published === '') missing.set('published', 'no signing date in the last lines');
  if (metadata.title === '' && !missing.has('title'))
    missing.set('title', 'no title line at the top');
  return { metadata, missing };
}
