/**
 * The two buffered writers of a run: FileAppender (the data folder's files,
 * appended to in pieces) and Spill (each report's findings, read back by
 * piece). Whatever the piece sizes and however many files, what is read
 * back is what was given.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileAppender } from '../../src/cli/files';
import { Spill, type AloneText, type Packed } from '../../src/cli/spill';
import { failedReport, summarize } from '../../src/extract';
import { tempDir } from '../helpers';

/** Pieces of Chinese, ASCII, astral characters and line breaks, some far over a buffer. */
const piece = fc.oneof(
  fc.string({ unit: fc.constantFrom('调', '解', 'a', ',', '"', '\n', '𠀀', '1'), maxLength: 40 }),
  fc.integer({ min: 10, max: 3000 }).map((n) => '纠纷'.repeat(n)),
);

describe('FileAppender', () => {
  it('writes each file as its pieces joined, text or bytes, whatever their sizes and order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), piece, fc.boolean()), {
          maxLength: 300,
        }),
        (appends) => {
          const dir = tempDir('rol-appender-');
          // Small buffers: every way of growing and appending is taken.
          const files = new FileAppender(dir, { first: 64, file: 1024, all: 16 * 1024 });
          const expected = new Map<string, string>();
          for (const [n, text, asBytes] of appends) {
            const path = `counties/${n}/values.csv`;
            if (asBytes) {
              // Already encoded, from the middle of a larger buffer (as the spill's pieces come).
              const bytes = Buffer.from(`前${text}后`);
              files.appendBytes(path, bytes, 3, bytes.length - 3);
            } else files.append(path, text);
            expected.set(path, (expected.get(path) ?? '') + text);
          }
          const sizes = files.close();
          for (const [path, text] of expected) {
            if (text === '') continue;
            expect(readFileSync(join(dir, path), 'utf8')).toBe(text);
            expect(sizes.get(path)).toBe(Buffer.byteLength(text));
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('Spill', () => {
  /** What a report without the complete tables spills of its values resolved alone: three pieces. */
  const aloneText = (text: string): AloneText => {
    const head = JSON.stringify([
      ['mediation.cases'],
      ['mediation.cases'],
      [1, 2, 3].map((k) => k * Buffer.byteLength(text)),
    ]);
    return { text: `${head}${text}${text}${text}`, head: Buffer.byteLength(head) };
  };
  // Every other report without its table lines, as a run without the complete tables spills them.
  const packed = (id: string, text: string, tables: boolean): Packed => ({
    summary: summarize(failedReport(id, `${id}.txt`, 'x')),
    mentions: tables ? '[]' : null,
    tables: tables
      ? {
          mentions: JSON.stringify([['mediation.cases'], [`${text}!`]]),
          unused: JSON.stringify(text),
        }
      : null,
    alone: tables ? null : aloneText(text),
  });

  it('gives back every piece, over any number of writes, and removes its file', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (texts) => {
        const path = join(tempDir('rol-spill-'), '.findings');
        // A small buffer: pieces that fill it, and pieces larger than it, are both written.
        const spill = new Spill(path, 8 * 1024);
        const kept = texts.map((text, n) => spill.add(packed(`r${n}`, text, n % 2 === 0)));
        // Read back out of order, as resolution does.
        for (const n of [...kept.keys()].reverse()) {
          const spilled = kept[n];
          if (spilled === undefined) continue;
          if (n % 2 === 1) {
            expect(spilled.tables).toBeNull();
            const text = texts[n] ?? '';
            const alone = spill.alone(spilled);
            const size = Buffer.byteLength(text);
            expect(alone?.mentions).toEqual(['mediation.cases']);
            expect(alone?.values.ends).toEqual([size, 2 * size, 3 * size]);
            expect(Buffer.from(alone?.values.bytes ?? []).toString()).toBe(text.repeat(3));
          } else {
            expect(spill.alone(spilled)).toBeNull();
            expect(spill.mentions(spilled)).toEqual([]);
            expect(spilled.tables).not.toBeNull();
            if (spilled.tables === null) continue;
            expect(spill.tableLines(spilled.tables)).toEqual({
              mentions: [{ indicator: 'mediation.cases', line: `${texts[n]}!` }],
              unused: texts[n],
            });
          }
        }
        spill.remove();
        expect(existsSync(path)).toBe(false);
      }),
      { numRuns: 25 },
    );
  });
});
