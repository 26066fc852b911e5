/**
 * The columns of the two files a person (or the browser importer) writes next
 * to the reports. No imports: the importer's page code reads them without
 * pulling in the extractor.
 */
/** The manifest's columns, in the order a written manifest has them. */
export const MANIFEST_COLUMNS = [
  'report_id',
  'town',
  'county',
  'city',
  'province',
  'year',
  'published',
  'title',
] as const;

/**
 * The fields of a report's place: those the extractor may fill from the
 * registry of divisions, listed in reports.csv's `inferred` column.
 */
export const PLACE_FIELDS = ['town', 'county', 'city', 'province'] as const;
export type PlaceField = (typeof PLACE_FIELDS)[number];

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
