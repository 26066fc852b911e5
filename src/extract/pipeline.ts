/**
 * The pipeline without a file system, a report at a time: report bytes or
 * text in, its outcome out (its text, findings and metadata), and the
 * summary a run keeps of it. The CLI feeds it files, on worker threads too;
 * the browser importer feeds it dropped files. Putting a run's outcomes
 * together is finalize.ts's and datasets.ts's work: nothing here imports
 * them, so a worker thread loads no CSV parser or schema library.
 */
import { decodeReport } from './decode';
import { extractReports } from './extract-report';
import type { QuotedMention } from './figures';
import type { UnusedNumber, UnusedReason } from './match';
import { EMPTY_METADATA, type MetadataField, type ReportMetadata } from './metadata';
import { bothLanguages, type ReportNote } from './report-notes';
import { byCodeUnit } from './text';
import type { TextLocator } from './text-packs';

export interface ReportOutcome {
  readonly reportId: string;
  readonly file: string;
  readonly status: 'ok' | 'error';
  /** Why the report failed (status error), for the CLI's output. */
  readonly error: string;
  /** The same, as reports.csv's note (in Chinese and English); else an `unreadable` note is made of `error`. */
  readonly failure?: ReportNote;
  /** The format the text was read from (src/documents: txt, docx, doc, pdf, html, mhtml); '' when unread. */
  readonly format: string;
  readonly encoding: string;
  /** The normalised text; the CLI writes it out and keeps only the findings, serialised. */
  readonly text: string;
  /**
   * The normalised text's UTF-8 bytes, when the file held exactly them (its
   * bytes were UTF-8 and normalising changed nothing): packed as they are
   * (text-packs.ts), and left out of the outcome packing gives back.
   */
  readonly utf8?: Uint8Array;
  /** Where the text was written, once packed (text-packs.ts); absent: not written. */
  readonly textAt?: TextLocator;
  readonly chars: number;
  readonly detected: ReportMetadata;
  readonly missing: ReadonlyMap<MetadataField, ReportNote>;
  /** Detected fields filled from the registry of divisions, not read in the text. */
  readonly inferred: ReadonlyMap<MetadataField, string>;
  readonly mentions: readonly QuotedMention[];
  readonly unused: readonly UnusedNumber[];
}

/** The outcome of a report that could not be read; it still gets its row. */
export function failedReport(reportId: string, file: string, error: string): ReportOutcome {
  return {
    reportId,
    file,
    status: 'error',
    error,
    format: '',
    encoding: '',
    text: '',
    chars: 0,
    detected: EMPTY_METADATA,
    missing: new Map(),
    inferred: new Map(),
    mentions: [],
    unused: [],
  };
}

/** A report file that gave no text, with the note saying why (src/documents words its problems so). */
export function refusedReport(reportId: string, file: string, why: ReportNote): ReportOutcome {
  return {
    ...failedReport(reportId, file, bothLanguages(why)),
    failure: why,
  };
}

/**
 * Whether a report's text is not a report at all: it names no town and holds
 * no figure (a web page saved from the wrong link, a notice, a table).
 */
export const isNotAReport = (o: ReportOutcome): boolean =>
  o.mentions.length === 0 && o.detected.town === '';

/** A report file's bytes, as processReports takes them. */
export interface ReportBytes {
  readonly reportId: string;
  readonly file: string;
  readonly bytes: Uint8Array;
}

/**
 * Bytes of reports extracted together at most (a run, of one report at
 * least): a pack's 32 are about 0.4 MB; large documents go a few at a time,
 * so what a run holds between its steps stays small.
 */
export const RUN_BYTES = 4 << 20;

/**
 * Items in runs to extract together, in order: each item taken (`take`: read
 * from disk, say) as its run is made, a run ending once it holds `limit`
 * bytes (`bytesOf` each taken item).
 */
export function* runsOf<T, R>(
  items: Iterable<T>,
  take: (item: T) => R,
  bytesOf: (taken: R) => number,
  limit = RUN_BYTES,
): Generator<R[]> {
  let run: R[] = [];
  let held = 0;
  for (const item of items) {
    const taken = take(item);
    run.push(taken);
    held += bytesOf(taken);
    if (held >= limit) {
      yield run;
      run = [];
      held = 0;
    }
  }
  if (run.length > 0) yield run;
}

/**
 * Reports decoded and extracted, each as it would be alone (a broken file
 * gives an error outcome, never a throw), extracted together a step at a
 * time (extractReports): faster than one after another. Callers give runs
 * of RUN_BYTES at most (runsOf).
 */
export function processReports(reports: readonly ReportBytes[]): ReportOutcome[] {
  const decoded = reports.map((r) => decodeReport(r.bytes));
  const texts: ReportText[] = [];
  decoded.forEach((d, i) => {
    const { reportId, file } = reports[i] as ReportBytes;
    if (d.ok) {
      const { text, encoding, utf8 } = d.data;
      texts.push({ reportId, file, text, format: 'txt', encoding, ...(utf8 && { utf8 }) });
    }
  });
  const extracted = processTexts(texts);
  let next = 0;
  return decoded.map((d, i) => {
    const { reportId, file } = reports[i] as ReportBytes;
    return d.ok ? (extracted[next++] as ReportOutcome) : refusedReport(reportId, file, d.reason);
  });
}

/**
 * A report already read as text (src/documents): `format` and `encoding` say
 * what it was read from.
 */
export function processText(
  reportId: string,
  file: string,
  text: string,
  format: string,
  encoding: string,
): ReportOutcome {
  return processTexts([{ reportId, file, text, format, encoding }])[0] as ReportOutcome;
}

/** A report's text, as processTexts takes it (see processText). */
export interface ReportText {
  readonly reportId: string;
  readonly file: string;
  readonly text: string;
  readonly format: string;
  readonly encoding: string;
  /** The text's own UTF-8 bytes, when at hand (DecodedText's). */
  readonly utf8?: Uint8Array;
}

/** Several texts, each what processText gives it, extracted together (extractReports). */
export function processTexts(texts: readonly ReportText[]): ReportOutcome[] {
  const extractions = extractReports(texts.map((t) => ({ reportId: t.reportId, rawText: t.text })));
  return extractions.map((extraction, i) => {
    const { reportId, file, format, encoding, text, utf8 } = texts[i] as ReportText;
    return {
      reportId,
      file,
      status: 'ok',
      error: '',
      format,
      encoding,
      text: extraction.text,
      // Normalising may have changed the text (a BOM, line ends, zero-width characters).
      ...(utf8 !== undefined && extraction.text === text && { utf8 }),
      chars: extraction.text.length,
      detected: extraction.detected.metadata,
      missing: extraction.detected.missing,
      inferred: extraction.detected.inferred,
      mentions: extraction.mentions,
      unused: extraction.unused,
    };
  });
}

/**
 * What finalising needs of a report's outcome besides its findings: a row
 * per report for reports.csv, whether it is another file of one report,
 * where its town and year are. A run too large to hold every report's
 * mentions keeps this (and spills the findings to disk).
 */
export interface ReportSummary extends Omit<
  ReportOutcome,
  'text' | 'utf8' | 'mentions' | 'unused'
> {
  readonly mentionCount: number;
  readonly unusedCount: number;
  readonly unusedNoRule: number;
  /**
   * Its figures (indicator, value and qualifier each), sorted: what tells two
   * files of one report; or a digest of them (`digest` below).
   */
  readonly figures: string;
}

/**
 * `digest` stands for the figures' list where summaries are kept for a whole
 * run (the CLI: a cryptographic hash, so no two different lists meet).
 */
export function summarize(
  o: ReportOutcome,
  digest: (figures: string) => string = (figures) => figures,
): ReportSummary {
  return {
    reportId: o.reportId,
    file: o.file,
    status: o.status,
    error: o.error,
    ...(o.failure === undefined ? {} : { failure: o.failure }),
    format: o.format,
    encoding: o.encoding,
    chars: o.chars,
    detected: o.detected,
    missing: o.missing,
    inferred: o.inferred,
    ...(o.textAt === undefined ? {} : { textAt: o.textAt }),
    mentionCount: o.mentions.length,
    unusedCount: o.unused.length,
    unusedNoRule: o.unused.filter((u) => u.reason === 'no_rule').length,
    figures: digest(figureList(o.mentions)),
  };
}

/**
 * A report's figures, each its indicator, value and qualifier, sorted: what
 * tells two files of one report (ReportSummary.figures).
 */
export const figureList = (mentions: readonly QuotedMention[]): string =>
  mentions
    .map((x) => `${x.indicator}=${x.value}${x.qualifier}`)
    .sort(byCodeUnit)
    .join(' ');

export type { UnusedReason };
