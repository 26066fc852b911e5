/**
 * The filters as a URL hash (#/?y=2024&i=mediation.cases&t=…), so a link
 * reproduces what was on screen. One table (URL_FIELDS) gives each field of
 * the URL state its hash key, its default, its parser and its writer; the
 * list of keys, the defaults, parsing and writing all derive from it. The
 * hash is untrusted input: each parser returns a normalised value or nothing,
 * so unknown or malformed parts are dropped.
 */
import {
  CATEGORY_IDS,
  INDICATORS,
  isIndicatorId,
  type CategoryId,
  type IndicatorId,
  headlineOf,
} from '../catalog';
import { LANGS, type Lang } from '../i18n';
import { isView, type View } from './views';

export type { View };

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

/** How one field of the URL state is written in the hash and read back. */
interface UrlField<T> {
  /** Its key in the hash (`y` in `#/?y=2024`). */
  readonly key: string;
  /** Its value when the link does not say. */
  readonly fallback: T;
  /** The value a hash part stands for; undefined when malformed (the part is dropped). */
  parse(raw: string): T | undefined;
  /** The hash part of a value; null leaves the field out of the link. */
  write(value: T): string | null;
}

type UrlFields = { readonly [K in keyof UrlState]: UrlField<UrlState[K]> };

const DEFAULT_CATEGORY: CategoryId = 'mediation';

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string): T | undefined =>
    (values as readonly string[]).includes(raw) ? (raw as T) : undefined;

const indicatorOf = (raw: string): IndicatorId | undefined =>
  isIndicatorId(raw) ? raw : undefined;

/** A town id, when there is one (an empty part names none). */
const townOf = (raw: string | undefined): string | undefined =>
  raw === undefined || raw === '' ? undefined : raw;

/** A list of towns, at most `max` of them. */
const townList = (raw: string, max: number): string[] =>
  raw === '' ? [] : raw.split(TOWN_SEPARATOR).slice(0, max);

const nullable =
  <T>(write: (value: T) => string) =>
  (value: T | null) =>
    value === null ? null : write(value);

/**
 * Every field of the URL state, in the order the link writes them. A new
 * field is a row here (the compiler asks for it once it is in UrlState).
 */
export const URL_FIELDS: UrlFields = {
  view: {
    key: 'v',
    fallback: 'overview',
    parse: (raw) => (isView(raw) ? raw : undefined),
    write: String,
  },
  year: {
    key: 'y',
    fallback: null,
    parse: (raw) => (/^\d{4}$/.test(raw) ? Number(raw) : undefined),
    write: nullable(String),
  },
  category: { key: 'c', fallback: DEFAULT_CATEGORY, parse: oneOf(CATEGORY_IDS), write: String },
  indicator: {
    key: 'i',
    fallback: headlineOf(DEFAULT_CATEGORY),
    parse: indicatorOf,
    write: String,
  },
  towns: {
    key: 't',
    fallback: null,
    // An empty list is "no town", not "all towns" (null, left out of the link).
    parse: (raw) => townList(raw, 5000),
    write: nullable((towns) => towns.join(TOWN_SEPARATOR)),
  },
  lang: {
    key: 'l',
    fallback: 'zh',
    parse: oneOf(LANGS),
    write: (lang) => (lang === 'zh' ? null : lang),
  },
  yearMode: {
    key: 'ym',
    fallback: 'auto',
    parse: oneOf<YearMode>(['latest', 'year']),
    write: (mode) => (mode === 'auto' ? null : mode),
  },
  sortBy: { key: 'sb', fallback: null, parse: indicatorOf, write: nullable(String) },
  profileTown: {
    key: 'p',
    fallback: null,
    parse: (raw) => (raw.length < 200 ? townOf(raw) : undefined),
    write: nullable(String),
  },
  sideTowns: {
    key: 'st',
    fallback: [],
    parse: (raw) => (raw === '' ? undefined : townList(raw, 4)),
    write: (towns) => (towns.length === 0 ? null : towns.join(TOWN_SEPARATOR)),
  },
  trendAll: {
    key: 'ta',
    fallback: false,
    parse: (raw) => (raw === '1' ? true : undefined),
    write: (all) => (all ? '1' : null),
  },
  rankStart: {
    key: 'r',
    fallback: 0,
    parse: (raw) => (/^\d{1,6}$/.test(raw) ? Number(raw) : undefined),
    // The ranking at its top stays out of the link.
    write: (start) => (start > 0 ? String(start) : null),
  },
  source: {
    key: 's',
    fallback: null,
    parse: (raw) => {
      const [reportId = '', indicator = '', start, town] = raw.split(TOWN_SEPARATOR);
      if (reportId === '' || !isIndicatorId(indicator)) return undefined;
      const known = townOf(town);
      return {
        reportId,
        indicator,
        start: start !== undefined && /^\d+$/.test(start) ? Number(start) : null,
        ...(known === undefined ? {} : { town: known }),
      };
    },
    write: nullable((s) => {
      const parts = [
        s.reportId,
        s.indicator,
        s.start === null ? '' : String(s.start),
        s.town ?? '',
      ];
      while (parts[parts.length - 1] === '') parts.pop();
      return parts.join(TOWN_SEPARATOR);
    }),
  },
  fullText: {
    key: 'ft',
    fallback: null,
    parse: (raw) => {
      const [reportId = '', town] = raw.split(TOWN_SEPARATOR);
      if (reportId === '') return undefined;
      const known = townOf(town);
      return { reportId, ...(known === undefined ? {} : { town: known }) };
    },
    write: nullable(({ reportId, town }) =>
      town === undefined ? reportId : `${reportId}${TOWN_SEPARATOR}${town}`,
    ),
  },
};

/** The fields of the URL state, in the link's order. */
export const URL_STATE_KEYS = Object.keys(URL_FIELDS) as readonly (keyof UrlState)[];

type MutableUrlState = { -readonly [K in keyof UrlState]?: UrlState[K] };

/** Copies one field; generic so that the key and its value keep their types together. */
function copyField<K extends keyof UrlState>(to: MutableUrlState, from: UrlState, key: K): void {
  to[key] = from[key];
}

function setFallback<K extends keyof UrlState>(to: MutableUrlState, key: K): void {
  to[key] = URL_FIELDS[key].fallback;
}

function buildDefaults(): UrlState {
  const state: MutableUrlState = {};
  for (const key of URL_STATE_KEYS) setFallback(state, key);
  return state as UrlState;
}

export const DEFAULT_URL_STATE: UrlState = buildDefaults();

/** The URL state's part of a larger state (the store's). */
export function urlStateOf(state: UrlState): UrlState {
  const url: MutableUrlState = {};
  for (const key of URL_STATE_KEYS) copyField(url, state, key);
  return url as UrlState;
}

function writeField<K extends keyof UrlState>(state: UrlState, key: K): string | null {
  return URL_FIELDS[key].write(state[key]);
}

function parseField<K extends keyof UrlState>(
  to: MutableUrlState,
  key: K,
  raw: string | null,
): void {
  if (raw === null) return;
  const value = URL_FIELDS[key].parse(raw);
  if (value !== undefined) to[key] = value;
}

export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  for (const key of URL_STATE_KEYS) {
    const written = writeField(state, key);
    if (written !== null) params.set(URL_FIELDS[key].key, written);
  }
  return `#/?${params.toString()}`;
}

export function parseUrlState(hash: string): Partial<UrlState> {
  const query = hash.replace(/^#\/?\??/, '');
  const params = new URLSearchParams(query);
  const state: MutableUrlState = {};
  for (const key of URL_STATE_KEYS) parseField(state, key, params.get(URL_FIELDS[key].key));
  // The indicator names its category: a link never shows one under another's.
  if (state.indicator !== undefined) state.category = INDICATORS[state.indicator].category;
  return state;
}
