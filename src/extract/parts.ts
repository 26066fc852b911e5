/**
 * Parts stated in one breath for one indicator are one figure, as the gold
 * annotations count them: 14个社区、5个行政村都聘请了法律顾问 is 19 villages with
 * an adviser (the subject after the numbers, a rule of the `{n}…` kind);
 * 建成工作站1个、工作室14个 is 15 stations and 普法活动25场、法治讲座12场 37 events
 * (each part after its own subject, the parts joined by 、 alone). Parts are
 * summed only within one sentence, in one unit, with nothing but a short
 * subject between them: a part named with 其中, or stated in its own clause,
 * stays a figure of its own.
 */
import { INDICATORS, type Qualifier } from '../catalog';
import type { Mention } from './match';

/** Between two parts whose subject follows them: the first part's noun (no digits, no clause end), then 、和及与. */
const BETWEEN_PARTS = /^[^\d,;。!?:\n]{1,12}[、和及与]$/;
/** Between two parts each after its own subject: 、 and the next subject's first words. */
const BETWEEN_LISTED = /^、[^\d,;。!?:\n、]{0,8}$/;
/** Words that make the next figure a total, a part of one or another period's: not a part to add. */
const NOT_A_PART = /其中|累计|共|合计|总计|全年|今年|去年|上年|同比|较/;

function combined(a: Qualifier, b: Qualifier): Qualifier {
  if (a === b) return a;
  // 190余 and 20: at least their sum; any approximate part makes it approximate.
  if (a === '~' || b === '~') return '~';
  if (a === '=' || b === '=') return a === '=' ? b : a;
  return '~';
}

/**
 * `mentions` in text order; `subjectAfter` holds those whose rule reads the
 * subject after the number. Runs of listed parts become one mention, its
 * parts kept.
 */
export function sumListedParts(
  folded: string,
  mentions: readonly Mention[],
  subjectAfter: ReadonlySet<Mention>,
): Mention[] {
  const out: Mention[] = [];
  /** Whether the mention last in `out` (or its first part) reads its subject after the number. */
  let lastAfter = false;
  for (const m of mentions) {
    const last = out[out.length - 1];
    const after = subjectAfter.has(m);
    if (last !== undefined && isNextPart(folded, last, lastAfter, m, after)) {
      const parts = last.parts ?? [{ start: last.numStart, end: last.numEnd }];
      out[out.length - 1] = {
        ...last,
        value: last.value + m.value,
        qualifier: combined(last.qualifier, m.qualifier),
        start: Math.min(last.start, m.start),
        end: Math.max(last.end, m.end),
        numEnd: m.numEnd,
        rule: `${m.indicator}#sum`,
        parts: [...parts, { start: m.numStart, end: m.numEnd }],
      };
      continue;
    }
    out.push(m);
    lastAfter = after;
  }
  return out;
}

function isNextPart(
  folded: string,
  last: Mention,
  lastAfter: boolean,
  m: Mention,
  after: boolean,
): boolean {
  if (
    after !== lastAfter ||
    INDICATORS[m.indicator].kind !== 'count' ||
    last.indicator !== m.indicator ||
    last.unit !== m.unit ||
    last.sentenceStart !== m.sentenceStart
  ) {
    return false;
  }
  if (after) {
    const previousEnd = last.parts?.[last.parts.length - 1]?.end ?? last.numEnd;
    return previousEnd < m.numStart && BETWEEN_PARTS.test(folded.slice(previousEnd, m.numStart));
  }
  const between = folded.slice(last.end, m.start);
  return last.end <= m.start && BETWEEN_LISTED.test(between) && !NOT_A_PART.test(between);
}
