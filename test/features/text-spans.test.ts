import { describe, expect, it } from 'vitest';
import { figureIn, sentenceAround } from '../../src/features/import/text-spans';

describe('sentenceAround', () => {
  const text = '一、基本情况\n全年调解矛盾纠纷608件，调解成功率99.5%。开展普法活动25场。';
  it('widens a span to its sentence, end mark included', () => {
    const at = text.indexOf('608件');
    const s = sentenceAround(text, at, at + 4);
    expect(text.slice(s.start, s.end)).toBe('全年调解矛盾纠纷608件，调解成功率99.5%。');
  });
  it('stops at a line break and at the end of the text', () => {
    const at = text.indexOf('25场');
    expect(text.slice(...Object.values(sentenceAround(text, at, at + 3)))).toBe(
      '开展普法活动25场。',
    );
    expect(text.slice(...Object.values(sentenceAround(text, 2, 4)))).toBe('一、基本情况');
  });
});

describe('figureIn', () => {
  const unused = [
    { start: 20, end: 24, value: 190, unit: '件', qualifier: '>=' as const },
    { start: 5, end: 9, value: 608, unit: '件', qualifier: '=' as const },
  ];
  it('takes the first unused figure inside the selection', () => {
    expect(figureIn({ start: 0, end: 30 }, unused)).toMatchObject({ value: 608 });
    expect(figureIn({ start: 18, end: 22 }, unused)).toMatchObject({ value: 190, qualifier: '>=' });
  });
  it('gives null when the selection holds no figure', () => {
    expect(figureIn({ start: 10, end: 19 }, unused)).toBeNull();
  });
});
