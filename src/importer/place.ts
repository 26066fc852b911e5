/**
 * An imported report's place as the published data knows it. A report is its
 * town, county and year: the CLI applied the manifest (data/reports/reports.csv)
 * to the published reports, and an import of the same report must land on
 * the same town, or it is counted as a second 红格镇 beside the first.
 *
 * Light (no extractor): the page applies it when a batch arrives and when the
 * reviewer changes a place.
 */
import { reportIdFromFileName } from '../extract/names';
import { townIdOf, townYearKey, type ReportInfo, type Town } from '../dataset/model';
import type { ReportMetadata } from './workspace';

type Place = Pick<ReportMetadata, 'town' | 'county' | 'city' | 'province'>;

/** Equal, or left blank by the import. */
const fits = (mine: string, published: string): boolean => mine === '' || mine === published;

/**
 * The published town an import's town and county name (its city and
 * province blank or the same), when exactly one does; its city and province
 * complete the import's place. A town without a county is no published
 * town: 城关镇 alone names dozens.
 */
export function publishedTownOf(place: Place, towns: readonly Town[]): Town | null {
  if (place.town === '' || place.county === '') return null;
  const found = towns.filter(
    (t) =>
      t.name === place.town &&
      t.county === place.county &&
      fits(place.city, t.city) &&
      fits(place.province, t.province),
  );
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** The metadata with the city and province of the published town it names (unchanged if none). */
export function withPublishedPlace(
  metadata: ReportMetadata,
  towns: readonly Town[],
): ReportMetadata {
  const town = publishedTownOf(metadata, towns);
  if (town === null || (town.city === metadata.city && town.province === metadata.province)) {
    return metadata;
  }
  return { ...metadata, city: town.city, province: town.province };
}

/** What the page knows of the published data when a batch arrives. */
export interface PublishedKnown {
  /** The published towns (index.json). */
  readonly towns: readonly Town[];
  /** reports.csv, once loaded (the import view asks for it). */
  readonly reports: ReadonlyMap<string, ReportInfo> | null;
}

/**
 * A newly imported report's metadata: a published report's own file
 * (its id from the same file name) gets the place, year, date and title the
 * CLI published for it, manifest applied; any report naming a published
 * town's town and county gets that town's city and province.
 */
export function placeImport(
  imported: { readonly file: string; readonly metadata: ReportMetadata },
  published: PublishedKnown,
): ReportMetadata {
  const same = published.reports?.get(reportIdFromFileName(imported.file));
  const m = imported.metadata;
  const metadata: ReportMetadata =
    same === undefined || same.town === ''
      ? m
      : {
          town: same.town,
          county: same.county || m.county,
          city: same.city || m.city,
          province: same.province || m.province,
          year: same.year ?? m.year,
          published: same.published || m.published,
          title: same.title || m.title,
        };
  return withPublishedPlace(metadata, published.towns);
}

/** A report's identity, its town and year (townYearKey); null until it has both. */
export function identityOf(r: {
  readonly reportId: string;
  readonly metadata: ReportMetadata;
}): string | null {
  const { year } = r.metadata;
  if (r.metadata.town === '' || year === null) return null;
  return townYearKey(townIdOf({ ...r.metadata, reportId: r.reportId }), year);
}

/**
 * The imports that count: of two imported reports of one town and year the
 * later one (one report per town and year, as published), and every report
 * not yet placed.
 */
export function currentImports<
  T extends { readonly reportId: string; readonly metadata: ReportMetadata },
>(reports: readonly T[]): T[] {
  const last = new Map<string, T>();
  for (const r of reports) {
    const id = identityOf(r);
    if (id !== null) last.set(id, r);
  }
  return reports.filter((r) => {
    const id = identityOf(r);
    return id === null || last.get(id) === r;
  });
}
