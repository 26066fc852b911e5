import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockAt,
  blockCount,
  estimateHeight,
  lineStats,
  partCount,
  partOf,
  splitBlocks,
  type TextBlocks,
} from '../../src/components/text-blocks';

const pieces = (text: string, blocks: TextBlocks): string[] =>
  Array.from({ length: blockCount(blocks) }, (_, i) =>
    text.slice(blocks.starts[i], blocks.starts[i + 1]),
  );

describe('splitBlocks', () => {
  it('ends a block at the first line break after its size, or the last before it', () => {
    const text = '一二\n三四五六\n七八\n';
    expect(pieces(text, splitBlocks(text, 4))).toEqual(['一二\n三四五六\n', '七八\n']);
    // No line break within twice the size: the last one before.
    const long = `一二\n${'字'.repeat(20)}\n`;
    expect(pieces(long, splitBlocks(long, 4))[0]).toBe('一二\n');
  });

  it('ends a long line after a sentence, or else at its size', () => {
    const text = `${'字'.repeat(8)}。${'字'.repeat(30)}`;
    expect(pieces(text, splitBlocks(text, 10)).map((p) => p.length)).toEqual([9, 10, 10, 10]);
  });

  it('never cuts between the two halves of a surrogate pair', () => {
    const text = `${'字'.repeat(9)}𠀀${'字'.repeat(20)}`;
    const cut = pieces(text, splitBlocks(text, 10));
    expect(cut.join('')).toBe(text);
    expect(cut[1]?.startsWith('𠀀')).toBe(true);
  });

  it('covers any text exactly, block after block', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('字', 'a', '。', '\n', '𠀀', ' '), { maxLength: 400 }),
        fc.integer({ min: 2, max: 40 }),
        (chars, size) => {
          const text = chars.join('');
          const blocks = splitBlocks(text, size, size * 3);
          expect(pieces(text, blocks).join('')).toBe(text);
          for (const start of blocks.starts) {
            const code = text.charCodeAt(start);
            expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
          }
          expect(blocks.partStarts[0]).toBe(0);
          expect(blocks.partStarts[partCount(blocks)]).toBe(blockCount(blocks));
        },
      ),
    );
  });

  it('groups blocks in parts of at least the part size', () => {
    const text = '一二三四五六七八九十\n'.repeat(100);
    const blocks = splitBlocks(text, 20, 200);
    expect(partCount(blocks)).toBe(5);
    const firstOfPart2 = blocks.partStarts[1] ?? 0;
    expect(blocks.starts[firstOfPart2]).toBeGreaterThanOrEqual(200);
    expect(partOf(blocks, firstOfPart2)).toBe(1);
    expect(partOf(blocks, firstOfPart2 - 1)).toBe(0);
  });

  it('finds the block that holds an offset', () => {
    const text = '一二三四五六七八九十\n'.repeat(10);
    const blocks = splitBlocks(text, 20);
    expect(blockAt(blocks, 0)).toBe(0);
    expect(blockAt(blocks, 21)).toBe(0);
    expect(blockAt(blocks, 22)).toBe(1);
    expect(blockAt(blocks, text.length)).toBe(blockCount(blocks) - 1);
  });

  it('cuts a text without line breaks in linear time', () => {
    // Eight times the text takes about eight times as long; a quadratic cut,
    // sixty-four. Compared within the test, the best of five runs each, so a
    // busy machine (other test files run beside this one) slows both alike;
    // the bound leaves three times linear for what it does not (a ratio of
    // 8.6 was seen with four times the text, whose quadratic is only 16).
    const fastest = (text: string): number => {
      let best = Infinity;
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        splitBlocks(text);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const short = '字'.repeat(500_000);
    const long = '字'.repeat(4_000_000);
    fastest(short);
    expect(fastest(long) / fastest(short)).toBeLessThan(24);
    expect(blockCount(splitBlocks(long))).toBe(2000);
  });
});

describe('lineStats and estimateHeight', () => {
  it('take a line for each short or empty line and wrap long ones', () => {
    const text = `短\n\n${'字'.repeat(45)}\n`;
    const blocks = splitBlocks(text);
    // 1 + 1 + ceil(45 / 20) = 5 lines.
    expect(estimateHeight(lineStats(text, blocks, 0), 0, 20, 10)).toBe(50);
  });

  it('look at one part only, and keep no line of a file of line breaks', () => {
    const text = '\n'.repeat(200_000);
    const blocks = splitBlocks(text, 2000, 50_000);
    const stats = lineStats(text, blocks, 1);
    expect(stats.first).toBe(blocks.partStarts[1]);
    expect(stats.longLines).toHaveLength(0);
    expect([...stats.shortLines].reduce((a, b) => a + b, 0)).toBe(
      (blocks.starts[blocks.partStarts[2] ?? 0] ?? 0) - (blocks.starts[stats.first] ?? 0),
    );
  });
});
