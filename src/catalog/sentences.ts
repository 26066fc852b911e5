/**
 * What ends a sentence: one definition for the extractor (whose rules' `……`
 * gaps and figures' sentences stop there) and for the pages that show a
 * figure in its sentence or cut a long text into blocks. In the catalog
 * because every layer may read it.
 *
 * May import: nothing outside src/catalog.
 */

/** The full stop; a heading that runs on into its paragraph ends at the first one. */
export const FULL_STOP = '。';

/**
 * The marks that end a sentence as the extractor's matching copy writes them
 * (full-width forms folded to ASCII: ！→! ？→? ；→;). A line break ends a
 * sentence too; each reader adds it where it applies.
 */
export const SENTENCE_MARKS = `${FULL_STOP}!?;`;

/** An ASCII character's full-width form (the reverse of the extractor's folding). */
function fullWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
}

/** The same marks in the text as written and shown: each also in its full-width form (！？；). */
export const SHOWN_SENTENCE_MARKS = [...SENTENCE_MARKS]
  .flatMap((ch) => (fullWidth(ch) === ch ? [ch] : [ch, fullWidth(ch)]))
  .join('');

/**
 * How far a sentence is looked for on either side of a figure: a text without
 * sentence ends is not walked through to its ends for every number.
 */
export const SENTENCE_LIMIT = 400;
