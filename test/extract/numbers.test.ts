import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEAD_WORDS, TOKEN_SOURCE } from '../../src/extract/number-token';
import {
  nextToken,
  parseNumberText,
  scanNumbers,
  tryParseChineseNumber,
} from '../../src/extract/numbers';
import { foldForMatching } from '../../src/extract/text';

describe('parseNumberText', () => {
  it.each([
    ['208件', 208, '=', '件', 'count'],
    ['190余起', 190, '>=', '起', 'count'],
    ['两名', 2, '=', '名', 'count'],
    ['十余场', 10, '>=', '场', 'count'],
    ['两万余人次', 20000, '>=', '人次', 'count'],
    ['1.5万份', 15000, '=', '份', 'count'],
    ['3000余人次', 3000, '>=', '人次', 'count'],
    ['1,890余件', 1890, '>=', '件', 'count'],
    ['１２３件', 123, '=', '件', 'count'],
    ['约200人', 200, '~', '人', 'count'],
    ['近300人次', 300, '~', '人次', 'count'],
    ['200人左右', 200, '~', '人', 'count'],
    ['500人以上', 500, '>=', '人', 'count'],
    ['超过50场', 50, '>=', '场', 'count'],
    ['逾千人', 1000, '>=', '人', 'count'],
    ['不足10件', 10, '<=', '件', 'count'],
    ['不到5起', 5, '<=', '起', 'count'],
    ['99.5%', 99.5, '=', '%', 'percent'],
    ['９９．５％', 99.5, '=', '%', 'percent'],
    ['百分之九十', 90, '=', '%', 'percent'],
    ['百分之百', 100, '=', '%', 'percent'],
    ['百分之九十九点五', 99.5, '=', '%', 'percent'],
    ['下降17.20%', -17.2, '=', '%', 'change'],
    ['增长5%', 5, '=', '%', 'change'],
    ['一百零五件', 105, '=', '件', 'count'],
    ['一千二百三十四人', 1234, '=', '人', 'count'],
    ['两万五千人', 25000, '=', '人', 'count'],
    ['三亿', 300000000, '=', '', 'bare'],
    ['百余场', 100, '>=', '场', 'count'],
    ['千余人', 1000, '>=', '人', 'count'],
    ['万余人次', 10000, '>=', '人次', 'count'],
    ['上千份', 1000, '>=', '份', 'count'],
    ['上万人次', 10000, '>=', '人次', 'count'],
    ['十几名', 10, '>=', '名', 'count'],
    ['二十几场', 20, '>=', '场', 'count'],
    // Signed, as a table or a correction holds a change.
    ['-17.2', -17.2, '=', '', 'bare'],
    ['-17.2%', -17.2, '=', '%', 'percent'],
    ['+5%', 5, '=', '%', 'percent'],
    ['−3件', -3, '=', '件', 'count'],
  ] as const)('%s → %d %s %s', (text, value, qualifier, unit, kind) => {
    const result = parseNumberText(foldForMatching(text));
    expect(result).toEqual({ ok: true, data: { value, qualifier, unit, kind } });
  });

  it.each(['', '法治', '一是', '万众', '百姓', '十四五五', '--3', '-下降3%', '-'])(
    'rejects %j',
    (text) => {
      expect(parseNumberText(text).ok).toBe(false);
    },
  );
});

describe('tryParseChineseNumber', () => {
  it.each([
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百五', 150],
    ['两万五', 25000],
    ['三万零五', 30005],
    ['一亿二千万', 120000000],
    ['九点五', 9.5],
  ])('%s = %d', (text, value) => {
    expect(tryParseChineseNumber(text)).toBe(value);
  });

  it.each(['', '十十', '百', '一二', '万万', '点五'])('%j is not a number', (text) => {
    expect(tryParseChineseNumber(text)).toBeNull();
  });
});

/** A reference writer of Chinese numerals, to check the reader against. */
function toChinese(n: number): string {
  const digits = '零一二三四五六七八九';
  const four = (x: number, leadingZero: boolean): string => {
    const units = ['千', '百', '十', ''];
    const parts = [Math.floor(x / 1000), Math.floor(x / 100) % 10, Math.floor(x / 10) % 10, x % 10];
    let out = '';
    let zero = leadingZero;
    parts.forEach((d, i) => {
      if (d === 0) {
        if (out !== '' || zero) zero = true;
        return;
      }
      if (zero && (out !== '' || leadingZero)) out += '零';
      zero = false;
      out += (digits[d] ?? '') + (units[i] ?? '');
    });
    return out;
  };
  if (n === 0) return '零';
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let text = high > 0 ? `${four(high, false)}万` : '';
  if (low > 0) text += four(low, high > 0 && low < 1000);
  return text;
}

describe('number properties', () => {
  it('never throws and never returns NaN, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const result = parseNumberText(text);
        if (result.ok) expect(Number.isFinite(result.data.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on strings made of numeral characters', () => {
    const chars = fc.constantFrom(
      ...'零〇一二两三四五六七八九十百千万亿点余多0123456789.,%约近件人次',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const result = parseNumberText(text);
        if (result.ok) expect(Number.isFinite(result.data.value)).toBe(true);
        for (const token of scanNumbers(text)) {
          expect(Number.isFinite(token.value)).toBe(true);
          expect(token.start).toBeGreaterThanOrEqual(0);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(token.start).toBeLessThan(token.end);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads every Chinese numeral below 100 million as its value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
        expect(tryParseChineseNumber(toChinese(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads Arabic numbers with thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const written = n.toLocaleString('en-US');
        expect(parseNumberText(`${written}件`)).toEqual({
          ok: true,
          data: { value: n, qualifier: '=', unit: '件', kind: 'count' },
        });
      }),
    );
  });
});

describe('scanNumbers', () => {
  it('finds numbers with their spans in running text', () => {
    const text = foldForMatching('累计接待来访群众231批566人次，同比下降17.20%');
    const tokens = scanNumbers(text);
    expect(tokens.map((t) => [t.value, t.unit, t.kind, text.slice(t.start, t.end)])).toEqual([
      [231, '批', 'count', '231批'],
      [566, '人次', 'count', '566人次'],
      [-17.2, '%', 'change', '下降17.20%'],
    ]);
  });

  it('ignores Chinese numerals that are words', () => {
    const text = '一是统一部署，把法、岗、事、人粘连在一起，形成了一张大网，三重一大';
    expect(scanNumbers(text)).toEqual([]);
  });

  it('skips orders of magnitude, which are no figure', () => {
    const text = foldForMatching('组织培训数十次，解答咨询数百次，惠及几千人');
    expect(scanNumbers(text)).toEqual([]);
    // But 人数 is a word: the figure after it counts.
    const counted = foldForMatching('参考人数十八人，参训人数十人，线上3场');
    expect(scanNumbers(counted).map((t) => [t.value, t.qualifier])).toEqual([
      [18, '='],
      [10, '='],
      [3, '='],
    ]);
  });

  it('skips codes glued to Latin letters', () => {
    expect(scanNumbers('G20峰会').map((t) => t.value)).toEqual([]);
  });
});

describe('the scan finds each token where a search at every position would', () => {
  // What a token may be made of, and the words and characters around it.
  const pieces = fc.constantFrom(
    ...LEAD_WORDS,
    ...['了', '同比', ' ', '  ', '   ', '\n', '，', '。', '第', '共', '达', '为', '数', '几'],
    ...['一', '两', '十', '百', '千', '万', '亿', '百分之', '点', '五', '0', '7', '12', '3.5', ','],
    ...['1,200', '%', '件', '人次', '余', '多', '以上', '左右', '场', '年', '元', 'G', '调解'],
  );
  const everywhere = new RegExp(TOKEN_SOURCE, 'g');

  it('from every position of texts made of those pieces', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        for (let from = 0; from <= text.length; from++) {
          everywhere.lastIndex = from;
          const expected = everywhere.exec(text);
          const found = nextToken(text, from);
          expect(found?.index, `${text} from ${from}`).toBe(expected?.index);
          expect(found?.[0], `${text} from ${from}`).toBe(expected?.[0]);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('with the words before a number that make it a change or a bound', () => {
    const text = foldForMatching('同比下降  17.2%，接近 300人，超过百人，线上3场，上千份');
    expect(scanNumbers(text).map((t) => text.slice(t.start, t.end))).toEqual([
      '下降  17.2%',
      '接近 300人',
      '超过百人',
      '3场',
      '上千份',
    ]);
  });

  it('with the longest words a number can have before it', () => {
    // A qualifier, a direction with 了, two spaces (spaces after the qualifier
    // only before a digit): the most the scan has to look back.
    for (const lead of ['大约增长了  ', '超过下降了  ', '将近提高了 ', '不到  ']) {
      const text = `共${lead}17.2%`;
      expect(
        scanNumbers(text).map((t) => text.slice(t.start, t.end)),
        lead,
      ).toEqual([`${lead}17.2%`]);
    }
  });
});
