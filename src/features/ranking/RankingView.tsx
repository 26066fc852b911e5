/**
 * Ranking: one indicator, the selected towns, highest first. Towns without
 * the figure are listed as not reported, never drawn as zero. Every bar and
 * table cell opens the sentence the value comes from.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RANKING_REPLACED, rankingIndexOf, windowStartOf } from '../../charts/ranking';
import { LazyChart, type ChartClick } from '../../components/chart/LazyChart';
import { noPrimaryChart } from '../../components/chart/first-chart';
import { DataPending } from '../../components/DataPending';
import { EmptyState } from '../../components/EmptyState';
import { IndicatorInfo } from '../../components/IndicatorInfo';
import type { VirtualTable as VirtualTableType } from '../../components/VirtualTable';
import { MissingBadge } from '../../components/MissingBadge';
import type { Town, ValueRow } from '../../dataset/model';
import type { Missing } from '../../dataset/model';
import { rankTowns, type Ranking } from '../../dataset/select';
import { INDICATORS, type IndicatorId } from '../../catalog';
import { chartCaption } from '../../components/chart/caption-text';
import { echartsLocale, t, unitLabel, type Lang } from '../../i18n';
import { rowText, valueFlag } from '../../components/value-text';
import { ExportCsv } from '../../components/ExportCsv';
import { exportQuotes, importedText } from '../../store/quotes';
import { rankingItems } from '../../dataset/items';
import { dataFilesLoading, sourceOf, useAppStore } from '../../store';
import { useIndicatorData, useSelectedTowns } from '../../store/hooks';
import { usePrintScope } from '../../store/print-scope';
import {
  RANKING_WINDOW,
  rankingHeight,
  rankingKey,
  rankingNotes,
  rankingOptions,
  rankingTitle,
  type RankingOptions,
} from './ranking-chart';
import { RankingFrame, RankingIntro } from './RankingFrame';

// Built only when the table is opened: its code need not come before the first chart.
const VirtualTable = lazy(() =>
  import('../../components/VirtualTable').then((m) => ({ default: m.VirtualTable })),
) as unknown as typeof VirtualTableType;

/** Towns without the figure named at once; the rest behind a disclosure. */
const MISSING_SHOWN = 60;

/** One kind of missing: the towns, named with the badge of their kind. */
function MissingList({
  lang,
  kind,
  towns,
  year,
}: {
  readonly lang: Lang;
  readonly kind: Missing;
  readonly towns: readonly Town[];
  readonly year: number | null;
}) {
  const [open, setOpen] = useState(false);
  if (towns.length === 0) return null;
  const item = (town: Town) => (
    <li key={town.id}>
      {town.name} <MissingBadge lang={lang} kind={kind} />
    </li>
  );
  return (
    <div className="not-reported" data-testid={`missing-${kind}`}>
      <h3>
        {t(lang, kind === 'noReport' ? 'noReportList' : 'notMentionedList', { year: year ?? '' })} (
        {towns.length})
      </h3>
      <ul>{towns.slice(0, MISSING_SHOWN).map(item)}</ul>
      {towns.length > MISSING_SHOWN && (
        <details onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t(lang, 'moreTowns', { n: towns.length - MISSING_SHOWN })}</summary>
          {open && <ul>{towns.slice(MISSING_SHOWN).map(item)}</ul>}
        </details>
      )}
    </div>
  );
}

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
  // The overview's scope, printed above it: the selected towns in the filters' year.
  usePrintScope(
    useMemo(
      () =>
        year === null
          ? null
          : ({ view: 'overview', towns, period: { kind: 'year', year } } as const),
      [towns, year],
    ),
  );
  const [tableOpen, setTableOpen] = useState(false);
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
  const selection = useAppStore((s) => s.towns);
  // The window's start is read, not watched: the reader moving the zoom
  // updates it (and the URL), and must not rebuild the chart under the mouse.
  const drawing = useMemo(
    (): Drawn | null =>
      ranking === null
        ? null
        : {
            ranking,
            indicator,
            year,
            lang,
            title,
            empty: towns.length === 0,
            key: rankingKey(lang, indicator, year, selection, ranking.reported.length),
            options: rankingOptions(ranking, lang, indicator, useAppStore.getState().rankStart),
          },
    [ranking, lang, indicator, year, title, selection, towns],
  );
  // The ranking drawn last stays on screen, marked as updating, while the
  // file of a new indicator or year loads: the chart is then redrawn in
  // place (its option merged) rather than unmounted and built again. Not
  // after something else was shown (a file that failed), nor in another
  // language (its chart is made anew anyway).
  const [lastDrawn, setLastDrawn] = useState<Drawn | null>(drawing);
  if (drawing !== null && drawing !== lastDrawn) setLastDrawn(drawing);
  if (drawing === null && dataState !== 'loading' && lastDrawn !== null) setLastDrawn(null);
  const shown = drawing ?? (dataState === 'loading' && lastDrawn?.lang === lang ? lastDrawn : null);
  const setRankStart = useAppStore((s) => s.setRankStart);
  // The full chart (data zoom over every bar) waits until the page's other
  // files have loaded: drawing it meanwhile would add to the loading's peak.
  const othersLoading = useAppStore(dataFilesLoading);
  const open = useCallback((row: ValueRow) => openSource(sourceOf(row)), [openSource]);
  const shownRanking = shown?.ranking ?? null;
  const onClick = useCallback(
    (click: ChartClick) => {
      if (shownRanking === null) return;
      const item =
        shownRanking.reported[rankingIndexOf(click.dataIndex, shownRanking.reported.length)];
      if (item !== undefined) open(item.row);
    },
    [shownRanking, open],
  );
  useEffect(() => {
    if ((ranking !== null && ranking.reported.length === 0) || dataState === 'failed') {
      noPrimaryChart();
    }
  }, [ranking, dataState]);
  if (shown === null) {
    if (dataState === 'ready') return null;
    return (
      <section className="panel ranking" aria-label={title}>
        <h2>{title}</h2>
        <DataPending lang={lang} failed={dataState === 'failed'} />
      </section>
    );
  }
  const updating = shown !== drawing;
  return (
    <ShownRanking
      shown={shown}
      updating={updating ? t(lang, 'loadingChoice', { title }) : null}
      othersLoading={othersLoading}
      tableOpen={tableOpen}
      setTableOpen={setTableOpen}
      open={open}
      onClick={onClick}
      setRankStart={setRankStart}
    />
  );
}

/** One ranking as drawn: what it ranks, for which filters, and the chart's options. */
interface Drawn {
  readonly ranking: Ranking;
  readonly indicator: IndicatorId;
  readonly year: number | null;
  readonly lang: Lang;
  readonly title: string;
  /** No town was selected. */
  readonly empty: boolean;
  /** rankingKey: the chart drawn before React it may take over. */
  readonly key: string;
  readonly options: RankingOptions;
}

/**
 * The panel of a ranking drawn; `updating` (what the panel says of the
 * choice whose file is loading, null when none) marks it as the previous
 * choice's, still shown meanwhile (RankingFrame).
 */
function ShownRanking({
  shown,
  updating,
  othersLoading,
  tableOpen,
  setTableOpen,
  open,
  onClick,
  setRankStart,
}: {
  readonly shown: Drawn;
  readonly updating: string | null;
  readonly othersLoading: boolean;
  readonly tableOpen: boolean;
  readonly setTableOpen: (open: boolean) => void;
  readonly open: (row: ValueRow) => void;
  readonly onClick: (click: ChartClick) => void;
  readonly setRankStart: (start: number) => void;
}) {
  const { ranking, indicator, year, lang, title, empty, options } = shown;
  const option = options.full;
  const count = ranking.reported.length;
  return (
    <RankingFrame
      title={title}
      updating={updating}
      info={<IndicatorInfo lang={lang} indicator={indicator} />}
      actions={
        count > 0 ? (
          <ExportCsv
            lang={lang}
            quotesOf={exportQuotes}
            textOf={importedText}
            fileName={`ranking-${indicator}-${year ?? ''}.csv`}
            items={() => (year === null ? [] : rankingItems(ranking, indicator, year))}
          />
        ) : undefined
      }
    >
      {empty ? (
        <EmptyState title={t(lang, 'noTownsSelected')} />
      ) : count === 0 ? (
        <EmptyState title={t(lang, 'noValuesThisYear', { year: year ?? '' })} />
      ) : (
        <>
          <RankingIntro lang={lang} notes={rankingNotes(lang, count)} />
          <LazyChart
            testId="chart-ranking"
            option={option}
            height={rankingHeight(count)}
            adopt={shown.key}
            zoom={count > RANKING_WINDOW}
            replaceMerge={RANKING_REPLACED}
            {...(options.preview === undefined
              ? {}
              : { preview: { ...options.preview, hold: othersLoading } })}
            locale={echartsLocale(lang)}
            label={title}
            onClick={onClick}
            onZoom={(w) => setRankStart(windowStartOf(w.endValue, count))}
            exportName={`ranking-${indicator}-${year ?? ''}`}
            exportLabels={{ png: t(lang, 'exportPng'), svg: t(lang, 'exportSvg') }}
            caption={chartCaption(
              lang,
              title,
              unitLabel(lang, INDICATORS[indicator].unit),
              t(lang, 'captionCounts', {
                n: count,
                silent: ranking.notMentioned.length,
                none: ranking.noReport.length,
              }),
            )}
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
                      <td>{r.rank ?? '—'}</td>
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
      {count > 0 && (
        <>
          <MissingList lang={lang} kind="notMentioned" towns={ranking.notMentioned} year={year} />
          <MissingList lang={lang} kind="noReport" towns={ranking.noReport} year={year} />
        </>
      )}
    </RankingFrame>
  );
}
