import { describe, expect, it } from 'vitest';
import { withIndicatorYear, withReports } from '../../src/dataset/model';
import { selectIndicatorModel } from '../../src/store';
import { MODEL, report, value } from '../dataset/fixtures';

// What a view of one indicator-year is handed: the same object (so it does
// not render again) until something it reads changes.
describe('selectIndicatorModel', () => {
  const rows = [value('甲镇', 2024, 'petition.visitors', 12)];

  it('keeps the model while only other indicator-years arrive', () => {
    const select = selectIndicatorModel(['mediation.cases'], [2024]);
    const first = select({ model: MODEL });
    expect(first).toBe(MODEL);
    const other = withIndicatorYear(MODEL, 'petition.visitors', 2024, rows);
    expect(select({ model: other })).toBe(MODEL);
    // The same request asked with new arrays (a view's next render) is the same request.
    expect(selectIndicatorModel(['mediation.cases'], [2024])({ model: other })).toBe(MODEL);
  });

  it('hands a new model when its own values, the reports or the towns change', () => {
    const select = selectIndicatorModel(['petition.visitors'], [2024]);
    expect(select({ model: MODEL })).toBe(MODEL);
    const own = withIndicatorYear(MODEL, 'petition.visitors', 2024, rows);
    expect(select({ model: own })).toBe(own);
    const reports = withReports(own, [report('甲镇', 2024)]);
    expect(select({ model: reports })).toBe(reports);
    const towns = { ...reports, towns: reports.towns.slice(1) };
    expect(select({ model: towns })).toBe(towns);
  });

  it('is null without a model, and every year by default', () => {
    expect(selectIndicatorModel(['mediation.cases'])({ model: null })).toBeNull();
    const select = selectIndicatorModel(['mediation.cases']);
    expect(select({ model: MODEL })).toBe(MODEL);
    const year2022 = withIndicatorYear(MODEL, 'mediation.cases', 2022, [
      value('甲镇', 2022, 'mediation.cases', 101),
    ]);
    expect(select({ model: year2022 })).toBe(year2022);
  });
});
