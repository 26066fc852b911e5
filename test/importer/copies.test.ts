import { describe, expect, it } from 'vitest';
import { sameReport } from '../../src/importer/copies';
import { NO_UNUSED } from '../../src/importer/unused';
import type { ExtractedReport, ReviewValue } from '../../src/importer/workspace';
import { pendingCases } from './review';

function report(town: string, year: number | null, values: ReviewValue[]): ExtractedReport {
  return {
    reportId: `${town}-${year ?? 'x'}`,
    file: `${town}.txt`,
    format: 'txt',
    encoding: 'utf-8',
    text: '',
    metadata: { town, county: '某县', city: '', province: '', year, published: '', title: '' },
    values,
    unused: NO_UNUSED,
  };
}

describe('sameReport', () => {
  it('is one report as the CLI tells them: town, county, year and the same figures, at least one', () => {
    expect(
      sameReport(
        report('甲镇', 2024, [pendingCases(208)]),
        report('甲镇', 2024, [pendingCases(208)]),
      ),
    ).toBe(true);
    // A value the reviewer added is theirs, not the text's.
    const added = {
      ...pendingCases(5),
      indicator: 'mediation.teams' as const,
      found: null,
      edited: 5,
    };
    expect(
      sameReport(
        report('甲镇', 2024, [pendingCases(208), added]),
        report('甲镇', 2024, [pendingCases(208)]),
      ),
    ).toBe(true);
    expect(
      sameReport(
        report('甲镇', 2024, [pendingCases(208)]),
        report('甲镇', 2024, [pendingCases(209)]),
      ),
    ).toBe(false);
    expect(
      sameReport(
        report('甲镇', 2024, [pendingCases(208)]),
        report('甲镇', 2023, [pendingCases(208)]),
      ),
    ).toBe(false);
    // No year found, or no figure: two such reports are never taken for one.
    expect(
      sameReport(
        report('甲镇', null, [pendingCases(208)]),
        report('甲镇', null, [pendingCases(208)]),
      ),
    ).toBe(false);
    expect(sameReport(report('甲镇', 2024, []), report('甲镇', 2024, []))).toBe(false);
  });
});
