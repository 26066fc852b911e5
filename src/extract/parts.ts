/**
 * Parts stated in one breath for one indicator are one figure: 14个社区、5个
 * 行政村都聘请了法律顾问 is 19 villages with an adviser; 培养64名“法律明白人”、
 * 39名“法治带头人” is 103 legal literates. Only where the subject follows the
 * numbers (a rule of the `{n}…` kind): parts each stated after their own
 * subject (普法活动25场、法治讲座12场) are figures in their own right.
 */
import type { Qualifier } from '../catalog';
import type { Mention } from './match';

/** Between two listed parts: the first part's noun (no digits, no clause end), then 、和及与. */
const BETWEEN_PARTS = /^[^\d,;。!?:\n]{1,12}[、和及与]$/;

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
  for (const m of mentions) {
    const last = out[out.length - 1];
    const previous = last?.parts?.[last.parts.length - 1];
    const prevEnd = previous?.end ?? last?.numEnd ?? -1;
    if (
      last !== undefined &&
      subjectAfter.has(m) &&
      (last.parts !== undefined || subjectAfter.has(last)) &&
      last.indicator === m.indicator &&
      last.unit === m.unit &&
      last.sentenceStart === m.sentenceStart &&
      prevEnd < m.numStart &&
      BETWEEN_PARTS.test(folded.slice(prevEnd, m.numStart))
    ) {
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
  }
  return out;
}
