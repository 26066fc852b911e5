/**
 * Side by side: 2–4 towns on one category — each indicator on its own scale
 * and unit (or, on request, their percentiles among the selected towns), the
 * raw values in a table below. Missing figures say why.
 */
import { useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { INDICATORS, type IndicatorId } from '../../catalog';
import { buildSideBySideOption } from '../../charts/ranking';
import { PALETTE } from '../../charts/palette';
import { buildSideValuesOption, sidePanelHeight } from '../../charts/side';
import { chartCaption } from '../../components/chart/caption-text';
import { LazyChart, type ChartClick } from '../../components/chart/LazyChart';
import { DataPending } from '../../components/DataPending';
import { EmptyState } from '../../components/EmptyState';
import { MissingCell } from '../../components/MissingBadge';
import { rowText, valueFlag } from '../../components/value-text';
import type { Town } from '../../dataset/model';
import { hasReport, MIN_RANKED } from '../../dataset/select';
import { cellKey, matrixMissing } from '../../dataset/compare';
import { categoryName, echartsLocale, indicatorName, t, unitLabel } from '../../i18n';
import { sourceOf, useAppStore } from '../../store';
import { useCompareMatrix, useSelectedTowns } from '../../store/hooks';
import { usePrintScope } from '../../store/print-scope';
import { comparePeriod } from '../../dataset/print-scope';
import { ExportCsv } from '../../components/ExportCsv';
import { exportQuotes, importedText } from '../../store/quotes';
import { matrixItems } from '../../dataset/items';
import { LatestYearToggle } from '../../components/LatestYearToggle';

/** The towns compared at most, and at least. */
const MAX_SIDE = 4;
const MIN_SIDE = 2;
/** No matrix yet: one empty list, so the memos below do not run again each render. */
const NO_INDICATORS: readonly IndicatorId[] = [];

export function SideBySide() {
  const { year, category, lang, sideTowns, setSideTowns, setYearMode, openSource } = useAppStore(
    useShallow((s) => ({
      year: s.year,
      category: s.category,
      lang: s.lang,
      sideTowns: s.sideTowns,
      setSideTowns: s.setSideTowns,
      setYearMode: s.setYearMode,
      openSource: s.openSource,
    })),
  );
  const [scale, setScale] = useState<'values' | 'percentiles'>('values');
  const towns = useSelectedTowns();
  const { state: dataState, matrix, mode: yearMode, auto } = useCompareMatrix();
  const chosen = useMemo(() => {
    if (sideTowns.length > 0)
      return towns.filter((t) => sideTowns.includes(t.id)).slice(0, MAX_SIDE);
    // By default the first two towns with a report to compare: never two empty columns.
    const withData = (town: Town): boolean =>
      yearMode === 'year' ? hasReport(town, year) : town.years.length > 0;
    return [...towns.filter(withData), ...towns.filter((t) => !withData(t))].slice(0, MIN_SIDE);
  }, [sideTowns, towns, year, yearMode]);
  usePrintScope(
    useMemo(
      () => ({ view: 'sideBySide', towns: chosen, period: comparePeriod(yearMode, year) }) as const,
      [chosen, yearMode, year],
    ),
  );
  const indicators = matrix?.indicators ?? NO_INDICATORS;
  // On their own scales, only the indicators some chosen town states get a chart (the table has all).
  const drawn = useMemo(
    () =>
      indicators.filter((id) =>
        chosen.some((town) => matrix?.cells.has(cellKey(town.id, id)) === true),
      ),
    [indicators, chosen, matrix],
  );
  const cellText = useCallback(
    (town: Town, id: (typeof indicators)[number]): string => {
      const cell = matrix?.cells.get(cellKey(town.id, id));
      if (cell !== undefined) return rowText(lang, cell.row);
      return matrix === null ? '' : t(lang, matrixMissing(matrix, town));
    },
    [matrix, lang],
  );
  const option = useMemo(() => {
    if (matrix === null) return null;
    // Each town's colour by its place among the two to four shown, never two
    // alike (by its place among all the towns, the ninth took the first's).
    const sideTown = (town: Town, i: number) => ({ label: town.name, colorIndex: i });
    if (scale === 'percentiles') {
      return buildSideBySideOption(
        indicators.map((id) => indicatorName(lang, id)),
        chosen.map((town, i) => ({
          ...sideTown(town, i),
          percentiles: indicators.map(
            (id) => matrix.cells.get(cellKey(town.id, id))?.percentile ?? null,
          ),
          texts: indicators.map((id) => cellText(town, id)),
        })),
        PALETTE,
      );
    }
    return buildSideValuesOption(
      drawn.map((id) => ({
        title: indicatorName(lang, id),
        unit: unitLabel(lang, INDICATORS[id].unit),
        kind: INDICATORS[id].kind,
        values: chosen.map((town) => matrix.cells.get(cellKey(town.id, id))?.value ?? null),
        texts: chosen.map((town) => cellText(town, id)),
      })),
      chosen.map(sideTown),
      PALETTE,
    );
  }, [matrix, indicators, drawn, chosen, lang, scale, cellText]);
  const onClick = useCallback(
    (c: ChartClick) => {
      // Values: a chart per indicator (series), a bar per town; percentiles the other way round.
      const [townIndex, idIndex] =
        scale === 'values' ? [c.dataIndex, c.seriesIndex] : [c.seriesIndex, c.dataIndex];
      const town = chosen[townIndex];
      const id = (scale === 'values' ? drawn : indicators)[idIndex];
      const cell =
        town === undefined || id === undefined
          ? undefined
          : matrix?.cells.get(cellKey(town.id, id));
      if (cell !== undefined) openSource(sourceOf(cell.row));
    },
    [chosen, indicators, drawn, matrix, openSource, scale],
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
  const ranked = indicators.some((id) => (matrix.reporting.get(id) ?? 0) >= MIN_RANKED);
  const chosenIds = new Set(chosen.map((c) => c.id));
  const chartHeight = scale === 'values' ? drawn.length * sidePanelHeight(chosen.length) + 8 : 360;
  return (
    <section className="panel side" data-testid="side-by-side" aria-label={title}>
      <div className="panel-head">
        <h2>{title}</h2>
        <div className="panel-actions no-print">
          <LatestYearToggle lang={lang} mode={yearMode} onChange={setYearMode} />
          <ExportCsv
            lang={lang}
            quotesOf={exportQuotes}
            textOf={importedText}
            fileName={`side-by-side-${category}.csv`}
            items={() => matrixItems(matrix, chosen)}
          />
        </div>
      </div>
      <fieldset className="side-picker no-print">
        <legend>{t(lang, 'pickTowns')}</legend>
        {towns.map((town) => {
          const on = chosenIds.has(town.id);
          return (
            <label key={town.id} className="town-option">
              <input
                type="checkbox"
                checked={on}
                disabled={on ? chosen.length <= MIN_SIDE : chosen.length >= MAX_SIDE}
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
          {auto && yearMode === 'latest' && year !== null && (
            <p className="note" data-testid="auto-latest">
              {t(lang, 'autoLatest', { year })}
            </p>
          )}
          <fieldset className="side-scale no-print">
            <legend>{t(lang, 'sideMode')}</legend>
            <label>
              <input
                type="radio"
                name="side-scale"
                checked={scale === 'values'}
                onChange={() => setScale('values')}
              />{' '}
              {t(lang, 'sideValues')}
            </label>
            <label>
              <input
                type="radio"
                name="side-scale"
                data-testid="side-percentiles"
                checked={scale === 'percentiles'}
                disabled={!ranked}
                onChange={() => setScale('percentiles')}
              />{' '}
              {t(lang, 'sidePercentiles')}
            </label>
          </fieldset>
          <p className="hint">
            {scale === 'values'
              ? t(lang, 'sideHint')
              : t(lang, 'sidePercentileHint', { min: MIN_RANKED })}
          </p>
          <LazyChart
            testId="chart-side"
            defer
            option={option}
            height={chartHeight}
            locale={echartsLocale(lang)}
            label={title}
            onClick={onClick}
            exportName={`side-by-side-${category}`}
            exportLabels={{ png: t(lang, 'exportPng'), svg: t(lang, 'exportSvg') }}
            caption={chartCaption(
              lang,
              title,
              '',
              chosen.map((town) => `${town.name} ${matrix.yearOf.get(town.id) ?? ''}`).join('、'),
            )}
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
                        <MissingCell key={town.id} lang={lang} kind={matrixMissing(matrix, town)} />
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
                          {cell.percentile !== null && (
                            <span className="th-meta">P{cell.percentile}</span>
                          )}
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
