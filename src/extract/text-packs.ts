/**
 * The report texts in the data folder, packed: every start and end of the
 * data indexes its report's text as the extractor normalised it, and the
 * dashboard fetches that text to show a figure's sentence. The texts are
 * written a pack of TEXTS_PER_PACK reports to a file (texts/<n>.txt, UTF-8,
 * each text after the one before it), not one file each: writing and
 * deleting tens of thousands of small files was the largest cost of a run
 * after the extraction itself, and an administrator copies a few hundred
 * files to the server rather than a file per report.
 *
 * Which pack holds a report depends on nothing but the reports: their ids in
 * code-unit order, TEXTS_PER_PACK to a pack by position (a report that gave
 * no text keeps its place and adds nothing), so the CLI's threads, its one
 * thread and the browser's publish package write the same files. Each
 * report's row gives its pack and the bytes of its text in it (TextLocator,
 * the columns text_file, text_offset, text_length); the dashboard asks for
 * those bytes alone (an HTTP Range request; a server that ignores ranges
 * sends the whole pack, which is cut here).
 *
 * Pure: the CLI writes the packs, the browser builds them for its package
 * and reads them back.
 */
import type { ReportOutcome } from './pipeline';

/** The folder of the packs. */
export const TEXTS_FOLDER = 'texts';

/** Reports per pack: a pack of sample-sized reports is about 400 KB. */
export const TEXTS_PER_PACK = 32;

/** The pack file of the `n`th group of reports. */
export const packFileOf = (n: number): string => `${TEXTS_FOLDER}/${n}.txt`;

/** What a pack's name must be, read back from a row: nothing else is ever fetched. */
const PACK_FILE = new RegExp(`^${TEXTS_FOLDER}/(0|[1-9][0-9]{0,8})\\.txt$`);

/** The number of a pack named as PACK_FILE says. */
const packNumberOf = (file: string): number => Number(PACK_FILE.exec(file)?.[1] ?? NaN);

/** Where a report's text is: its pack, and the UTF-8 bytes of the text in it. */
export interface TextLocator {
  /** The pack's path in the data folder (texts/<n>.txt). */
  readonly file: string;
  /** The text's first byte in the pack. */
  readonly offset: number;
  /** Its length in bytes. */
  readonly length: number;
}

/** Items in order, cut into the groups that share a pack (the last may be shorter). */
export function packGroups<T>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += TEXTS_PER_PACK) {
    groups.push(items.slice(i, i + TEXTS_PER_PACK));
  }
  return groups;
}

const encoder = new TextEncoder();

/** One pack being filled: each text appended as it comes, its place given back. */
export class PackWriter {
  readonly file: string;
  readonly #chunks: Uint8Array[] = [];
  #length = 0;

  constructor(n: number) {
    this.file = packFileOf(n);
  }

  /** Appends a text (`utf8`: its UTF-8 bytes, when at hand); where it is. */
  add(text: string, utf8?: Uint8Array): TextLocator {
    const bytes = utf8 ?? encoder.encode(text);
    const at = { file: this.file, offset: this.#length, length: bytes.length };
    this.#chunks.push(bytes);
    this.#length += bytes.length;
    return at;
  }

  /**
   * A report's outcome with where its text is, once added (its bytes, packed,
   * are not kept with it); one with no text (status error) as it is.
   */
  place(outcome: ReportOutcome): ReportOutcome {
    if (outcome.status !== 'ok') return outcome;
    const { utf8, ...placed } = outcome;
    return { ...placed, textAt: this.add(outcome.text, utf8) };
  }

  /** Whether no text was added: no file is written for it. */
  get empty(): boolean {
    return this.#chunks.length === 0;
  }

  /** The pack's bytes in one array. */
  bytes(): Uint8Array {
    const all = new Uint8Array(this.#length);
    let at = 0;
    for (const chunk of this.#chunks) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return all;
  }
}

/** The three columns of a report's row that give its locator, as written (empty: no text). */
export interface LocatorCells {
  readonly text_file: string;
  readonly text_offset: number | null;
  readonly text_length: number | null;
}

export function locatorCells(at: TextLocator | null): LocatorCells {
  return at === null
    ? { text_file: '', text_offset: null, text_length: null }
    : { text_file: at.file, text_offset: at.offset, text_length: at.length };
}

/**
 * Every report's text packed at once (the browser's publish package): the
 * outcomes given in code-unit order of their ids, each readable one with
 * where its text is, and the packs' files.
 */
export function packOutcomes(outcomes: readonly ReportOutcome[]): {
  readonly outcomes: readonly ReportOutcome[];
  readonly packs: ReadonlyMap<string, Uint8Array>;
} {
  const packed: ReportOutcome[] = [];
  const packs = new Map<string, Uint8Array>();
  for (const [n, group] of packGroups(outcomes).entries()) {
    const writer = new PackWriter(n);
    for (const o of group) packed.push(writer.place(o));
    if (!writer.empty) packs.set(writer.file, writer.bytes());
  }
  return { outcomes: packed, packs };
}

/**
 * Each pack's size in bytes, by its number (0: no pack of that number was
 * written), from where the reports' texts are: a pack holds its texts one
 * after the other from its first byte. index.json lists them, so a pack
 * replaced or cut short since the page read it is never taken for the one
 * its rows point into.
 */
export function packSizesOf(locators: Iterable<TextLocator | null>): number[] {
  const sizes: number[] = [];
  for (const at of locators) {
    if (at === null) continue;
    const n = packNumberOf(at.file);
    if (!Number.isInteger(n)) throw new Error(`${at.file} is not a pack of texts`);
    while (sizes.length <= n) sizes.push(0);
    sizes[n] = Math.max(sizes[n] ?? 0, at.offset + at.length);
  }
  return sizes;
}

/** The size index.json lists for a locator's pack; undefined when it lists none. */
export function listedPackSize(listed: readonly number[], at: TextLocator): number | undefined {
  const size = listed[packNumberOf(at.file)];
  return size === undefined || size === 0 ? undefined : size;
}

const wholeNumber = (s: string): number | null =>
  /^(?:0|[1-9][0-9]{0,14})$/.test(s) ? Number(s) : null;

/**
 * A row's locator read back: null when it has none; an error message when
 * the cells are not one (a pack of another name, a number that is not a
 * whole one): a row never makes the page fetch anything but a pack.
 */
export function parseLocator(row: {
  readonly text_file?: string;
  readonly text_offset?: string;
  readonly text_length?: string;
}): TextLocator | null | string {
  const { text_file: file = '', text_offset: offsetCell = '', text_length: lengthCell = '' } = row;
  if (file === '' && offsetCell === '' && lengthCell === '') return null;
  if (!PACK_FILE.test(file)) return `text_file "${file}" is not a pack of texts (texts/<n>.txt)`;
  const offset = wholeNumber(offsetCell);
  const length = wholeNumber(lengthCell);
  if (offset === null || length === null) {
    return `text_offset "${offsetCell}" and text_length "${lengthCell}" must be whole numbers of bytes`;
  }
  return { file, offset, length };
}

/**
 * A text cut from what the server sent for its bytes: the bytes themselves
 * (206), or the whole pack (200: a server that ignores ranges). Null when
 * they are not the text's: too few, or not UTF-8 where the text would be.
 * (That a pack is the one the rows point into is for its size to say: see
 * packSizesOf.)
 */
export function textFromResponse(
  at: TextLocator,
  bytes: Uint8Array,
  partial: boolean,
): string | null {
  const slice = partial ? bytes : bytes.subarray(at.offset, at.offset + at.length);
  if (slice.length !== at.length) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(slice);
  } catch {
    return null;
  }
}

/**
 * A text from what the server sent for it (see textFromResponse), if the
 * pack is the one the rows point into: of the size index.json lists
 * (`listed`, packSizesOf), as the server gives it (`total`: Content-Range's
 * whole size, or the whole body's). Null otherwise: a pack replaced since
 * index.json was read, or copied in part, is never read at the rows' offsets.
 */
export function textOfPack(
  listed: readonly number[],
  at: TextLocator,
  sent: { readonly bytes: Uint8Array; readonly partial: boolean; readonly total: number | null },
): string | null {
  const size = listedPackSize(listed, at);
  if (size === undefined || sent.total !== size) return null;
  return textFromResponse(at, sent.bytes, sent.partial);
}

/** The Range header value asking for a text's bytes (at least one). */
export const rangeOf = (at: TextLocator): string =>
  `bytes=${at.offset}-${at.offset + at.length - 1}`;
