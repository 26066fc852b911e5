/**
 * Side by side: 2–4 towns on one category — grouped bars of their
 * percentiles among the selected towns, the raw values in a table below.
 */
import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { buildSideBySideOption } from '../../charts/ranking';
import { PALETTE } from '../../charts/palette';
import { LazyChart, type ChartClick } from '../../components/chart/LazyChart';
import { DataPending } from '../../components/DataPending';
import { EmptyState } from '../../components/EmptyState';
import { rowText, valueFlag } from '../../components/value-text';
import { cellKey } from '../../dataset/select';
import { buildCsv, download } from '../../export/csv';
import { categoryName, indicatorName, t } from '../../i18n';
import { sourceOf, useAppStore } from '../../store';
import { useCompareMatrix, useSelectedTowns } from '../../store/hooks';

export function SideBySide() {
  const { year, yearMode, category, lang, sideTowns, setSideTowns, openSource } = useAppStore(
    useShallow((s) => ({
      year: s.year,
      yearMode: s.yearMode,
      category: s.category,
      lang: s.lang,
      sideTowns: s.sideTowns,
      setSideTowns: s.setSideTowns,
      openSource: s.openSource,
    })),
  );
  const towns = useSelectedTowns();
  const { state: dataState, matrix } = useCompareMatrix();
  const chosen = useMemo(() => {
    const wanted = sideTowns.length > 0 ? sideTowns : towns.slice(0, 2).map((t) => t.id);
    return towns.filter((t) => wanted.includes(t.id)).slice(0, 4);
  }, [sideTowns, towns]);
  const indicators = matrix?.indicators ?? [];
  const option = useMemo(
    () =>
      matrix === null
        ? null
        : buildSideBySideOption(
            indicators.map((id) => indicatorName(lang, id)),
            chosen.map((town) => ({
              label: town.name,
              colorIndex: towns.findIndex((t) => t.id === town.id),
              percentiles: indicators.map(
                (id) => matrix.cells.get(cellKey(town.id, id))?.percentile ?? null,
              ),
              texts: indicators.map((id) => {
                const cell = matrix.cells.get(cellKey(town.id, id));
                return cell === undefined ? t(lang, 'notReported') : rowText(lang, cell.row);
              }),
            })),
            PALETTE,
          ),
    [matrix, indicators, chosen, towns, lang],
  );
  const onClick = useCallback(
    (c: ChartClick) => {
      const town = chosen[c.seriesIndex];
      const id = indicators[c.dataIndex];
      const cell =
        town === undefined || id === undefined
          ? undefined
          : matrix?.cells.get(cellKey(town.id, id));
      if (cell !== undefined) openSource(sourceOf(cell.row));
    },
    [chosen, indicators, matrix, openSource],
  );
  if (dataState !== 'ready') {
    return <DataPending lang={lang} failed={dataState === 'failed'} />;
  }
  if (matrix === null || option === null) return null;
  const toggle = (id: string, on: boolean): void => {
    const ids = chosen.map((t) => t.id).filter((x) => x !== id);
    setSideTowns(on ? [...ids, id] : ids);
  };
  const title = `${t(lang, 'sideBySide')} · ${categoryName(lang, category)} · ${yearMode === 'latest' ? t(lang, 'latestYear') : year}`;
  const exportCsv = (): void => {
    const header = [
      t(lang, 'indicator'),
      ...chosen.flatMap((town) => [town.name, `${town.name} ${t(lang, 'percentile')}`]),
    ];
    const rows = indicators.map((id) => [
      indicatorName(lang, id),
      ...chosen.flatMap((town) => {
        const cell = matrix.cells.get(cellKey(town.id, id));
        return cell === undefined
          ? [t(lang, 'notReported'), '']
          : [rowText(lang, cell.row), String(cell.percentile)];
      }),
    ]);
    download(`side-by-side-${category}.csv`, buildCsv([header, ...rows]));
  };
  return (
    <section className="panel side" data-testid="side-by-side" aria-label={title}>
      <div className="panel-head">
        <h2>{title}</h2>
        <div className="panel-actions no-print">
          <button type="button" data-testid="export-csv" onClick={exportCsv}>
            {t(lang, 'exportCsv')}
          </button>
        </div>
      </div>
      <fieldset className="side-picker no-print">
        <legend>{t(lang, 'pickTowns')}</legend>
        {towns.map((town) => {
          const on = chosen.some((c) => c.id === town.id);
          return (
            <label key={town.id} className="town-option">
              <input
                type="checkbox"
                checked={on}
                disabled={!on && chosen.length >= 4}
                onChange={(e) => toggle(town.id, e.target.checked)}
              />{' '}
              {town.name}
            </label>
          );
        })}
      </fieldset>
      {chosen.length < 2 || indicators.length === 0 ? (
        <EmptyState title={indicators.length === 0 ? t(lang, 'noData') : t(lang, 'pickTwo')} />
      ) : (
        <>
          <p className="hint">{t(lang, 'sideHint')}</p>
          <LazyChart
            testId="chart-side"
            defer
            option={option}
            height={360}
            locale={lang === 'zh' ? 'ZH' : 'EN'}
            label={title}
            onClick={onClick}
            exportName={`side-by-side-${category}`}
            exportLabels={{ png: t(lang, 'exportPng'), svg: t(lang, 'exportSvg') }}
          />
          <div className="matrix-scroll">
            <table className="matrix">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'indicator')}</th>
                  {chosen.map((town) => (
                    <th key={town.id} scope="col">
                      {town.name}
                      <span className="th-meta">{matrix.yearOf.get(town.id) ?? ''}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {indicators.map((id) => (
                  <tr key={id}>
                    <th scope="row">{indicatorName(lang, id)}</th>
                    {chosen.map((town) => {
                      const cell = matrix.cells.get(cellKey(town.id, id));
                      return cell === undefined ? (
                        <td key={town.id} className="cell-missing">
                          {t(lang, 'notReported')}
                        </td>
                      ) : (
                        <td key={town.id}>
                          <button
                            type="button"
                            className="cell-link"
                            onClick={() => openSource(sourceOf(cell.row))}
                          >
                            {rowText(lang, cell.row)}
                            {valueFlag(cell.row)}
                          </button>
                          <span className="th-meta">P{cell.percentile}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
