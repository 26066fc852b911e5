/**
 * Types of the indicator catalog. The catalog is data (see catalog.ts); these
 * types let the compiler keep every table complete.
 */

export type CategoryId =
  | 'leadership'
  | 'mediation'
  | 'legal_advisor'
  | 'training'
  | 'petition'
  | 'publicity'
  | 'legal_service'
  | 'administration'
  | 'enforcement';

/**
 * What kind of number an indicator holds:
 * - `count`: a number followed by a measure word (件, 人次, 场 …);
 * - `percent`: a rate stated as a percentage (99.5%, 百分之百);
 * - `change`: a signed year-over-year change in percent (同比下降17.20% → -17.2).
 */
export type IndicatorKind = 'count' | 'percent' | 'change';

/**
 * One phrasing rule. The pattern is written against the report text with
 * full-width characters folded to ASCII (，→ , ：→ : ％→ %):
 *
 * - literal text matches itself;
 * - `(a|b|c)` is one of the alternatives, `(a|b)?` makes it optional;
 * - `…` is a gap of up to 16 characters inside one clause (no , ; 。 ! ? : or line break);
 * - `……` is a gap of up to 40 characters inside one sentence (may cross commas);
 * - `{n}` is the number with its measure word; without it the number follows the pattern.
 *
 * Between the text before `{n}` and the number, connector words such as 共、累计、达到、为
 * are always allowed (see FILLER_WORDS).
 */
export interface RuleSpec {
  /** The pattern, see above. */
  readonly p: string;
  /** Alternatives (a|b) that must also appear earlier in the same sentence. */
  readonly topic?: string;
  /** Alternatives (a|b) that must not: the figure is someone else's (then it stays unused). */
  readonly unless?: string;
  /**
   * Alternatives (a|b) that must appear in the headings of the section the
   * number sits in, or earlier in its paragraph: a bare 召开专题会议4次 under
   * 一、…推进法治建设第一责任人职责… is a meeting on rule-of-law work.
   */
  readonly context?: string;
  /** Measure words this rule accepts instead of the indicator's. */
  readonly units?: readonly string[];
}

export type Rule = string | RuleSpec;

/**
 * A rule of the catalog with its name. The name is the rule's id in the output
 * (`indicator#name`, mentions.csv's `rule`), so it never changes once
 * published: it is provenance, and inserting, moving or deleting a rule
 * leaves every other rule's id as it was. A new rule gets a name saying the
 * phrasing it reads, in lowercase kebab-case starting with a letter
 * (`heard-report` for 听取…汇报, `rate-after-success-rate` for a rate after
 * 成功率). Unique within the indicator, and never `zero` or `full` (the ids of
 * figures said in words).
 */
export interface NamedRule extends RuleSpec {
  readonly name: string;
}

/** How a figure is stated: exactly, at least (190余), about (约), at most (不足). */
export const QUALIFIERS = ['=', '>=', '~', '<='] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** A real phrase, the value it states and its qualifier (default `=`). */
export type Example = readonly [phrase: string, value: number, qualifier?: Qualifier];

export interface IndicatorSpec {
  readonly category: CategoryId;
  readonly zh: string;
  readonly en: string;
  /** Canonical unit shown in charts (件, 人次, %). */
  readonly unit: string;
  readonly kind: IndicatorKind;
  /** Measure words accepted as written (count indicators). */
  readonly units: readonly string[];
  readonly rules: readonly NamedRule[];
  /** Phrases from real reports; the test suite extracts each one. */
  readonly examples: readonly Example[];
  /**
   * Subjects whose absence a report states as a zero (全年未发生行政诉讼案件 →
   * 0): what follows 无/未发生/未收到/未制定 when none happened. Only for a
   * subject that is the indicator's whole quantity (无越级上访 is not no petitions).
   */
  readonly zero?: readonly string[];
  /**
   * Subjects whose full coverage a report states in words as 100 % (一村（社区）
   * 一法律顾问实现全覆盖): a word of the clause that 实现/达到…全覆盖 closes.
   */
  readonly full?: readonly string[];
}

export interface CategorySpec {
  readonly zh: string;
  readonly en: string;
  /** The indicator whose figure heads the category's overview card. */
  readonly headline: string;
}

/** A sentence in both of the dashboard's languages. */
export interface Wording {
  readonly zh: string;
  readonly en: string;
}

/**
 * A word that counts only where its neighbours allow: 拟 "intends to" but not
 * in 代拟 (drafting); 目标 "goal" but not in 目标责任书.
 */
export interface GuardedWord {
  readonly word: string;
  /** Characters that must not stand right before the word. */
  readonly notAfter?: string;
  /** Words that must not follow it. */
  readonly notBefore?: readonly string[];
}

/** A rate the text does not state, derived as part / whole when both are stated together. */
export interface Derivation<Id extends string> {
  readonly rate: Id;
  readonly part: Id;
  readonly whole: Id;
}
