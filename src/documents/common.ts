/** What reading a document gives, and the first bytes that tell a file's kind whatever its name says. */

export type DocumentProblem =
  'too-large' | 'unsupported' | 'encrypted' | 'not-docx' | 'no-text' | 'empty-page' | 'unreadable';

export type DocumentText =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly problem: DocumentProblem; readonly detail: string };

export const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((b, i) => bytes[i] === b);

/** An OLE compound file: an encrypted .docx, or an old binary .doc. */
export const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const ZIP = [0x50, 0x4b, 0x03, 0x04];
