/**
 * The data files' cells are written by csvCell, not Papa.unparse (for speed),
 * and must be the bytes PapaParse writes: published folders and packages are
 * compared byte for byte, and the dashboard reads them back with PapaParse.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { INDICATOR_COLUMNS, TOWN_NUMBER_COLUMN } from '../../src/extract/columns';
import {
  COUNTY_VALUES_TABLE,
  csvCell,
  linesOfRow,
  SITE_VALUES_TABLE,
  type ValueCells,
} from '../../src/extract/output';

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

  it('on any string of quotes, commas, line breaks, BOMs and spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (parts) => {
        const cell = parts.join('');
        expect(csvCell(cell)).toBe(Papa.unparse([[cell]], { newline: '\n' }));
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads back as the same cells', () => {
    const row = ['a "b"', ',', '\r\n', ' x ', '\uFEFFy', '中文'];
    const text = `${row.map(csvCell).join(',')}\n`;
    expect(Papa.parse<string[]>(text, { skipEmptyLines: true }).data).toEqual([row]);
  });
});

describe("several tables' lines of one row, each cell written once (linesOfRow)", () => {
  it("are each table's line, one cut at any column, whatever the cells", () => {
    const cell = fc.oneof(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => parts.join('')),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const columns: (keyof ValueCells)[] = [...INDICATOR_COLUMNS, TOWN_NUMBER_COLUMN];
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: columns.length, maxLength: columns.length }),
        fc.constantFrom(...SITE_VALUES_TABLE.columns),
        (cells, cut) => {
          const row = Object.fromEntries(
            columns.map((c, i) => [c, cells[i] ?? null]),
          ) as ValueCells;
          const [before, after, county, site] = linesOfRow<keyof ValueCells>([
            { table: SITE_VALUES_TABLE, cut },
            { table: COUNTY_VALUES_TABLE },
            { table: SITE_VALUES_TABLE },
          ])(row);
          expect(`${before}${csvCell(row[cut])}${after}`).toBe(SITE_VALUES_TABLE.line(row));
          expect(county).toBe(COUNTY_VALUES_TABLE.line(row));
          expect(site).toBe(SITE_VALUES_TABLE.line(row));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
