/**
 * Figures said in words (a zero: 全年未发生行政诉讼案件; full coverage:
 * 一村（社区）一法律顾问实现全覆盖), and the clause words every figure is read
 * with: a quota word makes it a goal, a total word marks a total. The words
 * are the catalog's (src/catalog/words.ts).
 */
import {
  FULL_WORDS,
  INDICATOR_IDS,
  INDICATORS,
  QUOTA_WORDS,
  TOTAL_WORDS,
  ZERO_WORDS,
  type GuardedWord,
  type IndicatorId,
  type IndicatorSpec,
} from '../catalog';
import type { Mention } from './match';
import { ruleId } from './rules';
import {
  findPeriodBound,
  inRanges,
  isPlanSentence,
  sentenceEnd,
  sentenceStart,
  type ReportStructure,
} from './structure';
import { CLAUSE_ENDS, escapeLiteral, foldForMatching, longestFirst } from './text';

/** How far before a number (or a statement in words) its subject is looked for. */
export const LEFT_WINDOW = 80;

/** A guarded word (see the catalog's GuardedWord) as regex source. */
function guarded({ word, notAfter, notBefore }: GuardedWord): string {
  const after = notAfter === undefined ? '' : `(?<![${notAfter}])`;
  const before = notBefore === undefined ? '' : `(?!${notBefore.join('|')})`;
  return `${after}${escapeLiteral(word)}${before}`;
}
/** A quota word: the figure after it in its clause is a goal (不少于10场). */
export const QUOTA = new RegExp(QUOTA_WORDS.map(guarded).join('|'));
/** A total word: the clause states a total (全年, 共, 累计). */
export const TOTAL = new RegExp(TOTAL_WORDS.map(escapeLiteral).join('|'));

/** Where the last clause of `text` starts. */
export function clauseStartIn(text: string): number {
  for (let i = text.length - 1; i >= 0; i--)
    if (CLAUSE_ENDS[text.charCodeAt(i)] === 1) return i + 1;
  return 0;
}

/**
 * A zero said in words: 全年无行政复议和行政诉讼案件, 未发生行政诉讼案件, 未制定
 * 规范性文件. For the subjects the catalog names (its `zero` words), only when
 * the clause ends right after them (无行政诉讼败诉案件 says something else).
 */
const ZERO_SUBJECTS = subjectsOf('zero');
const oneOf = (words: readonly string[]): string => words.map(escapeLiteral).join('|');
const ZERO_SUBJECT = `${alternation(ZERO_SUBJECTS)}(?:${oneOf(ZERO_WORDS.nouns)})?`;
const ZERO = new RegExp(
  `(${oneOf(ZERO_WORDS.none)})(?:${oneOf(ZERO_WORDS.issued)})?(?:${oneOf(ZERO_WORDS.single)})?${ZERO_SUBJECT}(?:(?:${oneOf(ZERO_WORDS.and)})${ZERO_SUBJECT})?(?=[,;:。.!?)\n]|$)`,
  'g',
);

/**
 * Full coverage said in words: 一村（社区）一法律顾问实现全覆盖 → 100 %, for the
 * subjects the catalog names (its `full` words) anywhere in the clause, the
 * clause ending there. 推进…全覆盖 is work under way and 基本实现 not all:
 * only 实现/达到/做到 count, and not after a negation or a purpose (尚未实现,
 * 为实现…).
 */
const FULL_SUBJECTS = subjectsOf('full');
const FULL = new RegExp(
  `(?:${oneOf(FULL_WORDS.reached)})了?[^,;:。!?\n]{0,16}?${FULL_WORDS.coverage}(?=[,;:。.!?)\n]|$)`,
  'g',
);
const NOT_FULL = new RegExp(`(?:${oneOf(FULL_WORDS.notBefore)})$`);

/** The catalog's words of one kind (`zero`, `full`), folded, each with its indicator. */
function subjectsOf(kind: 'zero' | 'full'): ReadonlyMap<string, IndicatorId> {
  return new Map(
    INDICATOR_IDS.flatMap((id) =>
      ((INDICATORS[id] as IndicatorSpec)[kind] ?? []).map((word): [string, IndicatorId] => [
        foldForMatching(word),
        id,
      ]),
    ),
  );
}

function alternation(words: ReadonlyMap<string, IndicatorId>): string {
  return `(${longestFirst(words.keys())})`;
}

/**
 * A figure said in words at [start, end), its word at [numStart, numEnd):
 * never in a plan, a quote or a title's slogan, after a quota word (力争无
 * 行政诉讼案件, 确保实现全覆盖 are goals) or in a sentence about next year.
 */
function statedInWords(
  folded: string,
  structure: ReportStructure,
  at: { start: number; end: number; numStart: number; numEnd: number },
  indicator: IndicatorId,
  value: number,
  kind: 'zero' | 'full',
): Mention | null {
  const sStart = sentenceStart(folded, at.start);
  const sEnd = sentenceEnd(folded, at.end);
  const sentenceBefore = folded.slice(sStart, at.start);
  const clauseBefore = folded.slice(sStart, at.numStart);
  if (inRanges(structure.plans, at.numStart) || inRanges(structure.quotes, at.numStart)) {
    return null;
  }
  if (QUOTA.test(clauseBefore.slice(clauseStartIn(clauseBefore)))) return null;
  if (isPlanSentence(folded.slice(sStart, sEnd))) return null;
  return {
    indicator,
    value,
    unit: INDICATORS[indicator].unit,
    qualifier: '=',
    ...at,
    rule: ruleId(indicator, kind),
    period: findPeriodBound(sentenceBefore),
    sentenceStart: sStart,
    sentenceEnd: sEnd,
    total: TOTAL.test(sentenceBefore.slice(clauseStartIn(sentenceBefore))),
  };
}

export function wordStatements(folded: string, structure: ReportStructure): Mention[] {
  const mentions: Mention[] = [];
  for (const m of folded.matchAll(ZERO)) {
    const at = {
      start: m.index,
      end: m.index + m[0].length,
      numStart: m.index,
      numEnd: m.index + (m[1] ?? '').length,
    };
    const indicators = new Set([m[2], m[3]].map((w) => ZERO_SUBJECTS.get(w ?? '')));
    for (const indicator of indicators) {
      const mention = indicator && statedInWords(folded, structure, at, indicator, 0, 'zero');
      if (mention) mentions.push(mention);
    }
  }
  for (const m of folded.matchAll(FULL)) {
    const end = m.index + m[0].length;
    const from = Math.max(0, m.index - LEFT_WINDOW);
    const clauseStart = from + clauseStartIn(folded.slice(from, m.index));
    if (NOT_FULL.test(folded.slice(clauseStart, m.index))) continue;
    const clause = folded.slice(clauseStart, end);
    for (const [word, indicator] of FULL_SUBJECTS) {
      const i = clause.indexOf(word);
      if (i < 0) continue;
      const at = { start: Math.min(clauseStart + i, m.index), end, numStart: end - 3, numEnd: end };
      const mention = statedInWords(folded, structure, at, indicator, 100, 'full');
      if (mention) mentions.push(mention);
      break;
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
