/**
 * Text as it arrives from PDFs and web pages: the rules must read it as they
 * read clean text, and every offset must still point into the text as shown.
 * The sentences are written for these tests (none is a sentence of the real
 * reports in test/fixtures/real).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../helpers';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { foldAndSimplify } from '../../src/extract/simplified';
import { foldForMatching, joinWrappedLines } from '../../src/extract/text';

function found(text: string): string[] {
  const report = extractReport('t', text);
  return report.mentions.map((m) => `${m.indicator}=${m.value}`).sort();
}

/** Each value with the words it was read from, as the source panel shows them. */
function quoted(text: string): string[] {
  return extractReport('t', text).mentions.map((m) => `${m.indicator}=${m.value}:${m.quote}`);
}

describe('folding keeps one UTF-16 unit for one', () => {
  it('folds full-width forms, every kind of space, Kangxi radicals and compatibility ideographs', () => {
    const text = '调解纠纷\u3000９６件\u00a0\u2003⾏政执法\uf9b4';
    const folded = foldForMatching(text);
    expect(folded).toHaveLength(text.length);
    expect(folded).toBe('调解纠纷 96件  行政执法' + '\uf9b4'.normalize('NFKC'));
  });

  it('leaves ordinary text as it is', () => {
    const text = '全年共调解矛盾纠纷52件。调解成功率100%。';
    expect(foldForMatching(text)).toBe(text);
  });

  it('folds a text longer than the buffer it keeps, and short ones after it', () => {
    const long = '调解９６件，'.repeat(200_000);
    expect(foldForMatching(long)).toBe('调解96件,'.repeat(200_000));
    expect(foldForMatching('全年１２件')).toBe('全年12件');
    expect(foldForMatching('９')).toBe('9');
  });

  /** What each character folds to, one at a time, written from the rule. */
  const foldedOne = (ch: string): string => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    if ((code >= 0x2e80 && code <= 0x2ef3) || (code >= 0x2f00 && code <= 0x2fd5))
      return ch.normalize('NFKC').length === 1 ? ch.normalize('NFKC') : ch;
    if (code >= 0xf900 && code <= 0xfad9)
      return ch.normalize('NFKC').length === 1 ? ch.normalize('NFKC') : ch;
    const spaces = [0xa0, 0x202f, 0x205f, 0x3000];
    if (spaces.includes(code) || (code >= 0x2000 && code <= 0x200a)) return ' ';
    return ch;
  };

  it('folds any text as character-by-character folding would: surrogates, halves of them and BOMs kept', () => {
    const unit = fc.oneof(
      fc.constantFrom('\ufeff', '\ud842', '\udfb7', '\ud842\udfb7', '\u3000', '\u00a0', '调', '調'),
      fc.integer({ min: 0x2e70, max: 0x2fe0 }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xf8f0, max: 0xfae0 }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xff00, max: 0xff60 }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x1ff0, max: 0x2070 }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        const expected = [...text].map((ch) => (ch.length === 1 ? foldedOne(ch) : ch)).join('');
        expect(foldForMatching(text)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('numbers spaced off from their words', () => {
  it('reads a count and a rate written with spaces around the numbers', () => {
    expect(found('全年共调解矛盾纠纷 52 件，调解成功率达 98.5%。')).toEqual([
      'mediation.cases=52',
      'mediation.success_rate=98.5',
    ]);
  });

  it('reads ideographic and no-break spaces the same way', () => {
    expect(found('全年共调解矛盾纠纷\u300052\u3000件。')).toEqual(['mediation.cases=52']);
    expect(found('全年共调解矛盾纠纷\u00a052\u00a0件。')).toEqual(['mediation.cases=52']);
  });

  it('does not bridge a wide layout gap (a table’s columns)', () => {
    expect(found('调解矛盾纠纷          52          件')).toEqual([]);
  });

  it('reads a spaced 万余 and a spaced number two listed rates share', () => {
    expect(found('开展普法宣传，受教育群众 3.5 万余人次。')).toEqual([
      'publicity.people_reached=35000',
    ]);
    expect(found('组织干部参加学法考试，参考率、通过率均达 100%。')).toEqual([
      'training.exam_participation_rate=100',
      'training.exam_pass_rate=100',
    ]);
  });

  it('quotes the words as written, spaces and all', () => {
    expect(quoted('全年共调解矛盾纠纷 52 件。')).toEqual(['mediation.cases=52:调解矛盾纠纷 52 件']);
  });
});

describe('ASCII punctuation where the original had full-width forms', () => {
  it('reads clauses separated by ASCII commas, colons and brackets', () => {
    expect(found('人民调解:全年调解矛盾纠纷40件,调解成功率99%;办理信访件11件,办结率100%.')).toEqual(
      [
        'mediation.cases=40',
        'mediation.success_rate=99',
        'petition.cases=11',
        'petition.closure_rate=100',
      ],
    );
  });

  it('keeps an ASCII comma a clause end: a number is not carried across it to the next subject', () => {
    expect(found('开展普法宣传活动,发放宣传资料3000份')).toEqual(['publicity.materials=3000']);
  });
});

describe('line breaks inside a sentence', () => {
  it('joins a sentence a PDF wrapped across lines', () => {
    const text = '今年以来，全镇共调解矛盾纠纷\n52件，调解成功率达到\n98.5%，有效维护了社会稳定。';
    expect(found(text)).toEqual(['mediation.cases=52', 'mediation.success_rate=98.5']);
  });

  it('keeps the offsets in the text as shown: the quote holds the line break', () => {
    const text = '全镇共调解矛盾纠纷\n52件。';
    const report = extractReport('t', text);
    const mention = report.mentions[0];
    expect(mention?.quote).toBe('调解矛盾纠纷\n52件');
    expect(text.slice(mention?.start, mention?.end)).toBe(mention?.quote);
  });

  it('does not join a paragraph that ends with a full stop, a heading or a list item', () => {
    const folded = '一、加强组织领导\n全年调解矛盾纠纷\n52件。\n(二)普法宣传\n1.开展活动';
    const joined = joinWrappedLines(folded);
    expect(joined).toHaveLength(folded.length);
    expect(joined.split('\n')).toEqual([
      '一、加强组织领导',
      '全年调解矛盾纠纷 52件。',
      '(二)普法宣传',
      '1.开展活动',
    ]);
  });

  it('does not join two numbers across a break (a number cut in two, or two columns)', () => {
    expect(joinWrappedLines('调解纠纷12\n34件')).toBe('调解纠纷12\n34件');
  });

  it('does not hand a heading’s number to the next paragraph’s words', () => {
    expect(found('(三)法律顾问\n2\n件事项')).toEqual([]);
  });
});

describe('reports in traditional characters', () => {
  /** A simplified paragraph with the odd character that has a simplified form (a place name, a quote). */
  const SIMPLIFIED =
    '乾元镇坚持把矛盾纠纷化解在基层，全年共调解矛盾纠纷96件，调解成功率达98.9%，於是群众满意度持续提升，基层治理水平不断提高。';
  const traditional =
    '二〇二四年法治政府建設工作報告\n全年共調解矛盾糾紛96件，調解成功率達98.9%；辦理信訪件12件，辦結率100%。';

  it('is recognised as traditional; a simplified report is not', () => {
    expect(foldAndSimplify(traditional)).not.toBe(foldForMatching(traditional));
    expect(foldAndSimplify(SIMPLIFIED)).toBe(foldForMatching(SIMPLIFIED));
  });

  it('is told by one in twenty of its folded Han characters having a simplified form', () => {
    // Written here from OpenCC's table: the characters of one unit with another of one unit.
    const convertible = new Set(
      TSCharacters.split('|').flatMap((entry) => {
        const [from, to] = entry.split(' ');
        return from?.length === 1 && to?.length === 1 && from !== to ? [from] : [];
      }),
    );
    const traditionalOnes = ['調', '糾', '紛', '達', '辦', '結', '設', '報', '⾨'];
    const piece = fc.oneof(
      { arbitrary: fc.constantFrom(...traditionalOnes), weight: 1 },
      { arbitrary: fc.constantFrom('全年共调解', '矛盾纠纷件', '基层治理'), weight: 6 },
      { arbitrary: fc.constantFrom('⾏', '\uf9b4', '９６', '\u3000', '𠀋', '，'), weight: 2 },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const folded = [...foldForMatching(text)].filter((c) => c.length === 1);
        const han = folded.filter((c) => c >= '\u3400' && c <= '\u9fff').length;
        const marked = folded.filter((c) => c >= '\u3400' && convertible.has(c)).length;
        const expected = marked > 0 && marked * 20 >= han;
        expect(foldAndSimplify(text) !== foldForMatching(text), text).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('is read through a simplified copy of exactly its length', () => {
    const simplified = foldAndSimplify(traditional);
    expect(simplified).toHaveLength(traditional.length);
    expect(simplified).toContain('调解矛盾纠纷96件');
  });

  it('yields the same figures as the simplified text, quoted in the original characters', () => {
    expect(quoted(traditional)).toEqual([
      'mediation.cases=96:調解矛盾糾紛96件',
      'mediation.success_rate=98.9:調解成功率達98.9%',
      'petition.cases=12:辦理信訪件12件',
      'petition.closure_rate=100:辦結率100%',
    ]);
  });

  it('keeps its title as written', () => {
    expect(extractReport('t', traditional).detected.metadata.title).toBe(
      '二〇二四年法治政府建設工作報告',
    );
  });

  it('reads Kangxi radicals of a traditional PDF as the simplified character', () => {
    // ⾨ (U+2FA8) is 門 once folded, then 门.
    const text = traditional.replace('辦結率', '辦結率，⾨診');
    expect(foldAndSimplify(text)).toContain('门诊');
  });

  it('leaves a simplified report untouched (its 乾 and 於 stay)', () => {
    expect(foldAndSimplify(SIMPLIFIED)).toBe(foldForMatching(SIMPLIFIED));
  });
});
