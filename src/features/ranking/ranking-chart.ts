/**
 * What the ranking chart draws for a state of the filters, without React: the
 * ranking view renders it, and the page's first chart is drawn from it before
 * React has loaded (app/early-chart.ts), so both draw the very same chart.
 */
import { INDICATORS, type IndicatorId, type Qualifier } from '../../catalog';
import { buildRankingOption, previewOffset } from '../../charts/ranking';
import { rowText, valueFlag } from '../../components/value-text';
import type { DatasetModel } from '../../dataset/model';
import { MIN_RANKED, rankTowns, selectedTowns, type Ranking } from '../../dataset/select';
import { indicatorName, t, unitLabel, type Lang, type MessageKey } from '../../i18n';

/** Bars drawn at once; a data-zoom slider scrolls through the rest. */
export const RANKING_WINDOW = 40;

export interface RankingOptions {
  /** Every bar (with a data zoom past the window). */
  readonly full: object;
  /** Past the window: its first bars without the data zoom, drawn until the zoom's code is in. */
  readonly preview?: { readonly option: object; readonly indexOffset: number };
}

export function rankingTitle(lang: Lang, indicator: IndicatorId, year: number | null): string {
  return `${t(lang, 'ranking')} · ${indicatorName(lang, indicator)} · ${year ?? ''}`;
}

/** The notes above a ranking of `count` towns: too few to rank, or more than the window shows. */
export function rankingNotes(lang: Lang, count: number): string[] {
  const notes: string[] = [];
  if (count > 0 && count < MIN_RANKED)
    notes.push(t(lang, 'fewToRank', { n: count, min: MIN_RANKED }));
  if (count > RANKING_WINDOW) {
    notes.push(t(lang, 'rankingWindow', { n: RANKING_WINDOW, total: count }));
  }
  return notes;
}

export function rankingHeight(count: number): number {
  return Math.max(140, 44 * Math.min(count, RANKING_WINDOW) + 60);
}

/** What a value's qualifier means, said in words in a bar's tooltip. */
const QUALIFIER_NOTE: Readonly<Record<Qualifier, MessageKey | null>> = {
  '=': null,
  '>=': 'qualifierAtLeast',
  '~': 'qualifierAbout',
  '<=': 'qualifierBelow',
};

/**
 * A bar's tooltip: the town and its county, the value as written (qualifier,
 * unit, marks), what the qualifier means, and the report it comes from.
 */
export function rankingTooltip(
  lang: Lang,
  indicator: IndicatorId,
  item: Ranking['reported'][number],
): string[] {
  const { row, town } = item;
  const note = QUALIFIER_NOTE[row.qualifier];
  return [
    town.county === '' ? town.name : `${town.name} · ${town.county}`,
    `${indicatorName(lang, indicator)}${lang === 'zh' ? '：' : ': '}${rowText(lang, row)}${valueFlag(row)}`,
    ...(note === null ? [] : [t(lang, note)]),
    t(lang, 'tooltipReport', { report: row.reportId, year: row.year ?? '' }),
  ];
}

/** `windowStart`: ranks above the chart's window (the reader's place in a long ranking). */
export function rankingOptions(
  ranking: Ranking,
  lang: Lang,
  indicator: IndicatorId,
  windowStart = 0,
): RankingOptions {
  const data = ranking.reported.map((r) => ({
    label: r.town.name,
    value: r.value,
    text: rowText(lang, r.row),
    flag: valueFlag(r.row),
  }));
  // Beyond a few dozen bars a chart is a wall: a slider scrolls the rest.
  const choices = {
    unitLabel: unitLabel(lang, INDICATORS[indicator].unit),
    window: RANKING_WINDOW,
    windowStart,
    tooltip: (index: number): readonly string[] => {
      const item = ranking.reported[index];
      return item === undefined ? [] : rankingTooltip(lang, indicator, item);
    },
  };
  const full = buildRankingOption(data, choices);
  return data.length > RANKING_WINDOW
    ? {
        full,
        preview: {
          option: buildRankingOption(data, { ...choices, preview: true }),
          indexOffset: previewOffset(data.length, RANKING_WINDOW, windowStart),
        },
      }
    : { full };
}

/**
 * Names one ranking chart: the chart drawn before React is handed to the
 * ranking view only if the view draws the same one (its size and window
 * follow from the count). `selection` is the filter's towns (null = all):
 * short, unlike the list of towns it selects.
 */
export function rankingKey(
  lang: Lang,
  indicator: IndicatorId,
  year: number | null,
  selection: readonly string[] | null,
  count: number,
): string {
  const towns = selection === null ? '*' : selection.join(',');
  return `ranking|${lang}|${indicator}|${year ?? ''}|${count}|${towns}`;
}

/** The filters a ranking chart is drawn for (the store's, or a data folder's default page). */
export interface RankingFilters {
  readonly lang: Lang;
  readonly indicator: IndicatorId;
  readonly year: number;
  /** null: every town. */
  readonly towns: readonly string[] | null;
  readonly rankStart: number;
}

/** One ranking chart as drawn on the page: its key, title, note, height and option. */
export interface RankingDrawing {
  readonly key: string;
  readonly title: string;
  readonly notes: readonly string[];
  readonly height: number;
  readonly option: object;
}

/**
 * The ranking chart a page draws first, for these filters; null if there is
 * nothing to rank. A long ranking starts with its preview (no data zoom), as
 * in the view. Drawn before React (app/early-chart.ts) and as an image where
 * the data is written (src/preview), so the three draw the very same chart.
 */
export function rankingDrawing(
  model: DatasetModel,
  { lang, indicator, year, towns, rankStart }: RankingFilters,
): RankingDrawing | null {
  const ranking = rankTowns(model, indicator, year, selectedTowns(model, towns));
  const count = ranking.reported.length;
  if (count === 0) return null;
  const options = rankingOptions(ranking, lang, indicator, rankStart);
  const key = rankingKey(lang, indicator, year, towns, count);
  const drawing = {
    title: rankingTitle(lang, indicator, year),
    notes: rankingNotes(lang, count),
    height: rankingHeight(count),
  };
  return options.preview === undefined
    ? { ...drawing, key, option: options.full }
    : { ...drawing, key: `${key}|preview`, option: options.preview.option };
}
