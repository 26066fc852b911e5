import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeUtf8 } from '../../src/cli/node-utf8';
import { decodeReport, installUtf8Decoder } from '../../src/extract';

/** The browser's strict decoder, which the CLI's must equal. */
function whatwg(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Byte sequences near UTF-8's edges: BOMs, overlong forms, surrogates, beyond U+10FFFF, cut sequences. */
const EDGES = [
  [0xef, 0xbb, 0xbf],
  [0xc0, 0x80],
  [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [0xed, 0x9f, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xe8, 0xb0],
  [0x80],
  [0xff],
  [0x00],
];

describe('nodeUtf8', () => {
  it('decodes a report as TextDecoder does', () => {
    const text = '２０２３年，全镇调解矛盾纠纷１２８件，成功率98.5%。𠀀\r\n';
    expect(nodeUtf8(encode(text))).toBe(text);
    expect(nodeUtf8(new Uint8Array())).toBe('');
  });

  it('drops one leading BOM, as TextDecoder does, and keeps a second', () => {
    expect(nodeUtf8(encode('\ufeff调解'))).toBe('调解');
    expect(nodeUtf8(encode('\ufeff\ufeff调解'))).toBe('\ufeff调解');
    expect(nodeUtf8(encode('调\ufeff解'))).toBe('调\ufeff解');
  });

  it('refuses what is not UTF-8: overlong forms, surrogates, cut sequences', () => {
    for (const bytes of [
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xe8, 0xb0],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      expect(nodeUtf8(new Uint8Array(bytes))).toBeNull();
    }
  });

  it('reads a view into a larger buffer by its own bytes only', () => {
    const whole = encode('镇调解纠纷');
    expect(nodeUtf8(whole.subarray(3, 9))).toBe('调解');
  });

  it('is what the extractor decodes reports with once installed, BOM or not', () => {
    const seen: number[] = [];
    installUtf8Decoder((bytes) => {
      seen.push(bytes.length);
      return nodeUtf8(bytes);
    });
    try {
      expect(decodeReport(encode('调解纠纷12件')).ok).toBe(true);
      expect(decodeReport(encode('\ufeff调解纠纷12件')).ok).toBe(true);
      // The BOM is dropped before: the decoder gets the same 17 bytes.
      expect(seen).toEqual([17, 17]);
    } finally {
      // As the CLI has it.
      installUtf8Decoder(nodeUtf8);
    }
  });

  it('equals TextDecoder on any bytes', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }).map(encode),
      fc.constantFrom(...EDGES).map((bytes) => new Uint8Array(bytes)),
      fc.uint8Array({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const bytes = new Uint8Array(pieces.flatMap((p) => [...p]));
        expect(nodeUtf8(bytes)).toBe(whatwg(bytes));
      }),
      { numRuns: 5000 },
    );
  });
});
