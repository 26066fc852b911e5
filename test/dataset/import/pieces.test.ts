import { describe, expect, it } from 'vitest';
import { piecesOf, TEXT_PIECE, textBlob } from '../../../src/dataset/import/pieces';

describe('a text in pieces', () => {
  it('cuts every TEXT_PIECE characters, never inside a surrogate pair', () => {
    const text = `${'a'.repeat(TEXT_PIECE - 1)}𠀀${'字'.repeat(TEXT_PIECE)}`;
    const pieces = piecesOf(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.map((p) => p.length)).toEqual([TEXT_PIECE - 1, TEXT_PIECE, 2]);
    expect(piecesOf('')).toEqual([]);
  });

  it('encodes to the same UTF-8 file as the text whole', async () => {
    const text = `${'a'.repeat(TEXT_PIECE - 1)}𠀀调解矛盾纠纷208件`;
    const blob = await textBlob(text);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new TextEncoder().encode(text));
    expect(blob.type).toBe('text/plain;charset=utf-8');
  });
});
