/**
 * The shape of a report that decides whether a number can be this year's
 * figure: headings and the "next year" plan section, quotations (slogans like
 * “三重一大”), titles in 《》, sentences and period bounds (截至10月底).
 */
import { FULL_STOP, PART_YEAR_WORDS, PERIOD_UP_TO_WORDS, SENTENCE_LIMIT } from '../catalog';
import { escapeLiteral, SENTENCE_ENDS } from './text';

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface Heading {
  readonly start: number;
  readonly end: number;
  /** Numbering style: 一、 / 1、 / 1. / (一) / (1) / 第一部分. */
  readonly style: string;
  readonly ordinal: number;
  readonly text: string;
}

const CN_ORDINALS = '一二三四五六七八九十';

function cnOrdinal(text: string): number {
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + CN_ORDINALS.indexOf(text[1] ?? '') + 1;
  if (text.length === 2 && text.endsWith('十'))
    return (CN_ORDINALS.indexOf(text[0] ?? '') + 1) * 10;
  return CN_ORDINALS.indexOf(text[0] ?? '') + 1;
}

const HEADING =
  /^[ \t]*(?:(?<cn>[一二三四五六七八九十]{1,3})[ \t]*[、.]|(?<ar>\d{1,2})[ \t]*(?<sep>[、.])(?!\d)|\((?<pcn>[一二三四五六七八九十]{1,3})\)|\((?<par>\d{1,2})\)|第(?<part>[一二三四五六七八九十]{1,3})(?:部分|章|节))/;

/** Headings of the "next year" section: figures under them are plans. */
const PLAN_HEADING =
  /下一年度|下一步|下步|下阶段|下一阶段|下年度|明年|今后|(?:主要|工作|重点)(?:安排|计划|打算|思路|设想|建议|展望)|努力方向/;

export function findHeadings(folded: string): Heading[] {
  const headings: Heading[] = [];
  let lineStart = 0;
  while (lineStart <= folded.length) {
    let lineEnd = folded.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = folded.length;
    const line = folded.slice(lineStart, lineEnd);
    const m = HEADING.exec(line);
    if (m !== null) {
      const g = m.groups ?? {};
      let style: string;
      let ordinal: number;
      if (g['cn'] !== undefined) {
        style = 'cn';
        ordinal = cnOrdinal(g['cn']);
      } else if (g['ar'] !== undefined) {
        style = `ar${g['sep'] ?? ''}`;
        ordinal = Number(g['ar']);
      } else if (g['pcn'] !== undefined) {
        style = 'pcn';
        ordinal = cnOrdinal(g['pcn']);
      } else if (g['par'] !== undefined) {
        style = 'par';
        ordinal = Number(g['par']);
      } else {
        style = 'part';
        ordinal = cnOrdinal(g['part'] ?? '');
      }
      // The heading proper ends at the first full stop (inline headings run on).
      const stop = line.indexOf(FULL_STOP);
      const text = line.slice(m[0].length, stop < 0 ? Math.min(line.length, 80) : stop);
      headings.push({ start: lineStart, end: lineEnd, style, ordinal, text });
    }
    lineStart = lineEnd + 1;
  }
  return headings;
}

/**
 * Ranges under a plan heading. A numbering style's level is fixed where it is
 * first seen (one below the heading before it); a plan section runs until the
 * next heading at its level or above.
 */
export function findPlanRanges(folded: string, headings: readonly Heading[]): Range[] {
  const levels = headingLevels(headings);
  const ranges: Range[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    const l = levels[i];
    if (h === undefined || l === undefined || !PLAN_HEADING.test(h.text)) continue;
    let end = folded.length;
    for (let j = i + 1; j < headings.length; j++) {
      const next = headings[j];
      const nextLevel = levels[j];
      if (next === undefined || nextLevel === undefined) continue;
      if (nextLevel < l || (nextLevel === l && next.ordinal > h.ordinal)) {
        end = next.start;
        break;
      }
    }
    const last = ranges[ranges.length - 1];
    if (last !== undefined && h.start < last.end) continue; // nested inside a plan already
    ranges.push({ start: h.start, end });
  }
  return ranges;
}

/** Each heading's level: a numbering style's is fixed where it is first seen (one below the heading before it). */
function headingLevels(headings: readonly Heading[]): number[] {
  const level = new Map<string, number>();
  const levels: number[] = [];
  let current = 0;
  for (const h of headings) {
    let l = level.get(h.style);
    if (l === undefined) {
      l = current + 1;
      level.set(h.style, l);
    }
    levels.push(l);
    current = l;
  }
  return levels;
}

/**
 * For each heading, the texts of the headings it sits under and its own,
 * joined: what the section a number sits in is about (一、…推进法治建设第一
 * 责任人职责… › (二)…).
 */
function headingPaths(headings: readonly Heading[]): string[] {
  const levels = headingLevels(headings);
  const stack: { level: number; text: string }[] = [];
  return headings.map((h, i) => {
    const level = levels[i] ?? 1;
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
    stack.push({ level, text: h.text });
    return stack.map((s) => s.text).join('\n');
  });
}

/** Spans between paired marks on one line, e.g. “…”, 《…》. */
export function findPairedRanges(
  folded: string,
  open: string,
  close: string,
  maxLength: number,
): Range[] {
  const ranges: Range[] = [];
  let i = folded.indexOf(open);
  while (i >= 0) {
    const j = folded.indexOf(close, i + 1);
    if (j < 0) break;
    const newline = folded.indexOf('\n', i);
    if (j - i <= maxLength && (newline < 0 || newline > j)) {
      ranges.push({ start: i, end: j + 1 });
      i = folded.indexOf(open, j + 1);
    } else {
      i = folded.indexOf(open, i + 1);
    }
  }
  return ranges;
}

/** ASCII double quotes pair up in order on a line. */
function findAsciiQuoteRanges(folded: string): Range[] {
  const ranges: Range[] = [];
  const re = /"[^"\n]{1,40}"/g;
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}

export function inRanges(ranges: readonly Range[], pos: number): boolean {
  // Ranges are few per report; a linear scan is cheaper than building an index.
  for (const r of ranges) {
    if (pos < r.start) return false;
    if (pos < r.end) return true;
  }
  return false;
}

export interface ReportStructure {
  readonly headings: readonly Heading[];
  /** Per heading, the texts of the section path down to it (see headingPaths). */
  readonly headingPaths: readonly string[];
  readonly plans: readonly Range[];
  readonly quotes: readonly Range[];
  readonly titles: readonly Range[];
}

export function analyseStructure(folded: string): ReportStructure {
  const headings = findHeadings(folded);
  const quotes = [
    ...findPairedRanges(folded, '\u201c', '\u201d', 40),
    ...findPairedRanges(folded, '\u2018', '\u2019', 40),
    ...findPairedRanges(folded, '「', '」', 40),
    ...findAsciiQuoteRanges(folded),
  ].sort((a, b) => a.start - b.start);
  return {
    headings,
    headingPaths: headingPaths(headings),
    plans: findPlanRanges(folded, headings),
    quotes,
    titles: findPairedRanges(folded, '《', '》', 120),
  };
}

/**
 * What decides a bare figure's subject beyond its sentence: the headings of
 * the section `pos` sits in and its paragraph up to `pos`.
 */
export function contextBefore(folded: string, structure: ReportStructure, pos: number): string {
  let lo = 0;
  let hi = structure.headings.length;
  // The last heading that starts before pos.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((structure.headings[mid]?.start ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  const path = lo > 0 ? (structure.headingPaths[lo - 1] ?? '') : '';
  const paragraphStart = folded.lastIndexOf('\n', pos - 1) + 1;
  return `${path}\n${folded.slice(paragraphStart, pos)}`;
}

/** Start of the sentence containing `pos` (after the previous 。;!? or line break). */
export function sentenceStart(folded: string, pos: number, limit = SENTENCE_LIMIT): number {
  const stop = Math.max(0, pos - limit);
  for (let i = pos - 1; i >= stop; i--) {
    if (SENTENCE_ENDS[folded.charCodeAt(i)] === 1) return i + 1;
  }
  return stop;
}

/** End of the sentence containing `pos`, including its closing mark. */
export function sentenceEnd(folded: string, pos: number, limit = SENTENCE_LIMIT): number {
  const stop = Math.min(folded.length, pos + limit);
  for (let i = pos; i < stop; i++) {
    const ch = folded.charCodeAt(i);
    if (ch === 0x0a) return i;
    if (SENTENCE_ENDS[ch] === 1) return i + 1;
  }
  return stop;
}

const PERIOD_BOUND = new RegExp(
  `(?:${PERIOD_UP_TO_WORDS.map(escapeLiteral).join('|')})(?:目前|今年|本年|[0-9]{4}年)?(?:[0-9一二三四五六七八九十]{1,2}月(?:底|末|份|[0-9一二三四五六七八九十]{1,3}日)?|目前|今)?(?:底|末|止|为止|前)?`,
);

/** Part-year spans: 1-10月, 1至9月, 上半年, 前三季度. */
const PART_YEAR = new RegExp(
  `(?:[0-9一二三四五六七八九十]{1,2}(?:月份?)?\\s*(?:-|—|–|~|至|到)\\s*[0-9一二三四五六七八九十]{1,2}月(?:份|底|末)?|${PART_YEAR_WORDS.map(escapeLiteral).join('|')}|第[一二三]季度)`,
);

/** A bound such as 截至10月底 or 1-10月 earlier in the sentence, as written; '' if none. */
export function findPeriodBound(sentenceBefore: string): string {
  const m = PERIOD_BOUND.exec(sentenceBefore) ?? PART_YEAR.exec(sentenceBefore);
  return m === null ? '' : m[0];
}

const INLINE_PLAN =
  /^[\s\d一二三四五六七八九十、.()]*(?:下一步|下步|下阶段|下一阶段|明年|下一年度?|今后)/;

export function isPlanSentence(sentence: string): boolean {
  return INLINE_PLAN.test(sentence);
}
