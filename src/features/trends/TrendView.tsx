/**
 * Trends: one indicator over the years, a line per town, gaps where a year is
 * missing; below it small multiples of the other indicators of the category.
 * Petition figures show the year-over-year change the report itself states.
 */
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { flushSync } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import { INDICATORS, type CategoryId, type IndicatorId } from '../../catalog';
import {
  buildMultiplesOption,
  buildTrendOption,
  lookSlots,
  multiplesIndexOf,
  multiplesLayout,
  trendHeight,
  type AxisScale,
  type Panel,
  type TrendLine,
} from '../../charts/trend';
import { LazyChart, type ChartClick } from '../../components/chart/LazyChart';
import { onPrintLayout } from '../../components/chart/print-layout';
import { DataPending } from '../../components/DataPending';
import { EmptyState } from '../../components/EmptyState';
import { rowText, valueFlag } from '../../components/value-text';
import { sizeOf, type DatasetModel, type Town, type ValueRow } from '../../dataset/model';
import {
  TREND_TOP,
  indicatorsWithDataIn,
  topTowns,
  trendFor,
  trendScope,
  valueFor,
} from '../../dataset/select';
import { ExportCsv } from '../../components/ExportCsv';
import { chartCaption } from '../../components/chart/caption-text';
import { exportQuotes, importedText } from '../../store/quotes';
import { echartsLocale, formatChange, indicatorName, t, unitLabel, type Lang } from '../../i18n';
import { yearItem } from '../../dataset/items';
import { sourceOf, useAppStore } from '../../store';
import { legendOf, LooksLegend } from './LooksLegend';
import { LinesTable } from './LinesTable';
import { NONE, ROWS_BUDGET, countiesOfFew, useRowsOf, useSameTowns } from './trend-rows';
import {
  LAZY_BYTES,
  useIndicatorFigures,
  useNearViewport,
  useSelectedTowns,
} from '../../store/hooks';

/** Counts tick at whole numbers, rates on 0–100; a change (signed %) as it comes. */
function scaleOf(indicator: IndicatorId): AxisScale {
  const { kind } = INDICATORS[indicator];
  return { integer: kind === 'count', percent: kind === 'percent' };
}

/**
 * The element's width in pixels, kept up to date (0 while there is none). The
 * element behind `ref` may come and go (a view with one indicator has no
 * multiples): checked after every render, observed while it is there.
 */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  const observed = useRef<{
    element: HTMLElement;
    observer: ResizeObserver;
    unprint: () => void;
  } | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === (observed.current?.element ?? null)) return;
    observed.current?.observer.disconnect();
    observed.current?.unprint();
    observed.current = null;
    if (element === null) return;
    const measure = (): void => setWidth(Math.round(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // Printing gives no frame for the observer: laid out for paper at once.
    const unprint = onPrintLayout(() => flushSync(measure));
    observed.current = { element, observer, unprint };
  });
  useEffect(
    () => () => {
      observed.current?.observer.disconnect();
      observed.current?.unprint();
    },
    [],
  );
  return width;
}

const STATED_CHANGE: Partial<Record<IndicatorId, IndicatorId>> = {
  'petition.visitors': 'petition.visits_yoy',
  'petition.visit_batches': 'petition.visits_yoy',
};

function pointText(lang: Lang, model: DatasetModel, row: ValueRow, town: Town): string {
  let text = `${rowText(lang, row)}${valueFlag(row)}`;
  const changeId = STATED_CHANGE[row.indicator];
  if (changeId !== undefined && row.year !== null) {
    const change = valueFor(model, changeId, town.id, row.year);
    if (change?.value != null) {
      text += `（${t(lang, 'statedChange')} ${formatChange(lang, change.value)}）`;
    }
  }
  return text;
}

/**
 * The lines of `indicator` for the towns that state it among `towns`, each
 * with its look: by `slots`, else by its place among those lines (a trend's
 * lines never share a look, whatever the towns' places among all of them).
 */
function linesFor(
  lang: Lang,
  model: DatasetModel,
  indicator: IndicatorId,
  towns: readonly Town[],
  slots?: ReadonlyMap<string, number>,
): {
  lines: TrendLine[];
  rows: (ValueRow | null)[][];
  towns: Town[];
  years: readonly number[];
} {
  const trend = trendFor(model, indicator, towns);
  return {
    years: trend.years,
    lines: trend.series.map((s, i) => ({
      label: s.town.name,
      colorIndex: slots?.get(s.town.id) ?? i,
      points: s.points.map((p) =>
        p === null || p.value === null
          ? null
          : { value: p.value, text: pointText(lang, model, p, s.town) },
      ),
    })),
    rows: trend.series.map((s) => [...s.points]),
    towns: trend.series.map((s) => s.town),
  };
}

export function TrendView() {
  const { chosen, chosenCategory, lang, openSource, trendAll, setTrendAll } = useAppStore(
    useShallow((s) => ({
      chosen: s.indicator,
      chosenCategory: s.category,
      lang: s.lang,
      openSource: s.openSource,
      trendAll: s.trendAll,
      setTrendAll: s.setTrendAll,
    })),
  );
  // Below the ranking: a new indicator is drawn there first, the trends a moment later.
  const indicator = useDeferredValue(chosen);
  const category = useDeferredValue(chosenCategory);
  const selected = useSelectedTowns();
  const changeId = STATED_CHANGE[indicator];
  const ids = useMemo(
    () => (changeId === undefined ? [indicator] : [indicator, changeId]),
    [indicator, changeId],
  );
  // Every town's rows when they are few enough (later changes of year need no
  // file); else the indicator's figures of every year (a value per town, not
  // rows) choose the towns, and their rows come apart (useRowsOf).
  const whole = useAppStore((s) => s.model !== null && sizeOf(s.model, ids, 'rows') <= ROWS_BUDGET);
  // No choice to make among this many.
  const ranks = !whole && selected.length > TREND_TOP;
  const toRank = useMemo(() => (ranks ? [indicator] : NONE), [ranks, indicator]);
  const years = useAppStore((s) => s.model?.years ?? NO_YEARS);
  const figures = useIndicatorFigures(toRank, years);
  const index = figures.model;
  const rows = useRowsOf(index, null, whole ? ids : NONE, true);
  const rankedBy = whole ? rows : figures;
  const ranked = useMemo(
    () =>
      rankedBy.model === null || rankedBy.state !== 'ready'
        ? []
        : topTowns(rankedBy.model, indicator, selected, Infinity),
    [rankedBy.model, rankedBy.state, indicator, selected],
  );
  const reporting = ranked.length;
  const { limited, canShowAll } = trendScope(reporting, trendAll);
  const top = useSameTowns(ranked.slice(0, TREND_TOP));
  const towns = limited ? top : selected;
  // Their rows (the points' sentences, the stated change).
  const picked = !whole && figures.state === 'ready';
  const few = useRowsOf(index, picked ? towns : null, ids, picked);
  const { state: rowsState, model } = whole ? rows : few;
  const dataState = whole || figures.state === 'ready' ? rowsState : figures.state;
  const ready = dataState === 'ready';
  const main = useMemo(
    () => (model === null || !ready ? null : linesFor(lang, model, indicator, towns)),
    [model, lang, indicator, towns, ready],
  );

  const slots = useMemo(
    () =>
      lookSlots(
        (main?.towns ?? []).map((town) => town.id),
        towns.map((town) => town.id),
      ),
    [main, towns],
  );
  const name = indicatorName(lang, indicator);
  const title = `${t(lang, 'trends')} · ${name}`;
  const sectionRef = useRef<HTMLElement | null>(null);
  const width = useWidth(sectionRef);
  const option = useMemo(
    () =>
      main === null
        ? null
        : buildTrendOption(main.lines, {
            years: main.years,
            unitLabel: unitLabel(lang, INDICATORS[indicator].unit),
            width,
            ...scaleOf(indicator),
          }),
    [main, lang, indicator, width],
  );
  const open = useCallback(
    (row: ValueRow | null | undefined) => {
      if (row != null) openSource(sourceOf(row));
    },
    [openSource],
  );
  const onMainClick = useCallback(
    (c: ChartClick) => open(main?.rows[c.seriesIndex]?.[c.dataIndex]),
    [main, open],
  );
  if (!ready) {
    return (
      <section className="panel trends" aria-label={title} ref={sectionRef}>
        <h2>{title}</h2>
        <DataPending lang={lang} failed={dataState === 'failed'} />
      </section>
    );
  }
  if (main === null || option === null) return null;
  return (
    <section className="panel trends" aria-label={title} ref={sectionRef}>
      <div className="panel-head">
        <h2>{title}</h2>
        {main.lines.length > 0 && (
          <div className="panel-actions no-print">
            <ExportCsv
              lang={lang}
              quotesOf={exportQuotes}
              textOf={importedText}
              fileName={`trend-${indicator}.csv`}
              items={() =>
                main.towns.flatMap((town, i) =>
                  main.years.map((year, k) =>
                    yearItem(town, year, indicator, main.rows[i]?.[k] ?? null),
                  ),
                )
              }
            />
          </div>
        )}
      </div>
      {main.lines.length === 0 ? (
        <EmptyState title={t(lang, 'noData')} />
      ) : (
        <>
          {(limited || trendAll) && reporting > TREND_TOP && (
            <p className="note">
              {limited
                ? t(lang, 'trendTop', { n: TREND_TOP, total: reporting })
                : t(lang, 'trendAllShown', { total: reporting })}{' '}
              {canShowAll && (
                <button type="button" className="no-print" onClick={() => setTrendAll(!trendAll)}>
                  {limited ? t(lang, 'showAllTowns') : t(lang, 'showTopTowns', { n: TREND_TOP })}
                </button>
              )}
            </p>
          )}
          {main.lines.every((l) => l.points.filter((p) => p !== null).length <= 1) && (
            <p className="note">{t(lang, 'trendSingleYear')}</p>
          )}
          <LazyChart
            testId="chart-trend"
            defer
            renderer="canvas"
            option={option}
            height={trendHeight(main.lines, width)}
            locale={echartsLocale(lang)}
            label={title}
            onClick={onMainClick}
            exportName={`trend-${indicator}`}
            exportLabels={{ png: t(lang, 'exportPng'), svg: t(lang, 'exportSvg') }}
            caption={chartCaption(
              lang,
              `${title} · ${main.years[0] ?? ''}–${main.years[main.years.length - 1] ?? ''}`,
              unitLabel(lang, INDICATORS[indicator].unit),
              t(lang, 'captionTowns', { n: main.lines.length }),
            )}
          />
          <LinesTable
            lang={lang}
            years={main.years}
            heads={[t(lang, 'town')]}
            rows={main.lines.map((line, i) => ({
              key: line.label,
              cells: [line.label],
              line,
              town: main.towns[i],
              source: main.rows[i] ?? [],
            }))}
            onOpen={open}
          />
        </>
      )}
      {index !== null && (
        <Multiples
          lang={lang}
          index={index}
          category={category}
          towns={towns}
          slots={slots}
          onOpen={open}
        />
      )}
    </section>
  );
}

/**
 * Small multiples of the category's indicators for the towns the main trend
 * shows. Below the fold: with a large dataset its files load when the reader
 * scrolls near (or presses print).
 */
function Multiples({
  lang,
  index,
  category,
  towns,
  slots,
  onOpen,
}: {
  lang: Lang;
  /** The model as the main trend sees it: for the index (which indicators, their files, the counties). */
  index: DatasetModel;
  category: CategoryId;
  towns: readonly Town[];
  /** Each town's look, as in the main trend (lookSlots). */
  slots: ReadonlyMap<string, number>;
  onOpen: (row: ValueRow | null | undefined) => void;
}) {
  const ids = useMemo(() => indicatorsWithDataIn(index, category), [index, category]);
  const ref = useRef<HTMLDivElement | null>(null);
  // Lazy when it reads the indicators' files and they are large.
  const lazy =
    ids.length > 1 &&
    countiesOfFew(index, towns, ids) === null &&
    sizeOf(index, ids, 'bytes') > LAZY_BYTES;
  const near = useNearViewport(ref, lazy);
  const { state: dataState, model } = useRowsOf(index, towns, ids, near && ids.length > 1);
  const ready = near && dataState === 'ready';
  const related = useMemo(() => {
    if (model === null || !ready || ids.length < 2) return null;
    const built = ids.map((id) => ({ id, ...linesFor(lang, model, id, towns, slots) }));
    const panels: Panel[] = built.map((b) => ({
      title: indicatorName(lang, b.id),
      unitLabel: unitLabel(lang, INDICATORS[b.id].unit),
      lines: b.lines,
      ...scaleOf(b.id),
    }));
    return { built, panels, years: built[0]?.years ?? [], legend: legendOf(built) };
  }, [model, ids, lang, towns, slots, ready]);
  // Laid out for the width there is: panels wrap rather than shrink.
  const width = useWidth(ref);
  const multiples = useMemo(
    () =>
      related === null || width === 0
        ? null
        : buildMultiplesOption(related.panels, related.years, width),
    [related, width],
  );
  const onClick = useCallback(
    (c: ChartClick) => {
      if (related === null) return;
      const at = multiplesIndexOf(related.panels, c.seriesIndex);
      if (at !== null) onOpen(related.built[at.panel]?.rows[at.line]?.[c.dataIndex]);
    },
    [related, onOpen],
  );
  if (ids.length < 2) return null;
  if (related === null || multiples === null) {
    return (
      <div className="multiples" ref={ref}>
        <h3>{t(lang, 'multiples')}</h3>
        {near ? (
          <DataPending lang={lang} failed={dataState === 'failed'} />
        ) : (
          // Not busy: its files load when the reader scrolls here.
          <EmptyState title={t(lang, 'loading')} />
        )}
      </div>
    );
  }
  return (
    <div className="multiples" ref={ref}>
      <h3>{t(lang, 'multiples')}</h3>
      <LooksLegend entries={related.legend} label={t(lang, 'multiples')} />
      <LazyChart
        testId="chart-multiples"
        defer
        renderer="canvas"
        option={multiples}
        height={multiplesLayout(related.panels.length, width).height}
        locale={echartsLocale(lang)}
        label={t(lang, 'multiples')}
        onClick={onClick}
        exportName={`trend-${category}`}
        exportLabels={{ png: t(lang, 'exportPng'), svg: t(lang, 'exportSvg') }}
      />
      <LinesTable
        lang={lang}
        years={related.years}
        heads={[t(lang, 'indicator'), t(lang, 'town')]}
        rows={related.built.flatMap((b, i) =>
          b.lines.map((line, j) => ({
            key: `${b.id}-${line.label}`,
            cells: [related.panels[i]?.title ?? '', line.label],
            line,
            town: b.towns[j],
            source: b.rows[j] ?? [],
          })),
        )}
        onOpen={onOpen}
      />
    </div>
  );
}

const NO_YEARS: readonly number[] = [];
