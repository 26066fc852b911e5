/**
 * The data table that stands in for a line chart: one row per line, one
 * column per year, each value opening its sentence and each gap saying why.
 */
import type { TrendLine } from '../../charts/trend';
import { MissingBadge } from '../../components/MissingBadge';
import type { Town, ValueRow } from '../../dataset/model';
import { missingOf } from '../../dataset/select';
import { t, type Lang } from '../../i18n';

export interface TableRow {
  readonly key: string;
  /** Leading cells naming the row (indicator, town). */
  readonly cells: readonly string[];
  readonly line: TrendLine;
  /** Whose line: a gap says whether the town had no report that year or a silent one. */
  readonly town: Town | undefined;
  /** The value rows behind the points, to open their sentences. */
  readonly source: readonly (ValueRow | null)[];
}

/** The data table that stands in for a line chart: one row per line, one column per year. */
export function LinesTable({
  lang,
  years,
  heads,
  rows,
  onOpen,
}: {
  lang: Lang;
  years: readonly number[];
  heads: readonly string[];
  rows: readonly TableRow[];
  onOpen: (row: ValueRow | null | undefined) => void;
}) {
  return (
    <details className="data-table">
      <summary>{t(lang, 'table')}</summary>
      <table>
        <thead>
          <tr>
            {heads.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
            {years.map((y) => (
              <th key={y} scope="col">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={i}>{c}</td>
                ),
              )}
              {row.line.points.map((p, k) => (
                <td key={years[k]}>
                  {p === null ? (
                    row.town !== undefined && (
                      <MissingBadge lang={lang} kind={missingOf(row.town, years[k] ?? null)} />
                    )
                  ) : (
                    <button
                      type="button"
                      className="cell-link"
                      onClick={() => onOpen(row.source[k])}
                    >
                      {p.text}
                    </button>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
