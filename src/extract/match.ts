/**
 * Assigns numbers to indicators. Every number of the report is either claimed
 * by a rule (a Mention) or listed as unused with the reason (plan, date,
 * quota … or simply no rule), so missed phrasings can be found.
 */
import { valueRangeProblem, type IndicatorId, type Qualifier } from '../catalog';
import type { NumberToken } from './numbers';
import { sumListedParts } from './parts';
import { compileCatalog, holds, type CompiledRule, type RuleIndex } from './rules';
import { clauseStartIn, LEFT_WINDOW, QUOTA, TOTAL, wordStatements } from './said-in-words';
import { SPACES } from './text';
import {
  contextBefore,
  findPeriodBound,
  inRanges,
  isPlanSentence,
  sentenceEnd,
  sentenceStart,
  type ReportStructure,
} from './structure';

export interface Mention {
  readonly indicator: IndicatorId;
  readonly value: number;
  /** Measure word as written (件, 起, 人次, %). */
  readonly unit: string;
  readonly qualifier: Qualifier;
  /** [start, end) of the phrase that states the value. */
  readonly start: number;
  readonly end: number;
  /** [numStart, numEnd) of the numeral itself. */
  readonly numStart: number;
  readonly numEnd: number;
  readonly rule: string;
  /** A bound such as 截至10月底 ('' when the figure covers the year). */
  readonly period: string;
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
  /** The clause says the figure is a total (全年, 共, 累计 …). */
  readonly total: boolean;
  /** A figure summed from parts listed one after another (see parts.ts): their numerals. */
  readonly parts?: readonly { readonly start: number; readonly end: number }[];
}

export type UnusedReason =
  | 'plan'
  | 'quota'
  | 'date'
  | 'document_number'
  | 'title'
  | 'quoted'
  | 'ordinal'
  | 'money'
  | 'measure'
  | 'no_unit'
  | 'no_rule'
  /** A rule took it, but no figure of that indicator can be it (a rate of 105%). */
  | 'out_of_range';

export interface UnusedNumber {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: string;
  /** 190余 → '>=': kept for a reviewer who adds the figure by hand. */
  readonly qualifier: Qualifier;
  readonly reason: UnusedReason;
}

const DATE_UNITS = new Set([
  '年',
  '年度',
  '月',
  '月份',
  '日',
  '天',
  '周',
  '个月',
  '小时',
  '届',
  '岁',
]);
const MONEY_UNITS = new Set(['元', '万元', '亿元']);
/** Sizes and levels (两级, 3公里): measurements, not activity. */
const MEASURE_UNITS = new Set(['级', '米', '公里', '平方米', '幅', '座', '间', '套', '台']);
const ENUMERATION_TAIL = new RegExp(
  `[、和及与][^、和及与,;。!?:\n]{1,12}(?:均为|均达到|均达|均是|都是|都为|都达到|均)(?:${SPACES})?$`,
);
const SEPARATORS = '、和及与';
const RIGHT_WINDOW = 60;

function exclusionReason(
  folded: string,
  token: NumberToken,
  structure: ReportStructure,
  clauseBefore: string,
  sentence: string,
): UnusedReason | null {
  const pos = token.numStart;
  if (inRanges(structure.plans, pos)) return 'plan';
  if (inRanges(structure.titles, pos)) return 'title';
  if (inRanges(structure.quotes, pos)) return 'quoted';
  const before = folded.charAt(token.start - 1);
  const after = folded.charAt(token.end);
  if (before === '〔' || before === '[' || before === '【' || after === '〕')
    return 'document_number';
  if (token.unit === '号')
    return /[〕\]】]$/.test(folded.slice(token.start - 2, token.start))
      ? 'document_number'
      : 'date';
  if (DATE_UNITS.has(token.unit)) return 'date';
  if (before === '第') return 'ordinal';
  if (MONEY_UNITS.has(token.unit)) return 'money';
  if (MEASURE_UNITS.has(token.unit)) return 'measure';
  if (token.kind === 'bare') return 'no_unit';
  if (QUOTA.test(clauseBefore)) return 'quota';
  if (isPlanSentence(sentence)) return 'plan';
  return null;
}

interface Candidate {
  readonly rule: CompiledRule;
  readonly start: number;
  readonly end: number;
  readonly distance: number;
  readonly topical: boolean;
}

/**
 * The nearest subject wins; then a subject before the number (the usual
 * order: 服务站1个) over one after it; then the longer phrase, a satisfied
 * topic, catalog order.
 */
function better(a: Candidate, b: Candidate): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  const aLeft = a.rule.left !== null;
  const bLeft = b.rule.left !== null;
  if (aLeft !== bLeft) return aLeft;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb;
  if (a.topical !== b.topical) return a.topical;
  return a.rule.order < b.rule.order;
}

/** What a rule is tried against: the text around a number. */
interface Around {
  readonly token: NumberToken;
  readonly left: string;
  /** Where `left` ends in the text. */
  readonly leftEnd: number;
  readonly right: string;
  /** The sentence up to the number: where topics are looked for. */
  readonly sentenceBefore: string;
  /** The section's headings and the paragraph up to the number (computed when a rule asks). */
  readonly context: () => string;
}

/** The phrase `rule` reads around the number, if it does. */
function candidateOf(rule: CompiledRule, at: Around): Candidate | null {
  const { token } = at;
  let start = token.start;
  let end = token.end;
  let distance = 0;
  if (rule.left !== null) {
    if (!holds(at.left, rule.leftNeeds)) return null;
    const m = rule.left.exec(at.left);
    if (m === null) return null;
    start = at.leftEnd - at.left.length + m.index;
    distance = (m[1] ?? '').length;
  }
  if (rule.right !== null) {
    const m = rule.right.exec(at.right);
    if (m === null) return null;
    end = token.end + m[0].length;
  }
  if (rule.unless !== null && rule.unless.test(at.sentenceBefore)) return null;
  if (rule.context !== null && !rule.context.test(at.context())) return null;
  let topical = false;
  if (rule.topic !== null) {
    if (!rule.topic.test(at.sentenceBefore)) return null;
    topical = true;
  }
  return { rule, start, end, distance, topical };
}

/** Marks of the slots and rules one call of bestCandidate has seen: `visit` where seen. */
let visit = 0;
let slotVisits = new Int32Array(0);
let ruleVisits = new Int32Array(0);

/**
 * The best of the rules that read the text around the number. Only the
 * rules the index finds by the characters before the number are tried; the
 * best does not depend on the order they are tried in (`better` ends with
 * the catalog's order).
 */
function bestCandidate(index: RuleIndex, at: Around): Candidate | null {
  const catalog = compileCatalog();
  if (slotVisits.length !== catalog.charSlots.count)
    slotVisits = new Int32Array(catalog.charSlots.count);
  if (ruleVisits.length !== catalog.rules.length) ruleVisits = new Int32Array(catalog.rules.length);
  visit++;
  let best: Candidate | null = null;
  const consider = (rule: CompiledRule): void => {
    const candidate = candidateOf(rule, at);
    if (candidate !== null && (best === null || better(candidate, best))) best = candidate;
  };
  for (const rule of index.always) consider(rule);
  const { left } = at;
  for (let i = 0; i < left.length; i++) {
    const slot = catalog.charSlots.slotAt(left, i);
    if (slot < 0 || slotVisits[slot] === visit) continue;
    slotVisits[slot] = visit;
    for (const rule of index.bySlot[slot] ?? []) {
      if (ruleVisits[rule.order] === visit) continue;
      ruleVisits[rule.order] = visit;
      consider(rule);
    }
  }
  return best;
}

const NO_RULES: RuleIndex = { always: [], bySlot: [] };

function rulesFor(token: NumberToken): RuleIndex {
  const catalog = compileCatalog();
  const key = token.kind === 'count' ? token.unit : token.kind === 'percent' ? '%' : 'change';
  return catalog.byUnit.get(key) ?? NO_RULES;
}

export interface MatchResult {
  readonly mentions: Mention[];
  readonly unused: UnusedNumber[];
}

export function matchTokens(
  folded: string,
  tokens: readonly NumberToken[],
  structure: ReportStructure,
): MatchResult {
  const mentions: Mention[] = wordStatements(folded, structure);
  const unused: UnusedNumber[] = [];
  const subjectAfter = new Set<Mention>();
  for (const token of tokens) {
    const sStart = sentenceStart(folded, token.start);
    const sEnd = sentenceEnd(folded, token.end);
    const left = folded.slice(Math.max(sStart, token.start - LEFT_WINDOW), token.start);
    const clauseBefore = left.slice(clauseStartIn(left));
    const sentence = folded.slice(sStart, sEnd);
    const sentenceBefore = sentence.slice(0, token.start - sStart);
    const reason = exclusionReason(folded, token, structure, clauseBefore, sentence);
    const unusedOf = (why: UnusedReason): UnusedNumber => ({
      start: token.start,
      end: token.end,
      value: token.value,
      unit: token.unit,
      qualifier: token.qualifier,
      reason: why,
    });
    if (reason !== null) {
      unused.push(unusedOf(reason));
      continue;
    }
    const rules = rulesFor(token);
    const right = folded.slice(token.end, Math.min(sEnd, token.end + RIGHT_WINDOW));
    const candidates: Candidate[] = [];
    let contextText: string | null = null;
    const context = (): string => (contextText ??= contextBefore(folded, structure, token.start));
    const main = bestCandidate(rules, {
      token,
      left,
      leftEnd: token.start,
      right,
      sentenceBefore,
      context,
    });
    if (main !== null) candidates.push(main);
    // 参考率、通过率均为100%: each listed subject states the same number.
    if (ENUMERATION_TAIL.test(left)) {
      const from = clauseStartIn(left);
      for (let q = from; q < left.length; q++) {
        if (!SEPARATORS.includes(left.charAt(q))) continue;
        const head = left.slice(0, q);
        const headEnd = token.start - (left.length - q);
        const c = bestCandidate(rules, {
          token,
          left: head,
          leftEnd: headEnd,
          right,
          sentenceBefore,
          context,
        });
        const known = candidates.some((f) => f.rule.indicator === c?.rule.indicator);
        if (c !== null && c.distance === 0 && !known) candidates.push(c);
      }
    }
    if (candidates.length === 0) {
      unused.push(unusedOf('no_rule'));
      continue;
    }
    const found = candidates.filter(
      (c) => valueRangeProblem(c.rule.indicator, token.value) === null,
    );
    if (found.length === 0) {
      unused.push(unusedOf('out_of_range'));
      continue;
    }
    const start = Math.min(...found.map((f) => f.start));
    const end = Math.max(...found.map((f) => f.end));
    const period = findPeriodBound(sentenceBefore);
    const total = TOTAL.test(clauseBefore);
    for (const f of found) {
      const mention: Mention = {
        indicator: f.rule.indicator,
        value: token.value,
        unit: token.unit,
        qualifier: token.qualifier,
        start,
        end,
        numStart: token.numStart,
        numEnd: token.numEnd,
        rule: f.rule.id,
        period,
        sentenceStart: sStart,
        sentenceEnd: sEnd,
        total,
      };
      mentions.push(mention);
      if (f.rule.left === null) subjectAfter.add(mention);
    }
  }
  return { mentions: sumListedParts(folded, mentions, subjectAfter), unused };
}
