/**
 * The report texts packed a few dozen to a file: each report's place in its
 * pack, read back as the dashboard reads it (a range of bytes, or the whole
 * pack from a server that ignores ranges), and rows whose locator would make
 * the page fetch anything but a pack.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failedReport, processReports, processText, type ReportOutcome } from '../../src/extract';
import {
  listedPackSize,
  packFileOf,
  packGroups,
  packSizesOf,
  packOutcomes,
  PackWriter,
  parseLocator,
  rangeOf,
  textFromResponse,
  textOfPack,
  TEXTS_PER_PACK,
  type TextLocator,
} from '../../src/extract/text-packs';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** What a server that honours ranges sends for a locator: those bytes alone. */
function ranged(pack: Uint8Array, range: string): Uint8Array {
  const [, from, to] = /^bytes=(\d+)-(\d+)$/.exec(range) ?? [];
  return pack.subarray(Number(from), Number(to) + 1);
}

describe('packs of texts', () => {
  it('groups reports by position, TEXTS_PER_PACK to a pack', () => {
    const ids = Array.from({ length: 2 * TEXTS_PER_PACK + 5 }, (_, i) => i);
    const groups = packGroups(ids);
    expect(groups.map((g) => g.length)).toEqual([TEXTS_PER_PACK, TEXTS_PER_PACK, 5]);
    expect(groups.flat()).toEqual(ids);
    expect(packGroups([])).toEqual([]);
  });

  it('gives each text its bytes in the pack, whatever its characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 12 }), (texts) => {
        const writer = new PackWriter(3);
        const at = texts.map((t) => writer.add(t));
        const pack = writer.bytes();
        for (const [i, text] of texts.entries()) {
          const loc = at[i] as TextLocator;
          expect(loc.file).toBe('texts/3.txt');
          // Lone surrogates become U+FFFD in UTF-8, as the CLI has always written them.
          const expected = decode(new TextEncoder().encode(text));
          expect(decode(pack.subarray(loc.offset, loc.offset + loc.length))).toBe(expected);
        }
        expect(writer.empty).toBe(texts.length === 0);
      }),
    );
  });

  it('packs outcomes in order: an unreadable report keeps its place and adds no text', () => {
    const ok = (id: string, text: string): ReportOutcome =>
      processText(id, `${id}.txt`, text, 'txt', 'utf-8');
    const outcomes: ReportOutcome[] = [];
    for (let i = 0; i < 2 * TEXTS_PER_PACK + 2; i++) {
      const id = `r${String(i).padStart(3, '0')}`;
      // The third pack: its two reports both unreadable, so no file.
      outcomes.push(
        i === 1 || i >= 2 * TEXTS_PER_PACK
          ? failedReport(id, `${id}.txt`, 'broken')
          : ok(id, `第${i}份报告，调解纠纷${i}件。`),
      );
    }
    const { outcomes: packed, packs } = packOutcomes(outcomes);
    expect([...packs.keys()]).toEqual([packFileOf(0), packFileOf(1)]);
    // index.json's sizes of them, from the rows alone.
    const sizes = packSizesOf(packed.map((o) => o.textAt ?? null));
    expect(sizes).toEqual([packs.get('texts/0.txt')?.length, packs.get('texts/1.txt')?.length]);
    expect(listedPackSize(sizes, packed[0]?.textAt as TextLocator)).toBe(sizes[0]);
    expect(listedPackSize(sizes, { file: 'texts/2.txt', offset: 0, length: 1 })).toBeUndefined();
    expect(
      listedPackSize([5, 0, 7], { file: 'texts/1.txt', offset: 0, length: 1 }),
    ).toBeUndefined();
    expect(packed[1]?.textAt).toBeUndefined();
    expect(packed[0]?.textAt).toEqual({
      file: 'texts/0.txt',
      offset: 0,
      length: expect.any(Number),
    });
    const third = packed[2]?.textAt as TextLocator;
    expect(third.offset).toBe(packed[0]?.textAt?.length);
    expect(packed[TEXTS_PER_PACK]?.textAt?.file).toBe('texts/1.txt');
    expect(packed[TEXTS_PER_PACK]?.textAt?.offset).toBe(0);
    for (const o of packed) {
      if (o.textAt === undefined) continue;
      const pack = packs.get(o.textAt.file) as Uint8Array;
      expect(textFromResponse(o.textAt, ranged(pack, rangeOf(o.textAt)), true)).toBe(o.text);
      expect(textFromResponse(o.textAt, pack, false)).toBe(o.text);
    }
  });
});

describe('a report read from bytes', () => {
  const BOM = [0xef, 0xbb, 0xbf];
  const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];
  /** Pieces of a report's bytes: Chinese text, and what normalising removes or changes. */
  const piece = fc.oneof(
    fc.constantFrom('调解纠纷96件，', '成功率98%。', '培训干部120人次\n', 'abc '),
    fc.constantFrom('\r\n', '\r', '\u200b', '\ufeff', '[bookmark: _GoBack]'),
  );
  const report = fc.record({
    boms: fc.integer({ min: 0, max: 2 }),
    pieces: fc.array(piece, { minLength: 1, maxLength: 12 }),
  });

  it('is packed as its normalised text’s UTF-8, the file’s own bytes when they are that', () => {
    fc.assert(
      fc.property(fc.array(report, { minLength: 1, maxLength: 6 }), (reports) => {
        const files = reports.map(({ boms, pieces }, i) => ({
          reportId: `r${i}`,
          file: `r${i}.txt`,
          // Each starts with Han text, so it reads as a report.
          bytes: Uint8Array.from([
            ...Array.from({ length: boms }, () => BOM).flat(),
            ...utf8(`镇${pieces.join('')}`),
          ]),
        }));
        const read = processReports(files);
        const { outcomes, packs } = packOutcomes(read);
        for (const [i, o] of outcomes.entries()) {
          const at = o.textAt as TextLocator;
          const pack = packs.get(at.file) as Uint8Array;
          expect(pack.subarray(at.offset, at.offset + at.length)).toEqual(
            new TextEncoder().encode(o.text),
          );
          // Taken as they are when normalising left the text as it was decoded; not kept once packed.
          const plain = files[i]?.bytes.subarray(reports[i]?.boms === 1 ? 3 : 0);
          expect(read[i]?.utf8 !== undefined).toBe(decode(plain ?? new Uint8Array()) === o.text);
          expect(o.utf8).toBeUndefined();
        }
      }),
    );
  });
});

describe('reading a text back', () => {
  const at = { file: 'texts/0.txt', offset: 3, length: 6 };
  const pack = new TextEncoder().encode('abc调解xyz');

  it('asks for the bytes of the text and nothing else', () => {
    expect(rangeOf(at)).toBe('bytes=3-8');
    expect(textFromResponse(at, ranged(pack, rangeOf(at)), true)).toBe('调解');
  });

  it('cuts the text out of a whole pack from a server that ignores ranges', () => {
    expect(textFromResponse(at, pack, false)).toBe('调解');
  });

  it('reads only the pack index.json lists: of its size, as the server gives it', () => {
    const bytes = ranged(pack, rangeOf(at));
    expect(textOfPack([pack.length], at, { bytes, partial: true, total: pack.length })).toBe(
      '调解',
    );
    expect(textOfPack([pack.length], at, { bytes: pack, partial: false, total: pack.length })).toBe(
      '调解',
    );
    // Replaced since the page read index.json, a range without its whole size, a pack not listed.
    expect(
      textOfPack([pack.length + 1], at, { bytes, partial: true, total: pack.length }),
    ).toBeNull();
    expect(textOfPack([pack.length], at, { bytes, partial: true, total: null })).toBeNull();
    expect(textOfPack([], at, { bytes: pack, partial: false, total: pack.length })).toBeNull();
  });

  it('takes nothing that is not the text: too few bytes, or not UTF-8 where it would be', () => {
    expect(textFromResponse(at, pack.subarray(0, 7), false)).toBeNull();
    expect(textFromResponse(at, pack.subarray(3, 8), true)).toBeNull();
    // A range that starts inside a character (a pack that is not the one the
    // rows point into, which its size, listed in index.json, tells first).
    expect(textFromResponse({ ...at, offset: 4 }, pack, false)).toBeNull();
  });
});

describe('a row’s locator', () => {
  const cells = (text_file: string, text_offset = '0', text_length = '10') => ({
    text_file,
    text_offset,
    text_length,
  });

  it('reads a pack, its offset and its length', () => {
    expect(parseLocator(cells('texts/12.txt', '4096', '10156'))).toEqual({
      file: 'texts/12.txt',
      offset: 4096,
      length: 10156,
    });
    expect(parseLocator(cells('', '', ''))).toBeNull();
  });

  it.each([
    '../index.html',
    'texts/../index.html',
    'texts/1.txt/../../x',
    '/texts/1.txt',
    'https://example.org/texts/1.txt',
    '//example.org/texts/1.txt',
    'texts/01.txt',
    'texts/1.txt?x=1',
    'texts/1.txt#a',
    ' texts/1.txt',
    'texts\\1.txt',
    'TEXTS/1.txt',
    'texts/anhui-huaibei-duanyuan-2024.txt',
    'javascript:alert(1)',
  ])('refuses %j as a pack: the page fetches nothing else', (file) => {
    expect(parseLocator(cells(file))).toMatch(/is not a pack of texts/);
  });

  it.each([
    ['-1', '10'],
    ['1.5', '10'],
    ['0', ''],
    ['', '10'],
    ['1e3', '10'],
    ['0x10', '10'],
    ['0', '99999999999999999999'],
  ])('refuses offset %j and length %j', (offset, length) => {
    expect(parseLocator(cells('texts/0.txt', offset, length))).toMatch(/whole numbers of bytes/);
  });
});
