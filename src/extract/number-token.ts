/**
 * The grammar of a number as reports write it: the words that may stand
 * before its numeral (a qualifier, a direction), the numeral, and what may
 * follow (余, 万, a measure word, 以上), as one expression (TOKEN_SOURCE) and
 * the tables the scan looks characters up in. What a match means is
 * numbers.ts's.
 */
import type { Qualifier } from '../catalog';
import { charTable, longestFirst, MAX_SPACES, SPACES } from './text';

export const PRE_QUALIFIERS: Readonly<Record<string, Qualifier>> = {
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
export const POST_QUALIFIERS: Readonly<Record<string, Qualifier>> = {
  余: '>=',
  多: '>=',
  以上: '>=',
  左右: '~',
};
/** 上千份, 上万人次: "more than a thousand", 上 only before a lone 百/千/万 (线上3场 is not "more than 3"). */
export const MORE_THAN_A = '上';
/** What may end a direction word (下降了17.2%). */
export const DIRECTION_END = '了';
export const NEGATIVE_DIRECTIONS: readonly string[] = ['下降', '减少', '降低', '回落', '下滑'];
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
export const GROUP = {
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
export const TOKEN_RE = new RegExp(UNNAMED_SOURCE, 'y');
export const WHOLE_TOKEN_RE = new RegExp(`^(?:${UNNAMED_SOURCE})$`);

/**
 * What a token's numeral begins with: a digit (the expression's \d, ASCII
 * digits only without the u flag) or a Chinese numeral (百 of 百分之 too).
 */
export const NUMERAL_START = charTable(`0123456789${CN_CHARS}`);
/**
 * The words a token may begin with before its numeral, as TOKEN_SOURCE's
 * first two groups read them: a qualifier (or 上), then a direction.
 */
const QUALIFIER_WORDS = [...Object.keys(PRE_QUALIFIERS), MORE_THAN_A];
export const LEAD_WORDS: readonly string[] = [...QUALIFIER_WORDS, ...DIRECTIONS];
export const LEAD_START = charTable(LEAD_WORDS.map((w) => w.charAt(0)));
/** The most characters before a numeral: a qualifier, spaces, a direction and 了, spaces. */
export const MAX_LEAD =
  Math.max(...QUALIFIER_WORDS.map((w) => w.length)) +
  MAX_SPACES +
  Math.max(...DIRECTIONS.map((w) => w.length)) +
  DIRECTION_END.length +
  MAX_SPACES;
