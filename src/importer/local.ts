/**
 * The reviewed values of reports imported in this browser, as the value rows
 * the views show (marked `local`): rejected values left out, edited and added
 * ones with the reviewer's figure, as the published data will have them once
 * the package is run through the CLI. Loaded with the importer's code, not
 * with the page.
 */
import { INDICATORS } from '../catalog';
import { compareTowns } from '../extract/data-index';
import { currentImports } from './place';
import type { ImportedReport, ReviewValue } from './workspace';
import {
  parseParts,
  townIdOf,
  townYearKey,
  type DatasetModel,
  type ReportPlace,
  type ValueRow,
} from '../dataset/model';

const NONE: readonly number[] = [];

/** An imported report's place and year; null until it has a town and a year (no place in a chart). */
export function placeOfImport(r: ImportedReport): (ReportPlace & { readonly year: number }) | null {
  const { town, county, city, province, year } = r.metadata;
  if (town === '' || year === null) return null;
  const place = { reportId: r.reportId, town, county, city, province };
  return { ...place, townId: townIdOf(place), year };
}

/**
 * The values of `report` its review withdraws: each derived (a rate of 68 of
 * 73) from another of its figures that the reviewer rejected or changed. The
 * dashboard does not show them, and the package does not publish them (the
 * CLI drops a derived rate once a correction changes either count); the
 * review table says so.
 */
export function withdrawnValues(report: Pick<ImportedReport, 'values'>): ReadonlySet<ReviewValue> {
  const changed = new Set<string>(
    report.values
      .filter((v) => v.decision === 'rejected' || (v.decision === 'edited' && v.edited !== v.found))
      .map((v) => v.indicator),
  );
  return new Set(
    report.values.filter(
      (v) =>
        v.derived &&
        v.decision !== 'edited' &&
        v.decision !== 'rejected' &&
        parseParts(v.parts ?? '').some(
          (p) => p.indicator !== v.indicator && changed.has(p.indicator),
        ),
    ),
  );
}

export function localRowsOf(reports: readonly ImportedReport[]): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const r of reports) {
    const place = placeOfImport(r);
    if (place === null) continue;
    const withdrawn = withdrawnValues(r);
    for (const v of r.values) {
      if (v.decision === 'rejected' || withdrawn.has(v)) continue;
      const value = v.found === null || v.decision === 'edited' ? v.edited : v.found;
      if (value === null) continue;
      const def = INDICATORS[v.indicator];
      // An edited value is the reviewer's, not the sum or rate the parts give.
      const derived = v.derived && v.decision !== 'edited';
      const parts = derived ? parseParts(v.parts ?? '') : [];
      rows.push({
        ...place,
        indicator: v.indicator,
        category: def.category,
        value,
        unit: def.unit,
        qualifier: v.decision === 'edited' && v.found !== null ? '=' : v.qualifier,
        derived,
        correction: v.found === null ? 'add' : v.decision === 'edited' ? 'override' : '',
        note: '',
        alternativeValues: NONE,
        chosenBy: [],
        start: v.start,
        end: v.end,
        period: '',
        parts,
        local: true,
      });
    }
  }
  return rows;
}

/**
 * The model with the values imported in this browser laid over the published
 * ones: their towns and years join the lists, and a town-year with an
 * imported report (`places`: every placed import, stating figures or not)
 * shows the import's values only — the published report of that town and
 * year is replaced whole, never counted beside it. Marked `local` wherever shown.
 */
export function withLocal(
  model: DatasetModel,
  rows: readonly ValueRow[],
  places: readonly ReportPlace[] = rows,
): DatasetModel {
  const { published } = model;
  if (places.length === 0 && model.local === null) return model;
  const towns = new Map(published.towns.map((t) => [t.id, t]));
  const years = new Set(published.years);
  const indicators = new Set(published.indicators);
  const townYears = new Set<string>();
  for (const place of places) {
    if (place.year === null) continue;
    const town = towns.get(place.townId);
    if (town === undefined) {
      towns.set(place.townId, {
        id: place.townId,
        name: place.town,
        county: place.county,
        city: place.city,
        province: place.province,
        years: [place.year],
      });
    } else if (!town.years.includes(place.year)) {
      // The imported report gives the town a report for that year.
      towns.set(place.townId, {
        ...town,
        years: [...town.years, place.year].sort((a, b) => a - b),
      });
    }
    years.add(place.year);
    townYears.add(townYearKey(place.townId, place.year));
  }
  const byIndicatorYear = new Map<string, Map<string, ValueRow>>();
  for (const row of rows) {
    if (row.year === null) continue;
    indicators.add(row.indicator);
    const key = `${row.indicator}|${row.year}`;
    const byTown = byIndicatorYear.get(key) ?? new Map<string, ValueRow>();
    byTown.set(row.townId, row);
    byIndicatorYear.set(key, byTown);
  }
  const changed = published.towns.some((t) => towns.get(t.id) !== t);
  const allTowns =
    towns.size === published.towns.length && !changed
      ? published.towns
      : [...towns.values()].sort(compareTowns);
  return {
    ...model,
    towns: allTowns,
    townById: allTowns === model.towns ? model.townById : new Map(allTowns.map((t) => [t.id, t])),
    years: [...years].sort((a, b) => a - b),
    indicatorsWithData: indicators,
    local: places.length === 0 ? null : { rows, byIndicatorYear, townYears },
  };
}

/** The model with these imported reports' reviewed values laid over it (of two of one town and year, the later). */
export function withLocalReports(
  model: DatasetModel,
  reports: readonly ImportedReport[],
): DatasetModel {
  const current = currentImports(reports);
  return withLocal(
    model,
    localRowsOf(current),
    current.flatMap((r) => placeOfImport(r) ?? []),
  );
}
