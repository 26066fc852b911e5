/**
 * The filters as a URL hash (#/?y=2024&i=mediation.cases&t=…), so a link
 * reproduces what was on screen. The hash is untrusted input: it is parsed
 * into a normalised partial state, unknown or malformed parts are dropped.
 */
import {
  CATEGORY_IDS,
  INDICATORS,
  isIndicatorId,
  type CategoryId,
  type IndicatorId,
} from '../catalog';
import { LANGS, type Lang } from '../i18n';

export type View = 'overview' | 'compare' | 'side' | 'town' | 'quality' | 'import';
export const VIEWS: readonly View[] = ['overview', 'compare', 'side', 'town', 'quality', 'import'];

/** The compare matrix's year: the chosen year, or each town's latest report. */
/** The compare views' year: 'auto' (the default) picks one by the data, see effectiveYearMode. */
export type YearMode = 'auto' | 'year' | 'latest';

export interface SourceRef {
  readonly reportId: string;
  readonly indicator: IndicatorId;
  /** The mention to show first; the value's own span when absent. */
  readonly start: number | null;
  /**
   * The town the report speaks for, when the link knows it: the panel then
   * reads the town's county files (a few hundred kilobytes at province scale)
   * instead of the indicator's files of every year and the full report list.
   */
  readonly town?: string;
}

/** The source of a value row: its report, indicator, span and town. */
export function sourceOf(row: {
  readonly reportId: string;
  readonly indicator: IndicatorId;
  readonly start: number | null;
  readonly townId: string;
}): SourceRef {
  return { reportId: row.reportId, indicator: row.indicator, start: row.start, town: row.townId };
}

/**
 * A report read whole (the source panel's full-text mode): opened from a
 * town's report list, or from a value's source (whose marks it keeps).
 */
export interface FullTextRef {
  readonly reportId: string;
  /** The town the report speaks for, when known: its county's files name the report. */
  readonly town?: string;
}

export interface UrlState {
  readonly view: View;
  readonly year: number | null;
  /** null = every town. */
  readonly towns: readonly string[] | null;
  readonly category: CategoryId;
  readonly indicator: IndicatorId;
  readonly lang: Lang;
  readonly source: SourceRef | null;
  readonly fullText: FullTextRef | null;
  readonly yearMode: YearMode;
  /** Compare matrix: sort by this indicator (highest first); null = by town. */
  readonly sortBy: IndicatorId | null;
  /** Town profile: the town shown; null = the first selected. */
  readonly profileTown: string | null;
  /** Side-by-side: the 2–4 towns compared; empty = the first two selected. */
  readonly sideTowns: readonly string[];
  /** Trends: every selected town rather than the top ones. */
  readonly trendAll: boolean;
  /**
   * Ranking of more towns than its chart shows at once: ranks above the
   * chart's window (where the reader moved its data zoom); 0 = from the top.
   */
  readonly rankStart: number;
}

const TOWN_SEPARATOR = '~';

export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  params.set('v', state.view);
  if (state.year !== null) params.set('y', String(state.year));
  params.set('c', state.category);
  params.set('i', state.indicator);
  if (state.towns !== null) params.set('t', state.towns.join(TOWN_SEPARATOR));
  if (state.lang !== 'zh') params.set('l', state.lang);
  if (state.yearMode !== 'auto') params.set('ym', state.yearMode);
  if (state.sortBy !== null) params.set('sb', state.sortBy);
  if (state.profileTown !== null) params.set('p', state.profileTown);
  if (state.sideTowns.length > 0) params.set('st', state.sideTowns.join(TOWN_SEPARATOR));
  if (state.trendAll) params.set('ta', '1');
  if (state.rankStart > 0) params.set('r', String(state.rankStart));
  if (state.source !== null) {
    const s = state.source;
    const parts = [s.reportId, s.indicator, s.start === null ? '' : String(s.start), s.town ?? ''];
    while (parts[parts.length - 1] === '') parts.pop();
    params.set('s', parts.join(TOWN_SEPARATOR));
  }
  if (state.fullText !== null) {
    const { reportId, town } = state.fullText;
    params.set('ft', town === undefined ? reportId : `${reportId}${TOWN_SEPARATOR}${town}`);
  }
  return `#/?${params.toString()}`;
}

export function parseUrlState(hash: string): Partial<UrlState> {
  const query = hash.replace(/^#\/?\??/, '');
  const params = new URLSearchParams(query);
  const state: { -readonly [K in keyof UrlState]?: UrlState[K] } = {};
  const view = params.get('v');
  if (view !== null && (VIEWS as readonly string[]).includes(view)) state.view = view as View;
  const year = params.get('y');
  if (year !== null && /^\d{4}$/.test(year)) state.year = Number(year);
  const category = params.get('c');
  if (category !== null && (CATEGORY_IDS as readonly string[]).includes(category)) {
    state.category = category as CategoryId;
  }
  const indicator = params.get('i');
  if (indicator !== null && isIndicatorId(indicator)) {
    state.indicator = indicator;
    state.category = INDICATORS[indicator].category;
  }
  const towns = params.get('t');
  if (towns !== null) state.towns = towns === '' ? [] : towns.split(TOWN_SEPARATOR).slice(0, 5000);
  const ym = params.get('ym');
  if (ym === 'latest' || ym === 'year') state.yearMode = ym;
  const sortBy = params.get('sb');
  if (sortBy !== null && isIndicatorId(sortBy)) state.sortBy = sortBy;
  const profileTown = params.get('p');
  if (profileTown !== null && profileTown !== '' && profileTown.length < 200) {
    state.profileTown = profileTown;
  }
  if (params.get('ta') === '1') state.trendAll = true;
  const rankStart = params.get('r');
  if (rankStart !== null && /^\d{1,6}$/.test(rankStart)) state.rankStart = Number(rankStart);
  const side = params.get('st');
  if (side !== null && side !== '') state.sideTowns = side.split(TOWN_SEPARATOR).slice(0, 4);
  const lang = params.get('l');
  if (lang !== null && (LANGS as readonly string[]).includes(lang)) state.lang = lang as Lang;
  const source = params.get('s');
  if (source !== null) {
    const [reportId = '', sourceIndicator = '', start, town] = source.split(TOWN_SEPARATOR);
    if (reportId !== '' && isIndicatorId(sourceIndicator)) {
      state.source = {
        reportId,
        indicator: sourceIndicator,
        start: start !== undefined && /^\d+$/.test(start) ? Number(start) : null,
        ...(town === undefined || town === '' ? {} : { town }),
      };
    }
  }
  const fullText = params.get('ft');
  if (fullText !== null) {
    const [reportId = '', town] = fullText.split(TOWN_SEPARATOR);
    if (reportId !== '') {
      state.fullText = { reportId, ...(town === undefined || town === '' ? {} : { town }) };
    }
  }
  return state;
}
