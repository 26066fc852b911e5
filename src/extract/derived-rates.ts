/**
 * Rates the text does not state, derived from their two counts (DERIVATIONS:
 * 成功调解 / 调解纠纷, 办结 / 信访件) only when one sentence states both,
 * exactly, with the values chosen for them: a rate shown beside its two
 * counts is theirs, never a part's (其中村级调解组织…) or another report's of
 * the same town and year (none, rather than that), and never one of a bound
 * or an estimate (50 of 56余起 is at most 89.29 %, not about it); and dropped
 * once a correction changes either.
 */
import { DERIVATIONS, type IndicatorId } from '../catalog';
import { rowFor, type ReportForResolution, type ResolvedValue } from './resolved-value';

/** A rate and the two counts it is of. */
interface ExactRate {
  readonly rate: number;
  readonly part: number;
  readonly whole: number;
}

/**
 * The rate of a town and year's part and whole as chosen, a percentage to two
 * decimals, with the two counts; null when no rate can be: either not stated
 * exactly (a bound or an estimate), a part larger than its whole, a whole of none.
 */
function exactRate(
  part: ResolvedValue | undefined,
  whole: ResolvedValue | undefined,
): ExactRate | null {
  if (part?.value == null || whole?.value == null) return null;
  if (part.qualifier !== '=' || whole.qualifier !== '=') return null;
  if (whole.value <= 0 || part.value > whole.value) return null;
  const rate = Math.round((part.value / whole.value) * 10000) / 100;
  return { rate, part: part.value, whole: whole.value };
}

/**
 * `rate` (`chosen.rate`) from a sentence of `report` stating `part` and
 * `whole` exactly with the values chosen for them (`chosen`).
 */
function derive(
  report: ReportForResolution,
  rate: IndicatorId,
  part: IndicatorId,
  whole: IndicatorId,
  chosen: ExactRate,
): ResolvedValue | null {
  for (const p of report.mentions) {
    if (p.indicator !== part || p.value !== chosen.part || p.qualifier !== '=') continue;
    const w = report.mentions.find(
      (x) =>
        x.indicator === whole &&
        x.sentenceStart === p.sentenceStart &&
        x.value === chosen.whole &&
        x.qualifier === '=',
    );
    if (w === undefined) continue;
    const start = Math.min(p.start, w.start);
    const end = Math.max(p.end, w.end);
    return rowFor(report, rate, {
      value: chosen.rate,
      unitWritten: '%',
      qualifier: '=',
      derived: true,
      mentions: 0,
      start,
      end,
      quote: report.quote(start, end),
      period: p.period,
      parts: `${part}@${p.start}-${p.end};${whole}@${w.start}-${w.end}`,
    });
  }
  return null;
}

/**
 * Each rate of a town and year's `rows` its reports do not state, derived
 * where a sentence states its counts as chosen: the report the part was
 * chosen from first, then the others of `reports`.
 */
export function deriveRates(
  rows: Map<IndicatorId, ResolvedValue>,
  reports: readonly ReportForResolution[],
): void {
  for (const { rate, part, whole } of DERIVATIONS) {
    const partRow = rows.get(part);
    const chosen = exactRate(partRow, rows.get(whole));
    if (rows.has(rate) || partRow === undefined || chosen === null) continue;
    const ordered =
      reports.length === 1
        ? reports
        : [
            ...reports.filter((r) => r.reportId === partRow.reportId),
            ...reports.filter((r) => r.reportId !== partRow.reportId),
          ];
    for (const report of ordered) {
      const derived = derive(report, rate, part, whole, chosen);
      if (derived !== null) {
        rows.set(rate, derived);
        break;
      }
    }
  }
}

/**
 * The derived rates of a town and year's corrected `rows` that are no longer
 * their counts' (a count changed, or corrected to a bound: 208余件): dropped.
 */
export function dropChangedRates(rows: Map<IndicatorId, ResolvedValue>): void {
  for (const { rate, part, whole } of DERIVATIONS) {
    const row = rows.get(rate);
    if (row === undefined || !row.derived || row.correction !== '') continue;
    if (exactRate(rows.get(part), rows.get(whole))?.rate !== row.value) rows.delete(rate);
  }
}
