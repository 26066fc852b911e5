/**
 * The reviewed values of reports imported in this browser, as the value rows
 * the views show (marked `local`): rejected values left out, edited and added
 * ones with the reviewer's figure, as the published data will have them once
 * the package is run through the CLI.
 */
import { INDICATORS } from '../catalog';
import type { ImportedReport } from './import/workspace';
import { townIdOf, type ValueRow } from './model';

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
        derived: v.derived,
        correction: v.found === null ? 'add' : v.decision === 'edited' ? 'override' : '',
        note: '',
        alternativeValues: NONE,
        start: v.start,
        end: v.end,
        period: '',
        parts: [],
        local: true,
      });
    }
  }
  return rows;
}
