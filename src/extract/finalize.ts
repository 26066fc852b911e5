/**
 * Finalising a run: the reports' rows (reports.csv) from each report's
 * summary and the side files (the manifest, the corrections), which reports
 * are another file of one report, and which are resolved. Both the CLI
 * (which keeps only the summaries, src/cli/spill.ts) and the in-memory path
 * (finalizeDatasets in datasets.ts) come here.
 */
import { DOCUMENT_FORMATS, MANIFEST_COLUMNS, type ReportStatus } from './columns';
import { parseCorrections, parseManifest, type Correction, type ManifestEntry } from './inputs';
import { EMPTY_METADATA, type MetadataField, type ReportMetadata } from './metadata';
import type { ReportSummary } from './pipeline';
import { bothLanguages, note, type NoteField, type ReportNote } from './report-notes';
import type { Issue } from './result';
import { byCodeUnit } from './text';
import type { TextLocator } from './text-packs';

export interface ReportRow {
  readonly reportId: string;
  readonly file: string;
  readonly metadata: ReportMetadata;
  readonly chars: number;
  readonly status: ReportStatus;
  /** Why the status, and what detection could not settle (report-notes.ts words them). */
  readonly notes: readonly ReportNote[];
  readonly format: string;
  readonly encoding: string;
  readonly mentions: number;
  readonly unused: number;
  readonly unusedNoRule: number;
  /** Fields set by the manifest rather than detected. */
  readonly fromManifest: readonly MetadataField[];
  /** Fields filled from the registry of divisions (the manifest did not set them). */
  readonly inferred: readonly MetadataField[];
  /** Where its text is in the data folder; null: none written (an unreadable report, say). */
  readonly textAt: TextLocator | null;
}

/** The fields a manifest row can set: its columns after report_id. */
const METADATA_FIELDS: readonly MetadataField[] = MANIFEST_COLUMNS.slice(1) as MetadataField[];

/** Fields whose absence makes a report a warning (the others are often unnamed). */
const ESSENTIAL: ReadonlySet<MetadataField> = new Set(['town', 'year']);

/**
 * A report that reads as a list of numbers no rule took is a warning: at least
 * `minUnused` numbers left unused and at least `unusedPerFigure` of them for
 * each figure found (none found is a warning of its own). Dates and list
 * numbers are left in any report, so a long one has many; what stands out is
 * few figures against many numbers. The forty real reports (1–7 figures and
 * 1–23 numbers left each) give none; the samples give the one with 1 figure
 * and 43 numbers left. The CLI and the browser importer both finalise here.
 */
export const FEW_FIGURES = { minUnused: 20, unusedPerFigure: 10 } as const;

export function hasFewFigures(found: number, unused: number): boolean {
  return (
    found > 0 && unused >= FEW_FIGURES.minUnused && unused >= FEW_FIGURES.unusedPerFigure * found
  );
}

/**
 * The manifest's fields over the detected ones. Where it names another town,
 * county or city than detection read, the places detection filled from the
 * registry for what it read (`inferred`) are dropped: they belong to the wrong
 * place.
 */
function applyManifest(
  detected: ReportMetadata,
  inferred: ReadonlyMap<MetadataField, string>,
  entry: ManifestEntry | undefined,
): { metadata: ReportMetadata; fromManifest: MetadataField[]; dropped: MetadataField[] } {
  if (entry === undefined) return { metadata: detected, fromManifest: [], dropped: [] };
  const fromManifest = METADATA_FIELDS.filter((f) => entry[f] !== undefined);
  const moved = (['town', 'county', 'city'] as const).some(
    (f) => entry[f] !== undefined && entry[f] !== detected[f],
  );
  const dropped = moved ? METADATA_FIELDS.filter((f) => inferred.has(f)) : [];
  const place = (f: 'county' | 'city' | 'province'): string =>
    entry[f] ?? (dropped.includes(f) ? '' : detected[f]);
  return {
    dropped,
    metadata: {
      town: entry.town ?? detected.town,
      county: place('county'),
      city: place('city'),
      province: place('province'),
      year: entry.year ?? detected.year,
      published: entry.published ?? detected.published,
      title: entry.title ?? detected.title,
    },
    fromManifest,
  };
}

/**
 * Notes about fields, fields that share a note on one: "county, city,
 * province: 城关镇 is the name of 88 places…" rather than the reason three times.
 */
function groupedNotes(notes: readonly (readonly [NoteField, ReportNote])[]): ReportNote[] {
  const byReason = new Map<string, { note: ReportNote; fields: NoteField[] }>();
  for (const [field, n] of notes) {
    const key = JSON.stringify([n.code, n.params]);
    const group = byReason.get(key) ?? { note: n, fields: [] };
    group.fields.push(field);
    byReason.set(key, group);
  }
  return [...byReason.values()].map(({ note: n, fields }) => ({ ...n, fields }));
}

/** A file's name without its folders. */
const baseName = (path: string): string =>
  path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/**
 * The reports that are another file of one report: the town sent it as .docx
 * and the administrator also saved it from the portal, say. Two readable
 * reports are one when they have the same town, county and year and the same
 * figures (indicator, value and qualifier each), at least one. The one kept
 * is read from the format first in DOCUMENT_FORMATS, then the first id; the
 * map gives each other one the report kept.
 */
function sameReports(
  summaries: readonly ReportSummary[],
  metadataOf: (o: ReportSummary) => ReportMetadata,
): Map<string, ReportSummary> {
  const groups = new Map<string, ReportSummary[]>();
  for (const o of summaries) {
    const m = metadataOf(o);
    if (o.status !== 'ok' || m.town === '' || m.year === null || o.mentionCount === 0) continue;
    const key = JSON.stringify([m.town, m.county, m.year, o.figures]);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const rank = (o: ReportSummary): number => {
    const n = (DOCUMENT_FORMATS as readonly string[]).indexOf(o.format);
    return n < 0 ? DOCUMENT_FORMATS.length : n;
  };
  const duplicates = new Map<string, ReportSummary>();
  for (const group of groups.values()) {
    const [kept, ...others] = [...group].sort(
      (a, b) => rank(a) - rank(b) || byCodeUnit(a.reportId, b.reportId),
    );
    if (kept !== undefined) for (const o of others) duplicates.set(o.reportId, kept);
  }
  return duplicates;
}

/** A report whose figures are resolved: readable, and not another file of one report. */
export interface Resolvable {
  readonly reportId: string;
  readonly metadata: ReportMetadata;
}

export interface FinalizedReports {
  /** reports.csv's rows, in report id order. */
  readonly reports: readonly ReportRow[];
  /** The reports whose mentions and unused numbers are published (not another file of one report). */
  readonly counted: ReadonlySet<string>;
  /** The reports to resolve, in report id order. */
  readonly resolvable: readonly Resolvable[];
  /** The corrections applied: valid rows for readable reports. */
  readonly corrections: readonly Correction[];
  readonly issues: readonly Issue[];
}

export interface SideFiles {
  readonly manifest?: { readonly text: string; readonly file: string };
  readonly corrections?: { readonly text: string; readonly file: string };
}

/** The reports' rows and what is resolved, given every report's summary and the side files. */
export function finalizeReports(
  given: readonly ReportSummary[],
  input: SideFiles,
): FinalizedReports {
  const issues: Issue[] = [];
  const summaries = [...given].sort((a, b) => byCodeUnit(a.reportId, b.reportId));
  const known = new Set(summaries.map((o) => o.reportId));
  let manifest = new Map<string, ManifestEntry>();
  if (input.manifest !== undefined) {
    const parsed = parseManifest(input.manifest.text, input.manifest.file, known);
    manifest = parsed.entries;
    issues.push(...parsed.issues);
  }
  const applied = (o: ReportSummary) =>
    applyManifest(o.detected, o.inferred, manifest.get(o.reportId));
  const duplicates = sameReports(summaries, (o) => applied(o).metadata);
  const reports: ReportRow[] = [];
  const resolvable: Resolvable[] = [];
  for (const o of summaries) {
    if (o.status === 'error') {
      issues.push({ file: o.file, severity: 'error', message: o.error });
      reports.push({
        reportId: o.reportId,
        file: o.file,
        metadata: EMPTY_METADATA,
        chars: 0,
        status: 'error',
        notes: [o.failure ?? note('unreadable', { detail: o.error })],
        format: '',
        encoding: '',
        mentions: 0,
        unused: 0,
        unusedNoRule: 0,
        fromManifest: [],
        inferred: [],
        textAt: null,
      });
      continue;
    }
    const { metadata, fromManifest, dropped } = applied(o);
    const kept = duplicates.get(o.reportId);
    if (kept !== undefined) {
      // The file by its name: the path the CLI gives it depends on where it was run.
      const why = note('same_report', { report: kept.reportId, file: baseName(kept.file) });
      issues.push({ file: o.file, severity: 'warning', message: bothLanguages(why) });
      reports.push({
        reportId: o.reportId,
        file: o.file,
        metadata,
        chars: o.chars,
        status: 'duplicate',
        notes: [why],
        format: o.format,
        encoding: o.encoding,
        mentions: 0,
        unused: 0,
        unusedNoRule: 0,
        fromManifest,
        inferred: [],
        textAt: o.textAt ?? null,
      });
      continue;
    }
    const notes = groupedNotes(
      METADATA_FIELDS.filter((f) => {
        const v = metadata[f];
        return v === null || v === '';
      }).map((f) => [
        f,
        dropped.includes(f)
          ? note('registry_for_detected')
          : (o.missing.get(f) ?? note('not_detected')),
      ]),
    );
    const missingEssential = METADATA_FIELDS.some(
      (f) => ESSENTIAL.has(f) && (metadata[f] === null || metadata[f] === ''),
    );
    const fewFigures = hasFewFigures(o.mentionCount, o.unusedCount);
    if (o.mentionCount === 0) notes.push(note('no_figures'));
    if (fewFigures) {
      notes.push(
        note('few_figures', { found: String(o.mentionCount), unused: String(o.unusedCount) }),
      );
    }
    reports.push({
      reportId: o.reportId,
      file: o.file,
      metadata,
      chars: o.chars,
      status: missingEssential || o.mentionCount === 0 || fewFigures ? 'warning' : 'ok',
      notes,
      format: o.format,
      encoding: o.encoding,
      mentions: o.mentionCount,
      unused: o.unusedCount,
      unusedNoRule: o.unusedNoRule,
      fromManifest,
      inferred: METADATA_FIELDS.filter(
        (f) => o.inferred.has(f) && !fromManifest.includes(f) && !dropped.includes(f),
      ),
      textAt: o.textAt ?? null,
    });
    resolvable.push({ reportId: o.reportId, metadata });
  }
  let corrections: ReturnType<typeof parseCorrections>['corrections'] = [];
  if (input.corrections !== undefined) {
    const lengths = new Map(
      summaries
        .filter((o) => o.status === 'ok' && !duplicates.has(o.reportId))
        .map((o) => [o.reportId, o.chars]),
    );
    const parsed = parseCorrections(input.corrections.text, input.corrections.file, lengths);
    corrections = parsed.corrections;
    issues.push(...parsed.issues);
  }
  const counted = new Set(
    summaries.filter((o) => !duplicates.has(o.reportId)).map((o) => o.reportId),
  );
  return { reports, counted, resolvable, corrections, issues };
}
