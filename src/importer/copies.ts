/**
 * A report imported again (the same files dropped twice, say): kept once, as
 * it was already imported and perhaps reviewed, the copy named as the CLI
 * names a report sent twice (same_report).
 */
import { note } from '../extract/report-notes';
import type { ExtractedReport, ImportedReport, ImportProblem } from './workspace';

/**
 * Whether two imported reports are one report, as the CLI's same_report
 * tells them (sameReports, src/extract/finalize.ts): a town and a year, the
 * same town, county and year, and the same figures found in the text, at
 * least one (a value added by hand is the reviewer's, not the text's). Two
 * reports whose town or year was not found, or that state no figure, are
 * never one.
 */
export function sameReport(a: ExtractedReport, b: ExtractedReport): boolean {
  const [m, n] = [a.metadata, b.metadata];
  if (m.town === '' || m.year === null) return false;
  if (m.town !== n.town || m.county !== n.county || m.year !== n.year) return false;
  const found = (r: ExtractedReport) => r.values.filter((v) => v.found !== null);
  const [x, y] = [found(a), found(b)];
  return (
    x.length > 0 &&
    x.length === y.length &&
    x.every((v, i) => {
      const w = y[i];
      return w?.indicator === v.indicator && w.found === v.found && w.qualifier === v.qualifier;
    })
  );
}

/** The batch's reports not already imported (nor twice in it), and each copy left out, named. */
export function withoutCopies(
  imported: readonly ImportedReport[],
  batch: readonly ImportedReport[],
): { readonly reports: ImportedReport[]; readonly copies: ImportProblem[] } {
  const reports: ImportedReport[] = [];
  const copies: ImportProblem[] = [];
  for (const r of batch) {
    const had = imported.find((x) => sameReport(x, r)) ?? reports.find((x) => sameReport(x, r));
    if (had === undefined) reports.push(r);
    else
      copies.push({
        file: r.file,
        note: note('same_report', { report: had.reportId, file: had.file }),
      });
  }
  return { reports, copies };
}
