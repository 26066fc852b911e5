/**
 * Report bytes → text. Detects UTF-8 (with or without BOM), UTF-16 and the
 * GB18030/GBK family common in government files; encoding guessing for
 * non-UTF-8 input is left to chardet. Expected failures (empty, binary,
 * undecodable) come back as a Result with a message for the person.
 */
import { analyse } from 'chardet';
import { fail, ok, type Result } from './result';
import { note, noteText, type ReportNote } from './report-notes';

export interface DecodedText {
  readonly text: string;
  /** WHATWG encoding label that decoded the bytes. */
  readonly encoding: string;
  /**
   * The text's own UTF-8 bytes, when it was decoded from exactly them (UTF-8,
   * a BOM before them left out): a pack of texts takes them as they are.
   */
  readonly utf8?: Uint8Array;
}

/** UTF-16 as chardet names it, when a file without BOM or NUL bytes is one. */
const CHARDET_UTF16: Readonly<Record<string, string>> = {
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

const UTF8_BOM: readonly number[] = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Strict UTF-8 decoding as the WHATWG decoder does it (one leading BOM
 * dropped): the text, or null when the bytes are not UTF-8.
 */
export type Utf8Decoder = (bytes: Uint8Array) => string | null;

/** The browser's decoder; a platform with a faster one installs it (installUtf8Decoder). */
let decodeUtf8: Utf8Decoder = (bytes) => decodeStrict(bytes, 'utf-8');

/**
 * Replaces the UTF-8 decoder: the CLI installs Node's (src/cli/node-utf8.ts),
 * about eight times faster than TextDecoder on Node 20 and giving the same text.
 */
export function installUtf8Decoder(decoder: Utf8Decoder): void {
  decodeUtf8 = decoder;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 65536).includes(0);
}

/** Share of characters a Chinese report is made of: Han, CJK and ASCII punctuation, digits. */
function plausibility(text: string): number {
  const sample = text.slice(0, 4000);
  if (sample.length === 0) return 0;
  const plausible = sample.match(
    /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\n\r\t]/g,
  );
  return (plausible?.length ?? 0) / sample.length;
}

const CJK = /[\u3400-\u9fff]/;

/** Containers that are not text, by their first bytes: a message for each. */
const CONTAINERS: readonly { readonly magic: readonly number[]; readonly why: ReportNote }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], why: note('zip_bytes') },
  { magic: [0x25, 0x50, 0x44, 0x46], why: note('pdf_bytes') },
];

/**
 * The encodings to try, in order, for bytes that are not UTF-8. UTF-16
 * without a BOM has NUL bytes only where ASCII is: tried first when NULs
 * show it. Then the mainland's GB18030 before Big5, unless chardet is sure of
 * Big5: Big5 decodes most GB18030 bytes strictly, into rare characters, and
 * on a short file (a manifest saved by Excel) chardet often proposes Big5
 * and not GB18030 at all.
 */
function legacyCandidates(bytes: Uint8Array, nul: boolean): string[] {
  const matches = analyse(bytes);
  const confidence = (name: string): number =>
    matches.find((m) => m.name === name)?.confidence ?? 0;
  const big5First = confidence('Big5') >= 50 && confidence('Big5') > confidence('GB18030');
  const candidates = nul ? ['utf-16le', 'utf-16be'] : [];
  for (const match of matches) {
    const label = CHARDET_UTF16[match.name];
    if (label !== undefined && !candidates.includes(label)) candidates.push(label);
  }
  return [...candidates, ...(big5First ? ['big5', 'gb18030'] : ['gb18030', 'big5'])];
}

/**
 * Bytes → text by BOM, strict UTF-8, then the encodings chardet proposes
 * (UTF-16 without BOM first when NUL bytes show it), then lenient GB18030.
 */
function decodeBytes(bytes: Uint8Array): Result<DecodedText, ReportNote> {
  for (const { magic, why } of CONTAINERS) if (startsWith(bytes, magic)) return fail(why);
  if (startsWith(bytes, UTF8_BOM)) {
    const body = bytes.subarray(UTF8_BOM.length);
    const text = decodeUtf8(body);
    if (text === null) return fail(note('bad_bom', { encoding: 'utf-8' }));
    // A second BOM is dropped by the decoder too (Utf8Decoder): the text is not all the bytes then.
    return ok({ text, encoding: 'utf-8', ...(startsWith(body, UTF8_BOM) ? {} : { utf8: body }) });
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeStrict(bytes.subarray(2), label);
    return text === null
      ? fail(note('bad_bom', { encoding: label }))
      : ok({ text, encoding: label });
  }

  const nul = hasNul(bytes);
  if (!nul) {
    const text = decodeUtf8(bytes);
    if (text !== null) return ok({ text, encoding: 'utf-8', utf8: bytes });
  }
  const candidates = legacyCandidates(bytes, nul);
  for (const label of candidates) {
    const text = decodeStrict(bytes, label);
    if (text !== null && CJK.test(text) && plausibility(text) >= 0.9) {
      return ok({ text, encoding: label });
    }
  }
  if (nul) return fail(note('binary_file'));
  // GB18030 decodes almost any byte string; try it last, tolerating a few bad bytes.
  const lenient = new TextDecoder('gb18030').decode(bytes);
  const bad = (lenient.match(/\uFFFD/g) ?? []).length;
  if (bad <= Math.max(2, lenient.length / 1000)) return ok({ text: lenient, encoding: 'gb18030' });
  return fail(note('undecodable'));
}

/**
 * A file a person edits beside the reports (the manifest, the corrections),
 * saved by Excel or Notepad in whatever encoding: read like a report, but
 * it need hold no Chinese, and an empty file is simply empty.
 */
export function decodeText(bytes: Uint8Array): Result<DecodedText> {
  if (bytes.length === 0) return ok({ text: '', encoding: 'utf-8' });
  const decoded = decodeBytes(bytes);
  return decoded.ok ? decoded : fail(noteText('en', decoded.reason));
}

/** A report's text, or why there is none, as a note (worded in Chinese and English, report-notes.ts). */
export function decodeReport(bytes: Uint8Array): Result<DecodedText, ReportNote> {
  if (bytes.length === 0) return fail(note('empty_file'));
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  const { text, encoding } = decoded.data;
  if (text.trim() === '') return fail(note('no_text'));
  if (!CJK.test(text)) return fail(note('no_chinese', { encoding }));
  return decoded;
}
