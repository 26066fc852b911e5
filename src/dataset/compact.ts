/**
 * Rows made compact: their repeated strings shared, their empty lists one
 * frozen list, in place. For rows parsed on this thread and again for rows
 * the parsing worker posted (structured clone copies every string).
 */
import type { CategoryId, IndicatorId, Qualifier, ResolutionRule } from '../catalog';
import { INDICATORS } from '../catalog';
import { NO_FIELDS, NO_RULES } from './csv-fields';
import type { ReportInfo, ReportPlace, ValueRow } from './model';

/**
 * Shared strings. At province scale a view holds tens of thousands of rows
 * that repeat a few thousand town names, report ids, units and periods; each
 * parsed field would otherwise be its own string, and a long one a slice that
 * keeps the whole file's text alive. Every repeated field goes through here:
 * one flat copy per distinct value (JSON round trip: a fresh string, not a
 * slice of the file).
 */
const pool = new Map<string, string>();
function shared(s: string): string {
  if (s === '') return '';
  let kept = pool.get(s);
  if (kept === undefined) {
    kept = JSON.parse(JSON.stringify(s)) as string;
    pool.set(kept, kept);
  }
  return kept;
}

type TownPlace = Pick<ReportPlace, 'townId' | 'town' | 'county' | 'city' | 'province'>;
const townPlaces = new Map<string, TownPlace>();

/**
 * A row's town, id and names shared, found by its id: one lookup for the
 * five (each string hashed to be looked up costs a nation's page seconds).
 * The first place seen with an id is kept; another place that makes the
 * same id (names split differently between county and city) is shared
 * string by string.
 */
function sharedTown(r: TownPlace): TownPlace {
  const kept = townPlaces.get(r.townId);
  if (
    kept !== undefined &&
    kept.town === r.town &&
    kept.county === r.county &&
    kept.city === r.city &&
    kept.province === r.province
  ) {
    return kept;
  }
  const town = {
    townId: shared(r.townId),
    town: shared(r.town),
    county: shared(r.county),
    city: shared(r.city),
    province: shared(r.province),
  };
  if (kept === undefined) townPlaces.set(town.townId, town);
  return town;
}

/** The catalog's own string when `s` is it, else shared. */
const catalogString = (s: string, own: string | undefined): string => (s === own ? own : shared(s));

const NO_NUMBERS: readonly number[] = Object.freeze([]);
const NO_PARTS: ValueRow['parts'] = Object.freeze([]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A row's place fields set to its town's shared strings (see sharedTown). */
function shareTown(r: Mutable<ReportPlace>): void {
  const town = sharedTown(r);
  r.reportId = shared(r.reportId);
  r.townId = town.townId;
  r.town = town.town;
  r.county = town.county;
  r.city = town.city;
  r.province = town.province;
}

/**
 * A value row with shared strings, made so in place: for rows parsed on this
 * thread, and again for rows a worker posted (structured clone copies every
 * string, even an indicator's id: a nation's overview held 840,000 copies of
 * ids and categories, a sixth of its heap). In place rather than copied: a
 * posted row is already an object of its own, and copying the half million
 * of a nation's overview raised the page's peak heap by a fifth or more.
 */
export function compactValue(row: ValueRow): ValueRow {
  const v = row as Mutable<ValueRow>;
  shareTown(v);
  const indicator = shared(v.indicator) as IndicatorId;
  const spec = INDICATORS[indicator] as (typeof INDICATORS)[IndicatorId] | undefined;
  v.indicator = indicator;
  v.category = catalogString(v.category, spec?.category) as CategoryId;
  v.unit = catalogString(v.unit, spec?.unit);
  v.qualifier = shared(v.qualifier) as Qualifier;
  v.correction = shared(v.correction) as ValueRow['correction'];
  v.note = shared(v.note);
  v.alternativeValues = v.alternativeValues.length === 0 ? NO_NUMBERS : v.alternativeValues;
  v.chosenBy =
    v.chosenBy.length === 0 ? NO_RULES : v.chosenBy.map((rule) => shared(rule) as ResolutionRule);
  v.period = shared(v.period);
  v.parts =
    v.parts.length === 0
      ? NO_PARTS
      : v.parts.map((p) => ({ indicator: shared(p.indicator), start: p.start, end: p.end }));
  return v;
}

/** A report row with shared strings, made so in place (see compactValue). */
export function compactReport(row: ReportInfo): ReportInfo {
  const r = row as Mutable<ReportInfo>;
  shareTown(r);
  r.published = shared(r.published);
  r.message = shared(r.message);
  r.inferred = r.inferred.length === 0 ? NO_FIELDS : r.inferred;
  if (r.text !== null) r.text = { ...r.text, file: shared(r.text.file) };
  return r;
}
