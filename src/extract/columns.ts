/**
 * The columns of every CSV file the pipeline reads or writes, each defined
 * once: the two files a person (or the browser importer) writes next to the
 * reports, and the four datasets the CLI writes (output.ts) and the dashboard
 * reads (dataset/parse.ts derives its row schemas from these tables). No
 * imports: the browser's data layer and the importer's page code read them
 * without pulling in the extractor.
 */
/**
 * The fields of a report's place: those the extractor may fill from the
 * registry of divisions, listed in reports.csv's `inferred` column.
 */
export const PLACE_FIELDS = ['town', 'county', 'city', 'province'] as const;
export type PlaceField = (typeof PLACE_FIELDS)[number];

/** What a report is, as the manifest and reports.csv both begin: its id, place, year and date. */
const REPORT_KEY = ['report_id', ...PLACE_FIELDS, 'year', 'published'] as const;

/** The manifest's columns, in the order a written manifest has them. */
export const MANIFEST_COLUMNS = [...REPORT_KEY, 'title'] as const;

/** The corrections file's columns, in the order a written one has them. */
export const CORRECTION_COLUMNS = [
  'report_id',
  'indicator',
  'value',
  'qualifier',
  'start',
  'end',
  'note',
] as const;

/**
 * The formats a report is read from (src/documents), reports.csv's `format`
 * column: in the order one is preferred when a report came as two files.
 */
export const DOCUMENT_FORMATS = ['txt', 'docx', 'doc', 'html', 'mhtml', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * A report's status in reports.csv: read with no doubt, read with something
 * to check, the same report as another file (counted once, from the other),
 * or not read.
 */
export const REPORT_STATUSES = ['ok', 'warning', 'duplicate', 'error'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Whether a report of this status counts: its town, year and values are in the dataset. */
export const isCounted = (status: ReportStatus): boolean => status === 'ok' || status === 'warning';

/** reports.csv (each county's counties/<n>/reports.csv: COUNTY_REPORT_COLUMNS). */
export const REPORT_COLUMNS = [
  ...REPORT_KEY,
  'chars',
  'status',
  'message',
  'file',
  'format',
  'encoding',
  'mentions',
  'unused',
  'unused_no_rule',
  'from_manifest',
  'title',
  'inferred',
  'notes',
  // Where the report's text is (text-packs.ts).
  'text_file',
  'text_offset',
  'text_length',
] as const;

/**
 * The columns of reports.csv the dashboard does not read (how the file was
 * read, for the person who checks it): a county's reports leave them out.
 */
const REPORT_TABLE_ONLY = [
  'chars',
  'file',
  'format',
  'encoding',
  'from_manifest',
] as const satisfies readonly ReportColumn[];

/** Each county's reports (counties/<n>/reports.csv): the columns the dashboard reads. */
export const COUNTY_REPORT_COLUMNS = REPORT_COLUMNS.filter(
  (c): c is Exclude<ReportColumn, (typeof REPORT_TABLE_ONLY)[number]> =>
    !(REPORT_TABLE_ONLY as readonly string[]).includes(c),
);

/** mentions.csv. */
export const MENTION_COLUMNS = [
  'report_id',
  'indicator',
  'value',
  'unit',
  'qualifier',
  'start',
  'end',
  'quote',
  'category',
  'rule',
  'period',
  'num_start',
  'num_end',
  'sentence_start',
  'sentence_end',
] as const;

/** indicators.csv (the files the dashboard reads: SITE_VALUE_COLUMNS, COUNTY_VALUE_COLUMNS). */
export const INDICATOR_COLUMNS = [
  'report_id',
  ...PLACE_FIELDS,
  'year',
  'indicator',
  'value',
  'unit',
  'qualifier',
  'derived',
  'corrected',
  'alternatives',
  'start',
  'end',
  'category',
  'unit_written',
  'mentions',
  'alternative_values',
  'chosen_by',
  'correction',
  'note',
  'period',
  'quote',
  'parts',
] as const;

/**
 * The columns of indicators.csv the dashboard does not read (counts, the
 * category, which the catalog gives, and the unit as the report wrote it,
 * which the quote shows): only the complete table holds them.
 */
const VALUE_TABLE_ONLY = [
  'alternatives',
  'category',
  'mentions',
  'unit_written',
] as const satisfies readonly IndicatorColumn[];

/**
 * What neither value file the dashboard reads holds, besides: the unit (the
 * catalog's for the indicator) and `corrected` (whether `correction` is set).
 */
const DERIVED_VALUE_COLUMNS = ['unit', 'corrected'] as const satisfies readonly IndicatorColumn[];

/**
 * The town of a row of an indicator's file of a year, as its number in
 * index.json's `towns` (from 0): the town's name, county, city and province
 * are there once.
 */
export const TOWN_NUMBER_COLUMN = 'town_number';

/**
 * Each indicator's values of a year (indicators/<id>/<year>.csv): what the
 * dashboard reads, and the quote its exports take. The indicator and the
 * year are the file's; the place is the town's number (TOWN_NUMBER_COLUMN).
 */
const INDICATOR_FILE_LEAVES_OUT = [
  ...VALUE_TABLE_ONLY,
  ...DERIVED_VALUE_COLUMNS,
  ...PLACE_FIELDS,
  'year',
  'indicator',
] as const satisfies readonly IndicatorColumn[];

/**
 * A county's values (counties/<n>/values.csv): what the dashboard reads. The
 * place and the year are the report's (in the county's reports.csv, beside
 * it); no quote (its reports' source panels cut it from the text they show,
 * exports take it from the indicators' files).
 */
const COUNTY_FILE_LEAVES_OUT = [
  ...VALUE_TABLE_ONLY,
  ...DERIVED_VALUE_COLUMNS,
  ...PLACE_FIELDS,
  'year',
  'quote',
] as const satisfies readonly IndicatorColumn[];

const without = <C extends IndicatorColumn>(leftOut: readonly C[]) =>
  INDICATOR_COLUMNS.filter((c): c is Exclude<IndicatorColumn, C> => !leftOut.includes(c as C));

export const SITE_VALUE_COLUMNS = [
  'report_id',
  TOWN_NUMBER_COLUMN,
  ...without(INDICATOR_FILE_LEAVES_OUT).filter((c) => c !== 'report_id'),
] as const;
export const COUNTY_VALUE_COLUMNS = without(COUNTY_FILE_LEAVES_OUT);

/** unused.csv. */
export const UNUSED_COLUMNS = [
  'report_id',
  'start',
  'end',
  'value',
  'unit',
  'reason',
  'text',
  'context',
] as const;

export type ReportColumn = (typeof REPORT_COLUMNS)[number];
export type MentionColumn = (typeof MENTION_COLUMNS)[number];
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];
export type SiteValueColumn = (typeof SITE_VALUE_COLUMNS)[number];
export type CountyValueColumn = (typeof COUNTY_VALUE_COLUMNS)[number];
export type UnusedColumn = (typeof UNUSED_COLUMNS)[number];
