import type { IndicatorId } from '../../src/catalog';
import {
  buildModel,
  townIdOf,
  type ReportInfo,
  type ReportPlace,
  type ValueRow,
} from '../../src/dataset/model';
import { INDICATORS } from '../../src/catalog';

export function value(
  town: string,
  year: number,
  indicator: IndicatorId,
  v: number | null,
  extra: Partial<ValueRow> = {},
): ValueRow {
  const base = { town, county: '某县', city: '', province: '', reportId: `${town}-${year}` };
  return {
    ...base,
    townId: townIdOf(base),
    year,
    indicator,
    category: INDICATORS[indicator].category,
    value: v,
    unit: INDICATORS[indicator].unit,
    qualifier: '=',
    derived: false,
    correction: '',
    note: '',
    alternativeValues: [],
    chosenBy: [],
    start: 0,
    end: 5,
    period: '',
    parts: [],
    ...extra,
  };
}

export function report(town: string, year: number): ReportInfo {
  const base = { town, county: '某县', city: '', province: '', reportId: `${town}-${year}` };
  return reportAt({ ...base, townId: townIdOf(base), year });
}

/** A counted report of this place with one mention. */
export function reportAt(place: ReportPlace): ReportInfo {
  return {
    ...place,
    published: '',
    title: '',
    status: 'ok',
    message: '',
    notes: null,
    mentions: 1,
    unused: 0,
    unusedNoRule: 0,
    inferred: [],
    text: null,
  };
}

export const MODEL = buildModel(
  [
    value('甲镇', 2022, 'mediation.cases', 100),
    value('甲镇', 2024, 'mediation.cases', 150),
    value('乙镇', 2023, 'mediation.cases', 80),
    value('乙镇', 2024, 'mediation.cases', 190, { qualifier: '>=' }),
    value('丙镇', 2024, 'mediation.success_rate', 99.5),
    value('甲镇', 2024, 'mediation.success_rate', 97),
    value('乙镇', 2024, 'mediation.success_rate', 100),
    value('乙镇', 2023, 'mediation.success_rate', 96),
    value('丙镇', 2024, 'petition.cases', null, { correction: 'delete' }),
  ],
  [report('甲镇', 2024), report('乙镇', 2024), report('丙镇', 2024), report('丁镇', 2024)],
);
