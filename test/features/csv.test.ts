import { describe, expect, it } from 'vitest';
import { buildCsv, neutralizeCell } from '../../src/export/csv';

describe('CSV export', () => {
  it('starts with a BOM so Excel reads Chinese as UTF-8', () => {
    expect(buildCsv([['乡镇', '数值']]).startsWith('\uFEFF乡镇,数值\r\n')).toBe(true);
  });

  it('neutralises cells Excel would run as formulas, not negative numbers', () => {
    expect(neutralizeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutralizeCell('+1+2')).toBe("'+1+2");
    expect(neutralizeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeCell('-17.2')).toBe('-17.2');
    expect(neutralizeCell('-17.2%')).toBe('-17.2%');
    expect(neutralizeCell('-1,234.5')).toBe('-1,234.5');
    expect(neutralizeCell('-1+1')).toBe("'-1+1");
    expect(neutralizeCell('≥190件')).toBe('≥190件');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(buildCsv([['a,b', 'say "hi"', 'x\ny']])).toBe('\uFEFF"a,b","say ""hi""","x\ny"\r\n');
  });
});
