/**
 * Report metadata from the text: the town (…镇/乡/街道), its county, city and
 * province where the text names them, the year covered and the signing date.
 * Works on folded text; every field may stay empty, with a note saying why.
 */
import { parsePlaceName, parseTitle } from './names';
import { detectPlace } from './places';
import { note, type ReportNote } from './report-notes';

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

/** The metadata of a report that could not be read. */
export const EMPTY_METADATA: ReportMetadata = {
  town: '',
  county: '',
  city: '',
  province: '',
  year: null,
  published: '',
  title: '',
};

export interface DetectedMetadata {
  readonly metadata: ReportMetadata;
  /** Fields that could not be detected, with why. */
  readonly missing: ReadonlyMap<MetadataField, ReportNote>;
  /** Fields filled from the registry of divisions rather than read in the text, with where from. */
  readonly inferred: ReadonlyMap<MetadataField, string>;
}

const CN_DATE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  O: '0',
  '○': '0',
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

/** How far into the text the covered year is looked for: the title, the opening, the first headings. */
const YEAR_HEAD = 1200;

/** A year as written: 2024, or 二〇二四 in a formal title. */
const YEAR_WRITTEN = /((?:19|20)\d{2}|二[〇零○O][一二三四五六七八九〇零○O]{2})\s*年/g;

/**
 * Words after a year that make it a plan's, not the report's: 2025年工作打算.
 * Not across another year or a word of the report itself (2024年工作总结及2025年
 * 工作计划 is 2024's report), nor 目标任务/目标责任 (the year's goals, reported on).
 */
const PLAN_AFTER =
  /^度?(?:(?!总结|情况|报告|完成)[^。\n,，;；\d年]){0,12}?(?:计划|打算|思路|安排|目标(?!任务|责任)|要点|设想|展望|谋划)/;

/** What a title line holds. */
const TITLE_LINE = /报\s*告|总\s*结|情况$/;

function yearValue(written: string): number {
  return /^\d+$/.test(written)
    ? Number(written)
    : Number([...written].map((c) => CN_DATE_DIGITS[c] ?? 'x').join(''));
}

/**
 * How surely a year written at `at` is the year the report covers, 0 when it
 * is not: a title names it (关于2024年度…的报告), the sentence that presents
 * the report (现将…2024年度…报告如下), the opening sentence (2024年，某镇…;
 * 2024年以来) or a heading (一、2024年度推进…). A year inside a plan's or a
 * notice's name (《…2024年…要点》), a span (2021—2025年), a date (2025年1月5日)
 * or before a plan (2025年工作打算) covers nothing, or little.
 */
function yearWeight(head: string, at: number, end: number): number {
  const after = head.slice(end, end + 24);
  if (/^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月/.test(after)) return 0;
  if (/[—–\-~～至到]\s*$/.test(head.slice(Math.max(0, at - 2), at))) return 0;
  if (/^度?\s*[—–\-~～至到]/.test(after)) return 0;
  if (PLAN_AFTER.test(after)) return 0;
  const open = head.lastIndexOf('《', at);
  if (open >= 0 && open > head.lastIndexOf('》', at)) return 1;
  const lineStart = head.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = head.indexOf('\n', at);
  const line = head.slice(lineStart, lineEnd < 0 ? head.length : lineEnd).trim();
  if (TITLE_LINE.test(line) && line.length <= 60 && !/[。;；]/.test(line)) return 5;
  const before = head.slice(lineStart, at).trimStart();
  if (/现将[^。\n]{0,30}$/.test(before) || /关于$/.test(before)) return 4;
  if (
    before === '' ||
    /[。!！?？]\s*$/.test(before) ||
    /^[一二三四五六七八九十]+、$|^[(（][一二三四五六七八九十]+[)）]$/.test(before)
  )
    return 3;
  if (/[,，;；:：]\s*$/.test(before) && /^度?(?:以来)?[,，]/.test(after)) return 2;
  if (
    /^度?(?:推进|开展|全面)?(?:法治|依法|法制)/.test(after) &&
    !/(?:紧扣|对照|按照|根据|参照)$/.test(before)
  )
    return 2;
  return 0;
}

/** The year the report covers, from its title, opening or first headings; null when none says it. */
function detectYear(folded: string): number | null {
  const head = folded.slice(0, YEAR_HEAD);
  let bestYear: number | null = null;
  let bestWeight = 0;
  for (const m of head.matchAll(YEAR_WRITTEN)) {
    const weight = yearWeight(head, m.index, m.index + m[0].length);
    const year = yearValue(m[1] ?? '');
    if (weight > bestWeight && year >= 1990 && year <= 2100) {
      bestYear = year;
      bestWeight = weight;
    }
  }
  return bestYear;
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

/**
 * The title among the first lines: a short line that names a report, joined
 * with the lines before it when the title is broken (关于…情况的 / 报  告).
 * Lines are read in `matching` (the simplified, folded copy: 工作報告 is a
 * report too) and the title is given as `text` writes it.
 */
export function detectTitle(text: string, matching: string = text): string {
  const lines: { read: string; shown: string }[] = [];
  let from = 0;
  for (const raw of matching.slice(0, 600).split('\n')) {
    const read = raw.trim();
    const start = from + raw.length - raw.trimStart().length;
    from += raw.length + 1;
    if (read !== '') lines.push({ read, shown: text.slice(start, start + read.length) });
    if (lines.length === 8) break;
  }
  const at = lines.findIndex(
    ({ read }) => TITLE_LINE.test(read) && read.length <= 60 && !/[。;；]$/.test(read),
  );
  if (at < 0) return '';
  const parts = [lines[at]?.shown ?? ''];
  let read = lines[at]?.read ?? '';
  for (let i = at - 1; i >= 0 && i >= at - 2; i--) {
    const previous = lines[i]?.read ?? '';
    if (previous.length > 40 || /[。;；:：]$/.test(previous)) break;
    if (/(?:人民政府|委员会|办事处|党委|党工委)$/.test(previous) && !read.startsWith('报')) break;
    parts.unshift(lines[i]?.shown ?? '');
    read = previous + read;
    if (previous.includes('关于')) break;
  }
  return parts.join('').replace(/\s+/g, '');
}

/** What detection read, kept only if it is a name (see names.ts); otherwise '' and why. */
function checkedNames(
  metadata: ReportMetadata,
  missing: Map<MetadataField, ReportNote>,
): ReportMetadata {
  const checked = { ...metadata };
  for (const field of ['town', 'county', 'city', 'province', 'title'] as const) {
    if (metadata[field] === '') continue;
    const parsed =
      field === 'title' ? parseTitle(metadata[field]) : parsePlaceName(metadata[field]);
    checked[field] = parsed.ok ? parsed.data : '';
    if (!parsed.ok) {
      missing.set(field, note('not_a_name', { text: metadata[field], detail: parsed.reason }));
    }
  }
  return checked;
}

export function detectMetadata(folded: string, original: string = folded): DetectedMetadata {
  const place = detectPlace(folded);
  const missing = new Map<MetadataField, ReportNote>();
  const metadata = checkedNames(
    {
      town: place.town,
      county: place.county,
      city: place.city,
      province: place.province,
      year: detectYear(folded),
      published: detectPublished(folded),
      title: detectTitle(original, folded),
    },
    missing,
  );
  for (const [field, note] of place.notes) {
    if (metadata[field] === '' && !missing.has(field)) missing.set(field, note);
  }
  const inferred = new Map<MetadataField, string>(
    [...place.inferred].filter(([field]) => metadata[field] !== ''),
  );
  if (metadata.town === '' && !missing.has('town')) missing.set('town', note('no_town'));
  if (metadata.county === '' && !missing.has('county')) missing.set('county', note('no_county'));
  if (metadata.city === '' && !missing.has('city')) missing.set('city', note('no_city'));
  if (metadata.province === '' && !missing.has('province')) {
    missing.set('province', note('no_province'));
  }
  if (metadata.year === null) missing.set('year', note('no_year'));
  if (metadata.published === '') missing.set('published', note('no_published'));
  if (metadata.title === '' && !missing.has('title')) missing.set('title', note('no_title'));
  return { metadata, missing, inferred };
}
