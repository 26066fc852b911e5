/**
 * Text normalisation. `normalizeReportText` produces the text every offset
 * indexes into (and that the app shows). Everything else here makes
 * same-length copies of it for matching, so that a rule sees one spelling
 * while every offset stays valid in the shown text: `foldForMatching` folds
 * character forms, `joinWrappedLines` turns the line breaks a PDF or a web
 * page put inside a sentence into spaces.
 */

import { SENTENCE_MARKS } from '../catalog';

/** Markup lines left by document converters, e.g. `[bookmark: _GoBack]`. */
const CONVERTER_MARKUP = /\[(?:bookmark|image|footnote|comment)\b[^\]\n]*\]/gi;

export function normalizeReportText(raw: string): string {
  let text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, '\n');
  text = text.replace(CONVERTER_MARKUP, '');
  // Zero-width characters break matching and are invisible to readers.
  text = text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  return text;
}

/**
 * Regex source for the spaces that converted text puts between words, a
 * number and its measure word (调解纠纷 96 件). After folding every kind of
 * space is an ASCII space; more than two in a row is layout, not spacing.
 */
export const MAX_SPACES = 2;
export const SPACES = ` {1,${MAX_SPACES}}`;

/** `text` matched literally in a regular expression. */
export function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source matching any of `words` literally, the longest first (so 共计 wins over 共). */
export function longestFirst(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeLiteral)
    .join('|');
}

/** Characters that fold: see foldedForm. */
const FOLDABLE =
  /[\u00a0\u2000-\u200a\u202f\u205f\u2e80-\u2ef3\u2f00-\u2fd5\u3000\uf900-\ufad9\uff01-\uff5e]/;
const FOLDABLE_ALL = new RegExp(FOLDABLE.source, 'g');

function foldedForm(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  // PDF text layers often carry Kangxi radicals (⾏ for 行) and compatibility
  // ideographs for ordinary characters; NFKC gives the ordinary one.
  if ((code >= 0x2e80 && code <= 0x2fd5) || code >= 0xf900) {
    const plain = ch.normalize('NFKC');
    return plain.length === 1 ? plain : ch;
  }
  // Ideographic, no-break, en/em/thin/hair, narrow no-break and math spaces.
  return ' ';
}

let foldTable: Uint16Array | null = null;
/** What each UTF-16 code unit folds to (itself, for most): foldedForm of each FOLDABLE one, built once. */
function foldTableOf(): Uint16Array {
  if (foldTable !== null) return foldTable;
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const ch = String.fromCharCode(code);
    table[code] = FOLDABLE.test(ch) ? foldedForm(ch).charCodeAt(0) : code;
  }
  foldTable = table;
  return table;
}

/** The folded code units back into a string, for a text without surrogates (see foldCounting). */
const FROM_UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
/** Whether a Uint16Array's bytes are in UTF-16LE's order (on any machine this runs on, but checked). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Where foldCounting writes the folded units: one buffer kept, grown as
 * texts need up to 2 MB, not one per text (a longer text has its own).
 */
let foldBuffer = new Uint16Array(0);
const KEPT_FOLD_UNITS = 1 << 20;

/** A text folded, and what foldCounting counted in it. */
export interface FoldedText {
  readonly folded: string;
  /** Its Han characters (U+3400–U+9FFF). */
  readonly han: number;
  /** Its characters from U+3400 up that the table given flags (1). */
  readonly marked: number;
}

/**
 * The text folded (see foldForMatching), counting in the same pass its Han
 * characters and those `marks` flags (the traditional ones: simplified.ts).
 * One look-up per code unit in a table; the units are turned back into a
 * string in one call. A text that holds a surrogate (a character beyond the
 * BMP, or half of one) is folded by a replace instead, which keeps a lone
 * half as it is where the decoder would not (and so is any text on a
 * big-endian machine).
 */
export function foldCounting(text: string, marks: Uint8Array | null): FoldedText {
  const table = foldTableOf();
  if (text.length <= KEPT_FOLD_UNITS && foldBuffer.length < text.length) {
    foldBuffer = new Uint16Array(Math.min(KEPT_FOLD_UNITS, text.length * 2));
  }
  const out = text.length <= KEPT_FOLD_UNITS ? foldBuffer : new Uint16Array(text.length);
  let changed = false;
  let surrogate = false;
  let han = 0;
  let marked = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = table[code] ?? code;
    out[i] = folded;
    if (folded !== code) changed = true;
    if (folded < 0x3400) continue;
    if (folded <= 0x9fff) han++;
    else if (folded >= 0xd800 && folded <= 0xdfff) surrogate = true;
    if (marks !== null) marked += marks[folded] ?? 0;
  }
  const folded = !changed
    ? text
    : surrogate || !LITTLE_ENDIAN
      ? text.replace(FOLDABLE_ALL, (ch) => String.fromCharCode(table[ch.charCodeAt(0)] ?? 0))
      : FROM_UTF16.decode(out.subarray(0, text.length));
  return { folded, han, marked };
}

/**
 * Full-width forms (U+FF01–U+FF5E) become ASCII, every kind of space an ASCII
 * space, radicals and compatibility ideographs the ordinary character. One
 * UTF-16 unit in, one out.
 */
export function foldForMatching(text: string): string {
  return foldCounting(text, null).folded;
}

/**
 * Marks that start a list item or a heading (一、 (二) 3. ① 第四部分 一是 •) or
 * a table row: a line that starts with one never continues the line above.
 */
const ITEM_START =
  /^ *(?:[一二三四五六七八九十]{1,3} *[、.]|\d{1,2} *[、.](?!\d)|\( *(?:[一二三四五六七八九十]{1,3}|\d{1,2}) *\)|[①-⑳]|第[一二三四五六七八九十\d]{1,3}(?:部分|章|节|条)|[一二三四五六七八九十]是|[•●◆◇■□▪○·*|-])/;
/** Characters that end a clause: a rule's `…` gap never crosses them. */
export const CLAUSE_END = ',;。!?:\n';
/** Characters that end a sentence (the catalog's marks, folded, and a line break): a rule's `……` gap never crosses them. */
export const SENTENCE_END = `${SENTENCE_MARKS}\n`;

/**
 * A table over every UTF-16 code unit, 1 for those of `chars`: what a loop
 * over a text's characters looks each one up in (a string's includes() for
 * each character took most of such loops' time).
 */
export function charTable(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/**
 * A small number (a slot) for each UTF-16 code unit given one, -1 for the
 * rest: how a loop over a text's characters finds the lists of words that
 * begin with each (the provinces' names, the rules worth trying).
 */
export class CharSlots {
  private readonly slots = new Int16Array(0x10000).fill(-1);
  /** Slots given so far: 0 … count - 1. */
  count = 0;

  /** The slot of `text`'s first character, given one if it has none. */
  slotFor(text: string): number {
    const code = text.charCodeAt(0);
    let slot = this.slots[code] ?? -1;
    if (slot < 0) {
      slot = this.count++;
      this.slots[code] = slot;
    }
    return slot;
  }

  /** The slot of the character at `at`, -1 for none. */
  slotAt(text: string, at: number): number {
    return this.slots[text.charCodeAt(at)] ?? -1;
  }
}

export const CLAUSE_ENDS = charTable(CLAUSE_END);
export const SENTENCE_ENDS = charTable(SENTENCE_END);
/** At a line's end, these also say the next line starts afresh: 如下: / 1. / a table's |. */
const LINE_STOPS = `${SENTENCE_END.replace('\n', '')}:.…|`;
const SENTENCE_MARK = new RegExp(`[${SENTENCE_END}]`);
/** A line that ends a sentence, perhaps before closing marks. */
const LINE_END = new RegExp(`[${LINE_STOPS}]["'”’」』)\\]】》]*$`);
/** A paragraph's first-line indent: two spaces (after folding) or a tab. */
const INDENT = /^(?: {2}|\t)/;

/**
 * The line break at `at` is a paragraph end, not a wrap. A break is a wrap
 * only when both lines have words, the first does not end a sentence, the
 * second is not indented and starts no list item, the first is not a heading
 * (a list mark with no full stop: (一)加强组织领导) and it does not fall
 * between two digits (a number cut in two, or two columns). Wrongly joining
 * two paragraphs could hand one's number to the other's words; a wrap left
 * unjoined only loses a figure, so every doubt is a paragraph end.
 */
function isParagraphEnd(folded: string, lineStart: number, at: number, nextEnd: number): boolean {
  // Most lines end a paragraph with a full stop: decided without slicing.
  if (nextEnd === at + 1 || LINE_STOPS.includes(folded.charAt(at - 1))) return true;
  const line = folded.slice(lineStart, at).trimEnd();
  const next = folded.slice(at + 1, nextEnd);
  if (line.trim() === '' || next.trim() === '') return true;
  if (LINE_END.test(line) || INDENT.test(next) || ITEM_START.test(next)) return true;
  if (ITEM_START.test(line) && !SENTENCE_MARK.test(line)) return true;
  return /\d/.test(line.charAt(line.length - 1)) && /^ *\d/.test(next);
}

/**
 * A same-length copy of folded text in which every line break that wraps a
 * sentence (a PDF's line end, a web page's break after a few characters) is
 * a space, so the sentence reads as one; paragraph ends stay line breaks.
 */
export function joinWrappedLines(folded: string): string {
  let out = '';
  let last = 0;
  let lineStart = 0;
  let at = folded.indexOf('\n');
  while (at >= 0) {
    const following = folded.indexOf('\n', at + 1);
    const nextEnd = following < 0 ? folded.length : following;
    if (!isParagraphEnd(folded, lineStart, at, nextEnd)) {
      out += folded.slice(last, at) + ' ';
      last = at + 1;
    }
    lineStart = at + 1;
    at = following;
  }
  return last === 0 ? folded : out + folded.slice(last);
}

/** Strings in code unit order, the same in every locale. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
