/**
 * The compare matrix: towns × the category's indicators for a year (or each
 * town's latest report), with rank and percentile within each indicator and
 * a heatmap by percentile (where at least MIN_RANKED towns state it).
 * Missing is visible and says why (无本年度报告 / 报告未提及), never a colour.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { IndicatorId } from '../../catalog';
import { DataPending } from '../../components/DataPending';
import { VirtualTable } from '../../components/VirtualTable';
import { EmptyState } from '../../components/EmptyState';
import { IndicatorInfo } from '../../components/IndicatorInfo';
import { MissingCell } from '../../components/MissingBadge';
import { rowText, valueFlag } from '../../components/value-text';
import { hasReport, MIN_RANKED } from '../../dataset/select';
import { cellKey, matrixMissing, type CompareMatrix as Matrix } from '../../dataset/compare';
import { categoryName, indicatorName, t } from '../../i18n';
import { ExportCsv } from '../../components/ExportCsv';
import { exportQuotes, importedText } from '../../store/quotes';
import { matrixItems } from '../../dataset/items';
import { sourceOf, useAppStore } from '../../store';
import { useCompareMatrix, useSelectedTowns } from '../../store/hooks';
import { usePrintScope } from '../../store/print-scope';
import { comparePeriod } from '../../dataset/print-scope';
import { LatestYearToggle } from '../../components/LatestYearToggle';

/** Sequential blues (ColorBrewer), light to dark; dark bins carry white text. */
const BINS: readonly { bg: string; fg: string }[] = [
  { bg: '#eff3ff', fg: '#1a1a1a' },
  { bg: '#c6dbef', fg: '#1a1a1a' },
  { bg: '#9ecae1', fg: '#1a1a1a' },
  { bg: '#2171b5', fg: '#ffffff' },
  { bg: '#08306b', fg: '#ffffff' },
];

/** A cell below MIN_RANKED reporting towns: no shade, so no standing is implied. */
const PLAIN = { bg: '#f5f7f9', fg: '#1a1a1a' };

export function binOf(percentile: number): { bg: string; fg: string } {
  const i = Math.min(BINS.length - 1, Math.floor(percentile / 20));
  return BINS[i] ?? { bg: '#fff', fg: '#1a1a1a' };
}

function sortedTowns(matrix: Matrix, sortBy: IndicatorId | null) {
  if (sortBy === null || !matrix.indicators.includes(sortBy)) return matrix.towns;
  return [...matrix.towns].sort((a, b) => {
    const va = matrix.cells.get(cellKey(a.id, sortBy))?.value;
    const vb = matrix.cells.get(cellKey(b.id, sortBy))?.value;
    if (va === undefined && vb === undefined) return 0;
    if (va === undefined) return 1;
    if (vb === undefined) return -1;
    return vb - va;
  });
}

export function CompareMatrix() {
  const { year, category, sortBy, lang, setYearMode, setSortBy, openSource } = useAppStore(
    useShallow((s) => ({
      year: s.year,
      category: s.category,
      sortBy: s.sortBy,
      lang: s.lang,
      setYearMode: s.setYearMode,
      setSortBy: s.setSortBy,
      openSource: s.openSource,
    })),
  );
  const towns = useSelectedTowns();
  const { state: dataState, matrix, mode: yearMode, auto } = useCompareMatrix();
  usePrintScope(
    useMemo(
      () => ({ view: 'compare', towns, period: comparePeriod(yearMode, year) }) as const,
      [towns, yearMode, year],
    ),
  );
  if (dataState !== 'ready') {
    return <DataPending lang={lang} failed={dataState === 'failed'} />;
  }
  if (matrix === null) return null;
  const order = sortedTowns(matrix, sortBy);
  // Reports of the matrix's year(s): what each column's "n of m reports" counts against.
  const withReport = matrix.towns.filter((town) =>
    hasReport(town, matrix.yearOf.get(town.id) ?? null),
  ).length;
  const title = `${t(lang, 'compare')} · ${categoryName(lang, category)} · ${
    yearMode === 'latest' ? t(lang, 'latestYear') : year
  }`;
  return (
    <section className="panel compare" aria-label={title} data-testid="compare-matrix">
      <div className="panel-head">
        <h2>{title}</h2>
        <div className="panel-actions no-print">
          <LatestYearToggle lang={lang} mode={yearMode} onChange={setYearMode} />
          <ExportCsv
            lang={lang}
            quotesOf={exportQuotes}
            textOf={importedText}
            fileName={`compare-${category}-${yearMode === 'latest' ? 'latest' : year}.csv`}
            items={() => matrixItems(matrix, order)}
          />
        </div>
      </div>
      {matrix.indicators.length === 0 ? (
        <EmptyState title={t(lang, 'noData')} />
      ) : towns.length === 0 ? (
        <EmptyState title={t(lang, 'noTownsSelected')} />
      ) : (
        <>
          {auto && yearMode === 'latest' && year !== null && (
            <p className="note" data-testid="auto-latest">
              {t(lang, 'autoLatest', { year })}
            </p>
          )}
          <p className="hint">{t(lang, 'heatmapHint', { min: MIN_RANKED })}</p>
          <div className="matrix-scroll">
            {/* A province's 2,000 towns: only the rows in view are rendered. */}
            <VirtualTable
              items={order}
              columns={matrix.indicators.length + 1}
              rowHeight={58}
              height={640}
              className="matrix"
              label={title}
              head={
                <tr>
                  <th scope="col" aria-sort={sortBy === null ? 'ascending' : 'none'}>
                    <button type="button" onClick={() => setSortBy(null)}>
                      {t(lang, 'town')}
                    </button>
                  </th>
                  {matrix.indicators.map((id) => (
                    <th key={id} scope="col" aria-sort={sortBy === id ? 'descending' : 'none'}>
                      <button type="button" onClick={() => setSortBy(id)}>
                        {indicatorName(lang, id)}
                        {sortBy === id ? ' ▼' : ''}
                      </button>
                      <IndicatorInfo lang={lang} indicator={id} />
                      <span className="th-meta">
                        {t(lang, 'reportingTowns', {
                          n: matrix.reporting.get(id) ?? 0,
                          total: withReport,
                        })}
                      </span>
                    </th>
                  ))}
                </tr>
              }
              row={(town) => {
                const y = matrix.yearOf.get(town.id);
                return (
                  <tr key={town.id}>
                    <th scope="row">
                      {town.name}
                      <span className="th-meta">
                        {town.county}
                        {yearMode === 'latest' && y != null ? ` · ${y}` : ''}
                      </span>
                    </th>
                    {matrix.indicators.map((id) => {
                      const cell = matrix.cells.get(cellKey(town.id, id));
                      if (cell === undefined) {
                        return (
                          <MissingCell key={id} lang={lang} kind={matrixMissing(matrix, town)} />
                        );
                      }
                      const bin = cell.percentile === null ? PLAIN : binOf(cell.percentile);
                      return (
                        <td key={id} style={{ background: bin.bg, color: bin.fg }}>
                          <button
                            type="button"
                            className="cell-button"
                            style={{ color: bin.fg }}
                            onClick={() => openSource(sourceOf(cell.row))}
                          >
                            <span className="cell-value">
                              {rowText(lang, cell.row)}
                              {valueFlag(cell.row)}
                            </span>
                            {cell.rank !== null && (
                              <span className="cell-rank">
                                {t(lang, 'rankOf', {
                                  rank: cell.rank,
                                  n: matrix.reporting.get(id) ?? 0,
                                })}{' '}
                                · P{cell.percentile}
                              </span>
                            )}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                );
              }}
            />
          </div>
          <p className="legend">{t(lang, 'flagsLegend')}</p>
        </>
      )}
    </section>
  );
}
