/**
 * Numbers as people write them in reports: Arabic and Chinese numerals
 * (两万余, 1.5万, 百分之九十), thousands separators, qualifiers (余/多/以上 → >=,
 * 约/近/左右 → ~, 不足/不到 → <=), measure words and signed changes
 * (同比下降17.20% → -17.2). Works on folded text (see text.ts).
 */
import type { Qualifier } from '../catalog';
import { tryParseChineseNumber } from './chinese-numerals';
import { fail, ok, type Result } from './result';
import { charTable, longestFirst, MAX_SPACES, SPACES } from './text';

export { tryParseChineseInteger, tryParseChineseNumber } from './chinese-numerals';

export type TokenKind = 'count' | 'percent' | 'change' | 'bare';

export interface NumberToken {
  /** Offset of the first character (a leading qualifier or direction word). */
  readonly start: number;
  /** Offset after the measure word or trailing qualifier. */
  readonly end: number;
  /** Offset of the numeral itself. */
  readonly numStart: number;
  readonly numEnd: number;
  readonly value: number;
  readonly qualifier: Qualifier;
  /** Measure word as written ('' for none, '%' for percentages). */
  readonly unit: string;
  readonly kind: TokenKind;
  /** Written in Chinese numerals. */
  readonly chinese: boolean;
}

const PRE_QUALIFIERS: Readonly<Record<string, Qualifier>> = {
  约: '~',
  大约: '~',
  近: '~',
  将近: '~',
  接近: '~',
  超过: '>=',
  逾: '>=',
  多达: '>=',
  高达: '=',
  不足: '<=',
  不到: '<=',
};
const POST_QUALIFIERS: Readonly<Record<string, Qualifier>> = {
  余: '>=',
  多: '>=',
  以上: '>=',
  左右: '~',
};
/** 上千份, 上万人次: "more than a thousand", 上 only before a lone 百/千/万 (线上3场 is not "more than 3"). */
const MORE_THAN_A = '上';
/** What may end a direction word (下降了17.2%). */
const DIRECTION_END = '了';
const NEGATIVE_DIRECTIONS: readonly string[] = ['下降', '减少', '降低', '回落', '下滑'];
/** Words of a change before its number (同比下降17.2%): falls, then rises. */
const DIRECTIONS: readonly string[] = [
  ...NEGATIVE_DIRECTIONS,
  '上升',
  '增长',
  '增加',
  '提高',
  '提升',
  '上涨',
];

/**
 * Measure words, longest first. Units that no indicator accepts (年, 元 …) are
 * still read so that dates and money are recognised and not mistaken.
 */
export const MEASURE_WORDS: readonly string[] = [
  '平方米',
  '人次',
  '场次',
  '件次',
  '户次',
  '批次',
  '万元',
  '亿元',
  '年度',
  '月份',
  '个月',
  '小时',
  '公里',
  '%',
  '‰',
  '人',
  '名',
  '位',
  '户',
  '件',
  '起',
  '宗',
  '次',
  '场',
  '期',
  '份',
  '册',
  '本',
  '条',
  '个',
  '支',
  '批',
  '项',
  '家',
  '幅',
  '张',
  '篇',
  '所',
  '处',
  '座',
  '套',
  '部',
  '台',
  '间',
  '班',
  '轮',
  '单',
  '村',
  '元',
  '年',
  '月',
  '日',
  '号',
  '天',
  '周',
  '届',
  '级',
  '岁',
  '米',
];

const CN_CHARS = '零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟';
const CN_DIGIT_CHARS = '零〇一二三四五六七八九';

/**
 * Converted text spaces Arabic numbers off from the words around them (达 98.9
 * %, 下降 17.2%, 调解纠纷 96 件): up to two spaces are read between a
 * qualifier or direction and the number, and between the number and what
 * follows it. Chinese numerals never get such spaces, so none are read there.
 */
const SPACED = `(?:${SPACES}(?=\\d))?`;

export const TOKEN_SOURCE = [
  `(?:(?<pre>${longestFirst(Object.keys(PRE_QUALIFIERS))}|${MORE_THAN_A}(?=[百千万]))(?<s1>${SPACED}))?`,
  `(?:(?<dir>(?:${DIRECTIONS.join('|')})${DIRECTION_END}?)(?<s2>${SPACED}))?`,
  '(?:',
  `(?<pct>百分之(?:百|[${CN_CHARS}]+(?:点[${CN_DIGIT_CHARS}]+)?|\\d+(?:\\.\\d+)?)|百分百)`,
  `|(?<arabic>\\d{1,3}(?:,\\d{3})+(?!\\d)(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?<mul1>[万亿千])?`,
  `|(?<cn>[${CN_CHARS}]+(?:点[${CN_DIGIT_CHARS}]+)?)`,
  ')',
  // Spaces right after digits; dropped from the token if nothing follows them.
  `(?<gap>(?<=\\d)${SPACES})?`,
  // 余/多 "more than"; 几 as in 十几名, 二十几场 "ten-odd".
  '(?<approx>余|多|几)?',
  '(?<mul2>万|亿)?',
  // 1.2 万余: a spaced number's 余 comes after its 万.
  '(?<approx2>(?<=[万亿])(?:余|多))?',
  `(?<unit>${longestFirst(MEASURE_WORDS)})?`,
  `(?<post>${longestFirst(Object.keys(POST_QUALIFIERS))})?`,
].join('');

const LONE_UNITS: Readonly<Record<string, number>> = { 百: 100, 千: 1000, 万: 10000 };

/** A named group of TOKEN_SOURCE: `(?<name>` (a lookbehind, `(?<=` or `(?<!`, is not one). */
const NAMED_GROUP = /\(\?<([A-Za-z_$][\w$]*)>/g;
/**
 * TOKEN_SOURCE with its groups unnamed: a match of an expression with named
 * groups builds an object of them, which took half the time of each try.
 * The groups are numbered in their order, which GROUP finds by name.
 */
const UNNAMED_SOURCE = TOKEN_SOURCE.replace(NAMED_GROUP, '(');
const GROUP_NUMBERS: ReadonlyMap<string, number> = new Map(
  [...TOKEN_SOURCE.matchAll(NAMED_GROUP)].map((m, i) => [m[1] ?? '', i + 1]),
);
// The numbers hold only while every capturing group is a named one: checked here, once.
const CAPTURING_GROUPS = (new RegExp(`${UNNAMED_SOURCE}|`).exec('')?.length ?? 0) - 1;
if (CAPTURING_GROUPS !== GROUP_NUMBERS.size) {
  throw new Error(
    `TOKEN_SOURCE has ${CAPTURING_GROUPS} capturing groups, ${GROUP_NUMBERS.size} named`,
  );
}
/** The number of TOKEN_SOURCE's group `name` in a match of UNNAMED_SOURCE. */
function groupNumber(name: string): number {
  const n = GROUP_NUMBERS.get(name);
  if (n === undefined) throw new Error(`TOKEN_SOURCE has no group ${name}`);
  return n;
}
const GROUP = {
  pre: groupNumber('pre'),
  s1: groupNumber('s1'),
  dir: groupNumber('dir'),
  s2: groupNumber('s2'),
  pct: groupNumber('pct'),
  arabic: groupNumber('arabic'),
  mul1: groupNumber('mul1'),
  cn: groupNumber('cn'),
  gap: groupNumber('gap'),
  approx: groupNumber('approx'),
  mul2: groupNumber('mul2'),
  approx2: groupNumber('approx2'),
  unit: groupNumber('unit'),
  post: groupNumber('post'),
} as const;

/** Tried at the positions scanNumbers picks (sticky: there or not at all). */
const TOKEN_RE = new RegExp(UNNAMED_SOURCE, 'y');
const WHOLE_TOKEN_RE = new RegExp(`^(?:${UNNAMED_SOURCE})$`);

/**
 * What a token's numeral begins with: a digit (the expression's \d, ASCII
 * digits only without the u flag) or a Chinese numeral (百 of 百分之 too).
 */
const NUMERAL_START = charTable(`0123456789${CN_CHARS}`);
/**
 * The words a token may begin with before its numeral, as TOKEN_SOURCE's
 * first two groups read them: a qualifier (or 上), then a direction.
 */
const QUALIFIER_WORDS = [...Object.keys(PRE_QUALIFIERS), MORE_THAN_A];
export const LEAD_WORDS: readonly string[] = [...QUALIFIER_WORDS, ...DIRECTIONS];
const LEAD_START = charTable(LEAD_WORDS.map((w) => w.charAt(0)));
/** The most characters before a numeral: a qualifier, spaces, a direction and 了, spaces. */
const MAX_LEAD =
  Math.max(...QUALIFIER_WORDS.map((w) => w.length)) +
  MAX_SPACES +
  Math.max(...DIRECTIONS.map((w) => w.length)) +
  DIRECTION_END.length +
  MAX_SPACES;

const MULTIPLIERS: Readonly<Record<string, number>> = { 千: 1e3, 万: 1e4, 亿: 1e8 };

function combineQualifiers(found: readonly Qualifier[]): Qualifier {
  // A bound (不足) or an estimate (约) says more than "more than" (余).
  for (const q of ['<=', '~', '>='] as const) if (found.includes(q)) return q;
  return '=';
}

/**
 * Rounds away floating-point noise (1.5 × 10000, 0.1 + 0.2). Whole numbers
 * below 10¹² have none (and are most numbers: the formatting cost a tenth of
 * the number scan).
 */
function clean(value: number): number {
  // + 0 turns -0 into 0, as the formatting did.
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return value + 0;
  return Number(value.toPrecision(12));
}

function parsePercentBody(body: string): number | null {
  if (body === '百分百' || body === '百分之百') return 100;
  const inner = body.slice(3);
  if (/^\d/.test(inner)) return Number(inner);
  return tryParseChineseNumber(inner);
}

/** A match of TOKEN_RE or WHOLE_TOKEN_RE: its groups by GROUP's numbers. */
type Groups = readonly (string | undefined)[];

function tokenFromMatch(groups: Groups, start: number, raw: string): NumberToken | null {
  const qualifiers: Qualifier[] = [];
  let offset = start;
  const pre = groups[GROUP.pre];
  if (pre !== undefined) {
    qualifiers.push(pre === MORE_THAN_A ? '>=' : (PRE_QUALIFIERS[pre] ?? '='));
    offset += pre.length + (groups[GROUP.s1]?.length ?? 0);
  }
  const dir = groups[GROUP.dir];
  if (dir !== undefined) offset += dir.length + (groups[GROUP.s2]?.length ?? 0);
  const numStart = offset;

  let value: number | null;
  let chinese = false;
  let numText: string;
  const pct = groups[GROUP.pct];
  const arabic = groups[GROUP.arabic];
  const cn = groups[GROUP.cn];
  if (pct !== undefined) {
    value = parsePercentBody(pct);
    chinese = !/\d/.test(pct);
    numText = pct;
  } else if (arabic !== undefined) {
    value = Number(arabic.replace(/,/g, ''));
    numText = arabic;
    const mul1 = groups[GROUP.mul1];
    if (mul1 !== undefined) {
      value *= MULTIPLIERS[mul1] ?? 1;
      numText += mul1;
    }
  } else if (cn !== undefined) {
    // 逾千人, 近百场, 百余场, 万余人次: a bare 百/千/万 with a qualifier means one of it.
    const lone =
      pre !== undefined || groups[GROUP.approx] !== undefined ? LONE_UNITS[cn] : undefined;
    value = lone ?? tryParseChineseNumber(cn);
    chinese = true;
    numText = cn;
  } else {
    return null;
  }
  if (value === null || !Number.isFinite(value)) return null;
  const numEnd = numStart + numText.length;

  const approx = groups[GROUP.approx] ?? groups[GROUP.approx2];
  if (approx !== undefined) qualifiers.push('>=');
  const mul2 = groups[GROUP.mul2];
  if (mul2 !== undefined) value *= MULTIPLIERS[mul2] ?? 1;
  const post = groups[GROUP.post];
  if (post !== undefined) qualifiers.push(POST_QUALIFIERS[post] ?? '=');

  let unit = groups[GROUP.unit] ?? '';
  let kind: TokenKind;
  if (pct !== undefined) {
    if (unit !== '') return null; // 百分之九十人 is not a thing
    unit = '%';
    kind = 'percent';
  } else if (unit === '%') {
    kind = 'percent';
  } else {
    kind = unit === '' ? 'bare' : 'count';
  }
  if (dir !== undefined) {
    if (kind === 'percent') {
      const word = dir.endsWith(DIRECTION_END) ? dir.slice(0, -DIRECTION_END.length) : dir;
      if (NEGATIVE_DIRECTIONS.includes(word)) value = -value;
      kind = 'change';
    } else {
      // 减少12件 states a change in a count, which no indicator holds.
      kind = 'bare';
    }
  }
  // Spaces after the number with nothing read after them are not the token's.
  const trailing =
    groups[GROUP.unit] === undefined &&
    approx === undefined &&
    mul2 === undefined &&
    post === undefined;
  return {
    start,
    end: start + raw.length - (trailing ? (groups[GROUP.gap]?.length ?? 0) : 0),
    numStart,
    numEnd,
    value: clean(value),
    qualifier: combineQualifiers(qualifiers),
    unit,
    kind,
    chinese,
  };
}

/** Measure words after which a lone 一 still states a count (召开专题会议一次). */
const COUNTABLE_AFTER_ONE = new Set(['次', '场', '场次', '名', '人', '位', '个', '件', '期', '批']);
/** Characters that make 一 part of a word: 统一, 唯一, 第一, 进一步, 逐一. */
const WORD_BEFORE_ONE = new Set([...'统唯同第万进逐专单划合归一']);

/** 在一起, 一张大网, 统一部署: a lone 一 that is a word, not a figure. */
function isWordNotNumber(folded: string, token: NumberToken): boolean {
  if (folded.slice(token.numStart, token.numEnd) !== '一') return false;
  if (!COUNTABLE_AFTER_ONE.has(token.unit)) return true;
  return WORD_BEFORE_ONE.has(folded.charAt(token.numStart - 1));
}

/**
 * 数十次, 几百人: an order of magnitude, not a figure. Not 参考人数十人 (人数 is
 * a word) nor 人数十八人 (十八 is a number).
 */
function isOrderOfMagnitude(folded: string, cn: string, numStart: number): boolean {
  if (LONE_UNITS[cn] === undefined && cn !== '十') return false;
  if (!/[数几]/.test(folded.charAt(numStart - 1))) return false;
  return !/[人次件户个]/.test(folded.charAt(numStart - 2));
}

/**
 * Marks that say what the number after them is (第3期 an ordinal, 〔2024〕3号
 * a document number), as match.ts reads them in the character before a token.
 */
const MARKS_BEFORE = new Set([...'第〔[【〕]】']);

/**
 * 第 3 期: spaces between such a mark and the number become part of the token,
 * so that the mark is still the character before it.
 */
function withMarkBefore(folded: string, token: NumberToken): NumberToken {
  let start = token.start;
  while (start > token.start - 2 && folded.charCodeAt(start - 1) === 0x20) start--;
  if (start === token.start || !MARKS_BEFORE.has(folded.charAt(start - 1))) return token;
  return { ...token, start };
}

/**
 * Every number in a folded text. Chinese numerals count only when a measure
 * word or 百分之 makes them one (一是, 统一 and 三重一大 are words, not numbers).
 */
export function scanNumbers(folded: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (let from = 0; from < folded.length;) {
    const m = nextToken(folded, from);
    if (m === null) break;
    from = m.index + m[0].length;
    const token = tokenFromMatch(m, m.index, m[0]);
    if (token === null) continue;
    if (token.chinese && token.kind === 'bare') continue;
    if (token.chinese && isWordNotNumber(folded, token)) continue;
    const cn = m[GROUP.cn];
    if (cn !== undefined && isOrderOfMagnitude(folded, cn, token.numStart)) {
      continue;
    }
    // Digits glued to Latin letters are codes (G20, No5), not figures.
    if (m[GROUP.arabic] !== undefined && /[A-Za-z]/.test(folded.charAt(token.numStart - 1)))
      continue;
    tokens.push(withMarkBefore(folded, token));
  }
  return tokens;
}

/**
 * The first match of TOKEN_RE at or after `from`, as a global search would
 * find it, without trying the regex at every position (that search was most
 * of the scan's time): every token holds a numeral, and what may stand
 * before its numeral (a qualifier, a direction, spaces) holds none, so the
 * token holding the next numeral character begins at most MAX_LEAD before
 * it, with one of the lead words or at the numeral itself.
 */
export function nextToken(folded: string, from: number): RegExpExecArray | null {
  const re = TOKEN_RE;
  for (let at = from; at < folded.length; at++) {
    if (NUMERAL_START[folded.charCodeAt(at)] !== 1) continue;
    for (let start = Math.max(from, at - MAX_LEAD); start <= at; start++) {
      if (start < at && LEAD_START[folded.charCodeAt(start)] !== 1) continue;
      re.lastIndex = start;
      const m = re.exec(folded);
      if (m !== null) return m;
    }
  }
  return null;
}

export interface ParsedNumber {
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly unit: string;
  readonly kind: TokenKind;
}

/** A sign typed before a number (ASCII, the minus sign, full-width). */
const SIGN = /^([-+\u2212\uff0d\uff0b])\s*/;

/**
 * Parses a string that is exactly one written number ("两万余人次", "99.5%",
 * "同比下降17.20%" without 同比, or a signed "-17.2" as a table holds a
 * change). Never throws; never returns NaN.
 */
export function parseNumberText(text: string): Result<ParsedNumber> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty');
  const sign = SIGN.exec(trimmed);
  if (sign !== null) {
    const unsigned = parseNumberText(trimmed.slice(sign[0].length));
    // A sign before a sign or before 下降/增长 says a thing twice.
    if (
      !unsigned.ok ||
      unsigned.data.kind === 'change' ||
      SIGN.test(trimmed.slice(sign[0].length))
    ) {
      return fail(`not a number: ${trimmed}`);
    }
    const negative = sign[1] !== '+' && sign[1] !== '\uff0b';
    return ok({ ...unsigned.data, value: negative ? -unsigned.data.value : unsigned.data.value });
  }
  const m = WHOLE_TOKEN_RE.exec(trimmed);
  if (m === null) return fail(`not a number: ${trimmed}`);
  const token = tokenFromMatch(m, 0, m[0]);
  if (token === null) return fail(`not a number: ${trimmed}`);
  return ok({ value: token.value, qualifier: token.qualifier, unit: token.unit, kind: token.kind });
}
