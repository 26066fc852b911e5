/**
 * Sizes no township report reaches, shared by the CLI and the browser
 * importer: larger inputs are refused before they are read.
 */

/** One report file (a long report is under 1 MB; scanned PDFs reach tens of MB). */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

/** A publish package's inputs, inflated (a province's reports are about 200 MB). */
export const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

/**
 * Entries in a publish package. A nation's towns are about 40,000 reports,
 * in the package's data/reports/ beside the split files and the packs of
 * texts: about 50,000 entries.
 */
export const MAX_PACKAGE_ENTRIES = 250_000;

/** A size as messages give it: "50 MB". */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
