/**
 * The published data layout: every value and report of one county's towns
 * together (counties/<n>/{values,reports}.csv: a town's profile and its
 * report's sources), the values again as one file per indicator and year
 * (indicators/<id>/<year>.csv: what the charts draw), reports.csv (the
 * report list), and a small index.json of towns, years and files. The app
 * reads the index first and fetches only what a view shows, so a
 * province's first chart (one indicator, one year) costs one small file, not
 * the whole table. The complete tables (indicators.csv, mentions.csv,
 * unused.csv: what a person opens in Excel) are written only when asked for
 * (layout.ts); the dashboard reads a report's mentions and unused numbers
 * off its text (packed with others' in texts/, see text-packs.ts).
 *
 * Pure: shared by the CLI (which writes it) and the data layer (which reads it).
 */
import { CATALOG_VERSION, INDICATOR_IDS, type IndicatorId } from '../catalog';
import { TEXTS_FOLDER } from './text-packs';

/**
 * 7: the report texts packed (texts/<n>.txt, text-packs.ts), each report's
 * row saying where its text is. 6: the value files without the columns their
 * place gives (an indicator's file: its indicator and year, and each town by
 * its number in `towns`; a county's: its reports' places and years).
 */
export const INDEX_FORMAT = 7;

/** The index's own file, at the top of the data folder. */
export const INDEX_FILE = 'index.json';

export interface IndexTown {
  readonly id: string;
  readonly name: string;
  readonly county: string;
  readonly city: string;
  readonly province: string;
  /**
   * The years the town has a readable report for, ascending: a figure missing
   * in one of them is 报告未提及 (not mentioned), in any other year 无本年度报告.
   */
  readonly years: readonly number[];
}

export interface IndexFile {
  /** Path relative to the data folder. */
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
}

export interface IndexYearFile extends IndexFile {
  readonly year: number;
}

export interface IndexIndicator {
  readonly id: IndicatorId;
  /** Rows with a value (a correction may delete one: the row stays, valueless). */
  readonly values: number;
  /** The indicator's values, one file per year (rows without a year are in their county's file only). */
  readonly years: readonly IndexYearFile[];
}

/** Every row of one county's towns (and of its reports), all indicators and years. */
export interface IndexCounty {
  /** countyKeyOf the towns it holds. */
  readonly key: string;
  readonly values: IndexFile;
  readonly reports: IndexFile;
}

export interface DataIndex {
  readonly format: number;
  /**
   * The catalog version the data was extracted with (CATALOG_VERSION): the
   * app warns when it reads another. Absent in folders written before it was.
   */
  readonly catalog?: string;
  readonly towns: readonly IndexTown[];
  readonly years: readonly number[];
  readonly reports: IndexFile;
  readonly indicators: readonly IndexIndicator[];
  readonly counties: readonly IndexCounty[];
  /**
   * The corrections applied (corrections.csv): the browser's publish package
   * carries them into the next run. Absent in folders written before it was.
   */
  readonly corrections?: IndexFile;
  /** Each pack of texts' size in bytes, by its number (text-packs.ts: packSizesOf). */
  readonly texts: readonly number[];
}

/** The county a town or report belongs to: province, city and county (each may be empty). */
export const countyKeyOf = (place: {
  readonly province: string;
  readonly city: string;
  readonly county: string;
}): string => `${place.province}/${place.city}/${place.county}`;

/** A town is its name within its county, city and province. */
export function townIdOf(row: {
  town: string;
  county: string;
  city: string;
  province: string;
  reportId: string;
}): string {
  if (row.town === '') return `report:${row.reportId}`;
  return [row.province, row.city, row.county, row.town].filter((p) => p !== '').join('/');
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type TownName = Pick<IndexTown, 'name' | 'county' | 'city' | 'province'>;

/** A fixed order, cheap to compute; the town picker sorts by pinyin when opened. */
export function compareTowns(a: TownName, b: TownName): number {
  return (
    byCodePoint(a.province, b.province) ||
    byCodePoint(a.city, b.city) ||
    byCodePoint(a.county, b.county) ||
    byCodePoint(a.name, b.name)
  );
}

export const valuesFileOf = (id: IndicatorId, year: number): string =>
  `indicators/${id}/${year}.csv`;
/** The files of one county. */
export const COUNTY_FILES = ['values', 'reports'] as const;
export type CountyFile = (typeof COUNTY_FILES)[number];
/** Counties are numbered in key order: paths stay plain ASCII on any server. */
export const countyFileOf = (n: number, kind: CountyFile): string => `counties/${n}/${kind}.csv`;
/**
 * The default page's first chart as images, drawn where the data is written
 * (src/preview): what they show is in the descriptor, one SVG per width.
 */
export const FIRST_CHART_FOLDER = 'first-chart';
export const FIRST_CHART_DESCRIPTOR = `${FIRST_CHART_FOLDER}/chart.json`;
export const firstChartImageOf = (width: number): string => `${FIRST_CHART_FOLDER}/${width}.svg`;

/**
 * The shapes of the per-file paths above, for a writer that must tell its
 * own files from others' (test/security/cli-output.test.ts checks that every
 * file a run writes has one of them).
 */
export const SPLIT_PATH_SHAPES: readonly RegExp[] = [
  /^indicators\/[a-z_]+\.[a-z_]+\/\d+\.csv$/,
  // Mentions (each indicator's, each county's) and each county's unused numbers: written
  // by runs before format 4 and 5, replaced by the next run.
  /^mentions\/[a-z_]+\.[a-z_]+\.csv$/,
  /^counties\/\d+\/(mentions|unused)\.csv$/,
  new RegExp(`^counties/\\d+/(${COUNTY_FILES.join('|')})\\.csv$`),
  // The packs of texts (text-packs.ts), and a text per report as runs before format 7 wrote them.
  new RegExp(`^${TEXTS_FOLDER}/[^/]+\\.txt$`),
  new RegExp(`^${FIRST_CHART_FOLDER}/(chart\\.json|\\d+\\.svg)$`),
];

/** Rows grouped by indicator, in catalog order, each group in the input's order. */
export function groupByIndicator<T>(
  rows: readonly T[],
  indicatorOf: (row: T) => IndicatorId,
): Map<IndicatorId, T[]> {
  const groups = new Map<IndicatorId, T[]>(INDICATOR_IDS.map((id) => [id, []]));
  for (const row of rows) groups.get(indicatorOf(row))?.push(row);
  for (const [id, list] of groups) if (list.length === 0) groups.delete(id);
  return groups;
}

export interface Placed {
  readonly reportId: string;
  readonly town: string;
  readonly county: string;
  readonly city: string;
  readonly province: string;
  readonly year: number | null;
}

/**
 * Whether two rows are of one report and place: a report's values come one
 * after another, so what their place gives (a town's number, a county's) is
 * worked out once for them all.
 */
export const samePlace = (a: Placed, b: Placed): boolean =>
  a.reportId === b.reportId &&
  a.town === b.town &&
  a.county === b.county &&
  a.city === b.city &&
  a.province === b.province &&
  a.year === b.year;

export interface IndexSizes {
  readonly reports: number;
  /** Bytes by file path (indicators/<id>/<year>.csv). */
  readonly values: ReadonlyMap<string, number>;
  /** The county files written, in key order. */
  readonly counties: readonly IndexCounty[];
  readonly corrections?: IndexFile;
  readonly texts: readonly number[];
}

/** The values the index counts: where each is and whether it has a value. */
type IndexedValue = Placed & { readonly indicator: IndicatorId; readonly value: number | null };

/** One indicator's count of rows with a value, and its rows per year. */
interface IndicatorTally {
  values: number;
  readonly years: Map<number, number>;
}

export interface IndexBuilder {
  /** One value row, in the values' order (see resolveValues). */
  readonly value: (v: IndexedValue) => void;
  /** Value rows of one place, each of one of `indicators` and each with a value. */
  readonly values: (place: Placed, indicators: readonly IndicatorId[]) => void;
  /**
   * The number of a place's town in the index's `towns` (undefined for a
   * town it does not have). Once asked, the towns are fixed: a value of a
   * new town would renumber them, and throws.
   */
  readonly townNumber: (place: Placed) => number | undefined;
  /** The index, given the sizes of the files written. */
  readonly build: (sizes: IndexSizes) => DataIndex;
}

/**
 * The index of readable reports and values, built one value at a time (a
 * run too large to hold its values writes them as they are resolved).
 * Towns are those of readable reports (and of values, for a caller that
 * gives no reports, until a town number is asked: see townNumber); years
 * those any of them speaks for; `bytes` gives each file's size so the app can choose
 * where to parse it (0 when unknown).
 */
export function indexBuilder(readable: readonly Placed[], reportRows: number): IndexBuilder {
  const towns = new Map<string, Omit<IndexTown, 'years'>>();
  const reportYears = new Map<string, Set<number>>();
  const years = new Set<number>();
  const tallies = new Map<IndicatorId, IndicatorTally>();
  let numbers: Map<string, number> | null = null;
  const sortedTowns = () => [...towns.values()].sort(compareTowns);
  const place = (r: Placed): void => {
    const id = townIdOf(r);
    if (!towns.has(id)) {
      if (numbers !== null)
        throw new Error(`${id}: a town no readable report has, after numbering`);
      towns.set(id, {
        id,
        name: r.town === '' ? r.reportId : r.town,
        county: r.county,
        city: r.city,
        province: r.province,
      });
    }
    if (r.year === null) return;
    years.add(r.year);
    // A value's year is its report's: values count as reports for a caller that passes none.
    const own = reportYears.get(id) ?? new Set<number>();
    own.add(r.year);
    reportYears.set(id, own);
  };
  for (const r of readable) place(r);
  let placed: Placed | undefined;
  const count = (p: Placed, indicator: IndicatorId, hasValue: boolean): void => {
    if (placed === undefined || !samePlace(placed, p)) place(p);
    placed = p;
    let tally = tallies.get(indicator);
    if (tally === undefined) {
      tally = { values: 0, years: new Map() };
      tallies.set(indicator, tally);
    }
    if (hasValue) tally.values++;
    if (p.year !== null) tally.years.set(p.year, (tally.years.get(p.year) ?? 0) + 1);
  };
  const value = (v: IndexedValue): void => count(v, v.indicator, v.value !== null);
  const values = (p: Placed, indicators: readonly IndicatorId[]): void => {
    for (const indicator of indicators) count(p, indicator, true);
  };
  const build = (sizes: IndexSizes): DataIndex => ({
    format: INDEX_FORMAT,
    catalog: CATALOG_VERSION,
    towns: sortedTowns().map((t) => ({
      ...t,
      years: [...(reportYears.get(t.id) ?? [])].sort((a, b) => a - b),
    })),
    years: [...years].sort((a, b) => a - b),
    reports: { file: 'reports.csv', rows: reportRows, bytes: sizes.reports },
    indicators: INDICATOR_IDS.flatMap((id) => {
      const tally = tallies.get(id);
      if (tally === undefined) return [];
      return [
        {
          id,
          values: tally.values,
          years: [...tally.years]
            .sort((a, b) => a[0] - b[0])
            .map(([year, rows]) => ({
              year,
              file: valuesFileOf(id, year),
              rows,
              bytes: sizes.values.get(valuesFileOf(id, year)) ?? 0,
            })),
        },
      ];
    }),
    counties: sizes.counties,
    ...(sizes.corrections === undefined ? {} : { corrections: sizes.corrections }),
    texts: sizes.texts,
  });
  const townNumber = (p: Placed): number | undefined => {
    numbers ??= new Map(sortedTowns().map((t, n) => [t.id, n]));
    return numbers.get(townIdOf(p));
  };
  return { value, values, townNumber, build };
}

/** The index of readable reports and values held in memory (see indexBuilder). */
export function assembleIndex(
  readable: readonly Placed[],
  values: readonly IndexedValue[],
  reportRows: number,
  sizes: IndexSizes,
): DataIndex {
  const builder = indexBuilder(readable, reportRows);
  for (const v of values) builder.value(v);
  return builder.build(sizes);
}

/** Rows grouped by county key, keys in code-point order (the files' numbering). */
export function groupByCounty<T>(
  rows: readonly T[],
  keyOf: (row: T) => string | undefined,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  return new Map([...groups].sort((a, b) => byCodePoint(a[0], b[0])));
}

/** Rows grouped by year, years ascending; rows without a year are left out. */
export function groupByYear<T extends { readonly year: number | null }>(
  rows: readonly T[],
): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    if (row.year === null) continue;
    const list = groups.get(row.year) ?? [];
    list.push(row);
    groups.set(row.year, list);
  }
  return new Map([...groups].sort((a, b) => a[0] - b[0]));
}
