/**
 * A report's text in pieces, for the two copies the page makes of it: into a
 * message to or from the import worker, and into IndexedDB. Either copies
 * the whole value on the page's thread at once; a text at the size limit
 * (17 million characters) held it 60–150 ms, a piece a few milliseconds.
 */

/** Characters per piece (about 2 MB). */
export const TEXT_PIECE = 1 << 20;

/** The text in pieces, never cut between the two halves of a surrogate pair (each piece encodes alone). */
export function piecesOf(text: string): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + TEXT_PIECE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

/** Lets the page's thread handle what waits (input, frames) between two pieces. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
