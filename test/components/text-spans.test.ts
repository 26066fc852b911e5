import { describe, expect, it } from 'vitest';
import { excerpt, sentenceAround } from '../../src/features/import/text-spans';

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

describe('sentenceAround in a text without sentence ends', () => {
  it('looks at most 400 characters either side', () => {
    const text = `${'字'.repeat(5000)}608件${'字'.repeat(5000)}`;
    const s = sentenceAround(text, 5000, 5004);
    expect(s).toEqual({ start: 4600, end: 5404 });
  });
});

describe('excerpt', () => {
  it('shows a figure with a few characters either side, on one line', () => {
    const text = '一、基本情况\n全年调解矛盾纠纷608件，调解成功率99.5%。';
    const at = text.indexOf('608件');
    expect(excerpt(text, at, at + 4)).toBe(
      '…一、基本情况 全年调解矛盾纠纷【608件】，调解成功率99.5%。…',
    );
  });
});
