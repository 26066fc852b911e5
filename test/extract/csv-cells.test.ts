/**
 * The data files' cells are written by csvCell, not Papa.unparse (for speed),
 * and must be the bytes PapaParse writes: published folders and packages are
 * compared byte for byte, and the dashboard reads them back with PapaParse.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/extract/output';

/** A small seeded generator, so a failure names a case that comes back. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  '"',
  ',',
  '\r',
  '\n',
  '\uFEFF',
  ' ',
  '\t',
  'a',
  '调解',
  '=',
  '-',
  '1',
  '.',
  ';',
  "'",
];

describe('csvCell writes what Papa.unparse writes', () => {
  it('on the cells the extraction writes', () => {
    const cells = [
      '',
      '调解矛盾纠纷428件',
      'mediation.cases',
      ' 段园镇',
      '段园镇 ',
      'a,b',
      'say "hi"',
    ];
    const numbers = [0, 428, 98.5, -3, 1e21, 0.1 + 0.2];
    for (const cell of [...cells, ...numbers, true, false]) {
      expect(csvCell(cell), String(cell)).toBe(Papa.unparse([[cell]], { newline: '\n' }));
    }
    expect(csvCell(null)).toBe('');
  });

  it('on 20,000 random strings of quotes, commas, line breaks, BOMs and spaces', () => {
    const next = random(19);
    for (let n = 0; n < 20_000; n++) {
      const length = Math.floor(next() * 8);
      let cell = '';
      for (let i = 0; i < length; i++) cell += PIECES[Math.floor(next() * PIECES.length)];
      expect(csvCell(cell), JSON.stringify(cell)).toBe(Papa.unparse([[cell]], { newline: '\n' }));
    }
  });

  it('reads back as the same cells', () => {
    const row = ['a "b"', ',', '\r\n', ' x ', '\uFEFFy', '中文'];
    const text = `${row.map(csvCell).join(',')}\n`;
    expect(Papa.parse<string[]>(text, { skipEmptyLines: true }).data).toEqual([row]);
  });
});
