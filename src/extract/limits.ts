/**
 * Sizes no township report reaches, shared by the CLI and the browser
 * importer: larger inputs are refused before they are read.
 */

/** One report file (a long report is under 1 MB; scanned PDFs reach tens of MB). */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;
