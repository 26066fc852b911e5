/**
 * The file extensions read as reports (lower case, with their dot; '' for a
 * name without one, read as text) and the format each names. No imports
 * beyond types: the import view's file picker lists them without loading the
 * readers.
 */
import type { DocumentFormat } from '../extract/columns';

export const EXTENSION_FORMATS: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '': 'txt',
  '.docx': 'docx',
  '.doc': 'doc',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.mhtml': 'mhtml',
  '.mht': 'mhtml',
};

/** Read as text too, but never named to people: ".text" and no extension. */
const QUIET = new Set(['', '.text']);

/** The extensions named to people, in messages and the file picker: ".txt .docx .doc …". */
export const REPORT_EXTENSIONS: readonly string[] = Object.keys(EXTENSION_FORMATS).filter(
  (e) => !QUIET.has(e),
);

/** The format a file of this extension is read as, if it is a report extension. */
export const formatOfExtension = (extension: string): DocumentFormat | undefined =>
  Object.hasOwn(EXTENSION_FORMATS, extension) ? EXTENSION_FORMATS[extension] : undefined;
