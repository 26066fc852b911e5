/**
 * Numbers as people write them in reports: Arabic and Chinese numerals
 * (两万余, 1.5万, 百分之九十), thousands separators, qualifiers (余/多/以上 → >=,
 * 约/近/左右 → ~, 不足/不到 → <=), measure words and signed changes
 * (同比下降17.20% → -17.2). Works on folded text (see text.ts).
 */
import type { Qualifier } from '../catalog';
import { tryParseChineseNumber } from './chinese-numerals';
import {
  DIRECTION_END,
  GROUP,
  LEAD_START,
  MAX_LEAD,
  MORE_THAN_A,
  NEGATIVE_DIRECTIONS,
  NUMERAL_START,
  POST_QUALIFIERS,
  PRE_QUALIFIERS,
  TOKEN_RE,
  WHOLE_TOKEN_RE,
} from './number-token';
import { fail, ok, type Result } from './result';

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

const LONE_UNITS: Readonly<Record<string, number>> = { 百: 100, 千: 1000, 万: 10000 };

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
