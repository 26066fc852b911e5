/**
 * The extractor: pure TypeScript, no node:* imports and no DOM, so the same
 * code runs in the CLI and in a browser worker.
 * decode → normalise → find numbers → match rules → metadata → resolve.
 *
 * May import: src/catalog, papaparse, zod, chardet, opencc-js (simplified.ts only).
 */
export {
  decodeReport,
  decodeText,
  installUtf8Decoder,
  type DecodedText,
  type Utf8Decoder,
} from './decode';
export { extractReports, type ReportExtraction } from './extract-report';
export { inTableOrder, type QuotedMention, type QuotedUnused } from './figures';
export {
  CORRECTION_COLUMNS,
  csvQuoteProblem,
  MANIFEST_COLUMNS,
  parseCorrections,
  parseManifest,
} from './inputs';
export { parsePlaceName, parseReportId, parseTitle, reportIdFromFileName } from './names';
export type { Correction, ManifestEntry } from './inputs';
export type { Mention, UnusedNumber, UnusedReason } from './match';
export { detectMetadata, type ReportMetadata, type MetadataField } from './metadata';
export { parseNumberText, scanNumbers, tryParseChineseNumber } from './numbers';
export type { NumberToken, ParsedNumber } from './numbers';
export {
  indexBuilder,
  countyFileOf,
  countyKeyOf,
  groupByCounty,
  groupByIndicator,
  groupByYear,
  INDEX_FILE,
  townIdOf,
  valuesFileOf,
  type DataIndex,
  type IndexCounty,
} from './data-index';
export { packGroups, packOutcomes, PackWriter, TEXTS_FOLDER, type TextLocator } from './text-packs';
export {
  COMPLETE_TABLES,
  isLayoutPath,
  layoutWriter,
  mentionLine,
  siteLayout,
  unusedLines,
  type LayoutOptions,
  type LayoutWriter,
  type SiteLayout,
  type Sink,
} from './layout';
export {
  CORRECTIONS_TABLE,
  CSV_NAMES,
  MENTIONS_TABLE,
  REPORTS_TABLE,
  UNUSED_TABLE,
  type CsvName,
  type CsvTable,
} from './output';
export {
  failedReport,
  isNotAReport,
  processReports,
  processText,
  refusedReport,
  RUN_BYTES,
  runsOf,
  summarize,
} from './pipeline';
export type { ReportBytes, ReportOutcome, ReportSummary } from './pipeline';
export { finalizeDatasets, type Datasets } from './datasets';
export { finalizeReports } from './finalize';
export type { FinalizedReports, ReportRow, Resolvable, SideFiles } from './finalize';
export {
  groupsToResolve,
  resolveByGroups,
  resolveGroup,
  resolveValues,
  type ResolvedValue,
} from './resolve';
export {
  note,
  noteText,
  notesText,
  serializeNotes,
  tryParseNotes,
  type NoteCode,
  type ReportNote,
} from './report-notes';
export { fail, formatIssue, ok, type Issue, type Result } from './result';
export { byCodeUnit, foldForMatching, normalizeReportText } from './text';
