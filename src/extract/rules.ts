/**
 * Compiles the catalog's phrasing rules (see RuleSpec in the catalog) into
 * regular expressions, once. Nothing here knows any particular indicator.
 */
import {
  FILLER_WORDS,
  INDICATORS,
  INDICATOR_IDS,
  type IndicatorId,
  type IndicatorKind,
  type NamedRule,
  type Rule,
} from '../catalog';
import {
  CharSlots,
  CLAUSE_END,
  escapeLiteral,
  foldForMatching,
  longestFirst,
  SENTENCE_END,
  SPACES,
} from './text';

const CLAUSE_GAP = `[^${CLAUSE_END}]{0,16}?`;
const SENTENCE_GAP = `[^${SENTENCE_END}]{0,40}?`;

export class RuleSyntaxError extends Error {}

/**
 * Strings a text must hold for a pattern to match it, each a choice of
 * alternatives: every run of literal characters (one alternative), every
 * group that is not optional (its alternatives). Most rules' words are not
 * in the text before a number: testing for them is far cheaper than running
 * the expression, which has no fixed start and is tried at every position.
 */
export type Needs = readonly (readonly string[])[];

/**
 * Translates one side of a pattern to regex source. Trailing gaps are returned
 * apart so that the distance from the rule's last word to the number can be
 * measured (the nearest subject wins).
 */
function translate(pattern: string): { body: string; trailingGap: string; needs: Needs } {
  const parts: { source: string; gap: boolean; literal?: string; alternatives?: string[] }[] = [];
  let i = 0;
  while (i < pattern.length) {
    if (pattern.startsWith('……', i)) {
      parts.push({ source: SENTENCE_GAP, gap: true });
      i += 2;
    } else if (pattern[i] === '…') {
      parts.push({ source: CLAUSE_GAP, gap: true });
      i += 1;
    } else if (pattern[i] === '(') {
      const close = pattern.indexOf(')', i);
      if (close < 0) throw new RuleSyntaxError(`unclosed ( in rule "${pattern}"`);
      const alternatives = pattern.slice(i + 1, close).split('|');
      if (alternatives.some((a) => a === '' || a.includes('(') || a.includes('…'))) {
        throw new RuleSyntaxError(`bad alternatives in rule "${pattern}"`);
      }
      const optional = pattern[close + 1] === '?';
      const group = `(?:${alternatives.map(escapeLiteral).join('|')})${optional ? '?' : ''}`;
      parts.push({ source: group, gap: false, alternatives: optional ? [] : alternatives });
      i = close + (optional ? 2 : 1);
    } else if (pattern[i] === ')' || pattern[i] === '?') {
      throw new RuleSyntaxError(`stray ${pattern[i]} in rule "${pattern}"`);
    } else {
      const literal = pattern[i] ?? '';
      parts.push({ source: escapeLiteral(literal), gap: false, literal });
      i += 1;
    }
  }
  let cut = parts.length;
  while (cut > 0 && parts[cut - 1]?.gap === true) cut--;
  const body = parts.slice(0, cut);
  const needs: string[][] = [];
  let run = '';
  for (const part of [...body, { literal: undefined, alternatives: undefined }]) {
    if (part.literal !== undefined) {
      run += part.literal;
      continue;
    }
    if (run !== '') needs.push([run]);
    run = '';
    if (part.alternatives !== undefined && part.alternatives.length > 0)
      needs.push(part.alternatives);
  }
  return {
    body: body.map((p) => p.source).join(''),
    trailingGap: parts
      .slice(cut)
      .map((p) => p.source)
      .join(''),
    // The longest first: the least likely to be there.
    needs: needs.sort(
      (a, b) => Math.min(...b.map((w) => w.length)) - Math.min(...a.map((w) => w.length)),
    ),
  };
}

/** Whether `text` holds one alternative of each of `needs`. */
export function holds(text: string, needs: Needs): boolean {
  for (const alternatives of needs) {
    let found = false;
    for (const word of alternatives) {
      if (text.includes(word)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** Spaces that converted text may leave around words and numbers (see SPACES). */
const SPACING = `(?:${SPACES})?`;

const FILLER = `(?:${SPACING}(?:${longestFirst(FILLER_WORDS.map(foldForMatching))}))*`;

export interface CompiledRule {
  readonly indicator: IndicatorId;
  readonly kind: IndicatorKind;
  /** `indicator#name` (see NamedRule in the catalog): stable when other rules come and go. */
  readonly id: string;
  readonly pattern: string;
  /** Matches the text before the number; group 1 is the distance to it. */
  readonly left: RegExp | null;
  /** What the text before the number must hold for `left` to match it. */
  readonly leftNeeds: Needs;
  /** Matches the text after the number. */
  readonly right: RegExp | null;
  readonly topic: RegExp | null;
  readonly unless: RegExp | null;
  readonly context: RegExp | null;
  readonly units: ReadonlySet<string>;
  /** Position in the catalog, the last tie-break. */
  readonly order: number;
}

/** The id of a rule in the output: mentions.csv's `rule`. */
export function ruleId(indicator: IndicatorId, name: string): string {
  return `${indicator}#${name}`;
}

export function compileRule(
  indicator: IndicatorId,
  name: string,
  rule: Rule,
  order: number,
): CompiledRule {
  const spec = INDICATORS[indicator];
  const pattern = foldForMatching(typeof rule === 'string' ? rule : rule.p);
  const marker = pattern.indexOf('{n}');
  const leftText = marker < 0 ? pattern : pattern.slice(0, marker);
  const rightText = marker < 0 ? '' : pattern.slice(marker + 3);
  if (leftText === '' && rightText === '') {
    throw new RuleSyntaxError(`empty rule for ${indicator}`);
  }
  let left: RegExp | null = null;
  let leftNeeds: Needs = [];
  if (leftText !== '') {
    const { body, trailingGap, needs } = translate(leftText);
    // Spaces just before the number are spacing, not distance (调解纠纷 96件).
    left = new RegExp(`${body}(${trailingGap}${FILLER})${SPACING}$`);
    leftNeeds = needs;
  }
  let right: RegExp | null = null;
  if (rightText !== '') {
    const { body, trailingGap } = translate(rightText);
    right = new RegExp(`^${SPACING}${body}${trailingGap}`);
  }
  const alternatives = (text: string | undefined): RegExp | null => {
    if (text === undefined) return null;
    // Plain words a|b|c: a group or a gap here would be matched literally, never.
    if (/[()…{}?]/.test(text) || text.split('|').includes('')) {
      throw new RuleSyntaxError(
        `topic, unless or context of ${indicator} must be words a|b|c, not a pattern: "${text}"`,
      );
    }
    return new RegExp(foldForMatching(text).split('|').map(escapeLiteral).join('|'));
  };
  const topic = alternatives(typeof rule === 'string' ? undefined : rule.topic);
  const unless = alternatives(typeof rule === 'string' ? undefined : rule.unless);
  const context = alternatives(typeof rule === 'string' ? undefined : rule.context);
  const units = typeof rule !== 'string' && rule.units !== undefined ? rule.units : spec.units;
  return {
    indicator,
    kind: spec.kind,
    id: ruleId(indicator, name),
    pattern,
    left,
    leftNeeds,
    right,
    topic,
    unless,
    context,
    units: new Set(units),
    order,
  };
}

/**
 * A unit's rules as the text before a number finds them. A rule whose
 * pattern has words before the number can match only if the text holds its
 * first need (the longest, see Needs): it is listed under the first
 * character of each of that need's alternatives. With ten to seventy rules
 * a unit, a number's rules were each tested in turn, nearly all in vain.
 */
export interface RuleIndex {
  /** Rules with no fixed words before the number: tried for every number. */
  readonly always: readonly CompiledRule[];
  /** By a character's slot (the catalog's charSlots): the rules whose first need may begin with it. */
  readonly bySlot: readonly (readonly CompiledRule[] | undefined)[];
}

/** Rules grouped by what number they can claim: `%`, `change`, or a measure word. */
export interface CompiledCatalog {
  readonly byUnit: ReadonlyMap<string, RuleIndex>;
  readonly rules: readonly CompiledRule[];
  /** A slot for each character a rule's first need may begin with. */
  readonly charSlots: CharSlots;
}

let cached: CompiledCatalog | null = null;

/** One indicator's rules in their order, the first at `order` in the catalog. */
export function compileRules(
  indicator: IndicatorId,
  rules: readonly NamedRule[],
  order = 0,
): CompiledRule[] {
  return rules.map((rule, i) => compileRule(indicator, rule.name, rule, order + i));
}

export function compileCatalog(): CompiledCatalog {
  if (cached !== null) return cached;
  const rules: CompiledRule[] = [];
  for (const id of INDICATOR_IDS) {
    for (const rule of INDICATORS[id].rules)
      rules.push(compileRule(id, rule.name, rule, rules.length));
  }
  const charSlots = new CharSlots();
  const slotsOf = (rule: CompiledRule): number[] | null => {
    const first = rule.left === null ? undefined : rule.leftNeeds[0];
    if (first === undefined) return null;
    return [...new Set(first.map((word) => charSlots.slotFor(word)))];
  };
  const byUnit = new Map<string, { always: CompiledRule[]; bySlot: CompiledRule[][] }>();
  const add = (key: string, rule: CompiledRule): void => {
    let index = byUnit.get(key);
    if (index === undefined) {
      index = { always: [], bySlot: [] };
      byUnit.set(key, index);
    }
    const found = slotsOf(rule);
    if (found === null) index.always.push(rule);
    else for (const slot of found) (index.bySlot[slot] ??= []).push(rule);
  };
  for (const rule of rules) {
    if (rule.kind === 'percent') add('%', rule);
    else if (rule.kind === 'change') add('change', rule);
    else for (const unit of rule.units) add(unit, rule);
  }
  cached = { byUnit, rules, charSlots };
  return cached;
}
