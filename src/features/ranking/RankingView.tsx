/**
 * Ranking: one indicator, the selected towns, highest first. Towns without
 * the figure are listed as not reported, never drawn as zero. Every bar and
 * table cell opens the sentence the value comes from.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { rankingIndexOf, windowStartOf } from '../../charts/ranking';
import { LazyChart, type ChartClick } from '../../components/chart/LazyChart';
import { noPrimaryChart } from '../../components/chart/first-chart';
import { DataPending } from '../../components/DataPending';
import { EmptyState } from '../../components/EmptyState';
import { IndicatorInfo } from '../../components/IndicatorInfo';
import type { VirtualTable as VirtualTableType } from '../../components/VirtualTable';
import type { ValueRow } from '../../dataset/model';
import { rankTowns } from '../../dataset/select';
import { t } from '../../i18n';
import { rowText, valueFlag } from '../../components/value-text';
import { saveCsv } from '../../export/save';
import { sourceOf, useAppStore } from '../../store';
import { useIndicatorData, useSelectedTowns } from '../../store/hooks';
import {
  RANKING_WINDOW,
  rankingHeight,
  rankingKey,
  rankingOptions,
  rankingTitle,
} from './ranking-chart';

// Built only when the table is opened: its code need not come before the first chart.
const VirtualTable = lazy(() =>
  import('../../components/VirtualTable').then((m) => ({ default: m.VirtualTable })),
) as unknown as typeof VirtualTableType;

/** Not-reported towns named at once; the rest behind a disclosure. */
const MISSING_SHOWN = 60;

export function RankingView() {
  const { year, indicator, lang, openSource } = useAppStore(
    useShallow((s) => ({
      year: s.year,
      indicator: s.indicator,
      lang: s.lang,
      openSource: s.openSource,
    })),
  );
  const towns = useSelectedTowns();
  const [tableOpen, setTableOpen] = useState(false);
  const [missingOpen, setMissingOpen] = useState(false);
  const { state: dataState, model } = useIndicatorData(
    useMemo(() => [indicator], [indicator]),
    useMemo(() => (year === null ? [] : [year]), [year]),
  );
  const ranking = useMemo(
    () =>
      model === null || year === null || dataState !== 'ready'
        ? null
        : rankTowns(model, indicator, year, towns),
    [model, year, indicator, towns, dataState],
  );
  const title = rankingTitle(lang, indicator, year);
  // The window's start is read, not watched: the reader moving the zoom
  // updates it (and the URL), and must not rebuild the chart under the mouse.
  const options = useMemo(
    () =>
      ranking === null
        ? null
        : rankingOptions(ranking, lang, indicator, useAppStore.getState().rankStart),
    [ranking, lang, indicator],
  );
  const setRankStart = useAppStore((s) => s.setRankStart);
  const selection = useAppStore((s) => s.towns);
  const option = options?.full ?? null;
  // The full chart (data zoom over every bar) waits until the page's other
  // files have loaded: drawing it meanwhile would add to the loading's peak.
  const othersLoading = useAppStore((s) => {
    for (const state of s.indicatorLoads.values()) if (state === 'loading') return true;
    return false;
  });
  const open = useCallback((row: ValueRow) => openSource(sourceOf(row)), [openSource]);
  const onClick = useCallback(
    (click: ChartClick) => {
      if (ranking === null) return;
      const item = ranking.reported[rankingIndexOf(click.dataIndex, ranking.reported.length)];
      if (item !== undefined) open(item.row);
    },
    [ranking, open],
  );
  const count = ranking?.reported.length ?? 0;
  useEffect(() => {
    if ((ranking !== null && count === 0) || dataState === 'failed') noPrimaryChart();
  }, [ranking, count, dataState]);
  if (dataState !== 'ready') {
    return (
      <section className="panel ranking" aria-label={title}>
        <h2>{title}</h2>
        <DataPending lang={lang} failed={dataState === 'failed'} />
      </section>
    );
  }
  if (ranking === null || option === null) return null;
  return (
    <section className="panel ranking" aria-label={title}>
      <div className="panel-head">
        <div className="panel-title">
          <h2>{title}</h2>
          <IndicatorInfo lang={lang} indicator={indicator} />
        </div>
        {count > 0 && (
          <div className="panel-actions no-print">
            <button
              type="button"
              data-testid="export-csv"
              onClick={() =>
                saveCsv(`ranking-${indicator}-${year ?? ''}.csv`, [
                  [
                    t(lang, 'rank'),
                    t(lang, 'town'),
                    t(lang, 'county'),
                    t(lang, 'value'),
                    t(lang, 'percentile'),
                  ],
                  ...ranking.reported.map((r) => [
                    String(r.rank),
                    r.town.name,
                    r.town.county,
                    rowText(lang, r.row),
                    String(r.percentile),
                  ]),
                  ...ranking.missing.map((m) => ['', m.name, m.county, t(lang, 'notReported'), '']),
                ])
              }
            >
              {t(lang, 'exportCsv')}
            </button>
          </div>
        )}
      </div>
      {towns.length === 0 ? (
        <EmptyState title={t(lang, 'noTownsSelected')} />
      ) : count === 0 ? (
        <EmptyState title={t(lang, 'noValuesThisYear', { year: year ?? '' })} />
      ) : (
        <>
          <p className="hint">{t(lang, 'clickHint')}</p>
          {count === 1 && <p className="note">{t(lang, 'oneTownOnly')}</p>}
          {count > RANKING_WINDOW && (
            <p className="note">{t(lang, 'rankingWindow', { n: RANKING_WINDOW, total: count })}</p>
          )}
          <LazyChart
            testId="chart-ranking"
            option={option}
            height={rankingHeight(count)}
            adopt={rankingKey(lang, indicator, year, selection, count)}
            zoom={count > RANKING_WINDOW}
            {...(options?.preview === undefined
              ? {}
              : { preview: { ...options.preview, hold: othersLoading } })}
            locale={lang === 'zh' ? 'ZH' : 'EN'}
            label={title}
            onClick={onClick}
            onZoom={(w) => setRankStart(windowStartOf(w.endValue, count))}
            exportName={`ranking-${indicator}-${year ?? ''}`}
            exportLabels={{ png: t(lang, 'exportPng'), svg: t(lang, 'exportSvg') }}
          />
          <details className="data-table" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
            <summary>{t(lang, 'table')}</summary>
            {/* Built when opened: a province ranks thousands of towns. */}
            {tableOpen && (
              <Suspense fallback={<p className="hint">{t(lang, 'loading')}</p>}>
                <VirtualTable
                  items={ranking.reported}
                  columns={3}
                  label={t(lang, 'table')}
                  head={
                    <tr>
                      <th scope="col">{t(lang, 'rank')}</th>
                      <th scope="col">{t(lang, 'town')}</th>
                      <th scope="col">{t(lang, 'value')}</th>
                    </tr>
                  }
                  row={(r) => (
                    <tr key={r.town.id}>
                      <td>{r.rank}</td>
                      <th scope="row">{r.town.name}</th>
                      <td>
                        <button type="button" className="cell-link" onClick={() => open(r.row)}>
                          {rowText(lang, r.row)}
                          {valueFlag(r.row)}
                        </button>
                      </td>
                    </tr>
                  )}
                />
              </Suspense>
            )}
          </details>
          {ranking.reported.some((r) => valueFlag(r.row) !== '') && (
            <p className="legend">{t(lang, 'flagsLegend')}</p>
          )}
        </>
      )}
      {ranking.missing.length > 0 && count > 0 && (
        <div className="not-reported" data-testid="not-reported">
          <h3>
            {t(lang, 'notReportedList')} ({ranking.missing.length})
          </h3>
          <ul>
            {ranking.missing.slice(0, MISSING_SHOWN).map((town) => (
              <li key={town.id}>
                {town.name} <span className="badge">{t(lang, 'notReported')}</span>
              </li>
            ))}
          </ul>
          {ranking.missing.length > MISSING_SHOWN && (
            <details onToggle={(e) => setMissingOpen(e.currentTarget.open)}>
              <summary>
                {t(lang, 'moreTowns', { n: ranking.missing.length - MISSING_SHOWN })}
              </summary>
              {missingOpen && (
                <ul>
                  {ranking.missing.slice(MISSING_SHOWN).map((town) => (
                    <li key={town.id}>
                      {town.name} <span className="badge">{t(lang, 'notReported')}</span>
                    </li>
                  ))}
                </ul>
              )}
            </details>
          )}
        </div>
      )}
    </section>
  );
}
