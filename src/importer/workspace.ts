/**
 * The local workspace of the browser importer: reports a person dropped on the
 * site, what the extractor found in them, and the person's review decisions.
 * Plain data (structured-cloneable): it goes through the worker boundary and
 * into IndexedDB as it is.
 */
import type { IndicatorId, Qualifier } from '../catalog';
import {
  finalizeDatasets,
  isNotAReport,
  processText,
  type ReportMetadata,
  type ReportOutcome,
} from '../extract';
import { note, type ReportNote } from '../extract/report-notes';
import { errorMessage } from '../extract/result';
import { reportIdFromFileName } from '../extract/names';
import { readDocument } from '../documents';
import { unusedFiguresOf, type UnusedFigures } from './unused';

export type { ReportMetadata };

export type Decision = 'pending' | 'accepted' | 'edited' | 'rejected';

export interface ReviewValue {
  readonly indicator: IndicatorId;
  /** What the extractor found; null for a value the reviewer added. */
  readonly found: number | null;
  readonly unit: string;
  readonly qualifier: Qualifier;
  /** The span that states it: the extractor's, or the text the reviewer selected. */
  readonly start: number | null;
  readonly end: number | null;
  readonly derived: boolean;
  /**
   * A derived value's parts (the figures summed, or a rate's part and whole)
   * as the `parts` column writes them; absent in reviews saved before it.
   */
  readonly parts?: string;
  readonly decision: Decision;
  /** The reviewer's value when edited or added. */
  readonly edited: number | null;
}

/** A report as the worker extracted it. */
export interface ExtractedReport {
  readonly reportId: string;
  readonly file: string;
  /** The format the text was read from (reports.csv's `format`: txt, docx, doc, pdf, html, mhtml). */
  readonly format: string;
  /** The character encoding a text or page was decoded from; '' for the other formats. */
  readonly encoding: string;
  readonly text: string;
  /** As detected; the reviewer may correct it. */
  readonly metadata: ReportMetadata;
  readonly values: readonly ReviewValue[];
  readonly unused: UnusedFigures;
}

/** An imported report in this browser's workspace. */
export interface ImportedReport extends ExtractedReport {
  /**
   * Where its text is kept in IndexedDB: given once, at import, and kept
   * when the report takes a published report's id.
   */
  readonly sourceKey: string;
}

/** A dropped file not imported: why (worded as reports.csv words it), or no worker to read it. */
export type ImportProblem =
  | { readonly file: string; readonly note: ReportNote }
  | { readonly file: string; readonly problem: 'no-worker' };

export interface ImportBatch {
  readonly reports: readonly ExtractedReport[];
  readonly problems: readonly ImportProblem[];
}

export interface DroppedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A report id from a file name (see reportIdFromFileName), made unique among `taken`. */
export function reportIdOf(name: string, taken: ReadonlySet<string>): string {
  const base = reportIdFromFileName(name);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Reads and extracts a batch of dropped files, as the CLI would: the same
 * decoding, rules, metadata detection and resolution. `onProgress` is called
 * after each file. Files that cannot be read, or hold no report, come back as
 * problems; the rest of the batch is imported.
 */
export async function importFiles(
  files: readonly DroppedFile[],
  taken: ReadonlySet<string>,
  onProgress: (done: number, total: number, file: string) => void = () => undefined,
): Promise<ImportBatch> {
  const problems: ImportProblem[] = [];
  const outcomes: ReportOutcome[] = [];
  const ids = new Set(taken);
  for (const [i, file] of files.entries()) {
    try {
      const read = await readDocument(file.name, file.bytes);
      if (!read.ok) problems.push({ file: file.name, note: read.note });
      else {
        const reportId = reportIdOf(file.name, ids);
        const outcome = processText(reportId, file.name, read.text, read.format, read.encoding);
        if (isNotAReport(outcome)) {
          problems.push({ file: file.name, note: note('not_a_report') });
        } else {
          ids.add(reportId);
          outcomes.push(outcome);
        }
      }
    } catch (error) {
      // A fault of ours on one file: it is named, the batch goes on.
      problems.push({ file: file.name, note: note('unreadable', { detail: errorMessage(error) }) });
    }
    onProgress(i + 1, files.length, file.name);
  }
  const texts = new Map(outcomes.map((o) => [o.reportId, o]));
  const datasets = finalizeDatasets({
    outcomes,
    quote: (id, start, end) => texts.get(id)?.text.slice(start, end) ?? '',
  });
  // A report dropped twice (as .doc and as .html, say) is imported once: the other file is named.
  for (const row of datasets.reports) {
    const [why] = row.notes;
    if (row.status === 'duplicate' && why !== undefined)
      problems.push({ file: row.file, note: why });
  }
  const reports = datasets.reports
    .filter((row) => row.status !== 'duplicate')
    .map((row): ExtractedReport => {
      const outcome = texts.get(row.reportId);
      return {
        reportId: row.reportId,
        file: row.file,
        format: outcome?.format ?? '',
        encoding: outcome?.encoding ?? '',
        text: outcome?.text ?? '',
        metadata: row.metadata,
        values: datasets.values
          .filter((v) => v.reportId === row.reportId && v.value !== null)
          .map((v) => ({
            indicator: v.indicator,
            found: v.value,
            unit: v.unitWritten,
            qualifier: v.qualifier,
            start: v.start,
            end: v.end,
            derived: v.derived,
            parts: v.parts,
            decision: 'pending',
            edited: null,
          })),
        // Read field by field into typed arrays: the outcome's numbers are not kept.
        unused: unusedFiguresOf(outcome?.unused ?? []),
      };
    });
  return { reports, problems };
}
