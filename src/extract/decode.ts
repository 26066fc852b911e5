/**
 * Report bytes → text. Detects UTF-8 (with or without BOM), UTF-16 and the
 * GB18030/GBK family common in government files; encoding guessing for
 * non-UTF-8 input is left to chardet. Expected failures (empty, binary,
 * undecodable) come back as a Result with a message for the person.
 */
import { analyse } from 'chardet';
import { fail, ok, type Result } from './result';

export interface DecodedText {
  readonly text: string;
  /** WHATWG encoding label that decoded the bytes. */
  readonly encoding: string;
}

/** Encodings a township report may plausibly be in, as chardet names them. */
const CHARDET_TO_LABEL: Readonly<Record<string, string>> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  GB18030: 'gb18030',
  Big5: 'big5',
};

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

/** Share of NUL bytes at even and odd positions: UTF-16 text has many on one side. */
function nulProfile(bytes: Uint8Array): { even: number; odd: number } {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half };
}

const CJK = /[\u3400-\u9fff]/;

function accept(text: string, encoding: string): Result<DecodedText> {
  if (text.trim() === '') return fail('the file holds no text');
  if (!CJK.test(text)) {
    return fail(`decoded as ${encoding} but holds no Chinese text; is it a report?`);
  }
  return ok({ text, encoding });
}

export function decodeReport(bytes: Uint8Array): Result<DecodedText> {
  if (bytes.length === 0) return fail('the file is empty');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return fail('this is a zip container (.docx?); save it as plain text first');
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return fail('this is a PDF; extract its text first');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    return text === null ? fail('starts with a UTF-8 BOM but is not valid UTF-8') : accept(text, 'utf-8');
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeStrict(bytes.subarray(2), label);
    return text === null ? fail(`starts with a ${label} BOM but does not decode`) : accept(text, label);
  }

  const nul = nulProfile(bytes);
  if (nul.even > 0.2 || nul.odd > 0.2) {
    // No BOM but a NUL on every other byte: UTF-16 if it decodes, else binary.
    const label = nul.odd > nul.even ? 'utf-16le' : 'utf-16be';
    const text = decodeStrict(bytes, label);
    if (text !== null && CJK.test(text)) return accept(text, label);
    return fail('binary file (NUL bytes); not a text report');
  }
  if (nul.even + nul.odd > 0) return fail('binary file (NUL bytes); not a text report');

  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return accept(utf8, 'utf-8');

  for (const match of analyse(bytes)) {
    const label = CHARDET_TO_LABEL[match.name];
    if (label === undefined || label === 'utf-8') continue;
    const text = decodeStrict(bytes, label);
    if (text !== null) return accept(text, label);
  }
  // GB18030 decodes almost any byte string; try it last, tolerating a few bad bytes.
  const lenient = new TextDecoder('gb18030').decode(bytes);
  const bad = (lenient.match(/\uFFFD/g) ?? []).length;
  if (bad <= Math.max(2, lenient.length / 1000)) return accept(lenient, 'gb18030');
  return fail('cannot decode: not UTF-8, UTF-16 or GB18030 text');
}
