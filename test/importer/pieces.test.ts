import { describe, expect, it } from 'vitest';
import { piecesOf, TEXT_PIECE } from '../../src/importer/pieces';

describe('a text in pieces', () => {
  it('cuts every TEXT_PIECE characters, never inside a surrogate pair', () => {
    const text = `${'a'.repeat(TEXT_PIECE - 1)}𠀀${'字'.repeat(TEXT_PIECE)}`;
    const pieces = piecesOf(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.map((p) => p.length)).toEqual([TEXT_PIECE - 1, TEXT_PIECE, 2]);
    expect(piecesOf('')).toEqual([]);
  });
});
