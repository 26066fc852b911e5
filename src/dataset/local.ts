/**
 * The reviewed values of reports imported in this browser, as the value rows
 * the views show (marked `local`): rejected values left out, edited and added
 * ones with the reviewer's figure, as the published data will have them once
 * the package is run through the CLI. Loaded with the importer's code, not
 * with the page.
 */
import { INDICATORS } from '../catalog';
import { compareTowns } from '../extract/data-index';
import type { ImportedReport } from './import/workspace';
import { parseParts, townIdOf, type DatasetModel, type ValueRow } from './model';

const NONE: readonly number[] = [];

export function localRowsOf(reports: readonly ImportedReport[]): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const r of reports) {
    const { town, county, city, province, year } = r.metadata;
    // Without a town or a year a value has no place in a chart.
    if (town === '' || year === null) continue;
    const place = { reportId: r.reportId, town, county, city, province };
    const townId = townIdOf(place);
    for (const v of r.values) {
      if (v.decision === 'rejected') continue;
      const value = v.found === null || v.decision === 'edited' ? v.edited : v.found;
      if (value === null) continue;
      const def = INDICATORS[v.indicator];
      // An edited value is the reviewer's, not the sum or rate the parts give.
      const derived = v.derived && v.decision !== 'edited';
      rows.push({
        ...place,
        townId,
        year,
        indicator: v.indicator,
        category: def.category,
        value,
        unit: def.unit,
        unitWritten: v.unit,
        qualifier: v.decision === 'edited' && v.found !== null ? '=' : v.qualifier,
        derived,
        correction: v.found === null ? 'add' : v.decision === 'edited' ? 'override' : '',
        note: '',
        alternativeValues: NONE,
        chosenBy: [],
        start: v.start,
        end: v.end,
        period: '',
        parts: derived ? parseParts(v.parts ?? '') : [],
        local: true,
      });
    }
  }
  return rows;
}

/**
 * The model with the values imported in this browser laid over the published
 * ones: their towns and years join the lists, and for a town, indicator and
 * year a local value stands in for the published one (it is the newer,
 * reviewed figure). Marked `local` wherever shown.
 */
export function withLocal(model: DatasetModel, rows: readonly ValueRow[]): DatasetModel {
  const { published } = model;
  if (rows.length === 0 && model.local === null) return model;
  const towns = new Map(published.towns.map((t) => [t.id, t]));
  const years = new Set(published.years);
  const indicators = new Set(published.indicators);
  const byIndicatorYear = new Map<string, Map<string, ValueRow>>();
  for (const row of rows) {
    if (row.year === null) continue;
    if (!towns.has(row.townId)) {
      towns.set(row.townId, {
        id: row.townId,
        name: row.town,
        county: row.county,
        city: row.city,
        province: row.province,
      });
    }
    years.add(row.year);
    indicators.add(row.indicator);
    const key = `${row.indicator}|${row.year}`;
    const byTown = byIndicatorYear.get(key) ?? new Map<string, ValueRow>();
    byTown.set(row.townId, row);
    byIndicatorYear.set(key, byTown);
  }
  const allTowns =
    towns.size === published.towns.length
      ? published.towns
      : [...towns.values()].sort(compareTowns);
  return {
    ...model,
    towns: allTowns,
    townById: allTowns === model.towns ? model.townById : new Map(allTowns.map((t) => [t.id, t])),
    years: [...years].sort((a, b) => a - b),
    indicatorsWithData: indicators,
    local: rows.length === 0 ? null : { rows, byIndicatorYear },
  };
}

/** The model with these imported reports' reviewed values laid over it. */
export function withLocalReports(
  model: DatasetModel,
  reports: readonly ImportedReport[],
): DatasetModel {
  return withLocal(model, localRowsOf(reports));
}
