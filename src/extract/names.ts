/**
 * Names that people type or detection reads — towns, counties, cities,
 * provinces, report titles — are data shown in charts, tables and tooltips.
 * They are checked here, at the edge (the CLI's manifest, the importer's
 * review), as names: letters of any script, digits, spaces and the
 * punctuation names are written with. Markup characters, control characters
 * and other symbols are refused with a message saying which character.
 */
import { fail, ok, type Result } from './result';

/** Longest place name accepted (the longest official ones are about 20 characters). */
export const MAX_PLACE_NAME = 40;
/** Longest report title accepted. */
export const MAX_TITLE = 200;

/** Characters besides letters, marks and digits that place names are written with. */
const PLACE_PUNCTUATION = " ·・.'’‘-‐–—()（）";
/** Titles may quote and list as well. */
const TITLE_PUNCTUATION = `${PLACE_PUNCTUATION}《》〈〉“”"「」『』、，,：:；;？?！!（）【】[]%％/`;

function firstRefused(text: string, punctuation: string): string | null {
  for (const char of text) {
    if (/[\p{L}\p{M}\p{N}]/u.test(char)) continue;
    if (punctuation.includes(char)) continue;
    return char;
  }
  return null;
}

function describe(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\p{Cc}\p{Cf}\p{Z}]/u.test(char) ? hex : `"${char}" (${hex})`;
}

function parseName(raw: string, what: string, max: number, punctuation: string): Result<string> {
  const text = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (text === '') return fail(`${what} is empty`);
  if ([...text].length > max) return fail(`${what} is longer than ${max} characters`);
  const refused = firstRefused(text, punctuation);
  if (refused !== null) {
    return fail(`${what} "${text}" holds ${describe(refused)}, which no name is written with`);
  }
  return ok(text);
}

/** A town, county, city or province name, normalised (NFC, single spaces). */
export function parsePlaceName(raw: string, what = 'place name'): Result<string> {
  return parseName(raw, what, MAX_PLACE_NAME, PLACE_PUNCTUATION);
}

/** A report title, normalised the same way. */
export function parseTitle(raw: string, what = 'title'): Result<string> {
  return parseName(raw, what, MAX_TITLE, TITLE_PUNCTUATION);
}

/**
 * The longest report id in UTF-8 bytes: a publish package's
 * `data/reports/<id>.txt` must stay a file name every file system takes
 * (255 bytes).
 */
export const MAX_REPORT_ID_BYTES = 200;

/**
 * A report id, made from a file name: any letters, digits and punctuation
 * that file names hold, but no markup characters, no control characters, not
 * only dots ("..txt" names no report) and not too long to name its text.
 */
export function parseReportId(raw: string): Result<string> {
  if (/^\.*$/.test(raw)) return fail(`the file name gives no report id ("${raw}")`);
  if (new TextEncoder().encode(raw).length > MAX_REPORT_ID_BYTES) {
    return fail(
      `the file name is too long for a report id (at most ${MAX_REPORT_ID_BYTES} bytes); shorten it`,
    );
  }
  for (const char of raw) {
    if (/[<>&"]/.test(char) || /[\p{Cc}\p{Cf}]/u.test(char)) {
      return fail(`the report id "${raw}" holds ${describe(char)}; rename the file`);
    }
  }
  return ok(raw);
}

/** Characters a file name may hold that an id does not keep (markup, links, paths, controls). */
const NOT_IN_ID = /[\s/\\?%*:|"<>#~&\p{Cc}\p{Cf}]+/gu;

/**
 * A report id made from any file name, as the browser importer names what
 * it is given: the base name without its extension, characters an id does
 * not keep turned into "-", no leading dots, cut short of the longest id
 * (room for a "-2" that makes it unique). Always an id `parseReportId`
 * accepts ("report" when nothing is left).
 */
export function reportIdFromFileName(name: string): string {
  let id = name
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .replace(NOT_IN_ID, '-')
    .replace(/^[-.]+|-+$/g, '');
  const encoder = new TextEncoder();
  while (encoder.encode(id).length > MAX_REPORT_ID_BYTES - 8) id = [...id].slice(0, -1).join('');
  return parseReportId(id).ok ? id : 'report';
}
