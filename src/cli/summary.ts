/** The summary a run prints: reports, values per category, what was written. */
import {
  CATEGORIES,
  CATEGORY_IDS,
  INDICATORS,
  type CategoryId,
  type IndicatorId,
} from '../catalog';
import { COMPLETE_TABLES, notesText } from '../extract';
import { REPORT_STATUSES } from '../extract/columns';
import type { CliOptions } from './args';
import type { Precompressed } from './precompress';
import type { Output } from './run';
import type { Written } from './write-data';
import { formatTable } from './table';

export interface RunSummary {
  readonly written: Written;
  readonly options: CliOptions;
  readonly bytesRead: number;
  readonly seconds: number;
  /** Errors printed above (reports, files not read, manifest and correction rows). */
  readonly failures: number;
  /** The gzip copies written (`--gzip`), or null. */
  readonly precompressed: Precompressed | null;
}

export function printSummary(
  { written, options, bytesRead, seconds, failures, precompressed }: RunSummary,
  output: Output,
): void {
  const reports = written.reports;
  const inCategory = (counts: ReadonlyMap<IndicatorId, number>, c: CategoryId): number =>
    [...counts].reduce((sum, [id, n]) => sum + (INDICATORS[id].category === c ? n : 0), 0);
  const sum = (counts: ReadonlyMap<IndicatorId, number>): number =>
    [...counts.values()].reduce((a, b) => a + b, 0);
  const count = (status: string): number => reports.filter((r) => r.status === status).length;
  output.out('');
  const counts = REPORT_STATUSES.filter((s) => s !== 'duplicate' || count(s) > 0).map(
    (s) => `${s} ${count(s)}`,
  );
  output.out(`Reports: ${reports.length} (${counts.join(', ')})`);
  const shown =
    options.verbose || reports.length <= 50 ? reports : reports.filter((r) => r.status === 'error');
  if (shown.length > 0) {
    output.out(
      formatTable(
        ['report', 'format', 'status', 'town', 'year', 'mentions', 'unused', 'no rule'],
        shown.map((r) => [
          r.reportId,
          r.format || '—',
          r.status,
          r.metadata.town || '—',
          r.metadata.year === null ? '—' : String(r.metadata.year),
          String(r.mentions),
          String(r.unused),
          String(r.unusedNoRule),
        ]),
        [false, false, false, false, true, true, true, true],
      ),
    );
  }
  // Why each shown warning is one, in English (reports.csv words them in Chinese).
  const warned = shown.filter((r) => r.status === 'warning');
  if (warned.length > 0) {
    output.out('To check:');
    for (const r of warned) output.out(`  ${r.reportId}: ${notesText('en', r.notes)}`);
  }
  if (shown.length < reports.length) {
    output.out(`(${reports.length - shown.length} more reports: see reports.csv, or --verbose)`);
  }
  output.out('');
  output.out('Values per category (town × year × indicator):');
  output.out(
    formatTable(
      ['category', 'values', 'mentions'],
      CATEGORY_IDS.map((c) => [
        `${c} ${CATEGORIES[c].zh}`,
        String(inCategory(written.values, c)),
        String(inCategory(written.mentions, c)),
      ]),
      [false, true, true],
    ),
  );
  const mb = bytesRead / 1e6;
  output.out('');
  output.out(
    `Wrote ${sum(written.values)} values, ${sum(written.mentions)} mentions and ${written.unused} unused numbers to ${options.outDir} in ${seconds.toFixed(2)} s (${mb.toFixed(1)} MB, ${(mb / Math.max(seconds, 1e-9)).toFixed(1)} MB/s).`,
  );
  if (precompressed !== null) {
    output.out(
      `Wrote gzip copies of ${precompressed.files} files beside them: ${(precompressed.bytes / 1e6).toFixed(1)} MB sent as ${(precompressed.gzipBytes / 1e6).toFixed(1)} MB by a server with gzip_static.`,
    );
  }
  if (!options.tables) {
    output.out(`The complete tables for Excel (${COMPLETE_TABLES.join(', ')}): add --tables.`);
  }
  if (failures > 0) output.out(`${failures} problem(s) above; the rest was written.`);
}
